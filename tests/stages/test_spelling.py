"""The spelling stage: what it judges, what it leaves alone, what it says, what it loads."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import pytest

from cleaner import apart, corrector, propose
from cleaner.config import DEFAULT, Config
from cleaner.lexicon import default_lexicon
from cleaner.stages import spelling
from cleaner.stages.spelling import candidate_tokens, document_noise, judgeable
from cleaner.technical import is_technical

FIXTURES = Path(__file__).parents[2] / "fixtures"
SEED = FIXTURES / "seed" / "000_96fd921571c764bf.txt"
OCR = (
    "Tbe prisoner was brougbt up at tbe Police-court on Monday, cbarged witb stealing "
    "a silver watch from tbe house of his employer."
)


def test_seed_article_gets_no_word_edits() -> None:
    edits = propose(SEED.read_text(encoding="utf-8"))
    assert [e for e in edits if e.rule.startswith(("spelling.", "boundaries."))] == []


def test_tokens_skip_code_numbers_and_elisions() -> None:
    text = "tbe x_y os.path -rf TB2 2nd o'er 'gainst goin' foo() don't Cunliffe's"
    assert [t.text for t in candidate_tokens(text)] == ["tbe", "Cunliffe"]


def test_possessive_is_outside_the_token() -> None:
    (token,) = candidate_tokens("wituess's")
    assert (token.text, token.start, token.end) == ("wituess", 0, 7)


def test_hyphenated_words_are_judged_by_part() -> None:
    assert [(t.text, t.hyphen_part) for t in candidate_tokens("well-knovvn")] == [
        ("well", True),
        ("knovvn", True),
    ]


def test_sentence_starts() -> None:
    text = 'He left. "Tbe end," he said.\nNext line'
    initial = {t.text: t.initial for t in candidate_tokens(text)}
    assert initial == {"He": True, "left": False, "Tbe": True, "end": False, "he": False,
                       "said": False, "Next": True, "line": False}  # fmt: skip


def test_a_word_left_out_glues_nothing_together() -> None:
    # Context comes from the token before: after a word the stages do not
    # read ("NATO", "x_y", "o'er"), that is not the word before it.
    glued = {t.text: t.glued_left for t in spelling.judgeable_tokens("the NATO summit and tbe x_y")}
    assert glued == {"the": False, "summit": False, "and": True, "tbe": True}
    text = "the x_y meeting, o'er tbe hill"
    assert [(t.text, t.glued_left) for t in candidate_tokens(text)] == [
        ("the", False), ("meeting", False), ("tbe", False), ("hill", True),
    ]  # fmt: skip


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_line_break_glues_words_and_a_blank_line_does_not(newline: str) -> None:
    # A word after a line break of either ending reads the word before it;
    # a paragraph's or a list item's end is no context ("hack" over "hack up").
    text = f"so it is{newline}probabily so{newline}{newline}hack{newline}{newline}hack up"
    glued = [(t.text, t.glued_left) for t in candidate_tokens(text)]
    assert glued == [
        ("so", False), ("it", True), ("is", True), ("probabily", True), ("so", True),
        ("hack", False), ("hack", False), ("up", True),
    ]  # fmt: skip


def test_the_same_text_gets_the_same_edits_whatever_its_line_endings() -> None:
    text = (
        "Most APl functions are useful independont of whether you're\n"
        "embedding or extending Python; moreover, most applications that\n"
        "embed Python will need to provide a custom extension as well, so it's\n"
        "probabily \u00abgood idloa to become familiar with writing an extension\n"
        "hofore attempting to embed Python in a real application.\n"
    )

    def edits(text: str) -> list[tuple[int, str, str, str, bool]]:
        return [
            (e.start - text.count("\r", 0, e.start), e.before.replace("\r\n", "\n"), e.after,
             e.rule, e.safe)
            for e in propose(text)
        ]  # fmt: skip

    found = edits(text)
    assert ("probabily", "probably", True) in [(b, a, safe) for _, b, a, _, safe in found]
    assert edits(text.replace("\n", "\r\n")) == found


def test_judgeable_forms() -> None:
    assert [judgeable(w) for w in ("word", "Word", "WORD", "wOrd", "café", "x" * 26)] == [
        True, True, False, False, False, False,
    ]  # fmt: skip


def test_noise_counts_unknown_forms_used_once() -> None:
    tokens = list(candidate_tokens("the tbe the tbe foo bar qux " * 3))
    status = {t.text: t.text in {"the"} for t in tokens}
    # "tbe", "foo", "bar", "qux" are all repeated: nothing counts as a misreading.
    assert document_noise(tokens, status) == pytest.approx(
        spelling.CLEAN_NOISE * spelling.NOISE_PRIOR_WORDS / (21 + spelling.NOISE_PRIOR_WORDS)
    )
    once = list(candidate_tokens("tbe foo bar qux"))
    assert document_noise(once, dict.fromkeys(["tbe", "foo", "bar", "qux"], False)) > 0.03


def test_noise_leaves_out_vocabulary_when_it_is_most_unknown_words() -> None:
    words = "stderr binutils objdump libffi toolchain multiarch gettext builddir dladdr libitm"
    misread = "tbe wlth"
    text = f"{words} {misread} " + "and the word of a page " * 10
    tokens = list(candidate_tokens(text))
    status = {t.text: t.text in default_lexicon() for t in tokens}
    plain = document_noise(tokens, status)
    looks = [w for w in f"{words} {misread}".split() if spelling.looks_misread(w)]
    assert looks == ["gettext", "tbe", "wlth"]
    # Twelve unknown forms, under VOCABULARY_SHARE of them misread-looking:
    # only those three count.
    counted = document_noise(tokens, status, vocabulary=True)
    assert counted < plain
    words_counted = sum(1 for t in tokens if len(t.text) > 1)
    assert counted == pytest.approx(
        (3 + spelling.CLEAN_NOISE * spelling.NOISE_PRIOR_WORDS)
        / (words_counted + spelling.NOISE_PRIOR_WORDS)
    )


def test_noise_keeps_counting_an_ocr_page() -> None:
    text = "tbe wlth wben tbis bnilt sbipped modnles tbem tbey witb stderr " + "and a page " * 10
    tokens = list(candidate_tokens(text))
    status = {t.text: t.text in default_lexicon() for t in tokens}
    assert document_noise(tokens, status, vocabulary=True) == document_noise(tokens, status)


_PROSE = (
    "The prisoner said he had bought the coat from a man in the market, but he could not"
    " say who the man was, and the magistrate did not believe a word of it. "
)


def _misread_prose(misread: str, *, extra: str = "") -> str:
    return f"The constable found {misread} upon him. {extra}" + _PROSE * 3


def test_plain_prose_with_misread_words_counts_as_an_ocr_page() -> None:
    text = _misread_prose("tbe coat, tlie hat aud narne ring")
    tokens = spelling.judgeable_tokens(text)
    status = spelling.form_status(tokens, default_lexicon(), DEFAULT)
    own = document_noise(tokens, status, vocabulary=True)
    assert spelling.PROSE_OCR_NOISE <= own < spelling.OCR_PAGE_NOISE
    assert spelling.noise_of(text, DEFAULT) == spelling.OCR_PAGE_NOISE


@pytest.mark.parametrize(
    "text",
    [
        # A word of software writing: identifiers make such a text that noisy.
        _misread_prose("tbe coat, tlie hat aud narne ring", extra="Its systemd unit failed. "),
        # Code beside the words.
        _misread_prose(
            "tbe coat, tlie hat aud narne ring", extra="Run `x = f(a, b[0])` or `y = g[c]`. "
        ),
        # Under PROSE_OCR_WORDS words: a short note's noise is mostly its prior.
        "The constable found tbe coat, tlie hat aud narne ring upon him in the yard.",
        # Unknown forms that are listed typing slips but one: typed, not scanned.
        _misread_prose(
            "his narne, and he had recieved it to accomodate a friend who definately"
            " wanted a seperate"
        ),
    ],
    ids=["software-writing", "code", "short-note", "typing-slips"],
)
def test_prose_that_may_be_right_is_no_ocr_page_by_its_noise(text: str) -> None:
    tokens = spelling.judgeable_tokens(text)
    status = spelling.form_status(tokens, default_lexicon(), DEFAULT)
    own = document_noise(tokens, status, vocabulary=True)
    assert own >= spelling.PROSE_OCR_NOISE
    assert spelling.noise_of(text, DEFAULT) == own < spelling.OCR_PAGE_NOISE


def test_words_among_words_of_another_language_are_not_counted_misread() -> None:
    def beside_foreign(extra: str) -> set[str]:
        text = _misread_prose("tbe coat, tlie hat aud narne ring", extra=extra)
        tokens = spelling.judgeable_tokens(text)
        status = spelling.form_status(tokens, default_lexicon(), DEFAULT)
        return spelling._beside_foreign_words(text, tokens, status)

    found = beside_foreign("Mostra un messaggio di aiuto ed esce. ")
    assert {"messaggio", "aiuto"} <= found
    assert not found & {"tbe", "tlie", "aud", "narne"}
    # OCR misreads a function word of another language now and then ("le"):
    # one alone takes nothing.
    assert beside_foreign("He saw le ring. ") == set()


def test_page_noise_never_reads_under_its_floor() -> None:
    text = "The cat sat on the mat, and the dog lay by the door. " * 3
    tokens = list(candidate_tokens(text))
    status = spelling.form_status(tokens, default_lexicon(), DEFAULT)
    own = spelling.page_noise(text, tokens, status)
    assert own < spelling.OCR_PAGE_NOISE
    assert spelling.page_noise(text, tokens, status, floor=0.08) == 0.08
    assert spelling.page_noise(text, tokens, status, floor=own / 2) == own
    assert spelling.noise_of(text, DEFAULT) == own


def test_status_and_noise_are_worked_out_afresh_for_other_inputs() -> None:
    # Kept for the last tokens asked: the same objects get the same answer,
    # anything else a new one.
    text = "tbe wlth wben tbis bnilt sbipped modnles tbem tbey witb stderr " + "and a page " * 10
    tokens = spelling.judgeable_tokens(text)
    lexicon = default_lexicon()
    status = spelling.form_status(tokens, lexicon, DEFAULT)
    assert spelling.form_status(tokens, lexicon, DEFAULT) is status
    allowing = spelling.form_status(tokens, lexicon, Config(allow=frozenset({"witb", "tbe"})))
    assert not status["witb"] and allowing["witb"] and allowing["tbe"]
    noise = spelling.page_noise(text, tokens, status)
    assert spelling.page_noise(text, tokens, allowing) < noise
    assert spelling.page_noise(text, tokens, status) == noise
    other = "tbe wlth " + "and a page " * 30
    assert spelling.noise_of(other, DEFAULT) < noise


def test_looks_misread() -> None:
    assert spelling.looks_misread("thal")  # that
    assert spelling.looks_misread("ofhis")  # of his, run together
    assert not spelling.looks_misread("toolchain")  # a compound, no misread space
    assert not spelling.looks_misread("objdump")


def test_edit_keeps_case_and_explains_itself() -> None:
    edits = {e.before: e for e in propose(OCR) if e.rule == "spelling.ocr"}
    assert edits["Tbe"].after == "The"
    reason = edits["Tbe"].reason
    assert reason.startswith("OCR b→h; 'The' is ") and "more likely than leaving 'Tbe'" in reason
    # No English word has "gbt": keeping "brougbt" falls out of the running.
    assert edits["brougbt"].reason == (
        "OCR b→h; no other reading comes close and fits the neighbouring words"
    )
    assert all(e.safe and e.confidence >= spelling.SAFE_AT for e in edits.values())


def test_a_word_the_text_keeps_using_is_a_likelier_reading() -> None:
    text = (
        "The harbour was full of ships. Ships came in each day and the ships left at night. "
        "Three shlps were lost in the storm."
    )
    (edit,) = propose(text)
    assert (edit.before, edit.after, edit.safe) == ("shlps", "ships", True)
    assert edit.reason.endswith("; the text uses 'ships' elsewhere")
    # "the", a little commoner here than in English at large, gains little.
    tokens = candidate_tokens(text)
    status = spelling.form_status(tokens, default_lexicon(), DEFAULT)
    forms = Counter(t.text for t in tokens)
    bonus = spelling._topic(corrector.default_corrector(), forms, status)
    assert bonus("the") < 0.5 < 2.0 < bonus("ships")


def test_which_tokens_the_texts_own_words_may_raise_a_reading_of() -> None:
    def document(noise: float) -> spelling._Document:
        forms = Counter({"buildds": 2, "codec": 1, "codecs": 1, "tty": 1, "rnessages": 1})
        return spelling._Document(noise, forms, False, False, topic=lambda word: 1.0)

    clean, ocr = document(0.01), document(spelling.OCR_PAGE_NOISE)
    assert clean.favour("rnessages") is clean.topic
    # Short: only in a page as noisy as OCR output.
    assert clean.favour("tty") is None and ocr.favour("tty") is ocr.topic
    # Repeated forms ("codec" and "codecs" are one) and names of things: never.
    for page in (clean, ocr):
        assert page.favour("buildds") is None
        assert page.favour("codecs") is None
        assert page.favour("cPickle") is None


def test_allow_list_words_are_not_judged() -> None:
    edits = propose(OCR, Config(allow=frozenset({"witb"})))
    assert "witb" not in {e.before for e in edits}


def test_clean_document_loads_no_index_and_no_bigrams(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = corrector.Corrector(
        corrector.default_lexicon(),
        corrector.default_model(),
        bigrams=_forbidden("bigram list"),
        index=_forbidden("symspellpy index"),
    )
    monkeypatch.setattr(spelling, "default_corrector", lambda: fresh)
    text = "The talks were held in Antalya on Thursday, and both ministers spoke afterwards."
    assert list(spelling.propose(_context(text))) == []


def test_noisy_document_uses_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = corrector.default_corrector()

    def index() -> object:
        calls.append("index")
        return real._index()

    fresh = corrector.Corrector(real.lexicon, real.model, real.bigrams, index)  # type: ignore[arg-type]
    monkeypatch.setattr(spelling, "default_corrector", lambda: fresh)
    list(spelling.propose(_context(OCR)))
    assert calls


def _forbidden(what: str):  # type: ignore[no-untyped-def]
    def load() -> None:
        raise AssertionError(f"the {what} was loaded for a clean document")

    return load


def _context(text: str):  # type: ignore[no-untyped-def]
    from cleaner.config import DEFAULT
    from cleaner.segment import protected_spans
    from cleaner.stages import Context

    return Context(text, "text", DEFAULT, protected_spans(text, "text"))


def _judged(monkeypatch: pytest.MonkeyPatch) -> list[spelling.Token]:
    """The tokens the spelling stage judges from now on, each time it judges one."""
    judged: list[spelling.Token] = []
    real = spelling._judge

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        judged.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(spelling, "_judge", counted)
    return judged


def test_a_form_kept_by_more_than_context_can_add_is_judged_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An OCR page with misreadings to repair, and unknown forms (names,
    # jargon) used in several settings, each with other neighbours.
    text = (
        "Tbe minister said tbat the Baykar drones were sold. The Baykar "
        "deal was signed in Ankara, and tlie Baykar firm said the reflog "
        "of talks and the reflog of sales were kept. Kuleba met Lavrov; "
        "Kuleba said tbe reflog was long, and Lavrov said notbing more.\n"
    )
    calls = _judged(monkeypatch)
    quick = list(spelling.propose(_context(text)))
    quick_calls = len(calls)
    # Without the shortcut: every setting judged afresh.
    calls.clear()
    monkeypatch.setattr(corrector.Corrector, "reach", staticmethod(lambda *a, **k: math.inf))
    full = list(spelling.propose(_context(text)))
    assert quick == full
    assert {e.before for e in full} >= {"Tbe", "tbat", "tlie", "notbing"}
    assert quick_calls < len(calls)


def test_a_word_inside_a_protected_span_is_not_judged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleaner.segment import Protected
    from cleaner.stages import Context

    text = "He said tbat tbe minister left.\n\n    for tbe wbole run\n\nAnd tbe rest.\n"
    block = (text.index("    for"), text.index("run") + 4)
    judged = _judged(monkeypatch)
    guarded = list(spelling.propose(Context(text, "text", DEFAULT, Protected([block]))))
    inside = [t.start for t in judged if block[0] <= t.start < block[1]]
    judged.clear()
    open_ = list(spelling.propose(Context(text, "text", DEFAULT, Protected([]))))
    # The same edits, less those the pipeline drops for touching the block.
    assert guarded == [e for e in open_ if not (e.end > block[0] and e.start < block[1])]
    assert [e.before for e in guarded] == ["tbat", "tbe", "tbe"]
    assert {e.before for e in open_ if e.start > block[0]} >= {"wbole"}
    # Nothing in the block is judged, though "wbole" would read as "whole"
    # there, and its reading teaches the page nothing.
    assert inside == []
    assert len([t for t in judged if block[0] <= t.start < block[1]]) > 1


def test_one_unknown_word_in_clean_prose_needs_no_index(monkeypatch: pytest.MonkeyPatch) -> None:
    real = corrector.default_corrector()
    fresh = corrector.Corrector(
        real.lexicon, real.model, real.bigrams, index=_forbidden("symspellpy index")
    )
    monkeypatch.setattr(spelling, "default_corrector", lambda: fresh)
    text = "The reflog keeps a record of where the tips of branches were, for a while."
    assert list(spelling.propose(_context(text))) == []


BUILD_SCRIPT = """\
# The build needs these functions; each is looked up at configure time.
set(function_checks
\tstrcasestr memmem strlcpy strtoimax strtoumax strtoull
\tsetenv mkdtemp poll pread memmem)

