"""Regular expressions compiled when first used.

A check of one small file starts a process that imports every stage, and
compiling all of their module-level patterns took about 14 ms of it, though
such a file uses a third of them. :func:`lazy` returns a stand-in that
compiles its pattern on first use and then keeps the compiled pattern's
methods as its own attributes, so that later calls cost what a compiled
pattern's do.
"""

from __future__ import annotations

import itertools
import re
from typing import cast

# What the stand-in takes over from the compiled pattern once it exists.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> object:
        # Only reached for what the instance does not hold: the first call of
        # a method, or an attribute such as ``groups``.
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that is compiled when first used, and then used as compiled.

    >>> WORD = lazy(r"[a-z]+")
    >>> WORD.findall("two words"), WORD.pattern, WORD.groups
    (['two', 'words'], '[a-z]+', 0)
    """
    return cast("re.Pattern[str]", _Lazy(pattern, flags))


# A line with its line break (LF, CRLF or a lone CR), or the text's last line
# without one: the line scans of the document kinds' structure (cleaner.rst,
# cleaner.plaintext) read lines so, offsets included.
LINE_RE = lazy(r"[^\r\n]*(?:\r\n?|\n|\Z)")


def lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` as LINE_RE reads it (with its break), and where it starts.

    >>> lines("a\\r\\nb\\rc\\n\\nd")
    [(0, 'a\\r\\n'), (3, 'b\\r'), (5, 'c\\n'), (7, '\\n'), (8, 'd')]
    """
    if "\r" in text:
        return [(m.start(), m.group()) for m in LINE_RE.finditer(text) if m.group()]
    return newline_lines(text)


def newline_lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` up to and with its line feed, and where it starts
    (a carriage return is no break here).

    Cut by ``str.split`` and measured by ``itertools.accumulate``, not a
    match object a line: a quarter faster over the documentation tree of
    bench/speed.py.

    >>> newline_lines("a\\n\\nb"), newline_lines("a\\r\\n"), newline_lines("")
    ([(0, 'a\\n'), (2, '\\n'), (3, 'b')], [(0, 'a\\r\\n')], [])
    """
    found = [piece + "\n" for piece in text.split("\n")]
    found[-1] = found[-1][:-1]  # the text's end, no break after it
    if not found[-1]:
        found.pop()
    return list(zip(itertools.accumulate(map(len, found), initial=0), found, strict=False))
