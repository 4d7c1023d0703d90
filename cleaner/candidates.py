"""Candidate words for a misread token: symspellpy's symmetric-delete index over the lexicon.

Building the index (every lexicon word with up to two letters deleted from
its first ``PREFIX_LENGTH`` letters) takes seconds, so it is built once and
kept in the on-disk cache (:mod:`cleaner.cache`), keyed by the lexicon's
content, symspellpy's version and the index settings. Loading it back takes a
fraction of a second, and happens only when a document has a word that needs
candidates beyond the cheap ones (see :mod:`cleaner.corrector`).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import Any

from cleaner import cache
from cleaner.lexicon import Lexicon, search_lines

MAX_DISTANCE = 2
# Deletes are generated from the first PREFIX_LENGTH letters only. symspellpy's
# default of 7 gives an index of 676,000 keys (a 1 s load and 150 MB); 5 gives
# 94,000 keys (0.1 s, 50 MB) for lookups about 1.5x slower, and lookups are few.
PREFIX_LENGTH = 5
_FORMAT = 4


class _SortedDeletes:
    """symspellpy's deletes table in two flat pieces: a text of sorted lines
    ``delete<TAB>first count``, searched by bisection, and an array of the
    words' places in the lexicon's list, where each delete's ``count`` words
    begin at ``first``.

    A dict of 94,000 keys and their word lists held ~30 MB in every worker
    process, the table written out as one text with its words 12 MB; these
    pieces hold 6.5 MB, and a line's words are read back without a Python
    loop (a short delete names over a thousand). symspellpy only tests
    membership and then indexes the same key, so the last search is kept for
    the second.
    """

    def __init__(self, lines: str, places: array[int], words: Sequence[str]) -> None:
        self._lines = lines
        self._places = places
        self._words = words
        self._last: tuple[str, str | None] = ("\n", None)

    def _find(self, key: str) -> str | None:
        if self._last[0] != key:
            self._last = (key, search_lines(self._lines, key + "\t"))
        return self._last[1]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def __getitem__(self, key: str) -> list[str]:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        first, _, count = found.partition(" ")
        start = int(first)
        return list(map(self._words.__getitem__, self._places[start : start + int(count)]))

    def __len__(self) -> int:
        return self._lines.count("\n")


class _Counts:
    """The lexicon as symspellpy reads its word table (lower-case word -> count),
    without a second dict of 83,000 words in every process."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lexicon.count(word) > 0

    def __getitem__(self, word: str) -> int:
        count = self._lexicon.count(word)
        if not count:
            raise KeyError(word)
        return count

    def __len__(self) -> int:
        return len(self._lexicon)


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
        # Lower case, once each, in the lexicon's order; the table names
        # words by their place here. The parsed lexicon's strings are shared.
        words = list(dict.fromkeys(w if w.islower() else w.lower() for w in lexicon.words()))
        key = index_key(words)
        path = cache.entry("symspell", key)
        payload = cache.read(path, key) if use_cache else None
        loaded = _decode(payload, words) if payload is not None else None
        if loaded is None:
            payload = _encode(*_build({word.lower(): n for word, n in lexicon.items()}), words)
            if use_cache and cache.write(path, key, payload):
                cache.prune("symspell")
            loaded = _decode(payload, words)
            assert loaded is not None
        # symspellpy's own pickle support restores these same three attributes.
        self._symspell._words = _Counts(lexicon)
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


def index_key(words: Iterable[str]) -> str:
    """What the cached index depends on: the words, symspellpy and the settings."""
    import hashlib  # imported where used: a small check never needs it

    digest = hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()
    import importlib.metadata  # only here: importing it costs more than a small check

    version = importlib.metadata.version("symspellpy")
    return f"symspell/{_FORMAT}/{sys.byteorder}/{version}/{MAX_DISTANCE}/{PREFIX_LENGTH}/{digest}"


def _build(words: dict[str, int]) -> tuple[dict[str, list[str]], int]:
    from symspellpy import SymSpell

    builder: Any = SymSpell(MAX_DISTANCE, PREFIX_LENGTH)
    for word, count in words.items():
        builder.create_dictionary_entry(word, count)
    return dict(builder._deletes), int(builder._max_length)


def _encode(deletes: dict[str, list[str]], max_length: int, words: Sequence[str]) -> bytes:
    """A first line with the longest word's length and the size of the lines,
    then the lines and the places (see :class:`_SortedDeletes`), 4 bytes each
    in this machine's byte order (the key names it)."""
    place = {word: i for i, word in enumerate(words)}
    places = array("I")
    lines = []
    for key, found in sorted(deletes.items()):
        lines.append(f"{key}\t{len(places)} {len(found)}\n")
        places.extend(place[word] for word in found)
    text = "".join(lines).encode("utf-8")
    return f"{max_length} {len(text)}\n".encode() + text + places.tobytes()


def _decode(payload: bytes, words: Sequence[str]) -> tuple[_SortedDeletes, int] | None:
    end = payload.find(b"\n")
    header = payload[: max(end, 0)].split(b" ")
    if len(header) != 2 or not all(part.isdigit() for part in header):
        return None
    max_length, size = map(int, header)
    view = memoryview(payload)
    places = array("I")
    if (len(payload) - end - 1 - size) % places.itemsize:
        return None
    try:
        # Read from views: a copy of the payload would cost its size again.
        lines = str(view[end + 1 : end + 1 + size], "utf-8")
    except UnicodeDecodeError:
        return None
    if lines and not lines.endswith("\n"):
        return None
    places.frombytes(view[end + 1 + size :])
    return _SortedDeletes(lines, places, words), max_length
