"""The word-frequency lexicon: which words are known, and how common they are.

Loaded once per process from the shipped ``dictionaries/lexicon.txt`` (a
plain ``word count`` list, lower case) into a dict: a lookup is a dict probe,
so a clean document is checked without building any correction index.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable


class Lexicon:
    """Word counts, looked up case-insensitively."""

    def __init__(self, counts: dict[str, int]) -> None:
        self._counts = counts
        self.total = sum(counts.values())

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Lexicon:
        counts: dict[str, int] = {}
        for line in lines:
            word, _, count = line.rstrip("\n").rpartition(" ")
            if word and count.isdigit():
                counts[word] = counts.get(word, 0) + int(count)
        return cls(counts)

    def count(self, word: str) -> int:
        """How often ``word`` occurs in the reference corpus (0 if unknown).

        >>> default_lexicon().count("Ankara") > 0, default_lexicon().count("Kuleba")
        (True, 0)
        """
        return self._counts.get(word) or self._counts.get(word.lower(), 0)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) > 0

    def __len__(self) -> int:
        return len(self._counts)

    def items(self) -> Iterable[tuple[str, int]]:
        return self._counts.items()


@functools.cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded on first use and kept for the process."""
    text = (importlib.resources.files("cleaner.dictionaries") / "lexicon.txt").read_text("utf-8")
    return Lexicon.from_lines(text.splitlines())
