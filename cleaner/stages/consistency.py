"""Consistency: a name spelt once one way and elsewhere in the document another way.

A capitalised word that no list knows, spelt this way only once, becomes the
spelling the same document uses for it when that spelling is the same letters
with their diacritics complete ("Cavuşoğlu" beside "Çavuşoğlu"), or one edit
away and used more often ("Lashker-e-Taiba" beside two "Lashkar-e-Taiba"):
the first is applied, unless the two stand in full names that share no
part ("Jiri Grönroos" beside "Jiří Lebl"), the second only proposed, except
in a page with other misread words ("Marcbbank" beside two "Marchbank").
A word that is itself real (lexicon, gazetteer, allow-list, technical words)
is never changed: "Austria" beside "Australia", "Nara" beside "Ankara",
"Alloc" beside "Allow"; nor, but in a misread page, one the text also writes
in small letters ("Gitk" beside "gitk"), nor a name for a listed word the
text writes small too ("Wirth" beside "With"), nor a name written with
diacritics for a plainer one ("Michał" beside "Michael"). Nor is a name one
edit from another when both stand in full names that share no part: "Vitor
Pereira" beside "Victor Stinner" are two people, "Christien Heimes" beside
"Christian Heimes" one.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence

from cleaner.edits import Edit
from cleaner.fuzzy import within
from cleaner.gazetteer import fold, gazetteer_for
from cleaner.lexicon import Lexicon, default_lexicon
from cleaner.namewords import (
    PLACE_WORDS,
    Word,
    bracketed_name,
    credit_line,
    line_of_names,
    list_of_names,
    name_words,
    neighbours,
    on_uploader_line,
)
from cleaner.regex import lazy
from cleaner.segment import EMAIL_RE
from cleaner.stages import Context
from cleaner.stages.names import COMMON, MIN_LETTERS, OFFICES, TITLES
from cleaner.stages.spelling import (
    DEEP_NOISE,
    capitals_misread,
    form_status,
    judgeable_tokens,
    ocr_page_beside_technical,
    page_noise,
)
from cleaner.technical import is_technical
from cleaner.tokens import writes_run
from cleaner.typos import derived_form, transliteration_variant

RULE = "names.consistency"
_GLUE = ",;:.!?"
# A spelling one edit from the document's more frequent one (see
# _one_edit_target), and the same in a page with other misread words.
ONE_EDIT_CONFIDENCE = 0.75
OCR_CONFIDENCE = 0.9
# How noisy a page must read for that (see _misread_page), its words of
# software writing taken as right: at least one unknown word in fifty, less
# than an OCR page (spelling.OCR_PAGE_NOISE), since a name the page spells
# two ways is evidence of misreading too. Of the proposals this applies
# (from OCR_PAGE_NOISE down to 0.02), each applied alone and scored against
# the gold, 54 were right and 1 wrong on BLN600 train, 27 right and 3 wrong
# on ICDAR 2017 train (4 changed nothing); applying them took the repaired
# words from 6,657 to 6,703 on BLN600 (damaged 140 -> 141) and from 8,522 to
# 8,545 on ICDAR 2017 (1,199 -> 1,201). In the changelogs of
# bench/readmes.py they are 3 typing slips in a page that spells the word
# right elsewhere ("Typse", "Remvoved", "Adde"); the READMEs and the
# documentation tree have none.
MISREAD_NOISE = DEEP_NOISE


# A name in the Latin script. Names in others are left alone: Russian
# declines them ("Владимира Васильева" beside "Васильево", "Аэрофлоту" beside
# "Аэрофлот"), and the corrector reads Latin letters only.
_LATIN_NAME_RE = lazy(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’.\-\u2010]+")


def _misread_page(context: Context) -> bool:
    """Whether the context's text reads as misread (MISREAD_NOISE), its words
    of software writing taken as right (see spelling.ocr_page_beside_technical),
    and its capitalised unknown words as likely misread as the rest: a list of
    names (a THANKS file, noisy with its addresses) is no such page, and there
    "Michail Litvak" and "Michiel Bacchiani" are not "Michael"."""
    text = context.text
    tokens = judgeable_tokens(text, context.kind)
    status = form_status(tokens, default_lexicon(), context.config)
    noise = page_noise(text, tokens, status, context.noise_floor)
    return ocr_page_beside_technical(
        text, tokens, status, context.technical_floor, MISREAD_NOISE
    ) and capitals_misread(noise, status, MISREAD_NOISE)


def propose(context: Context) -> Iterator[Edit]:
    gazetteer = gazetteer_for(context.config.gazetteers)
    found = name_words(context.text)
    spellings = Counter(w.text for w in found)
    once = [
        s
        for s, n in spellings.items()
        if n == 1 and len(fold(s)) >= MIN_LETTERS and _LATIN_NAME_RE.fullmatch(s)
    ]
    if not once or len(spellings) < 2:
        return
    lexicon = default_lexicon()
    config = context.config

    def real(word: str) -> bool:
        return config.allows(word) or word in lexicon or word in gazetteer

    by_fold: dict[str, list[str]] = defaultdict(list)
    for spelling in spellings:
        by_fold[fold(spelling)].append(spelling)
    frequent = [s for s, n in spellings.items() if n > 1]
    frequent_folded = [fold(s) for s in frequent]  # folded once, not once per rare word
    targets: dict[str, tuple[str, float, str, bool]] = {}
    for spelling in once:
        if real(spelling):
            continue
        choice = _diacritic_target(spelling, by_fold[fold(spelling)], spellings)
        if choice is None and frequent:
            choice = _one_edit_target(spelling, frequent, frequent_folded, spellings)
        if choice is not None and choice[0] in gazetteer:
            # A place: the names stage weighs it against its neighbours
            # ("Indina": India or Indian?) and the document's context.
            continue
        if choice is not None and not is_technical(spelling):
            # Asked last: the list is read only when a name has a target.
            targets[spelling] = choice
    text = context.text
    misread = False
    if targets:
        partners = _partners(found, text, lexicon, context.protected.covers)
        for spelling, (target, confidence, reason, safe) in list(targets.items()):
            if not _other_person(partners[spelling], partners[target]):
                continue
            if safe:
                # "Jiri Grönroos" in credits that name "Jiří Pavlovský" and
                # "Jiří Lebl", "Lili Quan" beside "Trần Ngọc Quân": the
                # plain spelling may be another person's own (in the
                # changelogs of bench/readmes.py, 11 of the 13 such
                # completions were; the other 2 may be the same person).
                targets[spelling] = (
                    target,
                    confidence,
                    reason + "; but in full names that share no part: another person?",
                    False,
                )
            else:
                del targets[spelling]
        misread = any(
            c == ONE_EDIT_CONFIDENCE for _, c, _, _ in targets.values()
        ) and _misread_page(context)
        if misread:
            # In a misread page a name spelt once one letter off the spelling
            # the page uses more often is that name misread ("Marcbbank"
            # beside two "Marchbank"), and so is a capitalised word ("Thot"
            # beside "That"): applied. From OCR_PAGE_NOISE, on the train
            # splits (score --rules) this repaired 53 more words of BLN600
            # for 1 more damaged, 17 of ICDAR 2017 for 3 (garbled pages:
            # "Vich" -> "Vith"; "Musgrave" -> "Mnsgrave", the misreading the
            # more frequent); the modern OCR set and clean prose are
            # unchanged, and so are the changelogs, whose THANKS file is no
            # misread page for _misread_page (MISREAD_NOISE). Leaving out
            # targets that are common words (a million uses and more) kept
            # fewer repairs at a worse ratio.
            for spelling, (target, confidence, reason, _) in list(targets.items()):
                if confidence == ONE_EDIT_CONFIDENCE:
                    targets[spelling] = (
                        target,
                        OCR_CONFIDENCE,
                        reason + ", in a page with other misread words",
                        True,
                    )
        else:
            # "Gitk" beside "Git", in gitk's manual that writes "gitk" all
            # along: a word the text also writes in small letters is a term
            # of its own (a program), not a name misspelt. And a listed word
            # the text writes in small letters too is an ordinary word its
            # sentences open with, no name: "Lukas Wirth" beside "With"
            # (but "Rustnomicon" beside "Rustonomicon", whose pages' names
            # write it small).
            for spelling, (target, _, _, safe) in list(targets.items()):
                if not safe and (
                    writes_run(text, spelling.lower())
                    or (target in lexicon and writes_run(text, target.lower()))
                ):
                    del targets[spelling]
    # Searched once, and only when a name is to be completed.
    has_addresses = functools.cache(lambda: EMAIL_RE.search(text) is not None)

    for word in found:
        if (
            word.text in targets
            and not _glued(text, word.start, word.end)
            # "[ Tris Emmy Wilson ]": an uploader's name as they write it.
            and not on_uploader_line(text, word.start)
        ):
            after, confidence, reason, safe = targets[word.text]
            credited = credit_line(text, word)
            if (
                (credited or bracketed_name(text, word.start, word.end))
                and not misread
                and fold(after) != fold(word.text)
            ):
                # "(Francesco Trotta) [#40325]" beside 44 "Trott", "(Mateo
                # Nunez)" beside "Matteo", "Michiel Beijen <mb@...>" beside
                # "Michael": in a credit, a name one letter from another is
                # another person's. Of such proposals (all for review), 24
                # of 24 were in the release notes of /usr/share/doc/nodejs,
                # and 16 of 19 in the changelogs of bench/readmes.py; the
                # other 3 were slips ("Dmity" twice, "Lapilleur"), which a
                # person now finds without help. So with a name in brackets
                # alone, as older release notes credit a change: "(Mikael
                # Bourges-Sevenier)" beside 14 "Mikeal Rogers", "(Raffaele
                # Sena)" beside "Sean McArthur".
                continue
            if safe and not misread and fold(after) == fold(word.text) and has_addresses():
                # "Added Eric Engestrom's key", "with permission of both
                # Ondrej and Simon" in Debian changelogs that also write
                # "Eric Engeström <eric@...>", "Ondřej Surý <ondrej@...>": in
                # a text that credits people by their e-mail addresses, the
                # plain spelling is the one its owner signs with as often as
                # not. Of the 9 completions fix applied in the changelogs of
                # 679 Debian packages (two names, in copies of two
                # changelogs), none was a slip; the news-like documents of
                # bench/names_quality.py give no address.
                reason += "; but in a text of e-mail addresses, as its owner signs it?"
                safe = False
            elif safe and (credited or line_of_names(text, word.start, word.end)):
                # "Niels Moller  <nisse@...>", "Patch by Santiago Ruano Rincon
                # <santiago@...>": a name before its owner's address (or in a
                # copyright line, a trailer, a line of names alone as AUTHORS
                # files list them) is written as its owner writes it, often
                # without diacritics: a person decides.
                reason += "; but in a credit line, as its owner writes it?"
                safe = False
            elif (
                safe
                and not misread
                and list_of_names(text, word.start, word.end, lambda w: real(w.text))
            ):
                # "Lisa Casino, Logan Thomas, Loic Esteve, Louis Wagner" in a
                # release's list of contributors beside "Loïc Estève" in the
                # list of another: each list gives a name as its owner gave
                # it for that release.
                reason += "; but in a list of names, as its owner writes it?"
                safe = False
            yield Edit(word.start, word.end, word.text, after, RULE, confidence, reason, safe)


def _partners(
    found: Sequence[Word],
    text: str,
    lexicon: Lexicon,
    protected: Callable[[int, int], bool],
) -> dict[str, list[frozenset[str]]]:
    """For each spelling, the other parts of a name beside each of its uses:
    "Stinner" beside "Victor" in "Victor Stinner", "Lukyanov" beside
    "Alexander" in "Alexander V. Lukyanov", "Roques" in "Christian von
    Roques"; nothing beside "Kuleba" in "Kuleba said" or "President Kuleba"
    (offices, titles, words that go with places and a sentence's capitalised
    first word are no part of a name). Uses inside code, an address or an
    ignored region (``protected``) are left out: "<Patrick.Hayes@...>".
    """
    partners: dict[str, list[frozenset[str]]] = defaultdict(list)
    for i, word in enumerate(found):
        if protected(word.start, word.end):
            continue
        near = {
            n.text
            for n in neighbours(found, i, text)
            if not (n.sentence_start and lexicon.count(n.text) >= COMMON)
        }
        after = _PAST_INITIALS_RE.match(text, word.end)
        if after is not None:
            near.add(after.group(1))
        before = _BEFORE_INITIALS_RE.search(text, max(0, word.start - 80), word.start)
        if before is not None:
            near.add(before.group(1))
        partners[word.text].append(frozenset(near - _NOT_A_PART))
    return partners


# A name's part past initials or particles: "V. Lukyanov" after "Alexander",
# "von Roques" after "Christian"; and one before them. Not past "and" or
# "of", which join two names ("Victor Stinner and Vitor Pereira").
_PARTICLES = (
    "von", "van", "de", "da", "dos", "das", "del", "della", "di", "du", "der", "den", "ter",
)  # fmt: skip
_CONNECTING = r"(?:[ \t]+(?:[A-Z]\.?|" + "|".join(_PARTICLES) + r"))+[ \t]+"
_PAST_INITIALS_RE = lazy(_CONNECTING + r"([A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*)")
_BEFORE_INITIALS_RE = lazy(r"(?<![^\W\d_])([A-Z][^\W\d_]+)" + _CONNECTING + r"\Z")
_NOT_A_PART = OFFICES | TITLES | PLACE_WORDS


def _other_person(once: list[frozenset[str]], target: list[frozenset[str]]) -> bool:
    """Whether a spelling used once and the spelling it would become name two
    people: each stands in a full name every time, and the names share no part.

    >>> _other_person([frozenset({"Pereira"})], [frozenset({"Stinner"})] * 2)
    True
    >>> _other_person([frozenset({"Heimes"})], [frozenset({"Heimes"}), frozenset({"Ward"})])
    False
    >>> _other_person([frozenset({"Pereira"})], [frozenset({"Stinner"}), frozenset()])
    False
    >>> _other_person([frozenset({"Pereira"})], [])  # every use of it in code: nothing said
    False
    """
    names = frozenset().union(*once)
    return bool(names and target) and all(target) and all(names.isdisjoint(n) for n in target)


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a mark glues the word at ``start:end`` to another word ("Word,Worda").

    Such a run is the spacing stage's to judge (a missing space), and
    respelling the word first would change that judgement.

    >>> _glued("Word,Worda", 5, 10), _glued("Word, Worda", 6, 11)
    (True, False)
    """
    return (text[end : end + 1] in _GLUE and text[end + 1 : end + 2].isalpha()) or (
        start >= 2 and text[start - 1] in _GLUE and text[start - 2].isalpha()
    )


