"""Common misspellings and the one word each stands for: "accomodate" -> "accommodate".

People's records of the slips people make (Wikipedia's lists of common
misspellings and the typos spell checker's list, as cspell gathers them;
``dictionaries/misspellings.txt``, built as ``dictionaries/README.md`` says).
The spelling stage makes a slip it has read the same way safe to apply. The
file is searched where it lies (a binary search over its sorted lines), so a
check that asks about one slip does not pay for loading 80,000 pairs.
"""

from __future__ import annotations

import functools

from cleaner.lexicon import search_lines
from cleaner.resources import dictionary_path, mapped


@functools.cache
def _lines() -> tuple[bytes, int]:
    """The file's bytes, and where its pairs start (after the ``#`` header).

    Mapped, not read: a check with one slip in it reads a few of its pages,
    not all 1.7 MB (1.6 ms).
    """
    data = mapped(dictionary_path("misspellings.txt"))
    start = 0
    while data[start : start + 1] == b"#":
        start = data.find(b"\n", start) + 1
        if start == 0:  # a header line without an end: no pairs
            return data, len(data)
    return data, start


def correction(word: str) -> str | None:
    """The word ``word`` misspells, in lower case, if it is a listed misspelling.

    >>> correction("accomodate"), correction("Recieve"), correction("receive")
    ('accommodate', 'receive', None)
    """
    if not word.isascii() or not word.isalpha():
        return None
    data, start = _lines()
    found = search_lines(data, (word.lower() + " ").encode("ascii"), start)
    return None if found is None else found.decode("ascii")
