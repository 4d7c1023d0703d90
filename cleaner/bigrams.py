"""Word-pair counts: how well a word fits between its neighbours.

Loaded on first use from the shipped ``dictionaries/bigrams.txt`` (counts on
the lexicon's scale, lines sorted; see dictionaries/README.md). The lines
are searched in place by bisection: reading the file is all the loading
there is. The list holds only common pairs, so a missing pair is
evidence too: it occurs less often than the list's smallest count.
:meth:`Bigrams.association` turns both cases into a log10 ratio of how much
more (or less) often the pair occurs than its words would by chance.
"""

from __future__ import annotations

import functools
import math

from cleaner.lexicon import Lexicon, default_lexicon, search_lines
from cleaner.memo import Memo
from cleaner.resources import dictionary_path


class Bigrams:
    """Counts of word pairs (lower case), with the lexicon they are relative to."""

    def __init__(self, lines: str, floor: int, lexicon: Lexicon) -> None:
        # Lines "first second count", sorted as strings, kept as one text (a
        # list of 242,000 strings held 18 MB in every worker; the text 4 MB).
        self._lines = lines
        self.floor = floor
        self.lexicon = lexicon
        # Answers already given: the same pairs come back, within a document
        # (one word's readings against the same neighbours) and across documents.
        self._associations: Memo[tuple[str, str], float] = Memo(
            lambda pair: self._association(*pair), 100_000
        )

    @classmethod
    def from_text(cls, text: str, lexicon: Lexicon) -> Bigrams:
        """Parse the ``bigrams.txt`` format (a ``# smallest count N`` line, then sorted pairs)."""
        header, _, body = text.partition("\n")
        if not header.startswith("# smallest count "):
            raise ValueError("bigram list must start with '# smallest count N'")
        # Sorted by the build script (and checked by the data tests).
        return cls(body, int(header.rsplit(" ", 1)[1]), lexicon)

    @classmethod
    def from_pairs(cls, counts: dict[tuple[str, str], int], lexicon: Lexicon) -> Bigrams:
        """A list made from a mapping (for tests and custom lists)."""
        lines = sorted(f"{a} {b} {c}\n" for (a, b), c in counts.items())
        return cls("".join(lines), min(counts.values(), default=1), lexicon)

    @functools.cached_property
    def total(self) -> int:
        return self.lexicon.total

    def count(self, first: str, second: str) -> int:
        """How often ``first second`` occurs (0 when the list does not hold it).

        >>> default_bigrams().count("It", "is") > default_bigrams().count("is", "it") > 0
        True
        """
        found = search_lines(self._lines, f"{first.lower()} {second.lower()} ")
        return int(found) if found else 0

    def association(self, first: str, second: str) -> float:
        """log10 of how much more often the pair occurs than independent words would.

        Positive for a pair that belongs together, negative for one the list
        misses although both words are common (so it would hold the pair if
        it were usual), 0 when the list cannot tell.

        >>> b = default_bigrams()
        >>> b.association("it", "is") > 1, b.association("the", "the") < 0
        (True, True)
        """
        return self._associations[first, second]

    def _association(self, first: str, second: str) -> float:
        a, b = self.lexicon.count(first), self.lexicon.count(second)
        if not a or not b:
            return 0.0
        expected = a * b / self.total
        found = self.count(first, second)
        if found:
            return math.log10(found / expected)
        # Missing: it occurs fewer than `floor` times; only an upper bound.
        return min(0.0, math.log10(self.floor / expected))


@functools.cache
def default_bigrams() -> Bigrams:
    """The shipped pair list, loaded on first use and kept for the process."""
    text = dictionary_path("bigrams.txt").read_text("utf-8")
    return Bigrams.from_text(text, default_lexicon())
