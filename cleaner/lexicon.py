"""The word-frequency lexicon: which words are known, and how common they are.

Loaded once per process from the shipped ``dictionaries/lexicon.txt`` (a
plain ``word count`` list, lower case, most frequent first).

A small check asks about a few hundred words, and parsing 80,000 lines into a
dict costs more than all its other work. So the shipped lexicon is first
answered from a copy of the list in alphabetical order (kept in the cache
folder, see :mod:`cleaner.cache`; rebuilt when missing, stale or damaged) by
binary search over its bytes as read, each word once, and becomes a dict
only once the documents of a run ask enough questions to pay for one. The
words at least N times common are a prefix of the shipped list, found the
same way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, KeysView
from typing import TypeVar

from cleaner import cache
from cleaner.resources import dictionary_path

# Lookups answered by binary search before the whole list becomes a dict:
# about 11 microseconds each, against 40-80 ms to parse it (80 when the
# alphabetical word list is shared with it), so the dict pays after about
# 5,000. At 1,000, a pre-commit run over five 1 KB files (2,200 lookups)
# paid 60 ms more for the dict than its searches cost.
SEARCHES_BEFORE_DICT = 5000
_SORTED_FORMAT = 4
# Sorted lines to search: a text, or bytes (the bigram list's mapped file).
_Text = TypeVar("_Text", str, bytes)

# The right single quotation mark, which typeset text writes for an apostrophe.
_TYPOGRAPHIC_APOSTROPHE = "\N{RIGHT SINGLE QUOTATION MARK}"


class Lexicon:
    """Word counts, looked up case-insensitively.

    Words are kept most frequent first (the shipped file's order; a dict
    given here is sorted so), which makes the words at least N times common
    a prefix of the list.
    """

    def __init__(self, counts: dict[str, str] | dict[str, int]) -> None:
        given: list[tuple[str, str | int]] = list(counts.items())
        ordered = sorted(((w, int(c)) for w, c in given), key=lambda item: -item[1])
        self._dict: dict[str, int] | None = dict(ordered)
        self._total: int | None = None
        self._ranked = ""  # "word count" lines, most frequent first
        self._read_ranked: Callable[[], str] | None = None  # reads them, if not read yet
        # The same lines in alphabetical order, for searching (text or UTF-8).
        self._sorted: str | bytes = ""
        self._sorted_words: Callable[[], str] | None = None  # their words alone, a line each
        self._answers: dict[str, int | None] = {}  # what searches found (see _get)
        self._searches = 0
        self._lower = False  # every word in lower case: no search for a word as capitalised

    @classmethod
    def from_text(cls, text: str) -> Lexicon:
        """Parse ``word count`` lines (words hold no spaces), most frequent first,
        after an optional ``# total N`` line (the counts summed)."""
        lexicon = cls._lazy(text, "")
        lexicon._parse()
        return lexicon

    @classmethod
    def _lazy(
        cls,
        text: str | Callable[[], str],
        alphabetical: str | bytes,
        words: Callable[[], str] | None = None,
        *,
        lower: bool = False,
    ) -> Lexicon:
        """A lexicon that searches ``alphabetical`` (the lines of ``text``
        sorted, as text or UTF-8) until asked enough to parse ``text``;
        ``words`` gives their words alone, a line each (see :attr:`alphabetical`).

        ``text`` may be a function that reads it: a check whose words the
        search answers never reads it (2 ms of a 1 KB file's check). Then
        ``lower`` says whether it is all in lower case (see below).
        """
        lexicon = cls.__new__(cls)
        lexicon._dict = None
        lexicon._total = None
        lexicon._ranked = ""
        lexicon._read_ranked = None
        lexicon._sorted = alphabetical
        lexicon._sorted_words = words
        lexicon._answers = {}
        lexicon._searches = 0
        lexicon._lower = lower
        if callable(text):
            lexicon._read_ranked = text
        else:
            lexicon._take_ranked(text)
            # The shipped list is all lower case: "Ankara" is then looked up
            # once, as "ankara", not first as written (a search that cannot
            # succeed). Compared with its lower case, not by str.islower(),
            # which looks at every character's case one by one: 1.5 ms for
            # 1.3 MB, not 8.
            lexicon._lower = lexicon._ranked == lexicon._ranked.lower()
        return lexicon

    def _take_ranked(self, text: str) -> None:
        """Keep the ranked lines of ``text``, and the total its header gives."""
        if text.startswith("# total "):
            header, _, text = text.partition("\n")
            self._total = int(header.removeprefix("# total "))
        self._ranked = text

    def _ranked_text(self) -> str:
        """The ranked lines, read now if they were not."""
        if self._read_ranked is not None:
            self._take_ranked(self._read_ranked())
            self._read_ranked = None
        return self._ranked

    def _parse(self) -> dict[str, int]:
        if self._dict is None:
            parts = self._ranked_text().split()
            if len(parts) % 2:
                raise ValueError("lexicon lines must be 'word count'")
            # Already in order: no sort. Counts as numbers, not the decimal
            # strings read: 2 MB less in every worker process, for a few
            # milliseconds once (a small check never parses, see _get).
            words = parts[0::2]
            alphabetical = self.__dict__.get("alphabetical")
            if alphabetical is not None:
                # Keys shared with the alphabetical list already read (see
                # alphabetical), not a second copy of every word.
                same = dict(zip(alphabetical, alphabetical, strict=True))
                words = [same.get(word, word) for word in words]
            self._dict = dict(zip(words, map(int, parts[1::2]), strict=True))
            self._ranked = self._sorted = ""  # the dict answers everything now
            self._sorted_words = None
            self._answers = {}
        return self._dict

    def _get(self, word: str) -> int | None:
        """The count of ``word`` exactly as written."""
        if self._dict is not None:
            return self._dict.get(word)
        # Each word is searched once: the files of one run ask mostly the
        # same words ("the", "and"), and only new ones count towards the dict.
        if word in self._answers:
            return self._answers[word]
        self._searches += 1
        if self._searches > SEARCHES_BEFORE_DICT or not self._sorted:
            return self._parse().get(word)
        count = self._answers[word] = search_count(self._sorted, word + " ")
        return count

    def count(self, word: str) -> int:
        """How often ``word`` occurs in the reference corpus (0 if unknown).

        >>> default_lexicon().count("Ankara") > 0, default_lexicon().count("Kuleba")
        (True, 0)
        """
        return self._any_case(word) or 0

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._any_case(word) is not None

    def _any_case(self, word: str) -> int | None:
        """The count of ``word`` as written, or else in lower case; a
        typographic apostrophe counts as the straight one the list writes
        ("We’ve": "We've").

        >>> Lexicon({"we've": 5}).count("We’ve"), Lexicon({"we've": 5}).count("We‘ve")
        (5, 0)
        """
        found = self._dict
        if found is not None:
            # Parsed (most checks of a folder): the dict alone, without a call
            # per step (asked a million times in the documentation tree of
            # bench/speed.py).
            value = found.get(word)
            if value is None:
                if not word.islower():
                    value = found.get(word.lower())
                if value is None and _TYPOGRAPHIC_APOSTROPHE in word:
                    return self._any_case(word.replace(_TYPOGRAPHIC_APOSTROPHE, "'"))
            return value
        if word.islower():
            value = self._get(word)
        elif self._lower:
            value = self._get(word.lower())
        else:
            value = self._get(word)
            if value is None:
                value = self._get(word.lower())
        if value is None and _TYPOGRAPHIC_APOSTROPHE in word:
            return self._any_case(word.replace(_TYPOGRAPHIC_APOSTROPHE, "'"))
        return value

    def __len__(self) -> int:
        return len(self._parse())

    @property
    def parsed(self) -> bool:
        """Whether the list is a dict yet (see SEARCHES_BEFORE_DICT)."""
        return self._dict is not None

    @functools.cached_property
    def alphabetical(self) -> list[str]:
        """Every word, in alphabetical order.

        Read off the alphabetical copy while the list is searched: its words
        alone, when the cache holds them (about 3 ms, 11 to split the lines
        with their counts, against 60 ms to parse the list and 35 more to
        sort the dict's words).
        """
        if self._dict is None and self._sorted_words is not None:
            return self._sorted_words().split("\n")
        if self._dict is None and self._sorted:
            lines = self._sorted
            return (lines if isinstance(lines, str) else lines.decode("utf-8")).split()[0::2]
        return sorted(self._parse())

    @property
    def total(self) -> int:
        """All counts summed: the denominator of every word prior."""
        if self._total is None:
            self._ranked_text()  # its header may give it
        if self._total is None:
            self._total = sum(self._parse().values())
        return self._total

    def words_at_least(self, min_count: int) -> list[str]:
        """The words counted at least ``min_count`` times, most frequent first.

        >>> Lexicon({"a": 120, "b": 99, "c": 100, "d": 5}).words_at_least(100)
        ['a', 'c']
        """
        if self._dict is None:
            # The ranked text's prefix, without parsing the rest of it.
            ranked = self._ranked_text()
            prefix = ranked[: _first_below(ranked, min_count)]
            return prefix.split()[0::2]
        counts = self._ordered_counts
        low, high = 0, len(counts)
        while low < high:  # the first word counted less than min_count
            middle = (low + high) // 2
            if counts[middle] >= min_count:
                low = middle + 1
            else:
                high = middle
        return self._words[:low]

    @functools.cached_property
    def _words(self) -> list[str]:
        return list(self._parse())

    @functools.cached_property
    def _ordered_counts(self) -> list[int]:
        return list(self._parse().values())

    def words(self) -> KeysView[str]:
        """Every word, as a set: a view of the parsed list, which shares its strings."""
        return self._parse().keys()

    def items(self) -> Iterator[tuple[str, int]]:
        return iter(self._parse().items())


