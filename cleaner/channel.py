"""The error model of the noisy channel: how likely OCR shows one word where the page had another.

Costs come from ``dictionaries/confusions.tsv`` (see its section in
``dictionaries/README.md``): each row says how much a short pattern costs,
``-log10 P(OCR shows observed | the page had intended)``, for patterns of up to
two characters a side ("rn" for "m", "li" for "h", a dropped letter). Edits
the table does not list cost the generic price of their kind.

:meth:`ErrorModel.cost` is a weighted edit distance over those patterns,
computed by dynamic programming. It is meant for the few candidates a lookup
has already found, not for searching a whole lexicon.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from cleaner.memo import Memo
from cleaner.resources import dictionary_path

_GENERIC_KINDS = ("substitution", "deletion", "insertion", "transposition", "case", "correct")


class Step(NamedTuple):
    """One non-identity step of an alignment: OCR showed ``observed`` for ``intended``.

    ``listed`` says whether the table lists the pattern (a measured OCR
    confusion) or the step is a generic edit priced by its kind.
    """

    observed: str
    intended: str
    cost: float
    listed: bool

    def describe(self) -> str:
        """A short human label.

        >>> Step("rn", "m", 2.56, True).describe(), Step("", "e", 3.1, True).describe()
        ('rn→m', "dropped 'e'")
        """
        if not self.observed:
            return f"dropped {self.intended!r}"
        if not self.intended:
            return f"added {self.observed!r}"
        return f"{self.observed}→{self.intended}"


class Alignment(NamedTuple):
    """The cheapest way OCR turns ``intended`` into ``observed``, and its cost."""

    cost: float
    steps: tuple[Step, ...]

    def listed(self) -> bool:
        """Whether every step is a pattern the table lists (a known OCR confusion)."""
        return all(s.listed for s in self.steps)


_Back = tuple[int, int, float, bool]


class ErrorModel:
    """Weighted edit distance over the confusion table's patterns."""

    def __init__(self, rows: Iterable[tuple[str, str, float]], generic: dict[str, float]) -> None:
        missing = set(_GENERIC_KINDS) - set(generic)
        if missing:
            raise ValueError(f"confusion table lacks generic costs: {sorted(missing)}")
        self.generic = dict(generic)
        # Rows by (intended, first observed character); rows with an empty
        # observed side (a dropped pattern) by intended alone.
        self._rows: dict[tuple[str, str], list[tuple[str, float]]] = {}
        self._drops: dict[str, float] = {}
        self._by_observed: dict[str, list[tuple[str, float]]] = {}
        for observed, intended, cost in rows:
            if observed:
                self._rows.setdefault((intended, observed[0]), []).append((observed, cost))
            else:
                self._drops[intended] = cost
            self._by_observed.setdefault(observed, []).append((intended, cost))
        # The same rows by first observed character, then intended: what an
        # alignment asks for each character of the observed word.
        self._rows_seen: dict[str, dict[str, list[tuple[str, float]]]] = {}
        for (intended, first), found in self._rows.items():
            self._rows_seen.setdefault(first, {})[intended] = found
        # For undoing patterns: cheapest first, so a search can stop at its budget.
        self._undo: dict[bool, dict[str, list[tuple[float, str]]]] = {True: {}, False: {}}
        for observed, rows_ in self._by_observed.items():
            ordered = sorted((cost, intended) for intended, cost in rows_)
            self._undo[False][observed] = ordered
            self._undo[True][observed] = [(c, i) for c, i in ordered if i.isascii()]
        # The cheapest pattern each search may undo: a budget below it buys nothing.
        self._cheapest = {
            ascii_only: min((rows_[0][0] for rows_ in undo.values() if rows_), default=math.inf)
            for ascii_only, undo in self._undo.items()
        }
        # About 380 bytes an alignment: BLN600 alone asks for 134,000 (50 MB
        # kept in one process); a bound of 50,000 checked it no slower.
        self._alignments: Memo[tuple[str, str], Alignment] = Memo(
            lambda pair: self._align(*pair), 50_000
        )

    @classmethod
    def from_text(cls, text: str) -> ErrorModel:
        """Parse the ``confusions.tsv`` format."""
        rows: list[tuple[str, str, float]] = []
        generic: dict[str, float] = {}
        for line in text.splitlines():
            if line.startswith("# cost\t"):
                _, kind, cost, *_ = line.split("\t")
                generic[kind] = float(cost)
            elif line and not line.startswith("#"):
                observed, intended, cost, _count = line.split("\t")
                rows.append((observed, intended, float(cost)))
        return cls(rows, generic)

    def min_cost(self) -> float:
        """The cheapest listed misreading of plain lower-case letters.

        >>> default_model().min_cost()
        1.51
        """
        return min(
            cost
            for (intended, _), rows in self._rows.items()
            if intended.isascii() and intended.isalpha() and intended.islower()
            for _, cost in rows
        )

    def cost(self, observed: str, intended: str) -> Alignment:
        """The cheapest alignment of ``observed`` (what OCR shows) to ``intended``.

        >>> m = default_model()
        >>> [s.describe() for s in m.cost("rnodern", "modern").steps]
        ['rn→m']
        >>> m.cost("tbe", "the").cost < m.cost("tqe", "the").cost
        True
        """
        return self._alignments[observed, intended]

    def _align(self, observed: str, intended: str) -> Alignment:
        # Each cell relaxes its moves in a fixed order (a match or a
        # substitution, a transposition, a deletion, an insertion, then the
        # table's patterns by length), keeping the first of equal costs.
        n, m = len(observed), len(intended)
        inf = math.inf
        g = self.generic
        correct, case, substitution = g["correct"], g["case"], g["substitution"]
        transposition, deletion, insertion = g["transposition"], g["deletion"], g["insertion"]
        drops = self._drops
        # What the table lists from each position of the intended word: its
        # next zero to two characters, and the cost of OCR dropping them.
        parts = [
            [intended[j : j + length] for length in (0, 1, 2) if j + length <= m]
            for j in range(m + 1)
        ]
        dropped = [
            [(j + length, drops[part]) for length, part in enumerate(found) if part in drops]
            for j, found in enumerate(parts)
        ]
        no_rows: dict[str, list[tuple[str, float]]] = {}
        dist = [[inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[_Back | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        dist[0][0] = 0.0
        for i in range(n + 1):
            row, row_back = dist[i], back[i]
            o = observed[i] if i < n else ""
            below, below_back = (dist[i + 1], back[i + 1]) if o else (row, row_back)
            rows = self._rows_seen.get(o, no_rows) if o else no_rows
            for j in range(m + 1):
                here = row[j]
                if here == inf:
                    continue
                w = intended[j] if j < m else ""
                if o and w:
                    if o == w:
                        cost, listed = correct, True
                    elif o.lower() == w.lower():
                        cost, listed = case, False
                    else:
                        cost, listed = substitution, False
                    total = here + cost
                    if total < below[j + 1]:
                        below[j + 1] = total
                        below_back[j + 1] = (i, j, cost, listed)
                    if (
                        o != w
                        and i + 1 < n
                        and j + 1 < m
                        and o == intended[j + 1]
                        and observed[i + 1] == w
                    ):
                        total = here + transposition
                        if total < dist[i + 2][j + 2]:
                            dist[i + 2][j + 2] = total
                            back[i + 2][j + 2] = (i, j, transposition, False)
                if w:
                    total = here + deletion
                    if total < row[j + 1]:
                        row[j + 1] = total
                        row_back[j + 1] = (i, j, deletion, False)
                if o:
                    total = here + insertion
                    if total < below[j]:
                        below[j] = total
                        below_back[j] = (i, j, insertion, False)
                # The table's patterns. A pattern OCR dropped never ends in the
                # cell a shown one does (it shows nothing), so the two kinds
                # may go in either order; each in its own as the table lists it.
                if rows:
                    for length, part in enumerate(parts[j]):
                        for seen, cost in rows.get(part, ()):
                            if observed.startswith(seen, i):
                                total = here + cost
                                k, end = i + len(seen), j + length
                                if total < dist[k][end]:
                                    dist[k][end] = total
                                    back[k][end] = (i, j, cost, True)
                for end, cost in dropped[j]:
                    total = here + cost
                    if total < row[end]:
                        row[end] = total
                        row_back[end] = (i, j, cost, True)
        steps: list[Step] = []
        i, j = n, m
        while (i, j) != (0, 0):
            entry = back[i][j]
            assert entry is not None
            pi, pj, cost, listed = entry
            seen, meant = observed[pi:i], intended[pj:j]
            if seen != meant:
                steps.append(Step(seen, meant, cost, listed))
            i, j = pi, pj
        steps.reverse()
        return Alignment(round(dist[n][m], 4), tuple(steps))

    def variants(
        self,
        observed: str,
        max_cost: float,
        max_steps: int = 2,
        *,
        ascii_only: bool = True,
        prefix_ok: Callable[[str], bool] | None = None,
        first_at_start: bool = False,
    ) -> Iterator[str]:
        """Strings the page may have had: ``observed`` with up to ``max_steps``
        listed patterns undone (left to right), costing at most ``max_cost`` together.

        With ``ascii_only`` (for an ASCII lexicon) no pattern brings in an
        accented letter: those rows are cheap and would multiply the variants.
        ``prefix_ok`` prunes the search: a string whose beginning cannot start
        any wanted word is not pursued. With ``first_at_start`` only variants
        whose first undone pattern begins the string are made (the others of a
        title-case word are its lower-case form's, capitalised).

        >>> "modern" in set(default_model().variants("rnodern", 3.0))
        True
        """
        undo = self._undo[ascii_only]
        cheapest = self._cheapest[ascii_only]
        seen: set[str] = {observed}
        ok = prefix_ok or (lambda _: True)

        def search(
            word: str, start: int, budget: float, steps: int, stop: int | None = None
        ) -> Iterator[str]:
            for i in range(start, len(word) + 1 if stop is None else stop):
                if i > start and not ok(word[:i]):
                    return  # nothing further right can repair this beginning
                for length in (0, 1, 2):
                    if i + length > len(word):
                        break
                    for cost, meant in undo.get(word[i : i + length], ()):
                        if cost > budget:
                            break
                        head = word[:i] + meant
                        if head and not ok(head):
                            continue
                        new = head + word[i + length :]
                        if new and new not in seen:
                            seen.add(new)
                            yield new
                        # A search left less than the cheapest pattern's cost
                        # would find nothing: every pattern list stops at once.
                        remaining = budget - cost
                        if steps > 1 and remaining >= cheapest:
                            yield from search(new, len(head), remaining, steps - 1)

        yield from search(observed, 0, max_cost, max_steps, 1 if first_at_start else None)


@functools.cache
def default_model() -> ErrorModel:
    """The shipped confusion table, loaded on first use."""
    text = dictionary_path("confusions.tsv").read_text("utf-8")
    return ErrorModel.from_text(text)
