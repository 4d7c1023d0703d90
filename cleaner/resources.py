"""Where the shipped word lists are: the ``cleaner.dictionaries`` package (dictionaries/)."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import cast


@functools.cache
def _folder() -> Path:
    package = importlib.import_module("cleaner.dictionaries")
    assert package.__file__ is not None
    return Path(package.__file__).parent


def dictionary_path(name: str) -> Path:
    """The installed path of one shipped list (``lexicon.txt``, ``gazetteer.tsv``, ...).

    A plain path beside the package rather than ``importlib.resources``, whose
    import alone costs more than a small check's lexicon lookups.
    """
    return _folder() / name


def mapped(path: Path) -> bytes:
    """The bytes of ``path``, mapped into memory rather than read: a binary
    search over its sorted lines touches a few pages, not the whole file. An
    mmap answers len, find, rfind and slicing (as bytes) as bytes do. A file
    that cannot be mapped (or is empty) is read."""
    import mmap  # a shared library: loaded only by a check that searches such a file

    try:
        with path.open("rb") as handle:
            return cast("bytes", mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):
        return path.read_bytes()