def search_lines(lines: _Text, prefix: _Text, low: int = 0) -> _Text | None:
    """The rest of the line that starts with ``prefix``, in sorted lines; None when
    no line does. A binary search over the text, which stays one string.

    The lexicon's copy, the bigram list (as bytes: a mapped file) and the
    symspellpy deletes table are searched this way; ``prefix`` ends with the
    separator after a line's key, so at most one line starts with it. The
    lines searched begin at ``low`` (a line start: after a header).

    >>> search_lines("ant 5\\nbee 7\\ncat 2\\n", "bee "), search_lines("ant 5\\nbee 7\\n", "be ")
    ('7', None)
    >>> search_lines(b"# 2 pairs\\nant 5\\nbee 7\\n", b"ant ", low=10)
    b'5'
    """
    high = len(lines)
    while low < high:
        start, end = _middle_line(lines, low, high)
        line = lines[start:end]
        if line.startswith(prefix):
            return line[len(prefix) :]
        if line < prefix:
            low = end + 1
        else:
            high = start
    return None


def search_count(lines: str | bytes, key: str, low: int = 0) -> int | None:
    """The count on the line that starts with ``key`` (see :func:`search_lines`),
    in lines held as text or as UTF-8 bytes; None when no line does.

    >>> search_count("ant 5\\nbee 7\\n", "bee "), search_count(b"ant 5\\nbee 7\\n", "be ")
    (7, None)
    """
    if isinstance(lines, str):
        found: str | bytes | None = search_lines(lines, key, low)
    else:
        found = search_lines(lines, key.encode("utf-8"), low)
    return None if found is None else int(found)


