"""Capitalised words and runs of them: what the names stages look at.

A name is a capitalised word ("Ankara", "Lashkar-e-Taiba", the "Anara" of
"Anara's") or a run of them joined by single spaces or a lower-case
connector ("New South Wales", "Rio de Janeiro"). Words in ALL CAPS and
CamelCase ("NATO", "GitHub") are acronyms, brands and code, not names to
repair.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from cleaner.regex import lazy
from cleaner.tokens import LETTER_QUOTE_RE

# Lower-case words inside multi-word names ("Rio de Janeiro", "Bosnia and
# Herzegovina", "Al Başrah al Qadīmah"): those the gazetteer's names use at
# least three times, without the English words "in", "as", "a" and "i".
CONNECTORS = frozenset((
    "of", "the", "and", "de", "da", "do", "dos", "das", "del", "la", "le", "les", "du", "des",
    "di", "am", "an", "der", "y", "e", "al", "el", "los", "las", "nad", "ash", "ob", "bei",
    "aan", "den", "et", "upon", "wa", "va", "na", "az", "pri", "ech",
))  # fmt: skip
# Words that go with place names ("North", "City"): they do not make a
# neighbouring word part of a person's name.
PLACE_WORDS = frozenset((
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Greater", "New", "Old", "Port", "Lake", "Mount", "River", "City",
    "County", "Province", "Region", "District", "State", "Island", "Islands", "Bay", "Valley",
    "Airport", "University", "Street", "Road", "Square", "Gulf", "Sea", "Coast",
))  # fmt: skip
_POSSESSIVE_RE = lazy(r"['’]s$")
# The words of WORD_RE (cleaner.tokens) that do not start with a small ASCII
# letter, found without visiting the others: most words of a text are those.
# A WORD_RE match starts at a letter that neither follows a letter nor a
# hyphen or apostrophe after a letter (a match there would have gone on over
# it); the two lookbehinds say so for the letter just taken.
_CAPITAL_WORD_RE = lazy(
    r"[^\W\d_a-z](?<![^\W\d_].)(?<![^\W\d_]['’\-].)[^\W\d_]*(?:['’\-][^\W\d_]+)*"
)
# The same for an ASCII text, whose letters are A-Z and a-z: ranges, not the
# Unicode categories each character is looked up in (found in a third of the time).
_ASCII_CAPITAL_WORD_RE = lazy(r"[A-Z](?<![A-Za-z].)(?<![A-Za-z]['\-].)[A-Za-z]*(?:['\-][A-Za-z]+)*")
# What ends a sentence. Not a semicolon: a capital after one starts a name
# ("bug 343; Peter Benie"), not a sentence.
_SENTENCE_END = ".!?:\n"
# What may stand between a sentence end and its first word: spaces, quotes,
# brackets, Markdown emphasis, heading and quote marks, list dashes.
_OPENERS = " \t\"'“”‘’«»([*_#>-"


class Word(NamedTuple):
    """A capitalised word: its span without a possessive ending, and its place in the sentence."""

    start: int
    end: int
    text: str
    sentence_start: bool


@functools.lru_cache(maxsize=4)
def name_words(text: str) -> tuple[Word, ...]:
    """The capitalised words of ``text``, in order.

    >>> [(w.text, w.sentence_start) for w in name_words("But Anara's view. Berk Esen, GitHub")]
    [('But', True), ('Anara', False), ('Berk', True), ('Esen', False)]

    A word joined to an underscore is part of a name of code, no name
    ("city_Anara", "degree_Reaumur" beside "degree_Réaumur", a unit table's
    two aliases):

    >>> [w.text for w in name_words("set city_Anara, Anara_town and degree_Réaumur in Anara")]
    ['Anara']

    The last few texts are remembered: both names stages read the same words.
    """
    found: list[Word] = []
    words = _ASCII_CAPITAL_WORD_RE if text.isascii() else _CAPITAL_WORD_RE
    for match in words.finditer(text):
        word = match.group()
        # Capitalised: a capital first, not all capitals ("NATO"), none inside ("GitHub").
        if not word[0].isupper() or word.isupper() or _inner_capital(word):
            continue
        start, end = match.span()
        if text[end : end + 1] == "\N{LEFT SINGLE QUOTATION MARK}" and LETTER_QUOTE_RE.match(
            text, end - 1
        ):
            continue  # "Hawai" of "Hawai‘i": part of a word written with the ‘okina
        if text[start - 1 : start] == "_" or text[end : end + 1] == "_":
            continue  # "city_Anara": part of a name of code
        core = _POSSESSIVE_RE.sub("", word)
        found.append(Word(start, start + len(core), core, _starts_sentence(text, start)))
    return tuple(found)


def _inner_capital(word: str) -> bool:
    # "GitHub", "McAllen", "iPhone"; a capital after a hyphen or an
    # apostrophe is ordinary ("Saint-Denis", "O'Neill"). Most words have no
    # capital after the first letter, which one string method tells.
    rest = word[1:]
    if rest.islower():
        return False
    return any(c.isupper() and word[i - 1] not in "-'’" for i, c in enumerate(word) if i)


def _starts_sentence(text: str, start: int) -> bool:
    r"""Whether the word at ``start`` opens a sentence, a paragraph or the text.

    A line start alone does not: in a list of names ("Miroslav Jurisic\nBarry
    Jaspan") or prose broken into lines, a capital after a line that ends
    mid-sentence marks a name, not a sentence.

    >>> text = "Ends.\nBarry Jaspan\nHarry Tsai\n\nKim Lee"
    >>> [_starts_sentence(text, text.index(w)) for w in ("Barry", "Harry", "Kim")]
    [True, False, True]
    """
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0:
        return True
    if text[i] != "\n":
        return text[i] in _SENTENCE_END
    i -= 1
    while i >= 0 and text[i] in " \t\r":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def joined(found: Sequence[Word], i: int, j: int, text: str) -> bool:
    """Whether words i..j form one run: single spaces, or one or two lower-case
    connectors ("Rio de Janeiro", "Democratic Republic of the Congo").

    >>> text = "in Rio de Janeiro and Sao Paulo, Brazil"
    >>> found = name_words(text)
    >>> joined(found, 0, 1, text), joined(found, 2, 3, text), joined(found, 3, 4, text)
    (True, True, False)
    """
    for k in range(i, j):
        gap = text[found[k].end : found[k + 1].start]
        parts = gap[1:-1].split(" ") if len(gap) > 2 and gap[0] == gap[-1] == " " else ()
        if gap != " " and not (0 < len(parts) <= 2 and all(p in CONNECTORS for p in parts)):
            return False
    return True


def run_ends(found: Sequence[Word], text: str) -> list[int]:
    """For each word, the last word of the run it starts: words i..j are one run
    (:func:`joined`) when ``j <= run_ends(found, text)[i]``.

    Each gap is looked at once, however many runs a caller tries.

    >>> text = "in Rio de Janeiro and Sao Paulo, Brazil"
    >>> run_ends(name_words(text), text)
    [3, 3, 3, 3, 4]
    """
    ends = list(range(len(found)))
    for k in range(len(found) - 2, -1, -1):
        if joined(found, k, k + 1, text):
            ends[k] = ends[k + 1]
    return ends


def neighbours(found: Sequence[Word], i: int, text: str, *, wraps: bool = False) -> list[Word]:
    r"""The capitalised words right before and after word i, one space away
    (or one no-break space, which binds a name's parts: "Adam Williamson");
    with ``wraps``, also a line break away where the line wraps mid-sentence
    ("as well as Ilan" at a line's end, "Schnell for his work" opening the
    next; not before a sentence's first word).

    >>> text = "Thanks to Ilan\n  Schnell and Anara.\nToday Kuleba"
    >>> found = name_words(text)
    >>> [[n.text for n in neighbours(found, i, text)] for i in range(1, 3)]
    [[], []]
    >>> [[n.text for n in neighbours(found, i, text, wraps=True)] for i in range(len(found))]
    [[], ['Schnell'], ['Ilan'], [], ['Kuleba'], ['Today']]
    """
    word = found[i]
    near = []
    if i > 0 and _binds(text[found[i - 1].end : word.start], word, wraps):
        near.append(found[i - 1])
    if i + 1 < len(found) and _binds(text[word.end : found[i + 1].start], found[i + 1], wraps):
        near.append(found[i + 1])
    return near


def _binds(gap: str, later: Word, wraps: bool) -> bool:
    """Whether a gap binds two words of a name: one space, or with ``wraps``
    a line break (spaces around it) before a word that opens no sentence."""
    return gap in ONE_SPACE or (
        wraps and not later.sentence_start and "\n" in gap and gap.strip(" \t\r") == "\n"
    )


# The gaps between the parts of a person's name.
ONE_SPACE = (" ", "\N{NO-BREAK SPACE}")


# A line that is a person's name in brackets, as Debian changelogs head the
# changes of each of several uploaders ("  [ Johannes Schauer Marin Rodrigues ]").
_UPLOADER_LINE_RE = lazy(
    r"[ \t]*\[[ \t]+[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|[a-z]{1,3})){1,5}[ \t]+\][ \t]*\r?"
)


def on_uploader_line(text: str, start: int) -> bool:
    """Whether ``start`` is on a line that is only a name in brackets: a
    person heading the changes they made ("[ Tris Emmy Wilson ]"), whatever
    place or other name a word of it is one letter from.

    >>> text = "  [ Johannes Schauer Marin Rodrigues ]\\n  * Fix Anara [ see #12 ]"
    >>> [on_uploader_line(text, text.index(w)) for w in ("Rodrigues", "Anara")]
    [True, False]
    """
    line = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", start)
    return _UPLOADER_LINE_RE.fullmatch(text, line, len(text) if stop < 0 else stop) is not None


# What may stand between a word of a person's name and the e-mail address
# after it: more of the name (capitalised words, particles: "Oxan van
# Leeuwen"), a nickname in brackets or quotes ("Alexandre (Midnite)
# Jousset"), the address's opening bracket; then the address (a bare host
# in angle brackets too, as old ChangeLogs have it: "<nisse@carduelis>"), or
# a web address in angle brackets, as contributor lists give a person's
# page ("Matt Ruffalo <https://github.com/mruffalo>").
_NAME_PART = r"[A-Z][\w'’.-]*|van|von|de|der|den|da|di|du|la|le|del|dos|bin|al|el"
_NICKNAME = r"[\"'‘“][^\"'‘’“”\n]{1,30}[\"'’”]"
_ADDRESSED_RE = lazy(
    rf"[)\"'’”]?(?:[ \t]+(?:{_NAME_PART}|\([^()\n]{{1,30}}\)|{_NICKNAME}))*"
    r"[ \t]*(?:[<(\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[\w.+-]+@[\w-]+>|<https?://[^\s<>]+>)"
)
# A copyright line up to its holder's name ("Copyright (c) 1999-2003 Toby ").
_COPYRIGHT_RE = lazy(
    r"(?:copyright|\([cC]\)|©)[^\n]*\d{4}[\d ,–-]*[,:]?[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,3}\Z",
    re.IGNORECASE,
)
# A commit message's trailer up to the name it credits ("Reported-by: Orange ",
# "Signed-off-by: ", "Co-authored-by: "), as git writes them and changelogs quote them.
_TRAILER_RE = lazy(r"[ \t]*(?:[A-Za-z]+-)+by:[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,3}\Z")
# A short line that opens with a dash and a space, up to the name it gives:
# who a quotation above it is by, as an epigraph, a fortune or a signature
# names them ("\t\t-- Vincent ", "— "). Not a newspaper's paragraph that a
# dash opens ("--Henry Squire, twenty-seven, porter, was brought up ..."):
# it runs on.
_ATTRIBUTION_RE = lazy(r"[ \t]*(?:--|—|―)[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,3}\Z")
ATTRIBUTION_CHARACTERS = 80


def credit_line(text: str, word: Word) -> bool:
    """Whether ``word`` is part of a name an e-mail address follows, the name
    a copyright line gives, the name a commit trailer credits, the name a
    line opening with a dash gives a quotation to or the name in brackets
    before the number of a change: a person (or a company), in the credits
    of changelogs, AUTHORS and licence files, under a quote, whatever place
    the name also is, and written as its owner writes it.

    >>> text = "Harry Edmon   <harry@example.org>; Copyright (c) 1999 Toby Dickenson; Anara"
    >>> [(w.text, credit_line(text, w)) for w in name_words(text)]
    [('Harry', True), ('Edmon', True), ('Copyright', False), ('Toby', True), \
('Dickenson', True), ('Anara', False)]
    >>> text = "Oxan van Leeuwen <oxan@example.org>, Alexandre (Midnite) Jousset <mid@example.org>"
    >>> [(w.text, credit_line(text, w)) for w in name_words(text)]
    [('Oxan', True), ('Leeuwen', True), ('Alexandre', True), ('Midnite', True), ('Jousset', True)]
    >>> [(w.text, credit_line(t, w)) for t in ("Niels Moller  <nisse@carduelis>", "Moller @ home")
    ...  for w in name_words(t)]
    [('Niels', True), ('Moller', True), ('Moller', False)]
    >>> [(w.text, credit_line(t, w)) for t in ("- Matt Ruffalo <https://github.com/mruffalo>",
    ...  "see Buffalo (https://example.org)") for w in name_words(t)]
    [('Matt', True), ('Ruffalo', True), ('Buffalo', False)]
    >>> text = "Fix the parser.\\n\\nReported-by: Orange Tsai\\nSigned-off-by: Ana Lim\\nIn Anara"
    >>> [(w.text, credit_line(text, w)) for w in name_words(text)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Fix', False), ('Reported-by', False), ('Orange', True), ('Tsai', True),
     ('Signed-off-by', False), ('Ana', True), ('Lim', True), ('In', False), ('Anara', False)]
    >>> text = ("Never make anything simple.\\n\\t\\t-- Brent Welch\\n— Finlay Peter Dunne, 1901\\n"
    ...         "In Welch\\n-- Anara police said on Monday that the two men they held had left "
    ...         "the city at dawn")
    >>> [(w.text, credit_line(text, w)) for w in name_words(text)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Never', False), ('Brent', True), ('Welch', True), ('Finlay', True), ('Peter', True),
     ('Dunne', True), ('In', False), ('Welch', False), ('Anara', False), ('Monday', False)]
    """
    if _ADDRESSED_RE.match(text, word.end):
        return True
    line_start = text.rfind("\n", 0, word.start) + 1
    return (
        _credits_change(text, line_start, word)
        or _COPYRIGHT_RE.search(text, line_start, word.start) is not None
        or _TRAILER_RE.match(text, line_start, word.start) is not None
        or _attribution(text, line_start, word)
    )


# A name alone in brackets, then the number of the change it made or
# reported, as release notes credit people: "(Nicolas Romer) [#7070](...)",
# "(Chand) #49795", "(Jamen Marz, #13484)", "(Ana Lim) (GH-12)". Up to four
# words of a name (particles and a nickname in quotes among them).
_CHANGE_CREDIT_RE = lazy(
    rf"\((?:[A-Z][\w'’.-]*|{_NICKNAME})(?:[ \t]+(?:{_NAME_PART}|{_NICKNAME})){{0,4}}"
    r"(?:\)[ \t]*[\[(]?|,[ \t]*)(?:#|GH-|gh-)\d"
)


def _credits_change(text: str, line_start: int, word: Word) -> bool:
    """Whether ``word`` is in a name in brackets that a change's number
    follows (see _CHANGE_CREDIT_RE).

    >>> text = ("- add linebreak (Nicolas Romer) [#7070](https://x/7070)\\n"
    ...         "- fix it (Chand) #49795; (Dejon \\"DJ\\" Gill, #9700)\\n- Near (Anara) [1]")
    >>> [(w.text, _credits_change(text, text.rfind("\\n", 0, w.start) + 1, w))
    ...  for w in name_words(text)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Nicolas', True), ('Romer', True), ('Chand', True), ('Dejon', True), ('Gill', True),
     ('Near', False), ('Anara', False)]
    """
    opening = text.rfind("(", max(line_start, word.start - 80), word.start)
    if opening < 0:
        return False
    match = _CHANGE_CREDIT_RE.match(text, opening)
    return match is not None and match.end() > word.end


def _attribution(text: str, line_start: int, word: Word) -> bool:
    """Whether ``word`` is in the name that the line at ``line_start`` gives
    a quotation to (see _ATTRIBUTION_RE)."""
    if _ATTRIBUTION_RE.match(text, line_start, word.start) is None:
        return False
    line_end = text.find("\n", word.end)
    return (len(text) if line_end < 0 else line_end) - line_start <= ATTRIBUTION_CHARACTERS


# A person credited in brackets, as changelogs and release notes name who
# reported or fixed a thing: "(Jean Jordaan)", "(Henrik Ohman, 2009 Jan
# 29)", "(Yaroslav\n    Kuzmin)". Two to four capitalised words (and the
# particles of a name), then the bracket's end, or a comma and a date or a
# note.
_BRACKETED_NAME_RE = lazy(
    r"\((?:[A-Z][\w'’.-]*(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:(?:van|von|de|der|den|da|di|du|le"
    r"|del|dos|bin|al|el)[ \t]+)?){1,3}[A-Z][\w'’.-]*[ \t]*[,)]"
)


def bracketed_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a person's name in brackets,
    with more of the name beside it: the credit of a changelog entry,
    whatever place a part of it is one letter from. A bracket that holds
    the words alone ("(New Yrok)") may hold a place.

    >>> text = "It fails. (Henrik Ohman, 2009 Jan 29)\\nFixed. (Phan Vinh Thinh)\\nIn (New Yrok)."
    >>> [bracketed_name(text, text.index(w), text.index(w) + len(w))
    ...  for w in ("Ohman", "Henrik", "Vinh Thinh", "New Yrok", "Yrok")]
    [True, True, True, False, True]
    >>> text = "Use it. (Yaroslav\\n            Kuzmin)\\nIn Ankara (Turkey)."
    >>> [bracketed_name(text, text.index(w), text.index(w) + len(w))
    ...  for w in ("Yaroslav", "Turkey")]
    [True, False]
    """
    opening = text.rfind("(", max(0, start - 100), start)
    if opening < 0:
        return False
    match = _BRACKETED_NAME_RE.match(text, opening)
    if match is None or match.end() <= end:
        return False
    inside = text[opening + 1 : match.end() - 1].split()
    return len(inside) > len(text[start:end].split())


# A line of nothing but up to four capitalised words, set apart by spaces,
# commas or semicolons, and a closing mark: "Kikuyu; Gikuyu.", "Tsonga.".
_NAMES_LINE_RE = lazy(
    r"[ \t]*(?:[-*+•][ \t]+)?[A-Z][\w'’-]*(?:[,;]? [A-Z][\w'’-]*){0,3}"
    r"(?:[ \t]+\([^()\n]*\))?[.,;:]?[ \t]*"
)


def line_of_names(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is on a line of names alone: an entry of a
    list of names (languages, an AUTHORS file's people) or a heading, with no
    sentence to tell its words by.

    >>> text = "ki\\n     Kikuyu; Gikuyu.\\nts\\n     Tsonga.\\nIn Tonga today.\\nNew Yrok"
    >>> [line_of_names(text, text.index(w), text.index(w) + len(w))
    ...  for w in ("Gikuyu", "Tsonga", "Tonga", "Yrok")]
    [True, True, False, True]

    An item of a bulleted list, with a note in brackets, is such a line too
    (a changelog's list of the languages a release adds):

    >>> text = "  * Portugol (#2300)\\n  * Smali (Dalvik assembly)\\n  * Fix Anara (see #12) now"
    >>> [line_of_names(text, text.index(w), text.index(w) + len(w))
    ...  for w in ("Portugol", "Smali", "Anara")]
    [True, True, False]
    """
    line = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return _NAMES_LINE_RE.fullmatch(text, line, len(text) if stop < 0 else stop) is not None


# A paragraph is a list of names when it has at least LIST_ITEMS items set
# apart by commas, semicolons or line breaks (one item a line, as a
# changelog lists new files and their authors), at least LIST_SHORT_SHARE
# of them of at most LIST_ITEM_WORDS words, and of the others that hold a
# capitalised word, at least a LIST_UNKNOWN_SHARE (and LIST_UNKNOWN_ITEMS)
# hold one no list knows. Only LIST_REACH characters either side of the
# word are read (a table of contents runs on).
LIST_ITEMS = 6
LIST_ITEM_WORDS = 4
LIST_SHORT_SHARE = 0.8
LIST_UNKNOWN_SHARE = 1 / 3
LIST_UNKNOWN_ITEMS = 2
LIST_REACH = 2_000
# An item: what lies between commas, semicolons and line breaks.
_LIST_ITEM_RE = lazy(r"[^,;\n]+")
_BLANK_LINE_RE = lazy(r"\n[ \t]*\n")


def list_of_names(text: str, start: int, end: int, known: Callable[[Word], bool]) -> bool:
    """Whether ``text[start:end]`` is an item of a paragraph that is a list of
    names, many of which no list knows (``known`` tells a capitalised word
    of :func:`name_words` that one does): a list of people credited, of
    languages; not a sentence that names a few places.

    >>> text = ("Thanks to Aaron Crane, Abe Timmerman, Adam Russell, Alan Grover,"
    ...         " Alexandr\\nCiornii, Alex Davies, Andreas Koenig and Bo Borgerson.")
    >>> common = {"Thanks", "Aaron", "Crane", "Adam", "Russell", "Alan", "Alex", "Andreas", "Bo"}
    >>> start = text.index("Alexandr")
    >>> list_of_names(text, start, start + 8, lambda w: w.text in common)
    True
    >>> text = "Offices in Lonndon, Paris, Berlin, Madrid, Rome, Vienna, Prague and Warsaw."
    >>> list_of_names(text, 11, 18, lambda w: w.text != "Lonndon")
    False
    """
    low = max(0, start - LIST_REACH)
    blanks = list(_BLANK_LINE_RE.finditer(text, low, start))
    if blanks:
        low = blanks[-1].end()
    high = min(len(text), end + LIST_REACH)
    after = _BLANK_LINE_RE.search(text, end, high)
    if after is not None:
        high = after.start()
    items = [m.span() for m in _LIST_ITEM_RE.finditer(text, low, high) if not m.group().isspace()]
    if len(items) < LIST_ITEMS:
        return False
    bounds = [a for a, _ in items]
    short = [len(text[a:b].split()) <= LIST_ITEM_WORDS for a, b in items]
    own = bisect.bisect_right(bounds, start) - 1
    if not short[own] or sum(short) < LIST_SHORT_SHARE * len(short):
        return False
    found = name_words(text)
    first = bisect.bisect_left(found, low, key=lambda w: w.start)
    last = bisect.bisect_left(found, high, key=lambda w: w.start)
    # The items other than the word's own that hold a capitalised word, and
    # those of them that hold one no list knows.
    named: set[int] = set()
    unknown: set[int] = set()
    for word in found[first:last]:
        item = bisect.bisect_right(bounds, word.start) - 1
        named.add(item)
        if not known(word):
            unknown.add(item)
    named.discard(own)
    unknown.discard(own)
    return len(unknown) >= max(LIST_UNKNOWN_ITEMS, LIST_UNKNOWN_SHARE * len(named))
