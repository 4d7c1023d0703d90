"""Candidate words for a misread token: symspellpy's symmetric-delete index over the lexicon.

Building the index (every lexicon word with up to two letters deleted from
its first ``PREFIX_LENGTH`` letters) takes seconds, so it is built once and
kept in the on-disk cache (:mod:`cleaner.cache`), keyed by the lexicon's
content, symspellpy's version and the index settings. Loading it back takes a
fraction of a second, and happens only when a document has a word that needs
candidates beyond the cheap ones (see :mod:`cleaner.corrector`).
"""

from __future__ import annotations

import gc
import marshal
from typing import Any

from cleaner import cache
from cleaner.lexicon import Lexicon

MAX_DISTANCE = 2
# Deletes are generated from the first PREFIX_LENGTH letters only. symspellpy's
# default of 7 gives an index of 676,000 keys (a 1 s load and 150 MB); 5 gives
# 94,000 keys (0.1 s, 50 MB) for lookups about 1.5x slower, and lookups are few.
PREFIX_LENGTH = 5
_FORMAT = 1


class _JoinedLists(dict[str, str]):
    """The deletes table with each list of words stored as one tab-joined string.

    Strings load several times faster than lists; symspellpy only indexes the
    table and tests membership, so splitting on access is enough.
    """

    def __getitem__(self, key: str) -> list[str]:  # type: ignore[override]
        return dict.__getitem__(self, key).split("\t")


class SymSpellIndex:
    """symspellpy over a lexicon, with its deletes table cached on disk."""

    def __init__(self, lexicon: Lexicon, *, use_cache: bool = True) -> None:
        from symspellpy import SymSpell, Verbosity
        from symspellpy.editdistance import DistanceAlgorithm, EditDistance

        self._all = Verbosity.ALL
        self._symspell: Any = SymSpell(
            MAX_DISTANCE,
            PREFIX_LENGTH,
            # editdistpy's implementation: about 1.7x faster lookups.
            distance_comparer=EditDistance(DistanceAlgorithm.DAMERAU_OSA_FAST),
        )
        words = {word.lower(): count for word, count in lexicon.items()}
        key = index_key(words)
        path = cache.entry("symspell", key)
        payload = cache.read(path, key) if use_cache else None
        loaded = _decode(payload) if payload is not None else None
        if loaded is None:
            deletes, max_length = _build(words)
            if use_cache and cache.write(path, key, _encode(deletes, max_length)):
                cache.prune("symspell")
            loaded = (_JoinedLists({k: "\t".join(v) for k, v in deletes.items()}), max_length)
        # symspellpy's own pickle support restores these same three attributes.
        self._symspell._words = words
        self._symspell._deletes = loaded[0]
        self._symspell._max_length = loaded[1]

    def lookup(self, word: str, max_distance: int = MAX_DISTANCE) -> list[tuple[str, int]]:
        """Lexicon words within ``max_distance`` (Damerau OSA) of lower-case ``word``.

        >>> from cleaner.lexicon import Lexicon
        >>> index = SymSpellIndex(Lexicon({"modern": 9, "model": 5, "mode": 4}), use_cache=False)
        >>> sorted(index.lookup("modle", 1)), index.lookup("modrn", 1)
        ([('mode', 1), ('model', 1)], [('modern', 1)])
        """
        found = self._symspell.lookup(word, self._all, max_distance)
        return [(item.term, item.distance) for item in found if item.term != word]


def index_key(words: dict[str, int]) -> str:
    """What the cached index depends on: the words, symspellpy and the settings."""
    import hashlib  # imported where used: a small check never needs it

    digest = hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()
    import importlib.metadata  # only here: importing it costs more than a small check

    version = importlib.metadata.version("symspellpy")
    return f"symspell/{_FORMAT}/{version}/{MAX_DISTANCE}/{PREFIX_LENGTH}/{digest}"


def _build(words: dict[str, int]) -> tuple[dict[str, list[str]], int]:
    from symspellpy import SymSpell

    builder: Any = SymSpell(MAX_DISTANCE, PREFIX_LENGTH)
    for word, count in words.items():
        builder.create_dictionary_entry(word, count)
    return dict(builder._deletes), int(builder._max_length)


def _encode(deletes: dict[str, list[str]], max_length: int) -> bytes:
    return marshal.dumps((max_length, {k: "\t".join(v) for k, v in deletes.items()}))


def _decode(payload: bytes) -> tuple[_JoinedLists, int] | None:
    # Millions of small objects: the cyclic collector would walk them all, for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        value = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict)):
        return None
    max_length, table = value
    if not isinstance(max_length, int):
        return None
    return _JoinedLists(table), max_length
