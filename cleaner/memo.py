"""Bounded memos: answers a process keeps because the same questions come back.

The word stages ask the same things again and again, within a document and
across the documents of a folder: the cost of one misreading, how well two
words go together, the gazetteer entries of a name. Each such answer depends
on its question alone, so it is worked out once and kept, up to a limit that
keeps a long run's memory bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A dict that works out a missing key's value with ``compute`` and keeps it.

    A key it holds is a plain dict lookup. When it would hold more than
    ``limit`` answers it is emptied, and fills again with what comes back.

    >>> squares = Memo(lambda n: n * n, limit=2)
    >>> squares[3], squares[4], len(squares)
    (9, 16, 2)
    >>> squares[5], len(squares)
    (25, 1)
    """

    __slots__ = ("_compute", "_limit")

    def __init__(self, compute: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value