def _diacritic_target(
    spelling: str, same_letters: list[str], spellings: Counter[str]
) -> tuple[str, float, str, bool] | None:
    """The document's spelling of the same letters with their accents complete."""
    fuller = [s for s in same_letters if s != spelling and _accents_added(spelling, s)]
    if len(fuller) != 1:
        return None  # none, or two different ways of completing it
    target = fuller[0]
    times = spellings[target]
    return (
        target,
        0.95,
        f"the document spells it {target!r} elsewhere ({_times(times)}), with its diacritics",
        True,
    )


def _accents_added(plain: str, fuller: str) -> bool:
    """Whether ``fuller`` is ``plain`` with diacritics added to some letters, and no other change.

    >>> _accents_added("Cavuşoğlu", "Çavuşoğlu"), _accents_added("Çavuşoğlu", "Cavuşoğlu")
    (True, False)
    """
    if len(plain) != len(fuller) or plain == fuller:
        return False
    return all(
        a == b or a == unicodedata.normalize("NFD", b)[0]
        for a, b in zip(plain, fuller, strict=True)
    )


def _one_edit_target(
    spelling: str, frequent: list[str], choices: list[str], spellings: Counter[str]
) -> tuple[str, float, str, bool] | None:
    """The document's more frequent spelling one edit away, if exactly one such
    exists; ``choices`` are the ``frequent`` spellings folded."""
    folded = fold(spelling)
    hits = within(folded, choices, 1)
    # Names that differ in their first letter are told apart by it ("Cython",
    # "Jython" and "Python"), and so are those of several parts in a part's
    # first letter ("Ctrl-Z" and "Ctrl-Y", "Cortex-X" and "Cortex-A"); a
    # typo there is left to the gazetteer.
    close = sorted({frequent[i] for _, distance, i in hits if distance == 1})
    close = [s for s in close if _initials(fold(s)) == _initials(folded)]
    # A month's or a day's abbreviation is the document's dates, not a name
    # ("Nový" beside the "Nov" of every changelog entry's date).
    close = [s for s in close if s not in _CALENDAR]
    if not close:
        return None
    best = max(spellings[s] for s in close)
    leaders = [s for s in close if spellings[s] == best]
    if len(leaders) != 1:
        return None  # "Jansen" once beside "Janssen" and "Jensen": which one?
    target = leaders[0]
    if not spelling.isascii() and target.isascii():
        # "Tomáš" beside "Thomas", "Michał" and "Mickaël" beside "Michael":
        # a name written with its diacritics is spelt so on purpose.
        return None
    if _plural_pair(folded, fold(target)):
        return None  # "Formatters" beside "Formatter": two words, not two spellings
    # "Karimova" beside "Karimov" is as often two people as one misspelling,
    # and "Zelenskiy" beside "Zelenskyy" two conventions: a person decides.
    related = derived_form(spelling, target) or derived_form(target, spelling)
    variant = transliteration_variant(spelling, target)
    note = "; may be a different name" if related else "; another romanisation" if variant else ""
    # Not safe: in a contributor list one letter tells people apart ("Vitor"
    # and "Victor", "Reddy" and "Reedy" in Python's release notes), so a person
    # decides; fix applies it only in OCR output (see propose). Completing
    # diacritics (above) is applied everywhere.
    return (
        target,
        0.6 if related or variant else ONE_EDIT_CONFIDENCE,
        f"the document spells it {target!r} {_times(best)}, this way once{note}",
        False,
    )


_CALENDAR = frozenset((
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
))  # fmt: skip


def _initials(name: str) -> list[str]:
    """The first letter of each of a name's parts (folded: hyphens are spaces).

    >>> _initials(fold("Ctrl-Z")), _initials(fold("Lashkar-e-Taiba")), _initials("python")
    (['c', 'z'], ['l', 'e', 't'], ['p'])
    """
    return [part[:1] for part in name.replace("-", " ").split(" ")]


def _plural_pair(a: str, b: str) -> bool:
    """Whether one of two folded spellings is the other with an "s" added.

    >>> _plural_pair("formatters", "formatter"), _plural_pair("adam", "adams")
    (True, True)
    >>> _plural_pair("lashkar", "lashker")
    False
    """
    return a == b + "s" or b == a + "s"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"
