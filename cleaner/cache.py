"""A small on-disk cache for derived data that is slow to build (the correction index).

Each entry is one file: a magic line, the key it was built for, a digest of
the payload, then the payload. A reader trusts an entry only when all three
match, so a stale entry (another lexicon or library version), a truncated one
(a crash mid-write) or a corrupt one is rebuilt, never used. Writers write a
private temporary file and rename it into place, which is atomic: two
processes building the same entry at once each produce a whole file, and the
last rename wins.

The cache lives in the user's cache folder (``$XDG_CACHE_HOME/cleaner``,
``~/Library/Caches/cleaner``, ``%LOCALAPPDATA%\\cleaner\\Cache``), or in
``$CLEANER_CACHE_DIR`` when set. When it cannot be written, callers simply
build in memory each time.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

_MAGIC = b"cleaner-cache 2\n"
# Entries of one kind kept for installs other than the newest one.
KEEP_PER_KIND = 4
RECENT_SECONDS = 7 * 24 * 3600
# Entries of one kind kept however recent: a machine that makes many installs
# in a week (CI runners, throwaway virtual environments) must not fill its
# cache folder at about 11 MB an install. An older install still in use then
# rebuilds its entry once.
MOST_PER_KIND = 12


def cache_dir() -> Path:
    """Where cache entries live (not created here)."""
    override = os.environ.get("CLEANER_CACHE_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "cleaner" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "cleaner"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else home / ".cache") / "cleaner"


def version(path: Path) -> str:
    """A file named by its path, size and modification time: what cache keys use
    for the version of a file they depend on, without reading it."""
    stat = path.stat()
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def entry(kind: str, key: str) -> Path:
    """The file for ``kind``'s entry built for ``key``.

    Named by the key, so entries built for different keys live side by side:
    two installs on one machine (a project's environment and pre-commit's,
    say) each keep their own instead of rebuilding over each other.

    >>> entry("x", "a") == entry("x", "a") != entry("x", "b")
    True
    """
    return cache_dir() / f"{kind}-{zlib.crc32(key.encode('utf-8')):08x}.bin"


def prune(kind: str, keep: int = KEEP_PER_KIND, most: int = MOST_PER_KIND) -> None:
    """Remove entries of ``kind`` left by older installs: all but the ``keep``
    newest, and of those only ones written more than RECENT_SECONDS ago (an
    install in use beside several newer ones keeps its entry); but never keep
    more than the ``most`` newest."""
    import time

    try:
        found = [(p.stat().st_mtime, p) for p in cache_dir().glob(f"{kind}-*.bin")]
    except OSError:
        return
    now = time.time()
    for rank, (written, path) in enumerate(sorted(found, reverse=True)):
        if rank >= most or (rank >= keep and now - written > RECENT_SECONDS):
            with contextlib.suppress(OSError):
                path.unlink()


def _digest(payload: bytes) -> bytes:
    # A checksum finds truncation and corruption; nobody forges a cache entry.
    return b"%08x-%d" % (zlib.crc32(payload), len(payload))


def read(path: Path, key: str) -> bytes | None:
    """The payload stored at ``path`` for ``key``, or None if missing, stale or corrupt.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> write(folder / "x", "k1", b"data"), read(folder / "x", "k1"), read(folder / "x", "k2")
    (True, b'data', None)
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None
    header_end = data.find(b"\n", len(_MAGIC))
    digest_end = data.find(b"\n", header_end + 1)
    if header_end < 0 or digest_end < 0:
        return None
    if data[len(_MAGIC) : header_end] != key.encode("utf-8"):
        return None
    payload = data[digest_end + 1 :]
    if data[header_end + 1 : digest_end] != _digest(payload):
        return None
    return payload


def write(path: Path, key: str, payload: bytes) -> bool:
    """Store ``payload`` for ``key`` at ``path`` atomically; False if the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only a writer needs it

        handle, temporary = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + key.encode("utf-8") + b"\n" + _digest(payload) + b"\n")
            out.write(payload)
        # No fsync: after a crash an entry may be cut short, and read() finds
        # that by its checksum; a cache is worth no disk flush per file.
        Path(temporary).replace(path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    return True


def marshalled(kind: str, key: str, build: Callable[[], Any]) -> Any:
    """``build()``'s value (made of what marshal stores), kept in ``kind``'s entry for ``key``.

    Read back when the entry is whole and was written for ``key`` under this
    Python version (marshal's format); otherwise built again and stored, and
    older entries of ``kind`` pruned. A folder that cannot be written only
    costs the build on the next run.
    """
    key = f"{key} python {sys.version_info.major}.{sys.version_info.minor}"
    path = entry(kind, key)
    payload = read(path, key)
    if payload is not None:
        with contextlib.suppress(ValueError, EOFError, TypeError):
            return marshal.loads(payload)
    value = build()
    if write(path, key, marshal.dumps(value)):
        prune(kind)
    return value
