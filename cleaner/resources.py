"""Where the shipped word lists are: the ``cleaner.dictionaries`` package (dictionaries/)."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path


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
