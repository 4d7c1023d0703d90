"""The Edit record, and the one place that applies edits to text.

Every stage proposes :class:`Edit` records with offsets into the original
decoded text. Nothing else rewrites text: :func:`apply_edits` applies any
subset of non-overlapping edits, and :func:`resolve` is the one place where
overlapping proposals are settled.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, order=False)
class Edit:
    """A proposed change of ``text[start:end]`` (which equals ``before``) to ``after``.

    ``rule`` is a stable id such as ``spacing.double-space``; ``confidence`` is
    in 0..1; ``reason`` is one human sentence; ``safe`` says whether ``fix``
    may apply the edit without a person; ``alternatives`` lists other
    replacements a reviewer may choose instead of ``after``.
    """

    start: int
    end: int
    before: str
    after: str
    rule: str
    confidence: float
    reason: str
    safe: bool
    alternatives: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")
        if len(self.before) != self.end - self.start:
            raise ValueError(f"edit before {self.before!r} does not span {self.start}..{self.end}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} is outside 0..1")
        if self.before == self.after:
            raise ValueError(f"edit {self.rule} changes nothing at {self.start}")

    def shifted(self, offset: int) -> Edit:
        """The same edit with offsets moved by ``offset`` (for chunked input)."""
        return Edit(
            self.start + offset,
            self.end + offset,
            self.before,
            self.after,
            self.rule,
            self.confidence,
            self.reason,
            self.safe,
            self.alternatives,
        )

    def with_after(self, after: str) -> Edit:
        """The same edit with a reviewer's own replacement."""
        return Edit(
            self.start,
            self.end,
            self.before,
            after,
            self.rule,
            self.confidence,
            self.reason,
            self.safe,
            self.alternatives,
        )


def overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits cannot both be applied.

    Two insertions at one point conflict (their order would be arbitrary), as
    does an insertion strictly inside another edit's span. Edits that merely
    touch (``a.end == b.start``) do not.

    >>> e = lambda s, t: Edit(s, t, "x" * (t - s), "y", "r", 1.0, "", True)
    >>> overlaps(e(0, 2), e(2, 3)), overlaps(e(0, 2), e(1, 3)), overlaps(e(1, 1), e(1, 1))
    (False, True, True)
    """
    if a.start == b.start:
        return True
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to the text they were proposed on.

    >>> apply_edits("a  b ,c", [Edit(1, 3, "  ", " ", "r", 1.0, "", True),
    ...                          Edit(4, 5, " ", "", "r", 1.0, "", True)])
    'a b,c'
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    pos = 0
    previous: Edit | None = None
    for edit in ordered:
        if previous is not None and overlaps(previous, edit):
            raise ValueError(f"overlapping edits: {previous} and {edit}")
        if text[edit.start : edit.end] != edit.before:
            raise ValueError(f"edit {edit.rule} at {edit.start} does not match the text")
        parts.append(text[pos : edit.start])
        parts.append(edit.after)
        pos = edit.end
        previous = edit
    parts.append(text[pos:])
    return "".join(parts)


def _rank(edit: Edit) -> tuple[bool, float, int]:
    # Prefer a safe edit (so `fix` never loses a repair to a guess that only a
    # person may accept), then the more confident one, then the smaller one.
    return (edit.safe, edit.confidence, -(edit.end - edit.start))


def resolve(edits: Iterable[Edit]) -> list[Edit]:
    """Choose a non-overlapping subset of proposals, in position order.

    Edits are considered best first (see ``_rank``); an edit that overlaps an
    already chosen one is dropped. Identical proposals from two stages count once.
    """
    unique = {(e.start, e.end, e.after): e for e in sorted(edits, key=_rank)}
    chosen: list[Edit] = []
    starts: list[int] = []
    for edit in sorted(unique.values(), key=_rank, reverse=True):
        i = bisect.bisect_left(starts, edit.start)
        neighbours = chosen[max(i - 1, 0) : i + 1]
        if any(overlaps(edit, other) for other in neighbours):
            continue
        chosen.insert(i, edit)
        starts.insert(i, edit.start)
    return chosen


def rebase(text: str, first: Sequence[Edit], later: Sequence[Edit]) -> list[Edit]:
    """Express ``later`` edits, proposed on ``apply_edits(text, first)``, on ``text``.

    ``first`` are non-overlapping edits on ``text``. A later edit clear of the
    first ones is shifted back to original offsets; later and first edits that
    touch are composed into one edit (for example a mojibake repair and the
    spelling fix of the repaired word), which is safe only if all its parts are.

    >>> t = "cafÃ©\N{NO-BREAK SPACE}x"
    >>> first = [Edit(0, 5, "cafÃ©", "café", "enc", 0.9, "mojibake", True)]
    >>> later = [Edit(4, 5, "\N{NO-BREAK SPACE}", " ", "nbsp", 0.9, "nbsp", True)]
    >>> [(e.start, e.end, e.after) for e in rebase(t, first, later)]
    [(0, 5, 'café'), (5, 6, ' ')]
    """
    if not later:
        return list(first)
    if not first:
        return list(later)
    # Output spans of the first edits, in the coordinates of the edited text.
    out: list[tuple[int, int, Edit]] = []
    delta = 0
    for edit in sorted(first, key=lambda e: e.start):
        start = edit.start + delta
        out.append((start, start + len(edit.after), edit))
        delta += len(edit.after) - len(edit.before)
    edited = apply_edits(text, first)

    # Output ends ascend with the edits; shifts[i] is the length change of
    # the first i edits, so a position maps back with one bisection.
    out_ends = [out_end for _, out_end, _ in out]
    shifts = list(
        itertools.accumulate((len(e.after) - len(e.before) for _, _, e in out), initial=0)
    )

    def to_original(pos: int) -> int:
        # pos lies outside every first edit's output span (or on its border);
        # a deletion at pos is behind it: the later edit starts after the
        # deleted text.
        return pos - shifts[bisect.bisect_right(out_ends, pos)]

    # Group later and first edits that touch into clusters, in edited coordinates.
    items: list[tuple[int, int, Edit, bool]] = [(s, e, x, True) for s, e, x in out]
    items += [(e.start, e.end, e, False) for e in later]
    items.sort(key=lambda item: (item[0], item[1]))
    clusters: list[list[tuple[int, int, Edit, bool]]] = []
    for item in items:
        if clusters and _touch(clusters[-1], item):
            clusters[-1].append(item)
        else:
            clusters.append([item])
    result: list[Edit] = []
    for cluster in clusters:
        firsts = [x for _, _, x, is_first in cluster if is_first]
        laters = [x for _, _, x, is_first in cluster if not is_first]
        if not laters:
            result.extend(firsts)
        elif not firsts:
            for e in laters:
                start = to_original(e.start)
                result.append(
                    Edit(start, start + len(e.before), e.before, e.after, e.rule,
                         e.confidence, e.reason, e.safe, e.alternatives)
                )  # fmt: skip
        else:
            # One edit, safe only if all its parts are: an unsure guess spanning
            # a safe repair makes the repair wait for a person, but every
            # proposal stays applicable and applying all of them is a fixpoint.
            # (Deletions at a later edit's border are passed around, so the
            # common case, a stray space before a word, never composes.)
            composed = _compose(text, edited, cluster, firsts, laters)
            if composed is not None:
                result.append(composed)
    return result


def clear_of(first: Sequence[Edit], later: Sequence[Edit]) -> list[Edit]:
    """The ``later`` edits (on ``apply_edits(text, first)``) that :func:`rebase` would not compose.

    ``first`` are non-overlapping edits on the original text.

    >>> first = [Edit(0, 3, "tbe", "the", "r", 0.99, "", True)]
    >>> she = Edit(0, 3, "the", "she", "r", 0.6, "", False)
    >>> cot = Edit(4, 7, "cat", "cot", "r", 0.6, "", False)
    >>> [e.after for e in clear_of(first, [she, cot])]
    ['cot']
    """
    if not first:
        return list(later)
    spans: list[tuple[int, int, Edit, bool]] = []
    delta = 0
    for edit in sorted(first, key=lambda e: e.start):
        start = edit.start + delta
        spans.append((start, start + len(edit.after), edit, True))
        delta += len(edit.after) - len(edit.before)
    starts = [s for s, _, _, _ in spans]
    kept = []
    for edit in later:
        # Output spans are in order and apart: only those from the later
        # edit's start to its end can touch it.
        k = bisect.bisect_right(starts, edit.end) - 1
        near = []
        while k >= 0 and spans[k][1] >= edit.start:
            near.append(spans[k])
            k -= 1
        if not _touch(near, (edit.start, edit.end, edit, False)):
            kept.append(edit)
    return kept


def _touch(cluster: list[tuple[int, int, Edit, bool]], item: tuple[int, int, Edit, bool]) -> bool:
    """Whether a later edit and a first edit in edited coordinates must be composed."""
    for other in cluster:
        if other[3] == item[3]:
            continue  # edits of one layer never overlap each other
        first, later = (other, item) if other[3] else (item, other)
        f_start, f_end, f_edit, _ = first
        l_start, l_end, _, _ = later
        if f_start == f_end:
            # A deletion at a later edit's border is passed around; one inside
            # its span ("a\N{SOFT HYPHEN}a" read as "aa") is part of it.
            if l_start < f_start < l_end:
                return True
            continue
        if f_start < l_end and l_start < f_end:
            return True
        if l_start == l_end and f_start < l_start < f_end:
            return True  # an insertion inside repaired text
        if f_edit.before == "" and l_start == f_end:
            return True  # both would start at the insertion's point in the original
    return False


def _compose(
    text: str,
    edited: str,
    cluster: list[tuple[int, int, Edit, bool]],
    firsts: list[Edit],
    laters: list[Edit],
) -> Edit | None:
    lo = min(s for s, _, _, _ in cluster)
    hi = max(e for _, e, _, _ in cluster)
    # The first edits' original span, widened by any unedited text the later edits cover.
    first_lo = min(x.start for _, _, x, f in cluster if f)
    first_hi = max(x.end for _, _, x, f in cluster if f)
    out_lo = min(s for s, _, _, f in cluster if f)
    out_hi = max(e for _, e, _, f in cluster if f)
    start = first_lo - (out_lo - lo)
    end = first_hi + (hi - out_hi)
    inner = [e.shifted(-lo) for e in laters]
    after = apply_edits(edited[lo:hi], inner)
    before = text[start:end]
    if before == after:
        return None
    main = laters[0]
    reasons = "; ".join(dict.fromkeys([*(e.reason for e in laters), *(e.reason for e in firsts)]))
    return Edit(
        start,
        end,
        before,
        after,
        main.rule,
        min(e.confidence for e in [*firsts, *laters]),
        reasons,
        all(e.safe for e in [*firsts, *laters]),
    )


class LineIndex:
    """Maps text offsets to 1-based (line, column) positions.

    Lines end at ``\\n``; a ``\\r`` before it belongs to the line it ends.
    """

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._starts = [0]
        self._first_line = first_line
        find = text.find
        pos = find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + self._first_line, offset - self._starts[i] + 1

    @property
    def line_count(self) -> int:
        return len(self._starts)


def select(edits: Sequence[Edit], *, safe_only: bool) -> list[Edit]:
    """The edits ``fix`` applies (``safe_only``) or all of them."""
    return [e for e in edits if e.safe] if safe_only else list(edits)
