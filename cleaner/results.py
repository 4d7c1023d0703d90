"""Remembered results: the edits proposed for a document, kept between runs.

Checking a folder again should cost little more than reading it: a file
whose text is unchanged gets the edits it got last time. Each file's edits
are stored under a key made of everything that decides them:

* the decoded text, its kind (text, Markdown, reStructuredText) and encoding;
* the settings that change proposals (stages, allow-list, confidence floor,
  no-break spaces, ftfy extras; not the file globs nor the worker count),
  and each user gazetteer's path, size and modification time;
* the installed cleaner itself: its version and the size and modification
  time of each of its modules and word lists, and of ftfy, symspellpy,
  rapidfuzz and markdown-it-py, and the Python version, so an upgraded or
  edited install never reuses an answer an older one gave.

Entries are :mod:`cleaner.cache` files (checked on read: a stale, truncated
or corrupt entry is recomputed, never trusted) in ``results/`` under the
cache folder. When a run adds entries and the folder holds more than
``MAX_ENTRIES``, the oldest are removed. ``cache = false`` in the
configuration, ``--no-cache`` or ``CLEANER_NO_CACHE=1`` switch it off.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from cleaner import cache
from cleaner.config import Config
from cleaner.document import Document
from cleaner.edits import Edit
from cleaner.resources import dictionary_path

MAX_ENTRIES = 20_000
_FORMAT = 1


def enabled(config: Config) -> bool:
    """Whether results are remembered for this run."""
    switch = os.environ.get("CLEANER_NO_CACHE", "").strip().lower()
    return config.cache and switch in ("", "0", "false", "no")


@functools.cache
def _install_stamp() -> str:
    """The versions of cleaner and Python, and the size and time of every file
    cleaner runs from and of the libraries whose answers it passes on."""
    import importlib.util

    import cleaner

    package = Path(cleaner.__file__).parent
    folders = [package, package / "stages", package / "commands"]
    folders.append(dictionary_path("lexicon.txt").parent)
    parts = [cleaner.__version__, sys.version]
    for folder in folders:
        with contextlib.suppress(OSError):
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.is_file() and entry.name.endswith((".py", ".txt", ".tsv")):
                    parts.append(cache.version(Path(entry.path)))
    # An upgraded ftfy or symspellpy may answer differently: their files
    # change, found without importing them.
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is None or spec.origin is None:
            continue
        with contextlib.suppress(OSError):
            parts.append(cache.version(Path(spec.origin)))
    return "\n".join(parts)


_LIBRARIES = ("ftfy", "symspellpy", "rapidfuzz", "markdown_it")


def _settings(config: Config) -> str:
    gazetteers = []
    for path in config.gazetteers:
        try:
            gazetteers.append(cache.version(path.resolve()))
        except OSError:
            gazetteers.append(f"{path}|missing")
    return repr(
        (
            sorted(config.disable),
            sorted(config.allow),
            gazetteers,
            config.min_confidence,
            config.nbsp,
            sorted(config.ftfy_extras),
        )
    )


def key(document: Document, config: Config) -> str:
    """What the edits for ``document`` depend on, digested."""
    import hashlib  # only runs that remember results need it

    digest = hashlib.blake2b(digest_size=20)
    for part in (_install_stamp(), _settings(config), document.kind, repr(document.encoding)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(document.text.encode("utf-8", "surrogatepass"))
    return f"results {_FORMAT} {digest.hexdigest()}"


def _folder() -> Path:
    return cache.cache_dir() / "results"


def _encode(edits: list[Edit]) -> bytes:
    rows = [
        (e.start, e.end, e.before, e.after, e.rule, e.confidence, e.reason, e.safe, e.alternatives)
        for e in edits
    ]
    return marshal.dumps(rows)


def _decode(payload: bytes) -> list[Edit] | None:
    try:
        rows = marshal.loads(payload)
        return [Edit(*row) for row in rows]
    except (ValueError, EOFError, TypeError):
        return None


def _entry(document: Document, config: Config) -> tuple[Path, str]:
    name = key(document, config)
    return _folder() / f"{zlib.crc32(name.encode()):08x}{name[-24:]}.bin", name


def lookup(document: Document, config: Config) -> list[Edit] | None:
    """The remembered edits for ``document``, or None (none kept, or switched off)."""
    if not enabled(config):
        return None
    payload = cache.read(*_entry(document, config))
    return None if payload is None else _decode(payload)


def remembered(
    document: Document, config: Config, compute: Callable[[], list[Edit]]
) -> tuple[list[Edit], bool]:
    """The edits for ``document``: remembered if possible, else computed and stored.

    Returns the edits and whether a new entry was written.
    """
    if not enabled(config):
        return compute(), False
    path, name = _entry(document, config)
    payload = cache.read(path, name)
    edits = None if payload is None else _decode(payload)
    if edits is not None:
        return edits, False
    edits = compute()
    return edits, cache.write(path, name, _encode(edits))


def prune(limit: int = MAX_ENTRIES) -> None:
    """Remove the oldest entries past ``limit`` (call after a run that wrote entries)."""
    try:
        entries = [e for e in os.scandir(_folder()) if e.name.endswith(".bin")]
    except OSError:
        return
    if len(entries) <= limit:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns if e.is_file() else 0)
    for entry in entries[: len(entries) - limit // 2]:
        with contextlib.suppress(OSError):
            Path(entry.path).unlink()
