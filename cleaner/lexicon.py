"""The word-frequency lexicon: which words are known, and how common they are.

Loaded once per process from the shipped ``dictionaries/lexicon.txt`` (a
plain ``word count`` list, lower case) into a dict: a lookup is a dict probe,
so a clean document is checked without building any correction index.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from cleaner.resources import dictionary_path


class Lexicon:
    """Word counts, looked up case-insensitively.

    Words are kept most frequent first (the shipped file's order; a dict
    given here is sorted so), which makes the words at least N times common
    a prefix of the list.
    """

    def __init__(self, counts: dict[str, str] | dict[str, int]) -> None:
        ordered = sorted(counts.items(), key=lambda item: -int(item[1]))
        # Counts stay as the decimal strings read from the file: converting
        # 80,000 of them up front costs more than every lookup a check makes.
        self._counts = {w: str(c) for w, c in ordered}
        self._total: int | None = None

    @classmethod
    def from_text(cls, text: str) -> Lexicon:
        """Parse ``word count`` lines (words hold no spaces), most frequent first,
        after an optional ``# total N`` line (the counts summed)."""
        total = None
        if text.startswith("# total "):
            header, _, text = text.partition("\n")
            total = int(header.removeprefix("# total "))
        parts = text.split()
        if len(parts) % 2:
            raise ValueError("lexicon lines must be 'word count'")
        # Already in order and already strings: no sort, no conversion.
        lexicon = cls.__new__(cls)
        lexicon._counts = dict(zip(parts[0::2], parts[1::2], strict=True))
        lexicon._total = total
        return lexicon

    def count(self, word: str) -> int:
        """How often ``word`` occurs in the reference corpus (0 if unknown).

        >>> default_lexicon().count("Ankara") > 0, default_lexicon().count("Kuleba")
        (True, 0)
        """
        value = self._counts.get(word) or self._counts.get(word.lower())
        return int(value) if value else 0

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self._counts or word.lower() in self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    @property
    def total(self) -> int:
        """All counts summed: the denominator of every word prior."""
        if self._total is None:
            self._total = sum(map(int, self._counts.values()))
        return self._total

    def words_at_least(self, min_count: int) -> list[str]:
        """The words counted at least ``min_count`` times, most frequent first.

        >>> Lexicon({"a": 120, "b": 99, "c": 100, "d": 5}).words_at_least(100)
        ['a', 'c']
        """
        counts = self._ordered_counts
        low, high = 0, len(counts)
        while low < high:  # the first word counted less than min_count
            middle = (low + high) // 2
            if int(counts[middle]) >= min_count:
                low = middle + 1
            else:
                high = middle
        return self._words[:low]

    @functools.cached_property
    def _words(self) -> list[str]:
        return list(self._counts)

    @functools.cached_property
    def _ordered_counts(self) -> list[str]:
        return list(self._counts.values())

    def items(self) -> Iterator[tuple[str, int]]:
        return ((word, int(count)) for word, count in self._counts.items())


@functools.cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded on first use and kept for the process."""
    data = dictionary_path("lexicon.txt").read_bytes()
    return Lexicon.from_text(data.decode("utf-8"))
