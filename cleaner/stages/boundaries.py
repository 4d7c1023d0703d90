"""Word boundaries: words broken by a line-end hyphen, split apart, or run together.

Runs before the word stages, so that spelling sees the words whole.

* ``boundaries.hyphenation``: "neigh-\\nbour" becomes "neighbour", the
  fragment moving up to the first line so the line break stays; "pro- perty"
  (a line-break hyphen whose line break OCR turned into a space) becomes
  "property". The joined word must be in the lexicon: "night-\\nlong",
  "Police- court" and suspended hyphens ("pre- and post-war") are left alone.
  In a page that looks like OCR output, a speck read between the halves
  ("pas- hE senger", "wit- of ness") goes too.
* ``boundaries.join``: "minis ter" becomes "minister" when one part is not a
  word and the whole is a common one; so does "pri. soner", a line-break
  hyphen OCR read as a full stop, when a part is not a word.
* ``boundaries.split``: "itis" becomes "it is" when the token is not a word,
  the two parts are a common pair (the bigram list holds it) and no single
  word explains the token as well.
* ``boundaries.speck``: a lone small letter between two words of a page that
  looks like OCR output ("the t prisoner", "New e York") is a speck read as a letter:
  removed, or joined to the neighbour it completes ("an d" becomes "and"); a
  mark inside a word of such a page ("a~nd") is removed, when the word is
  common; inside a rarer word it may have stood for a letter ("w~ade"): review.
  So is a mark after an article before a lower-case word ("the. prisoner").

Splitting and joining are applied by ``fix`` only in documents that look like
OCR output (many unknown words); in clean prose an unknown compound is more
often jargon ("worktree", "todo") than damage, so neither is proposed there.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import math
import re
from collections.abc import Iterator

from cleaner.casing import shape
from cleaner.corrector import Corrector, default_corrector
from cleaner.edits import Edit
from cleaner.lexicon import Lexicon
from cleaner.regex import lazy
from cleaner.stages import Context
from cleaner.stages.spelling import (
    CODE_LIKE,
    KEEP_LOWER,
    LABELLED,
    NOISE_REFERENCE,
    NOISE_WEIGHT,
    OCR_PAGE_NOISE,
    Token,
    article_run_in,
    code_share,
    coded_elsewhere,
    form_status,
    in_old_spelling,
    judgeable_tokens,
    known_neighbour,
    ocr_page_beside_technical,
    page_noise,
)
from cleaner.technical import is_technical
from cleaner.tokens import APOSTROPHE_TAILS, BREAK_HYPHEN, writes_run

RULE_HYPHENATION = "boundaries.hyphenation"
RULE_JOIN = "boundaries.join"
RULE_SPLIT = "boundaries.split"
RULE_SPECK = "boundaries.speck"

# A letter run, a hyphen, a line break or spaces, then a lower-case letter run.
_CLOSERS = ".,;:!?)]\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
_BROKEN_RE = lazy(
    rf"(?<![\w-])(?P<head>[^\W\d_]+){BREAK_HYPHEN}(?P<gap>[ \t]*\r?\n[ \t]*|[ \t]+)"
    r"(?P<tail>[^\W\d_A-Z][^\W\d_]*)(?P<trail>[" + re.escape(_CLOSERS) + r"]*)"
    r"(?P<space>[ \t]?)"
)
# The hyphen of every _BROKEN_RE match with what must stand around it: a cheap
# test (it starts with the hyphen, so only hyphens are tried) that rules out
# most texts before _BROKEN_RE tries every word of them.
_BROKEN_HYPHEN_RE = lazy(
    rf"{BREAK_HYPHEN}(?<=[^\W\d_]{BREAK_HYPHEN})(?:[ \t]*\r?\n[ \t]*|[ \t]+)[^\W\d_A-Z]"
)
# What stands before the second half of a broken word.
_BROKEN_TAIL_RE = lazy(rf"[^\W\d_]{BREAK_HYPHEN}[ \t]*\r?\n?[ \t]*\Z")
# Suspended hyphens: "pre- and post-war", "first- or second-hand".
_SUSPENDING = frozenset({"and", "or", "nor", "to", "but", "than", "versus", "vs", "&"})
# A word broken by a line-break hyphen that became a space, with a speck read
# as a short token between its halves ("pas- hE senger", "con- I tributor",
# "wit- of ness"): in a 19th-century newspaper, a column's edge or a stain
# beside the hyphen. On the BLN600 train pages 136 such shapes have halves
# that make a listed word; the gold has that word in 117 (in 42 the speck
# reads as a word: "of", "It", "In"), and most of the rest are compounds it
# keeps hyphenated ("school- ol boy": school-boy, nearer when joined than
# left). Applying them took the repaired words of that set from 7,604 to
# 7,686 and the damaged from 126 to 129 (tune_corrector.py score); the ICDAR
# 2017, modern OCR and clean train sets, the READMEs, changelogs and quotes of
# bench/readmes.py and the documentation tree are unchanged. A tail followed
# by a hyphen is left alone ("pre- a post-war" may be a suspended hyphen).
_SPECKED_BREAK_RE = lazy(
    r"(?<![\w-])(?P<head>[^\W\d_]+)-[ \t]+(?P<speck>\S{1,3})[ \t]+"
    r"(?P<tail>[^\W\d_A-Z][^\W\d_]*)(?![\w-])"
)
# A joined word at least this common is applied (unless the bigram list writes
# it hyphenated more often).
HYPHEN_SAFE_COUNT = 100_000
# log10 cost of OCR adding a space inside a word, or dropping one between words.
SPACE_ADDED = 2.5
SPACE_DROPPED = 1.0
# Both parts must be at least this common to be split off (log10 share).
SPLIT_MIN_PRIOR = -6.0
JOIN_MIN_COUNT = 1_000_000
# What may stand between the two parts of a word split apart: a space, or a
# line-break hyphen read as a full stop ("pri. soner", "morn. ing", "quan.
# tity"). On the BLN600 train pages that shape with a part that is no word
# (the whole at least JOIN_MIN_COUNT) was a broken word 114 times of 117 (of
# the other three, the gold keeps "en countered" apart and lacks the sentence
# of two), and on ICDAR 2017 train 13 of 14 (the other is garbled: "me sk. is"
# for "me sk, is"). With a word either side ("after. wards", "wit. ness",
# "be. fore") the stop may be meant: the first word is one written as an
# abbreviation (_ABBREVIATIONS: "et al. to", "Co. upon"), or the pair is one
# the bigrams list ("18 in. to 20 in.", "per. cent", "St. and"). Leaving
# those out, such a pair was a broken word 49 times of 50 on BLN600 train
# (the gold writes the other "police-man"), and 3 of 7 on ICDAR 2017 train,
# whose gold keeps the other four as printed ("Dis- orders", "sea- son",
# "In- tent"). No file of the clean prose, READMEs, changelogs or
# documentation tree of bench/ has either shape but "et al. to".
_JOIN_GAPS = (" ", ". ")
# log10 cost of OCR reading a hyphen as a full stop, on top of SPACE_ADDED;
# and of the two tokens as they are, a sentence that starts in lower case.
STOP_FOR_HYPHEN = 1.0
LOWER_AFTER_STOP = 2.0
# Words written with a full stop as abbreviations, which a lower-case word may
# follow ("et al. to", "and Co. upon", "cf. the").
_ABBREVIATIONS = frozenset(
    "al approx ca cf ch co col dept dr ed eds esp est etc fig ft govt inc incl jr"  # noqa: SIM905
    " lb ltd max min misc mr mrs ms mt no nos op oz pp resp sec seq sq sr st viz"
    " vol vols vs yd".split()
)
PROPOSE_AT = 0.5
SAFE_AT = 0.99
# A split into two words of two letters or more is applied from this
# confidence in pages as noisy as OCR output (spelling.OCR_PAGE_NOISE) in
# modern spelling: on the train splits, proposals there at 0.8-0.99 brought
# 57 words closer to the gold and 4 further on BLN600, 11 and 5 on ICDAR 2017
# (whose gold keeps some run-together words of the print: "dueto", "ofhis")
# and 6 and 1 on the modern OCR set. Less noisy documents include technical
# prose, where "todo" and "foreach" are words; in old spelling the same band
# was right 6 times of 27 ("withall" and "forme" are words of their day). A
# split-off letter ("aset", "froma") is as often a misread letter.
SAFE_AT_WORDS = 0.8
# A lower-case token of SAFE_LETTERS letters or more split so is applied from
# PROPOSE_AT there when a known word beside it reads it in place: of such
# proposals below SAFE_AT_WORDS (any neighbours), each applied alone and
# scored against the gold, 46 were right and none wrong on BLN600 train
# ("thedefendant", "herhusband", "largesums"), 12 right and 1 wrong on ICDAR
# 2017 train ("onthem", which its gold keeps as printed). With the neighbour
# required, applying them took boundaries.split from 316 words closer to the
# gold and 6 further to 358 and 6 on BLN600 train (repaired words 7,518 ->
# 7,604, damaged 124 -> 126), from 100 and 12 to 112 and 13 on ICDAR 2017
# train; the modern OCR and clean train sets are unchanged. Without it, the
# changelogs of bench/readmes.py had "nextstep (178)", a service in a list
# of ports, applied as "next step". Shorter tokens are as often one misread
# word ("beon": "been"; "seeme", "tous", "itat"), and a capital may start a
# name ("Innis").
SAFE_LETTERS = 6
# Splitting and joining are proposed only in documents this noisy (see above).
SAFE_NOISE = 0.02
# Lone letters are looked at only in documents this noisy. A letter removed
# from technical writing (spelling.CODE_LIKE) is for review: the one removal
# fix applied in the changelogs of bench/readmes.py was the D language
# ("Remove d from unsupported languages"); the OCR train pages are unchanged.
SPECK_NOISE = 0.03
# log10 association (see Bigrams.association) the neighbours of a removed letter need.
SPECK_PAIR = 0.5
_LETTER_WORDS = frozenset("aio")


def propose(context: Context) -> Iterator[Edit]:
    text = context.text
    corrector = default_corrector()
    yield from _hyphenation(text, corrector)
    # Neighbours come from every token: the list below leaves out the parts
    # of hyphenated words, and "well-known theevening" has no word before it.
    every = judgeable_tokens(text, context.kind)
    tokens = [t for t in every if not t.hyphen_part]
    if not tokens:
        return
    lexicon = corrector.lexicon
    # The spelling stage's status and noise of the same tokens: worked out once.
    status = form_status(every, lexicon, context.config)
    unknown = [t for t in tokens if not status[t.text]]
    if not unknown:
        return
    noise = page_noise(text, every, status, context.noise_floor)
    if noise < SAFE_NOISE:
        # Clean prose: nothing below is even proposed. A join would cost a
        # person reviewing it the spacing repair it may touch ("mid  dle"); an
        # unknown compound is jargon ("todo", "foreach", "goto", "sizeof": all
        # 26 splits the documentation tree of bench/speed.py was offered below
        # SAFE_NOISE were such); lone letters need SPECK_NOISE, higher still.
        return
    joined: set[int] = set()  # starts of the tokens a join uses
    technical: bool | None = None  # code-like? worked out when first asked
    if noise >= SPECK_NOISE:
        starts: list[int] = []  # of every token, listed for the first such edit
        for broken in _specked_breaks(text, corrector):
            # The tokens it removes or joins are no one else's to use.
            starts = starts or [t.start for t in every]
            lo, hi = (bisect.bisect_left(starts, at) for at in (broken.start, broken.end))
            joined.update(starts[lo:hi])
            yield broken
    for first, second in itertools.pairwise(tokens):
        gap = text[first.end : second.start]
        if gap not in _JOIN_GAPS or first.start in joined:
            continue
        edit = _join(corrector, context, first, second, gap)
        if edit is not None and edit.safe and noise < OCR_PAGE_NOISE:
            if technical is None:
                technical = code_share(text) >= CODE_LIKE
            if technical:
                edit = _piece_written_alone(text, edit, first, second, lexicon)
        if edit is not None:
            joined.update((first.start, second.start))
            yield edit
    if noise >= SPECK_NOISE:
        for edit, uses in _specks(corrector, text, tokens):
            if joined.intersection(uses):
                continue
            joined.update(uses)
            if edit.safe and not edit.after:
                if technical is None:
                    technical = code_share(text) >= CODE_LIKE
                if technical:
                    edit = dataclasses.replace(
                        edit,
                        safe=False,
                        reason=edit.reason + "; but in technical writing a "
                        "lone letter is as often a name (the D language, a variable, an option)",
                    )
            yield edit
        yield from _marks(text, lexicon)
        yield from _after_small_words(text)
        yield from _before_small_words(text)
        yield from _apostrophe_gaps(text, corrector)
        if noise >= OCR_PAGE_NOISE:
            yield from _stop_gaps(text, corrector)
    # Only an OCR page pays for the old-spelling check (see SAFE_AT_WORDS).
    ocr_page = noise >= OCR_PAGE_NOISE and not in_old_spelling(status, lexicon)
    place = {t.start: i for i, t in enumerate(every)}
    for token in unknown:
        if token.start not in joined:
            i = place[token.start]
            left = known_neighbour(every, i - 1, lexicon) if token.glued_left else None
            glued = i + 1 < len(every) and every[i + 1].glued_left
            right = known_neighbour(every, i + 1, lexicon) if glued else None
            if is_technical(token.text) and not ocr_page_beside_technical(
                text, every, status, context.technical_floor
            ):
                continue  # "sizeof", "foreach", "goto": one word in software writing
            following = every[i + 1].text if right is not None else None
            edit = _split(corrector, text, token, noise, ocr_page, left, right, following)
            if edit is not None and (
                ocr_page or not coded_elsewhere(text, token.text, token.start)
            ):
                # (Outside OCR pages a word the text writes as code elsewhere
                # is the code's name: "e.g. arange" beside "np.arange(10)".)
                yield edit


def _specks(
    corrector: Corrector, text: str, tokens: list[Token]
) -> Iterator[tuple[Edit, tuple[int, ...]]]:
    """Lone small letters between words: joined to a neighbour they complete, else removed.

    The neighbours are words in lower or title case ("New e York"); beside a
    capitalised word only a usual pair makes the letter a speck. Each edit
    comes with the starts of the tokens it changes. "a", "i" and "o" are
    words, and a letter after "part" or "chapter" is a label.
    """
    lexicon = corrector.lexicon
    for left, letter, right in zip(tokens, tokens[1:], tokens[2:], strict=False):
        word = letter.text
        if (
            len(word) != 1
            or not word.islower()
            or word in _LETTER_WORDS
            or left.text.lower() in LABELLED
            or text[left.end : letter.start] != " "
            or text[letter.end : right.start] != " "
        ):
            continue
        # The letter completes a neighbour ("an d witness", "Th e man",
        # "produce d the") when the whole is a common word, and no rarer than
        # the neighbour alone: "for e his" is not "fore", nor "has t be"
        # "hast". A capital stays first: a letter does not join a name after it.
        sides = [(left.text + word, left)]
        if right.text.islower():
            sides.append((word + right.text, right))
        joins = [
            (count, neighbour, whole)
            for whole, neighbour in sides
            if (count := lexicon.count(whole.lower())) >= JOIN_MIN_COUNT
            and count >= lexicon.count(neighbour.text.lower())
        ]
        if joins:
            _, neighbour, whole = max(joins)
            start, end = min(neighbour.start, letter.start), max(neighbour.end, letter.end)
            edit = Edit(
                start,
                end,
                text[start:end],
                whole,
                RULE_SPECK,
                0.9,
                f"a lone {word!r} that completes {whole!r}, in a page that looks like OCR output",
                True,
            )
            yield edit, (neighbour.start, letter.start)
            continue
        # Without the letter the neighbours must make a usual pair ("the t
        # prisoner"): "with h view" lost its "a", and the letter may be a
        # misread word, for a person to decide.
        paired = corrector.bigrams().association(left.text.lower(), right.text.lower()) > SPECK_PAIR
        if not paired and not (left.text.islower() and right.text.islower()):
            # Beside a name the list cannot tell, and the letter is as likely
            # a misread word ("lived m Adelaide"): the spelling stage reads it.
            continue
        edit = Edit(
            letter.start,
            right.start,
            text[letter.start : right.start],
            "",
            RULE_SPECK,
            0.95 if paired else 0.6,
            f"a lone {word!r} between words of a page that looks like OCR output: a speck"
            + ("" if paired else f"; or a misread word ('{left.text} {right.text}' is rare)"),
            paired,
        )
        yield edit, (letter.start,)


def _marks(text: str, lexicon: Lexicon) -> Iterator[Edit]:
    """Specks read as a mark inside a word ("a~nd", "sh^all", "h)er").

    The word without the mark must be a common word (JOIN_MIN_COUNT) in one
    case pattern. A mark before a final "s" or "t" of a known word stands for
    an apostrophe in some prints ("knave~s", "can~t"). A mark that stood for
    a letter leaves another word ("w~ade" for "made", "pa~s" for "pass"),
    mostly a rarer one: those go to a person (see MARK_SAFE_COUNT).
    """
    for match in _MARK_RE.finditer(text):
        head, mark, tail = match.groups()
        word = head + tail
        count = lexicon.count(word.lower())
        if shape(word) == "mixed" or count < JOIN_MIN_COUNT:
            continue
        if tail.lower() in APOSTROPHE_TAILS and head.lower() in lexicon:
            continue
        safe = count >= MARK_SAFE_COUNT
        yield _without_mark(
            match,
            word,
            MARK_CONFIDENCE if safe else MARK_REVIEW_CONFIDENCE,
            f"a speck read as {mark!r} inside {word!r}, in a page that looks like OCR output",
            safe,
        )


def _without_mark(
    match: re.Match[str], after: str, confidence: float, reason: str, safe: bool
) -> Edit:
    """The speck edit that writes ``after`` for what ``match`` found."""
    return Edit(
        match.start(), match.end(), match.group(), after, RULE_SPECK, confidence, reason, safe
    )


def _apostrophe_gaps(text: str, corrector: Corrector) -> Iterator[Edit]:
    """An apostrophe between two words the bigram list pairs ("to'get",
    "of'the", "part'of"): a speck in the space between them read as one.

    Both words are known and of two letters or more, the second in small
    letters and no tail of a contraction ("we'll", "they're"); the form with
    the apostrophe is no word itself; no opening single quote before it on
    its line is left open (it could be the closing one: "'yes'and").
    """
    lexicon = corrector.lexicon
    bigrams = corrector.bigrams()
    for match in _APOSTROPHE_GAP_RE.finditer(text):
        first, _, second = match.groups()
        if (
            second in APOSTROPHE_TAILS
            or second in _ELIDED_TAILS
            or first.lower() not in lexicon
            or second not in lexicon
            or f"{first}'{second}".lower() in lexicon
            or bigrams.association(first.lower(), second) <= 0
        ):
            continue
        if _quote_open(text, match.start()):
            continue
        yield _mark_as_space(match, "an apostrophe")


def _stop_gaps(text: str, corrector: Corrector) -> Iterator[Edit]:
    """A full stop between two small-letter words the bigram list pairs
    ("up.to", "was.at", "acquainted.with"): a speck in the space between
    them read as one.

    Only in a page as noisy as OCR output; not after a word written as an
    abbreviation ("co.op"), nor in a dotted name ("root.root", a first word
    the text writes before a full stop elsewhere too: "user.name" beside
    "user.email"), nor in technical writing (spelling.CODE_LIKE), where
    "email.message" is a module.
    """
    lexicon = corrector.lexicon
    bigrams = corrector.bigrams()
    technical: bool | None = None  # worked out for the first candidate
    for match in _STOP_GAP_RE.finditer(text):
        first, _, second = match.groups()
        if (
            first in _ABBREVIATIONS
            or first == second
            or text.count(first + ".") > 1
            or first not in lexicon
            or second not in lexicon
            or bigrams.association(first, second) <= 0
        ):
            continue
        if technical is None:
            technical = code_share(text) >= CODE_LIKE
        if technical:
            return
        yield _mark_as_space(match, "a full stop")


def _mark_as_space(match: re.Match[str], what: str) -> Edit:
    """The edit that writes a space for the mark (group 2) ``match`` found between two words."""
    first, mark, second = match.groups()
    start = match.start(2)
    return Edit(
        start, start + 1, mark, " ", RULE_SPLIT, GAP_CONFIDENCE,
        f"{what} between {first!r} and {second!r}, a usual pair: a speck in the space "
        "read as one, in a page that looks like OCR output",
        True,
    )  # fmt: skip


# Two small-letter words of two letters or more joined by a full stop; not a
# dotted name ("os.path.join"), an address or a number.
# (A colon or semicolon between two words is the spacing stage's to judge:
# "from:which" -> "from: which".)
_STOP_GAP_RE = lazy(
    r"(?<![\w.@/:'\N{RIGHT SINGLE QUOTATION MARK}-])([a-z]{2,})(\.)([a-z]{2,})"
    r"(?![\w@/'\N{RIGHT SINGLE QUOTATION MARK}-]|[.:]\w)"
)


# Two words of two letters or more joined by an apostrophe, the second in small letters.
_APOSTROPHE_GAP_RE = lazy(
    r"(?<![\w'\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}])"
    r"([^\W\d_]{2,})(['\N{RIGHT SINGLE QUOTATION MARK}])([^\W\d_A-Z][^\W\d_]+)"
    r"(?![\w'\N{RIGHT SINGLE QUOTATION MARK}])"
)
# Elisions of old verse and speech whose tail is a word too ("ne'er", "'em").
_ELIDED_TAILS = frozenset({"er", "em", "en", "n", "rt"})
# An opening single quote: at a line's start or after a space or bracket; a
# closing one: after a letter or mark, before a space, a mark or the end.
_OPENING_QUOTE_RE = lazy(r"(?:^|(?<=[\s(\[]))['\N{LEFT SINGLE QUOTATION MARK}](?=\w)")
_CLOSING_QUOTE_RE = lazy(r"(?<=[\w.,!?])['\N{RIGHT SINGLE QUOTATION MARK}](?=[\s.,;:!?)\]]|$)")
GAP_CONFIDENCE = 0.95


# A mark inside a word of at least this many uses is applied: on the BLN600
# train pages (from SPECK_NOISE) the word without the mark was the gold's 73
# times of 76 (the others "Cast" for "Coast", "rom" and "mouth", each no
# further from the gold than the mark), and of the 26 rarer words 10 were
# wrong ("tho", "Poly", "wade", "thee"); the ICDAR 2017 train pages have 2,
# both rarer and wrong ("pas", "shea"). No page of the clean prose, READMEs,
# changelogs or documentation tree of bench/ noisy enough for a speck has
# such a mark.
MARK_SAFE_COUNT = 10_000_000
MARK_CONFIDENCE = 0.95
MARK_REVIEW_CONFIDENCE = 0.85


def _after_small_words(text: str) -> Iterator[Edit]:
    """Specks read as a mark after an article before a lower-case word ("the.
    prisoner", "the, court", "the' house", "a. short"), or as a comma, colon
    or semicolon before a capitalised one ("the, Court"): an article ends no
    sentence or clause, and a quote does not close on it; nor does a
    sentence end on "and" or, mostly, on "of" ("and. the", "of. his"). Not
    a label opening a line ("a. the first count"), a list of letters ("a, b
    and c") or speech that hesitates ("the, um, plains"). An apostrophe after
    "of", "to", "in", "for" or "was" before a small letter is one too ("to'
    the"), unless it may close a quote opened on its line.

    >>> [(e.before, e.after) for e in _after_small_words("at the. station and an, old man of. the")]
    [('the.', 'the'), ('an,', 'an'), ('of.', 'of')]
    >>> list(_after_small_words("an' gowd, The. End, the.\\nnext"))
    []
    """
    for match in _AFTER_SMALL_WORD_RE.finditer(text):
        word, mark, following = match.groups()
        marks = _MARKS_AFTER if following.islower() else _MARKS_BEFORE_CAPITAL
        if mark not in marks.get(word, ""):
            continue
        if mark in "'’" and _quote_open(text, match.start()):
            continue  # "'going to' is": the quote closes one opened on the line
        if (
            word == "a"
            and mark == "."
            and _LINE_START_RE.search(text, max(0, match.start() - 40), match.start())
        ):
            continue  # "a. the first count": a label
        what = "an article" if word in ("the", "an", "a") else f"{word!r} before a small letter"
        yield _without_mark(
            match,
            word,
            SMALL_WORD_MARK_CONFIDENCE,
            f"a speck read as {mark!r} after {word!r}, in a page that looks like OCR output:"
            f" {what} ends no sentence or clause",
            True,
        )


def _before_small_words(text: str) -> Iterator[Edit]:
    """An apostrophe glued before "the", "and", "was", "of" or "to" inside a
    line ("saw 'the prisoner"), before a small letter: a speck, unless a
    quote soon after it (QUOTE_REACH) may close it ("called it 'the end'").

    >>> text = "he saw 'the man and 'was told" + " " * QUOTE_REACH + "he said 'the end' then"
    >>> [(e.before, e.after) for e in _before_small_words(text)]
    [("'the", 'the'), ("'was", 'was')]
    """
    for match in _BEFORE_SMALL_WORD_RE.finditer(text):
        if _CLOSING_QUOTE_RE.search(text, match.end(), match.end() + QUOTE_REACH):
            continue
        word = match.group(1)
        yield _without_mark(
            match,
            word,
            SMALL_WORD_MARK_CONFIDENCE,
            f"a speck read as an apostrophe before {word!r}, in a page that looks like OCR"
            " output: no quote closes soon after it",
            True,
        )


# How far after such an apostrophe a closing quote may close it (about
# three lines of a newspaper's column). On the BLN600 train pages the rule
# took 47 words to the gold and none away, on ICDAR 2017 train 5 and none
# (to the end of the line only: 53 and 2); the clean sets, READMEs,
# changelogs, quotations and documentation tree have no match.
QUOTE_REACH = 160
# An apostrophe after a space, glued to a common small word, a small letter after.
_BEFORE_SMALL_WORD_RE = lazy(
    r"(?<=[^\S\n])['\N{RIGHT SINGLE QUOTATION MARK}](the|The|and|was|of|to)(?= [a-z]{2})"
)


def _quote_open(text: str, at: int) -> bool:
    """Whether a single quote opened on the line before ``at`` is not closed there."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return len(_OPENING_QUOTE_RE.findall(line)) > len(_CLOSING_QUOTE_RE.findall(line))


# "the", "an" or "a" in lower case, a mark, one space, a word (see
# _MARKS_AFTER and _MARKS_BEFORE_CAPITAL); "and" or "of" and a full stop; a
# few small words and an apostrophe. A capital "The" may be quoted as a word ("The,
# use"); "an'" is dialect ("an' gowd"); a preposition may end a sentence
# before an identifier ("associated with. event_mask", in a README), so of
# them only "of", which ends one least often and is the commonest such stop
# of the train pages. On the BLN600 train pages (at any noise) the gold lacks
# the mark wherever it writes the next word (after an article 86 times, in
# "and." and "of." 35; the other 37 are garbled); on ICDAR 2017 train 17 and
# 10 times, and it keeps the mark twice ("Ireland the, place", "to the' old
# days"). The clean prose, READMEs, changelogs and documentation tree of
# bench/ have no match at any noise. With "a" (a comma or full stop only: a
# letter is named before a semicolon, "isn't a; or the third", in the
# modern OCR dev set) and the marks before a capital (_MARKS_BEFORE_CAPITAL),
# the rule took 49 more words of the BLN600
# train pages to the gold and 1 away from it (in "i;a, struck", a garble);
# on the ICDAR 2017 train pages 7 more and 2 (repaired words 9,124 -> 9,131,
# damaged 1,246 both times). An apostrophe after "of", "to", "in", "for" or
# "was" ("to' the") took 22 more on BLN600 and 7 on ICDAR 2017, none away
# (36 on BLN600 if a quote opened on the line may close there: "'going
# to' is" would lose its closing quote); still nothing of the clean sets,
# READMEs, changelogs, quotations or documentation tree matches.
_AFTER_SMALL_WORD_RE = lazy(
    r"(?<![\w'’\"(&/.-])(the|an|and|of|a|to|in|for|was)([.,;:'’])(?= ([^\W\d_]{2}))"
    r"(?! (?:um|uh|er|erm|ah|eh|oh|hmm)\b)"
)
# The marks each small word may be read with before a word in small letters,
# and before a capitalised one.
_MARKS_AFTER = {
    "the": ".,;:'’",
    "an": ".,;:",
    "a": ".,",
    "and": ".",
    "of": ".'’",
    "to": "'’",
    "in": "'’",
    "for": "'’",
    "was": "'’",
}
_MARKS_BEFORE_CAPITAL = {"the": ",;:", "an": ",;:", "a": ","}
_LINE_START_RE = lazy(r"(?:^|\n)[ \t]*\Z")
SMALL_WORD_MARK_CONFIDENCE = 0.95


# A mark between letters, in a word standing on its own: brackets only when
# the word does not close them ("file(s)" is a word with its plural).
_MARK_RE = lazy(r"(?<![\w~^()\[\]])([A-Za-z]+)([~^()\[\]])([A-Za-z]+)(?![\w~^()\[\]])")


def _hyphenation(text: str, corrector: Corrector) -> Iterator[Edit]:
    if ("-" not in text and "\N{HYPHEN}" not in text) or not _BROKEN_HYPHEN_RE.search(text):
        return
    lexicon = corrector.lexicon
    hyphenated: frozenset[str] | None = None  # the text's own, read for the first join
    for match in _BROKEN_RE.finditer(text):
        head, gap, tail = match.group("head", "gap", "tail")
        joined = head + tail
        if not tail.islower() or tail in _SUSPENDING or joined not in lexicon:
            continue
        start = match.start("gap") - 1  # the hyphen
        if "\n" in gap:
            # "neigh-\nbour came" -> "neighbour\ncame": the word moves up whole
            # (with the punctuation glued to it), the line break stays after it.
            newline = "\r\n" if "\r\n" in gap else "\n"
            indent = gap.split("\n", 1)[1]
            word = tail + match.group("trail")
            if match.group("space") and match.end("space") < len(text):
                end, after = match.end("space"), word + newline + indent
            else:
                end, after = match.end("trail"), word
            reason = f"{joined!r} broken across lines; joined, line break kept"
        else:
            end, after = match.end("tail"), tail
            reason = f"{joined!r} broken by a line-break hyphen that became a space"
        safe, reason = _join_applies(corrector, head, tail, reason)
        if safe:
            if hyphenated is None:
                hyphenated = _hyphenated_forms(text)
            own = _own_hyphen(head, tail, hyphenated)
            if own:
                safe, reason = False, f"{reason}; but {own}"
        yield Edit(
            start,
            end,
            text[start:end],
            after,
            RULE_HYPHENATION,
            0.95,
            reason,
            safe,
        )


def _hyphenated_forms(text: str) -> frozenset[str]:
    """The hyphenated words ``text`` writes on one line, in lower case.

    >>> sorted(_hyphenated_forms("The side-band and side-\\nband-64k; Side-Band."))
    ['band-64k', 'side-band']
    """
    return frozenset(m.group().lower() for m in _HYPHENATED_RE.finditer(text))


def _own_hyphen(head: str, tail: str, hyphenated: frozenset[str]) -> str:
    """Why a hyphen broken at a line's end may be the word's own (empty if
    nothing says so): the text writes the word with it elsewhere, on one line
    ("side-band" beside "side-\\nband").

    A word that goes on after another hyphen says nothing: a newspaper breaks
    "Guild-\\nhall-road" and "Har-\\nrow-street" as it breaks any word. On the
    BLN600 train pages, taking such words for compounds held back 11 joins;
    the 9 looked up in the gold were all right.

    >>> _own_hyphen("side", "band", frozenset({"side-band"}))
    "the text writes 'side-band' elsewhere"
    >>> _own_hyphen("neigh", "bour", frozenset({"side-band"}))
    ''
    """
    form = f"{head}-{tail}"
    return f"the text writes {form!r} elsewhere" if form.lower() in hyphenated else ""


# A hyphenated word on one line: its first two parts.
_HYPHENATED_RE = lazy(r"(?<![\w-])[^\W_]+-[^\W_]+")


def _join_applies(corrector: Corrector, head: str, tail: str, reason: str) -> tuple[bool, str]:
    """Whether fix applies the join of a word broken by a hyphen (the joined
    word is at least HYPHEN_SAFE_COUNT common), and ``reason`` with why not."""
    count = corrector.lexicon.count(head + tail)
    # "non-\nempty": written apart (hyphenated) more often than joined, the
    # hyphen is the word's own; a person decides. (The bigram list is loaded
    # only for a join that would otherwise be applied.)
    if count < HYPHEN_SAFE_COUNT:
        return False, reason
    if corrector.bigrams().count(head.lower(), tail) >= count:
        return False, reason + f"; but {head + '-' + tail!r} is written more often"
    return True, reason


def _specked_breaks(text: str, corrector: Corrector) -> Iterator[Edit]:
    """Words broken by a line-break hyphen with a speck between the halves
    (see _SPECKED_BREAK_RE), in a page that looks like OCR output: joined,
    the speck removed."""
    if "- " not in text:
        return
    lexicon = corrector.lexicon
    for match in _SPECKED_BREAK_RE.finditer(text):
        head, speck, tail = match.group("head", "speck", "tail")
        joined = head + tail
        if (
            speck.lower() in _SUSPENDING
            or (speck.isalpha() and head + speck in lexicon)  # "belong- ing to": the rule above
            or joined not in lexicon
        ):
            continue
        safe, reason = _join_applies(
            corrector,
            head,
            tail,
            f"{joined!r} broken by a line-break hyphen that became a space,"
            f" with a speck ({speck!r}) read between its halves",
        )
        start = match.end("head")  # the hyphen
        yield Edit(
            start,
            match.end("tail"),
            text[start : match.end("tail")],
            tail,
            RULE_HYPHENATION,
            0.9,
            reason,
            safe,
        )


def _join(
    corrector: Corrector, context: Context, first: Token, second: Token, gap: str
) -> Edit | None:
    a, b = first.text, second.text
    if not b.islower() or len(a) < 2 or len(b) < 2 or a.isupper():
        return None
    lexicon = corrector.lexicon
    known_a, known_b = a in lexicon, b in lexicon
    stop = gap != " "
    if (
        stop
        and known_a
        and known_b
        and (a.lower() in _ABBREVIATIONS or corrector.bigrams().count(a, b) > 0)
    ):
        return None  # "et al. to", "Co. upon", "18 in. to", "per. cent": the stop is meant
    joined = a + b
    count = lexicon.count(joined)
    if count < JOIN_MIN_COUNT or context.config.allows(a) or context.config.allows(b):
        return None
    # The whole word with one space too many, against the two tokens as they are.
    whole = corrector.prior(joined) - SPACE_ADDED - (STOP_FOR_HYPHEN if stop else 0.0)
    parts = sum(
        # An unknown fragment as a word of its own is as unlikely as any unlisted word.
        corrector.prior(w) if known else KEEP_LOWER
        for w, known in ((a, known_a), (b, known_b))
    )
    if known_a and known_b:
        # Two words: "a broad" and "may be" are pairs, "minis ter" is not.
        parts += corrector.bigrams().association(a, b)
    if stop:
        parts -= LOWER_AFTER_STOP  # a sentence that starts in lower case
    margin = whole - parts
    confidence = 1 / (1 + 10**-margin)
    if confidence < PROPOSE_AT:
        return None
    how = "a line-break hyphen read as a full stop" if stop else "a stray space"
    return Edit(
        first.start,
        second.end,
        f"{a}{gap}{b}",
        joined,
        RULE_JOIN,
        round(confidence, 4),
        f"{joined!r} split by {how}; {_why_join(a, b, known_a, known_b)}",
        confidence >= SAFE_AT,
    )


def _piece_written_alone(
    text: str, edit: Edit, first: Token, second: Token, lexicon: Lexicon
) -> Edit:
    r"""``edit``, a join of ``first`` and ``second`` in code-like text less
    noisy than OCR output, left for review if the text writes an unknown
    part of it alone elsewhere too: a term of the text's own, not a fragment
    ("Fix es locale" in a changelog that writes "[es]" and "es-pr", Spanish's
    code). (An OCR page writes the fragments of other broken words so: "meet
    ing" in a page that writes "ing" alone.)

    >>> from cleaner.lexicon import default_lexicon
    >>> text = "* Fix es locale\n* Add es-mx locale\n"
    >>> first, second = judgeable_tokens(text, "text")[:2]
    >>> edit = Edit(first.start, second.end, "Fix es", "Fixes", RULE_JOIN, 0.99, "", True)
    >>> _piece_written_alone(text, edit, first, second, default_lexicon()).safe
    False
    >>> _piece_written_alone(text[:16], edit, first, second, default_lexicon()).safe
    True
    """
    for token in (first, second):
        piece = token.text
        if piece not in lexicon and (
            writes_run(text[: token.start], piece) or writes_run(text[token.end :], piece)
        ):
            return dataclasses.replace(
                edit,
                safe=False,
                reason=f"{edit.reason}; but the text writes {piece!r} alone elsewhere",
            )
    return edit


def _why_join(a: str, b: str, known_a: bool, known_b: bool) -> str:
    """Why the two parts are not two words.

    >>> _why_join("pri", "soner", False, False), _why_join("minis", "ter", True, True)
    ("'pri' and 'soner' are not words", "'minis ter' is no usual pair of words")
    """
    missing = [w for w, k in ((a, known_a), (b, known_b)) if not k]
    if not missing:
        return f"'{a} {b}' is no usual pair of words"
    if len(missing) == 1:
        return f"{missing[0]!r} is not a word"
    return f"{a!r} and {b!r} are not words"


@functools.lru_cache(maxsize=10_000)
def _best_split(corrector: Corrector, lower: str) -> tuple[float, str, str] | None:
    """The likeliest two words ``lower`` may be run together from, with its score.

    It depends on the word alone, and a document repeats its unknown words
    (a tree of documents its jargon): remembered for the forms seen last.
    """
    cuts = [
        (lower[:cut], lower[cut:])
        for cut in range(1, len(lower))
        if min(corrector.prior(lower[:cut]), corrector.prior(lower[cut:])) >= SPLIT_MIN_PRIOR
    ]
    if not cuts:
        return None
    bigrams = corrector.bigrams()
    best: tuple[float, str, str] | None = None
    for a, b in cuts:
        # The pair must be listed and go together: "andthe", not "athe".
        association = bigrams.association(a, b)
        if bigrams.count(a, b) == 0 or association <= 0:
            continue
        score = corrector.prior(a) + corrector.prior(b) + association - SPACE_DROPPED
        if best is None or score > best[0]:
            best = (score, a, b)
    return best


def _split(
    corrector: Corrector,
    text: str,
    token: Token,
    noise: float,
    ocr_page: bool,
    left: str | None,
    right: str | None,
    following: str | None,
) -> Edit | None:
    """A split of ``token`` into two words, in a document at least SAFE_NOISE
    noisy; ``left`` and ``right`` are its known neighbours in lower case,
    ``following`` the right one as written."""
    word = token.text
    article = (
        right is not None
        and _article_after(word, following)
        # and "a" goes with that word ("a single", not "a say", "a removed")
        and corrector.bigrams().association("a", right) > 0
    )
    if (len(word) < 4 and not article) or not (word.islower() or token.initial):
        return None
    if _BROKEN_TAIL_RE.search(text[max(0, token.start - 8) : token.start]):
        return None  # the second half of a hyphen-broken word ("pro- ofthe")
    best = _best_split(corrector, word.lower())
    if best is None:
        return None
    keep = KEEP_LOWER - NOISE_WEIGHT * math.log10(max(noise, 1e-3) / NOISE_REFERENCE)
    single = corrector.judge_unknown(word, keep, deep=False, left=left, right=right)
    rival = single.best.score
    score, a, b = best
    if noise >= OCR_PAGE_NOISE:
        # In OCR output the neighbours say how the two words read in place
        # ("on theevening of"); elsewhere they would favour splitting a
        # compound of technical prose ("the filesystem", "a webserver").
        score += corrector.context(a, left, None) + corrector.context(b, None, right)
    margin = score - rival
    confidence = 1 / (1 + 10**-margin)
    if confidence < PROPOSE_AT:
        return None
    after = f"{a} {b}"
    if word[:1].isupper():
        after = after[:1].upper() + after[1:]
    against = f"leaving {word!r}" if single.best.keeps else f"reading it as {single.best.surface!r}"
    return Edit(
        token.start,
        token.end,
        word,
        after,
        RULE_SPLIT,
        round(confidence, 4),
        f"two words run together: {a!r} and {b!r} are a common pair, more likely than {against}",
        # "a" and "I" split off ("aset", "Ithe") are as often a misread
        # letter; not an article glued after a word that takes one ("ofa").
        (min(len(a), len(b)) > 1 or (article and b == "a"))
        and confidence >= _safe_at(word, ocr_page, left is not None or right is not None),
    )


def _article_after(word: str, following: str | None) -> bool:
    """Whether ``word`` is a word that takes an article run into "a", before
    a word in small letters that "a" may stand before ("ofa successful",
    "isa directive"; not "froma openly").

    >>> _article_after("ofa", "successful"), _article_after("isa", None)
    (True, False)
    >>> _article_after("Ofa", "successful"), _article_after("ofa", "Successful")
    (False, False)
    >>> _article_after("froma", "openly")
    False
    """
    return (
        word.islower()
        and article_run_in(word)
        and following is not None
        and following.islower()
        and following[0] not in "aeiou"
    )


def _safe_at(word: str, ocr_page: bool, in_place: bool) -> float:
    """The confidence from which a split of ``word`` into two words of two
    letters or more is applied (see SAFE_AT_WORDS, SAFE_LETTERS); ``in_place``:
    a known word stands beside it, which read it in place."""
    if not ocr_page:
        return SAFE_AT
    if in_place and len(word) >= SAFE_LETTERS and word.islower():
        return PROPOSE_AT
    return SAFE_AT_WORDS
