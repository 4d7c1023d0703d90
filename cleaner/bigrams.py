"""Word-pair counts: how well a word fits between its neighbours.

Loaded on first use from the shipped ``dictionaries/bigrams.txt`` (counts on
the lexicon's scale, lines sorted; see dictionaries/README.md). The lines
are searched in place by bisection, in the file mapped into memory: there
is no loading, and the worker processes of a folder check share the pages
they read. The list holds only common pairs, so a missing pair is
evidence too: it occurs less often than the list's smallest count.
:meth:`Bigrams.association` turns both cases into a log10 ratio of how much
more (or less) often the pair occurs than its words would by chance.
"""

from __future__ import annotations

import functools
import math

from cleaner.lexicon import Lexicon, default_lexicon, search_count
from cleaner.memo import Memo
from cleaner.resources import dictionary_path, mapped

_HEADER = "# smallest count "


class Bigrams:
    """Counts of word pairs (lower case), with the lexicon they are relative to."""

    def __init__(self, lines: str | bytes, floor: int, lexicon: Lexicon, start: int = 0) -> None:
        # Lines "first second count", sorted as strings, kept as one text (a
        # list of 242,000 strings held 18 MB in every worker; the text 4 MB)
        # or as the bytes of the mapped file, whose lines begin at ``start``.
        self._lines = lines
        self._start = start
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
        # Sorted by the build script (and checked by the data tests).
        return cls(body, _floor(header), lexicon)

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
        return search_count(self._lines, f"{first.lower()} {second.lower()} ", self._start) or 0

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
    """The shipped pair list, mapped on first use and kept for the process.

    Reading and decoding its 4.8 MB took about 10 ms, a third of what a
    small file with a slip in it costs the spelling stage.
    """
    lines = mapped(dictionary_path("bigrams.txt"))
    header_end = lines.find(b"\n")
    header = lines[: max(header_end, 0)].decode("utf-8")
    return Bigrams(lines, _floor(header), default_lexicon(), header_end + 1)


def _floor(header: str) -> int:
    """The smallest count of a list, from its first line ("# smallest count N")."""
    if not header.startswith(_HEADER):
        raise ValueError(f"bigram list must start with '{_HEADER}N'")
    return int(header.removeprefix(_HEADER))