#unsetenv,hstrerror are incompatible with windows build
if(NOT WIN32)
\tlist(APPEND function_checks unsetenv hstrerror)
endif()

foreach(f ${function_checks})
\tstring(TOUPPER ${f} uf)
\tcheck_function_exists(${f} HAVE_${uf})
\tif(NOT HAVE_${uf})
\t\tadd_compile_definitions(NO_${uf})
\tendif()
endforeach()

# the t build needs it; iconv is needed for the commit encodings (libiconv on macos).
find_package(Iconv)
if(NOT Iconv_FOUND)
\tadd_compile_definitions(NO_ICONV)
endif()
"""


def test_code_is_judged_as_clean_prose_by_every_stage() -> None:
    # Its identifiers make a build script as noisy as an OCR page: read as
    # one, "pread" would become "spread" (spelling) and the "t" of its
    # comment would be a speck (boundaries).
    tokens = spelling.judgeable_tokens(BUILD_SCRIPT)
    status = {t.text: t.text in default_lexicon() for t in tokens}
    assert document_noise(tokens, status) > spelling.OCR_PAGE_NOISE
    assert spelling.code_share(BUILD_SCRIPT) >= spelling.CODE_SHARE
    assert spelling.page_noise(BUILD_SCRIPT, tokens, status) == spelling.CLEAN_NOISE
    assert propose(BUILD_SCRIPT) == []


def test_prose_about_code_is_not_code() -> None:
    prose = "Call the function with (x) and see the result; the value is kept."
    assert spelling.code_share(prose) == 0.0
    assert spelling.code_share(OCR) < spelling.CODE_SHARE


def test_old_spelling_needs_its_forms_to_be_a_share_of_the_unknown_ones() -> None:
    lexicon = default_lexicon()
    old_forms = {"haue": False, "neuer": False, "downe": False, "the": True, "house": True}
    assert spelling.in_old_spelling(old_forms, lexicon)
    # A badly read modern page: three forms that look old by chance ("thie",
    # "weie", "honse") among a hundred misreadings of other kinds.
    noise = {f"xq{i}zv": False for i in range(100)}
    misread = {"thie": False, "weie": False, "honse": False, **noise}
    assert spelling._old_spelling(misread, lexicon) == {"thie", "weie", "honse"}
    assert not spelling.in_old_spelling(misread, lexicon)
    # The same three forms in a page with no other unknown words still count.
    alone = {"thie": False, "weie": False, "honse": False, **dict.fromkeys(noise, True)}
    assert spelling.in_old_spelling(alone, lexicon)


# A Debian changelog entry: technical writing (code_share past CODE_LIKE), not
# as noisy as an OCR page, whose unknown words are names of tools and drivers.
_CHANGELOG = (
    "mesa (23.2.1-1) unstable; urgency=medium\n\n"
    "  * New upstream release, with the fixes the team has been waiting for.\n"
    "  * rules: Limit anv ray-tracing support to amd64.\n"
    "  * Use sed instead of ${x/y/z} in configure.ac (eu_version).\n"
    "  * Update the description of the package, and the list of its authors.\n"
    "  * Pass --docdir=/usr/share/doc/mesa and --with-llvm=15 to ./configure.\n"
    "  * Move the documentation into its own package, as the policy asks.\n"
    "  * Drop debian/patches/01_fix.diff and 02_gl.diff (applied upstream).\n"
    "  * Fix a test to pass under perl with core bool support.\n\n"
    " -- Jordi Mallach <jordi@debian.org>  Wed, 30 Nov 2022 18:22:03 +0100\n"
)


def test_technical_writing_shows_only_surer_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert spelling.code_share(_CHANGELOG) >= spelling.CODE_LIKE
    assert spelling.noise_of(_CHANGELOG, DEFAULT) < spelling.OCR_PAGE_NOISE

    def readings() -> dict[str, float]:
        return {e.before: e.confidence for e in propose(_CHANGELOG) if e.rule == spelling.RULE}

    shown = readings()
    # "anv" -> "any" and "sed" -> "used" are wrong ("anv" is a driver, "sed" a
    # tool); both stand above the default floor, so both go to review only.
    assert set(shown) == {"anv", "sed"}
    assert all(spelling.CODE_PROPOSE_AT <= c < spelling.SAFE_AT for c in shown.values())
    # Raised past the surer one's confidence, the floor holds that one back too.
    monkeypatch.setattr(spelling, "CODE_PROPOSE_AT", max(shown.values()) + 0.01)
    assert readings() == {}
    monkeypatch.setattr(spelling, "CODE_PROPOSE_AT", min(shown.values()) + 0.01)
    assert set(readings()) == {max(shown, key=lambda w: shown[w])}


# A changelog that names libraries, tools and functions once each.
_NAMES_ONCE = (
    "gpm (1.20.7-10) unstable; urgency=medium\n\n"
    "  * Use sigemptyset instead of the glibc internals, so that gpm builds\n"
    "    against musl libc as well. (Closes: #813751)\n"
    "  * Fix enabling of gpm under systemd by adding the debhelper marker.\n"
    "  * Drop the prerm script; gcc 12 no longer warns about it.\n"
    "  * Strip trailing whitespace from the commandline help.\n"
    "  * Fix the instalation of the watch file.\n\n"
    " -- Debian Maintainer <maint@example.org>  Sun, 14 Aug 2022 10:00:00 +0200\n"
)


# An OCR page whose "ior" (a listed register name) is a misread "for".
_OCR_PAGE_WITH_IOR = (
    "Tbe prisoner, wbo was brougbt up at the Police-court, said tbat he was "
    "unable to pay ior the watcb. Tlie magistrate asked whetber be had any "
    "witnesses, and tbe constable said the man bad heen seen in tlie street "
    "witb two otber men on the nigbt of the robbery, near tbe market."
)


def test_names_of_software_alone_make_no_ocr_page() -> None:
    tokens = spelling.judgeable_tokens(_NAMES_ONCE)
    status = spelling.form_status(tokens, default_lexicon(), DEFAULT)
    # Unknown words used once: as noisy as OCR output by "glibc", "musl",
    # "systemd", "gcc" and the rest; not with them taken as right.
    assert spelling.page_noise(_NAMES_ONCE, tokens, status) >= spelling.OCR_PAGE_NOISE
    assert not spelling.ocr_page_beside_technical(_NAMES_ONCE, tokens, status)
    edits = propose(_NAMES_ONCE)
    assert [(e.before, e.after) for e in edits if e.rule == spelling.RULE] == [
        ("instalation", "installation")
    ]
    page = _OCR_PAGE_WITH_IOR
    tokens = spelling.judgeable_tokens(page)
    status = spelling.form_status(tokens, default_lexicon(), DEFAULT)
    assert spelling.ocr_page_beside_technical(page, tokens, status)
    # There "ior" (a listed register name) is a misread "for".
    assert ("ior", "for", True) in [(e.before, e.after, e.safe) for e in propose(page)]


def test_names_of_software_are_not_judged_outside_an_ocr_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    judged = _judged(monkeypatch)
    edits = list(propose(_NAMES_ONCE))
    # "instalation" is judged and read; "glibc", "musl", "systemd" and "gcc"
    # are on the technical list: never judged, in either pass.
    assert ("instalation", "installation") in [(e.before, e.after) for e in edits]
    forms = {t.text for t in judged}
    assert "instalation" in forms
    assert not {"glibc", "musl", "systemd", "gcc"} & forms
    assert all(not is_technical(form) for form in forms)
    # In an OCR page they are judged like any other word (there "ior" is a
    # misread "for", though the list names a register so).
    judged.clear()
    page = _OCR_PAGE_WITH_IOR
    assert ("ior", "for") in [(e.before, e.after) for e in propose(page)]
    assert "ior" in {t.text for t in judged}


def test_a_list_reading_teaches_no_misreading_without_the_technical_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The fixture "module-list-in-a-paragraph-teaches-no-misreading" with
    # dictionaries/technical.txt out of the way, and its list not set apart
    # as a comma list (see apart.comma_lists), so that "cmath" is read
    # again: its reading ("math", which the list names) must not teach the
    # page that OCR adds a "c", or "codecs" would become "codes".
    cases = json.loads((FIXTURES / "spelling" / "untouched.json").read_text(encoding="utf-8"))
    (case,) = [c for c in cases if c["label"] == "module-list-in-a-paragraph-teaches-no-misreading"]
    monkeypatch.setattr(spelling, "is_technical", lambda word: False)
    monkeypatch.setattr(spelling, "is_technical_form", lambda word: False)
    monkeypatch.setattr(apart, "comma_lists", lambda text: ())
    edits = {e.before: e for e in propose(case["input"]) if e.rule == spelling.RULE}
    assert edits["cmath"].after == "math" and not edits["cmath"].safe
    assert "codecs" not in edits


def test_a_listed_slip_inside_a_hyphenated_word_is_not_applied() -> None:
    # "tution" -> "tuition" is on the list of common misspellings, but here
    # it is the second half of "consti-tution", broken at a line end.
    text = (
        "In the tenth century, however, we hear of the first consti-tution framed "
        "by the islanders, under their own legislator, and of the tuition "
        "of their children.\n"
    )
    assert [e for e in propose(text) if e.before == "tution" and e.safe] == []
    # Alone, the same slip is applied.
    alone = text.replace("consti-tution", "tution")
    assert [(e.after, e.safe) for e in propose(alone) if e.before == "tution"] == [
        ("tuition", True)
    ]


@pytest.mark.parametrize(
    ("text", "form", "named"),
    [
        ("Configure localed; systemd-localed runs", "localed", True),  # joined by a hyphen
        ('the "ccomment" argument; ccomment', "ccomment", True),  # quoted
        ("the `nteger` word; nteger", "nteger", True),  # in backticks
        ("foo_windo and windo", "windo", True),  # joined by an underscore
        ("call windo() and windo", "windo", True),  # called
        ("\u201cseeked\u201d tree; seeked", "seeked", True),  # curly quotes
        ("the windo's size; the windo's buffer", "windo", False),  # a possessive
        ("It definately is. Definately, definately.", "definately", False),
        ("predefinately and definatelyx", "definately", False),  # inside other words only
    ],
)
def test_named_form(text: str, form: str, named: bool) -> None:
    assert spelling._named_form(text, form) is named


def test_a_listed_slip_written_twice_is_proposed_not_applied() -> None:
    text = "We recieve mail daily.\n\nWhen you recieve it, reply.\n"
    edits = [e for e in propose(text) if e.rule == "spelling.typo"]
    assert [(e.before, e.after, e.safe) for e in edits] == [("recieve", "receive", False)] * 2
    assert all("writes it 2 times" in e.reason for e in edits)
    # Written twice and on no list of misspellings: meant.
    assert not [e for e in propose("A repotr here.\n\nThe repotr there.\n") if e.before == "repotr"]


def test_a_repeated_part_of_a_word_broken_at_a_line_end_is_no_slip() -> None:
    text = "The loop evaluates init-ex-\n  pression, then end-ex-\n  pression again.\n"
    assert not [e for e in propose(text) if e.before == "pression"]


def _doubt_among_foreign_words(text: str, word: str) -> str | None:
    start = text.index(word)
    token = spelling.Token(start, start + len(word), word, False, True, False)
    return spelling._among_foreign_words(corrector.default_corrector(), token, text)


def test_a_listed_slip_among_unknown_words_waits_only_in_a_text_with_another_language() -> None:
    sentence = "Seus desenvolvedores podem ser encontrados em todos os continentes, embora a maioria esteja no ocidente."
    portuguese = (
        "O projeto Debian é uma associação de pessoas que têm como causa comum criar um "
        "sistema operacional livre. Os membros do projeto trabalham juntos pela internet."
    )
    english = "Debian is a free operating system made by volunteers all over the world."
    # three unknown words and no function word of another language beside the slip
    alone = f"{english}\n\n{sentence}\n"
    assert _doubt_among_foreign_words(alone, "continentes") is None
    # the same beside a paragraph in Portuguese: a sentence of the translation
    mixed = f"{english}\n\n{portuguese}\n\n{sentence}\n"
    doubt = _doubt_among_foreign_words(mixed, "continentes")
    assert doubt is not None and "'encontrados', 'todos', 'embora'" in doubt
    # fewer unknown words than UNKNOWN_BESIDE_FOREIGN (two tools' names) are not enough
    tools = "Run lintian and piuparts over the infrastucture before the upload."
    assert _doubt_among_foreign_words(f"{mixed}\n{tools}\n", "infrastucture") is None