def _middle_line(lines: _Text, low: int, high: int) -> tuple[int, int]:
    """Where the line around the middle of ``lines[low:high]`` starts and ends
    (``low`` is a line start); the step both binary searches share."""
    newline = "\n" if isinstance(lines, str) else b"\n"
    start = max(low, lines.rfind(newline, 0, (low + high) // 2) + 1)
    end = lines.find(newline, start)
    return start, len(lines) if end < 0 else end


def _first_below(lines: str, min_count: int) -> int:
    """Where the first line counted less than ``min_count`` starts, in lines most frequent first.

    >>> text = "a 120\\nc 100\\nb 99\\nd 5\\n"
    >>> text[: _first_below(text, 100)], _first_below(text, 1) == len(text)
    ('a 120\\nc 100\\n', True)
    """
    low, high = 0, len(lines)
    while low < high:
        start, end = _middle_line(lines, low, high)
        if int(lines[lines.rfind(" ", start, end) + 1 : end]) >= min_count:
            low = end + 1
        else:
            high = start
    return min(low, len(lines))


@functools.cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded on first use and kept for the process."""
    resource = dictionary_path("lexicon.txt")

    @functools.cache
    def text() -> str:
        return resource.read_bytes().decode("utf-8")

    version = cache.version(resource.resolve())
    lines, lower = _alphabetical(version, text)
    words = functools.partial(_alphabetical_words, version, lines)
    return Lexicon._lazy(text, lines, words, lower=lower)


def _alphabetical(version: str, read: Callable[[], str]) -> tuple[bytes, bool]:
    """The shipped list's lines in alphabetical order (UTF-8), from the cache or
    sorted now, and whether its words are all in lower case.

    Kept as bytes and searched so: decoding them took 1.5 ms of every check.
    The cache entry opens with ``L`` (all lower case) or ``M``, and a line break.
    """
    # The installed file's path, size and time name its version (as for the
    # gazetteer index): another install or an edited list gets its own entry.
    key = f"lexicon sorted {_SORTED_FORMAT} {version}"
    path = cache.entry("lexicon", key)
    payload = cache.read(path, key)
    if payload is not None and payload[1:2] == b"\n":
        return payload[2:], payload[:1] == b"L"
    text = read()
    body = text.partition("\n")[2] if text.startswith("# total ") else text
    lower = body == body.lower()
    rows = body.splitlines()
    rows.sort(key=lambda line: line.partition(" ")[0])
    lines = ("\n".join(rows) + "\n").encode("utf-8")
    if cache.write(path, key, (b"L\n" if lower else b"M\n") + lines):
        cache.prune("lexicon")
    return lines, lower


def _alphabetical_words(version: str, lines: bytes) -> str:
    """The words of the alphabetical lines alone, a line each, from the cache or
    cut from ``lines`` now: read only when a document asks for candidates."""
    key = f"lexicon words {_SORTED_FORMAT} {version}"
    path = cache.entry("lexicon_words", key)
    payload = cache.read(path, key)
    if payload is not None:
        return payload.decode("utf-8")
    words = "\n".join(line.partition(" ")[0] for line in lines.decode("utf-8").splitlines())
    if cache.write(path, key, words.encode("utf-8")):
        cache.prune("lexicon_words")
    return words
