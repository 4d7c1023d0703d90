"""The word-frequency lexicon: which words are known, and how common they are.

Loaded once per process from the shipped ``dictionaries/lexicon.txt`` (a
plain ``word count`` list, lower case) into a dict: a lookup is a dict probe,
so a clean document is checked without building any correction index.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterator


class Lexicon:
    """Word counts, looked up case-insensitively."""

    def __init__(self, counts: dict[str, str] | dict[str, int]) -> None:
        # Counts may stay as the strings read from the file: converting 80,000
        # of them up front costs more than every lookup a check makes.
        self._counts: dict[str, str | int] = dict(counts)

    @classmethod
    def from_text(cls, text: str) -> Lexicon:
        """Parse ``word count`` lines (words hold no spaces)."""
        parts = text.split()
        if len(parts) % 2:
            raise ValueError("lexicon lines must be 'word count'")
        return cls(dict(zip(parts[0::2], parts[1::2], strict=True)))

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

    @functools.cached_property
    def total(self) -> int:
        """All counts summed: the denominator of every word prior."""
        return sum(map(int, self._counts.values()))

    def items(self) -> Iterator[tuple[str, int]]:
        return ((word, int(count)) for word, count in self._counts.items())


@functools.cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded on first use and kept for the process."""
    data = (importlib.resources.files("cleaner.dictionaries") / "lexicon.txt").read_bytes()
    return Lexicon.from_text(data.decode("utf-8"))
