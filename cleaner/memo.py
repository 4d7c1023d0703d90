"""Bounded memos: answers a process keeps because the same questions come back.

The word stages ask the same things again and again, within a document and
across the documents of a folder: the cost of one misreading, how well two
words go together, the gazetteer entries of a name. Each such answer depends
on its question alone, so it is worked out once and kept, up to a limit that
keeps a long run's memory bounded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

K = TypeVar("K")
V = TypeVar("V")
F = TypeVar("F", bound=Callable[..., Any])


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


def last_call(function: F) -> F:
    """``function``, answering again at once when asked of the very objects
    (``is``, not ``==``) it was last asked of.

    For what several stages ask of one text's tokens and word status: those
    are large, and unhashable or costly to hash, but the same objects. The
    last arguments are held, so no other object can take their place in
    memory while they are remembered.

    >>> calls = []
    >>> @last_call
    ... def size(words):
    ...     calls.append(1)
    ...     return len(words)
    >>> words = ["a", "b"]
    >>> size(words), size(words), size(["a", "b"]), len(calls)
    (2, 2, 2, 2)
    """
    last: list[tuple[tuple[Any, ...], Any]] = []

    @functools.wraps(function)
    def remembered(*args: Any) -> Any:
        if last:
            asked, answer = last[0]
            if len(asked) == len(args) and all(a is b for a, b in zip(asked, args, strict=True)):
                return answer
        answer = function(*args)
        last[:] = [(args, answer)]
        return answer

    return cast(F, remembered)
