"""Paragraphs in another language than English, which the word stages leave alone.

The lexicon, the error model, the gazetteer and the rules of spacing are
English: read with them, a French paragraph is a page of misreadings
("mesures" -> "measures", "werden" -> "warden") and its spaces before "?"
and ";" are damage, though they are French typography. A paragraph (or a
line) is another language's when the function words of other languages
(``dictionaries/function_words.txt``: "les", "und", "della", "het") are
frequent in it and outnumber English ones (see FOREIGN_WORDS; the names and
attributes of tags are no words of it); a heading or a line of commands
between two such paragraphs is too, and so is the whole text when none of
its paragraphs reads as English (see foreign_spans). In a text another
language dominates (see DOMINANT), every paragraph but those that read as
English is that language's: a program's messages, each too short to tell.

There only the repairs that hold in any language stand (see
in_any_language): mojibake, invisible characters, doubled spaces, spaces at
a line's ends, a space before a comma or a full stop. The word stages do not
count the paragraph's words either, so a French quotation does not make an
English page read as noisy OCR output.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from cleaner.edits import Edit
from cleaner.memo import last_call
from cleaner.regex import lazy
from cleaner.resources import dictionary_path

Span = tuple[int, int]

# A paragraph or line is another language's when it uses at least
# FOREIGN_WORDS distinct function words of other languages, more often than
# FOREIGN_RATIO times English ones, and they make up FOREIGN_SHARE of its
# words at least. In running English, function words are about 38% of the
# words and the other languages' about none (the English Vim tutor: 38.4%
# and 0.0%); in the tutor's 22 translations into languages of the Latin
# script the other languages' are 7-30% and the English ones 0-8% (Danish
# "at", "for", "have"; German "in", "was"). A list of people ("Ludovic de
# Souza", "Carl von Ossietzky") falls short of the share; "od" three times
# (the command) of the distinct words.
FOREIGN_WORDS = 3
FOREIGN_RATIO = 1
FOREIGN_SHARE = 0.05
# A document with this many distinct ones, as above, is another language's as a whole.
FOREIGN_DOCUMENT_WORDS = 6
# A paragraph reads as English when English function words make up this
# share of its words (three at least). Paragraphs of the English Vim tutor
# run to 0.57-0.69; the Slovak tutor's paragraphs that its lists miss reach
# 0.20 ("to", "on", "do" are Slovak words too). A document with paragraphs
# in another language and none in English is another language's throughout.
ENGLISH_SHARE = 0.25

# Another language dominates a text when this many times as many of its
# paragraphs read as it as read as English, or when the text as a whole
# reads as it with this many times as many of its function words as English
# ones; then every paragraph that does not read as English is its. The
# German message catalogues of a Debian system (85 of them, a message to a
# paragraph) have 7,388 messages that read as German, 7 as English ("for
# NAME [in WORDS ...] ; do COMMANDS; done") and 23,722 too short to tell
# ("Zeileneditierung ist nicht aktiviert.": 'nicht' -> 'night').
DOMINANT = 5

# A paragraph that reads neither as English nor as another language takes
# the language of the paragraphs before and after it when both are another
# language's; if it has at most this many words, also when one is and the
# other is the text's edge ("# Projet" above a French README). The long
# lists of files and authors that open a copyright file stay English though
# a later paragraph names the "Università degli studi di Perugia".
SHORT_WORDS = 20

# The rules whose repairs are right in any language: an encoding's damage,
# invisible characters, a doubled space, spaces at a line's ends. Not the
# no-break space (French sets one before "?", ";" and inside guillemets),
# nor spaces before other marks than "," and "." (see in_any_language), nor
# any word's spelling or boundaries.
ANY_LANGUAGE_RULES = (
    "encoding.",
    "invisible.zero-width",
    "invisible.soft-hyphen",
    "spacing.double-space",
    "spacing.trailing-whitespace",
    "spacing.leading-space",
)

# The spacing stage's rule (cleaner.stages.spacing), named here so that this
# module, which the pipeline imports, does not import the stages.
RULE_SPACE_BEFORE = "spacing.space-before-punctuation"

# A word standing alone: not part of an address, a path, a file name, an
# option, a command, a call or a pattern's alternatives ("haxx.se",
# "alg-des.h", "/tmp/du.gz", ":au", "der[0]", "l'homme", "(en|de)code").
_WORD_RE = lazy(r"(?<![\w.@/\\:'’|-])[^\W\d_]+(?![\w@/\\(\['’|-]|[.:]\w)")
# A word before a comma: "da, de, es," is a list of language codes.
_LISTED_RE = lazy(r"(?<![^\W\d_])([^\W\d_]+),")
# A tag of HTML or XML (in a page, or inline in Markdown): its names and
# attributes are no words of the text ("<a class=...>" is no English "a").
_TAG_RE = lazy(r"</?[A-Za-z][\w:.-]*(?:\"[^\"]*\"|'[^']*'|[^'\"<>])*>")
_NOT_A_BREAK_RE = lazy(r"[^\n]")
_PARAGRAPH_END_RE = lazy(r"\r?\n[ \t\r]*(?:\n|$)")
# The piece of a word a window's edge cuts (see foreign_neighbours).
_PARTIAL_HEAD_RE = lazy(r"^[\w'’-]+")
_PARTIAL_TAIL_RE = lazy(r"[\w'’-]+$")

# The words around a word that foreign_neighbours reads: this many on each
# side, within this many characters, in its paragraph. An unknown word
# there counts when it is in lower case and this long at least.
NEIGHBOURS = 4
NEIGHBOUR_REACH = 80
UNKNOWN_LETTERS = 4


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """English function words, and the other languages' (none an English one)."""
    english: set[str] = set()
    other: set[str] = set()
    for line in dictionary_path("function_words.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, *words = line.split()
        (english if code == "en" else other).update(words)
    return frozenset(english), frozenset(other - english)


class _Counts:
    """The words of a paragraph or line, and its function words."""

    # A plain class: a NamedTuple costs a check's start-up about 0.4 ms to define.
    __slots__ = ("english", "other", "other_any", "other_uses", "words")

    def __init__(
        self, words: int, english: int, other: int, other_uses: int, other_any: int
    ) -> None:
        self.words = words
        self.english = english  # uses of English function words
        self.other = other  # distinct function words of other languages
        self.other_uses = other_uses  # how often those occur
        # distinct ones, listed ones too (see _counts): no line of the
        # paragraph has more
        self.other_any = other_any


def _counts(text: str, start: int, end: int) -> _Counts:
    """The words of ``text[start:end]``, and the function words among them.

    English words are counted in any case ("The"), the others' in lower case
    only: "Le Monde", "Los Angeles" and "Des Moines" are names in English.
    Not before a comma: "da, de, es," is a list of language codes.
    """
    english, other = _words()
    words = _WORD_RE.findall(text, start, end)
    ours = sum(1 for word in words if word.lower() in english)
    theirs = [word for word in words if word in other]
    distinct = len(set(theirs))
    if theirs and "," in text[start:end]:
        listed = set(_LISTED_RE.findall(text, start, end))
        theirs = [word for word in theirs if word not in listed]
        return _Counts(len(words), ours, len(set(theirs)), len(theirs), distinct)
    return _Counts(len(words), ours, distinct, len(theirs), distinct)


# Paragraphs whose counts are remembered: a 1 MB part of a text has about ten
# thousand (a blank line or a line of its own opens one).
PARAGRAPHS_REMEMBERED = 1 << 15


@functools.lru_cache(maxsize=PARAGRAPHS_REMEMBERED)
def _paragraph_counts(paragraph: str) -> _Counts:
    """_counts of a whole paragraph, remembered: a text is read again each
    time a layer of the pipeline changes it (see cleaner.pipeline), and in
    a large one most of its paragraphs are as they were."""
    return _counts(paragraph, 0, len(paragraph))


def _foreign(counts: _Counts, least: int = FOREIGN_WORDS) -> bool:
    """Whether a paragraph or line of ``counts`` reads as another language (see FOREIGN_WORDS)."""
    return (
        counts.other >= least
        and counts.other_uses > FOREIGN_RATIO * counts.english
        and counts.other_uses >= FOREIGN_SHARE * counts.words
    )


@last_call
def foreign_spans(text: str) -> tuple[Span, ...]:
    """The paragraphs and lines of ``text`` written in another language than English.

    A paragraph that reads neither way (a heading, a line of commands, a
    short item) between two in another language, or between one and the
    text's start or end, is that language's too, as is every one in a text
    another language dominates (see DOMINANT); the whole text is when none
    of its paragraphs reads as English and some do as another language, or
    it does as a whole.

    >>> text = "The cat sat on the mat.\\n\\nLe chat est sur la table, et il dort.\\n"
    >>> [text[s:e] for s, e in foreign_spans(text)]
    ['Le chat est sur la table, et il dort.']
    >>> foreign_spans("Charles de Gaulle met the press in Paris on Monday.")
    ()
    """
    # A first look: a text with fewer than FOREIGN_WORDS distinct function
    # words of other languages between spaces has no paragraph in one (about
    # 80 MB/s, and nothing to compile; of the 986 files of the documentation
    # tree of bench/speed.py one goes further, the one with a stanza of Dante).
    if len(_words()[1].intersection(text.split())) < FOREIGN_WORDS:
        return ()
    if "<" in text:
        text = _TAG_RE.sub(_blank, text)
    # Each paragraph: its span, whether it reads as another language (True),
    # as English (False) or neither (None), whether it is short, and whether
    # a line of it may read as another language (it holds enough of their
    # function words in all; else its lines are not counted again).
    paragraphs: list[tuple[Span, bool | None, bool, bool]] = []
    english_uses = other_uses = 0
    start = 0
    for end in [m.start() for m in _PARAGRAPH_END_RE.finditer(text)] + [len(text)]:
        while start < end and text[start] in " \t\r\n":
            start += 1
        if start < end:
            counts = _paragraph_counts(text[start:end])
            reading = True if _foreign(counts) else False if _english(counts) else None
            short = counts.words <= SHORT_WORDS
            paragraphs.append(((start, end), reading, short, counts.other_any >= FOREIGN_WORDS))
            english_uses += counts.english
            other_uses += counts.other_uses
        start = end + 1
    readings = [paragraph[1] for paragraph in paragraphs]
    foreign, english = readings.count(True), readings.count(False)
    if not english and (
        foreign or _foreign(_counts(text, 0, len(text)), least=FOREIGN_DOCUMENT_WORDS)
    ):
        return ((0, len(text)),)
    # Another language dominates the text (see DOMINANT): the paragraphs
    # that read neither way are that language's too (short messages, items,
    # headings), wherever they stand. The whole text is counted again only
    # when its paragraphs' summed counts allow it: the sums hold the same
    # English uses as the whole, and at least its other uses (a word listed
    # before a comma anywhere is dropped from the whole's count; see _counts).
    dominant = 0 < DOMINANT * english <= foreign
    if not dominant and other_uses >= DOMINANT * english_uses:
        whole = _counts(text, 0, len(text))
        dominant = _foreign(whole) and whole.other_uses >= DOMINANT * whole.english
    befores = _nearest_readings(readings)
    afters = _nearest_readings(readings[::-1])[::-1]
    spans: list[Span] = []
    for i, (span, reading, short, foreign_lines) in enumerate(paragraphs):
        if reading or (
            reading is None and (dominant or _between_foreign(befores[i], afters[i], short))
        ):
            spans.append(span)
        elif foreign_lines:
            spans.extend(_foreign_lines(text, *span))
    return tuple(spans)


def _nearest_readings(readings: list[bool | None]) -> list[bool | None]:
    """For each paragraph, the reading of the nearest one before it that reads
    either way (None at the text's start): one pass, however many paragraphs
    a large text has.

    >>> _nearest_readings([None, True, None, False, None])
    [None, None, True, True, False]
    """
    nearest: list[bool | None] = []
    last: bool | None = None
    for reading in readings:
        nearest.append(last)
        if reading is not None:
            last = reading
    return nearest


def _between_foreign(before: bool | None, after: bool | None, short: bool) -> bool:
    """Whether the nearest paragraphs that read either way ``before`` and
    ``after`` a paragraph (None: the text's edge) read as another language;
    for a ``short`` one, one of them may be the text's edge instead
    ("# Projet" above a French README)."""
    if short:
        return before is not False and after is not False and (before or after) is True
    return before is True and after is True


def _english(counts: _Counts) -> bool:
    """Whether a paragraph reads as English: its function words make up
    ENGLISH_SHARE of it, and outnumber other languages' twice over."""
    return (
        counts.english >= FOREIGN_WORDS
        and counts.english >= ENGLISH_SHARE * counts.words
        and counts.english > 2 * counts.other_uses
    )


def _blank(match: re.Match[str]) -> str:
    """A tag as "<" and spaces, its line breaks kept: offsets, lines and
    paragraphs stay (a line of tags alone is no blank line between two)."""
    return "<" + _NOT_A_BREAK_RE.sub(" ", match.group()[1:])


def _foreign_lines(text: str, start: int, end: int) -> list[Span]:
    """The lines of the paragraph ``text[start:end]`` that are another language's."""
    spans = []
    line = start
    while line < end:
        stop = text.find("\n", line, end)
        if stop < 0:
            stop = end
        if _foreign(_counts(text, line, stop)):
            spans.append((line, stop))
        line = stop + 1
    return spans


def in_any_language(edit: Edit, text: str) -> bool:
    """Whether ``edit`` of ``text`` is right in a paragraph of another language too:
    one of ANY_LANGUAGE_RULES, or a space taken from before a comma or a full
    stop (no language sets one there; French does before "?", ";", ":", "!").

    >>> text = "Il dort , puis il part ?"
    >>> [in_any_language(Edit(i, i + 1, " ", "", RULE_SPACE_BEFORE, 0.9, "", True), text)
    ...  for i in (7, 22)]
    [True, False]
    """
    if edit.rule.startswith(ANY_LANGUAGE_RULES):
        return True
    return (
        edit.rule == RULE_SPACE_BEFORE
        and not edit.before.strip()
        and text[edit.end : edit.end + 1] in (",", ".")
        and text[edit.end + 1 : edit.end + 2] != "."
    )


def foreign_neighbours(
    text: str, start: int, end: int, known: Callable[[str], bool]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of another language among the NEIGHBOURS words on each side
    of ``text[start:end]`` in its paragraph (within NEIGHBOUR_REACH
    characters), and the unknown words there.

    Of another language: other languages' function words ("efter",
    "della"), and words with letters beyond ASCII that ``known`` (the
    lexicon) does not know ("Sök", "già"). Unknown: lower-case words of
    UNKNOWN_LETTERS or more that it does not know ("gemakkelijk", but also
    "dpkg"), which only back the others up. A paragraph of English with a
    few words of another language, or a line of another language too short
    for foreign_spans to read ("Sök efter paket med dpkg" in an English
    page), is where a word of that language is no English slip. Not
    counted: a particle between two capitalised words ("Ludovic de Souza")
    and a capitalised word beside another ("Michaël Zasso"), which are
    names in English text too.

    >>> known = {"the", "then", "search", "for", "packages", "with"}.__contains__
    >>> text = "Run it.\\n\\nSök efter paket med dpkg, then search for the packages."
    >>> foreign_neighbours(text, text.index("paket"), text.index("paket") + 5, known)
    (('Sök', 'efter'), ('dpkg',))
    >>> text = "Thanks to Michaël Zasso and Charles de Gaulle for the pakcage."
    >>> foreign_neighbours(text, text.index("pakcage"), len(text) - 1, known)
    ((), ())
    """
    low = _paragraph_start(text, max(0, start - NEIGHBOUR_REACH), start)
    ahead = _PARAGRAPH_END_RE.search(text, end, end + NEIGHBOUR_REACH)
    high = ahead.start() if ahead else min(len(text), end + NEIGHBOUR_REACH)
    before = text[low:start]
    after = text[end:high]
    if low > 0 and text[low - 1 : low].isalnum():
        before = _PARTIAL_HEAD_RE.sub("", before)  # a word the window cuts
    if high < len(text) and text[high : high + 1].isalnum():
        after = _PARTIAL_TAIL_RE.sub("", after)
    if "<" in before:
        before = _TAG_RE.sub(_blank, before)
    if "<" in after:
        after = _TAG_RE.sub(_blank, after)
    words = _WORD_RE.findall(before)
    first = max(0, len(words) - NEIGHBOURS)  # the words beyond are read only as context
    last = len(words) + NEIGHBOURS
    words += _WORD_RE.findall(after)
    other = _words()[1]
    found: list[str] = []
    unknown: list[str] = []
    for i, word in enumerate(words[first:last], first):
        prior = words[i - 1] if i else ""
        later = words[i + 1] if i + 1 < len(words) else ""
        if word in other:
            if not (prior[:1].isupper() and later[:1].isupper()):
                found.append(word)
        elif (
            not word.isascii()
            and not known(word.lower())
            and not (word[0].isupper() and (prior[:1].isupper() or later[:1].isupper()))
        ):
            found.append(word)
        elif word.islower() and len(word) >= UNKNOWN_LETTERS and not known(word):
            unknown.append(word)
    return tuple(dict.fromkeys(found)), tuple(dict.fromkeys(unknown))


def _paragraph_start(text: str, start: int, end: int) -> int:
    """Where the paragraph of ``text[end]`` starts if in ``text[start:end]``, else ``start``."""
    last = start
    for match in _PARAGRAPH_END_RE.finditer(text, start, end):
        last = match.end()
    return last
