"""Edit distances to a few names, without importing rapidfuzz for a handful of pairs.

rapidfuzz compares one string with thousands of choices in C, but importing
it costs about 10 ms, more than a small document's whole name check. A few
dozen pairs are compared here in Python instead, until a larger set has made
the import worth it.
Both give the same answer: optimal-string-alignment distance (a swap of
neighbouring letters is one edit), hits ordered by distance, then by position.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Below this many pairs the Python comparison beats rapidfuzz's import.
PYTHON_PAIRS = 100


def within(query: str, choices: Sequence[str], max_distance: int) -> list[tuple[str, int, int]]:
    """``(choice, distance, position)`` for each choice within ``max_distance`` edits of ``query``.

    >>> within("ankra", ["ankara", "angora", "ankra", "anrka"], 1)
    [('ankra', 0, 2), ('ankara', 1, 0), ('anrka', 1, 3)]
    """
    if len(choices) > PYTHON_PAIRS or "rapidfuzz.process" in sys.modules:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        return [
            (choice, int(distance), position)
            for choice, distance, position in process.extract(
                query, choices, scorer=OSA.distance, score_cutoff=max_distance, limit=None
            )
        ]
    return python_within(query, choices, max_distance)


def python_within(
    query: str, choices: Sequence[str], max_distance: int
) -> list[tuple[str, int, int]]:
    """:func:`within` in Python, for a few choices."""
    hits = []
    for position, choice in enumerate(choices):
        distance = osa(query, choice, max_distance)
        if distance <= max_distance:
            hits.append((choice, distance, position))
    hits.sort(key=lambda hit: (hit[1], hit[2]))
    return hits


def osa(a: str, b: str, cutoff: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b``, or ``cutoff + 1`` if above it.

    >>> osa("kuleba", "kulbea", 2), osa("ca", "abc", 3), osa("lavrov", "pavlov", 1)
    (1, 3, 2)
    """
    if abs(len(a) - len(b)) > cutoff:
        return cutoff + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > cutoff:
            return cutoff + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= cutoff else cutoff + 1
