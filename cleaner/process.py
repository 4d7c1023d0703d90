"""Files in, edits out: read each file, propose edits, report problems.

The commands (fix, check, diff, review) all start here, so they see the same
files and the same edits.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO, Literal, NamedTuple, overload

from cleaner import results
from cleaner.config import Config
from cleaner.document import (
    BINARY_SNIFF,
    Document,
    Encoding,
    can_encode,
    looks_binary,
    read_document,
    unreadable,
)
from cleaner.edits import Edit
from cleaner.errors import BinaryFileError, InputError
from cleaner.files import discover
from cleaner.pipeline import propose
from cleaner.stream import split_text


class Checked(NamedTuple):
    """A file that was read, and the edits proposed for it."""

    display: str
    document: Document
    edits: list[Edit]
    # A new entry was remembered for it (cleaner.results).
    stored: bool = False

    @property
    def safe_edits(self) -> list[Edit]:
        return [e for e in self.edits if e.safe]


class Streamed(NamedTuple):
    """A file too large to hold in memory whole: the command reads it in chunks
    (see STREAM_MIN_BYTES)."""

    display: str
    path: Path


class Problem(NamedTuple):
    """A file that could not be processed; ``skipped`` problems are notes, not errors."""

    display: str
    message: str
    skipped: bool = False


def display_name(path: Path) -> str:
    """The path as shown to the user: relative to the working folder when inside it."""
    try:
        return (
            path.resolve().relative_to(Path.cwd().resolve()).as_posix()
            if path.is_absolute()
            else path.as_posix()
        )
    except ValueError:
        return path.as_posix()


def propose_for(document: Document, config: Config, jobs: int = 1) -> list[Edit]:
    """The edits for a document, dropping replacements its encoding cannot hold
    (its parts proposed by up to ``jobs`` processes: see :func:`propose_in_parts`)."""
    # Without a BOM the file's bytes are its text encoded: cut those.
    encoded = None if document.encoding.bom else document.raw
    return propose_in_parts(
        document.text,
        config,
        kind=document.kind,
        encoding=document.encoding,
        encoded=encoded,
        jobs=jobs,
    )


def propose_in_parts(
    text: str,
    config: Config,
    *,
    kind: str,
    encoding: Encoding,
    encoded: bytes | None = None,
    jobs: int = 1,
) -> list[Edit]:
    """The edits for ``text``, proposed chunk by chunk as a pipe would be
    (:func:`cleaner.stream.split_text`): a large file is checked in bounded
    memory and gets the same edits as when it is piped.

    With ``jobs`` above 1, a text of several parts has them proposed by that
    many worker processes at once (each part is proposed on its own either
    way, so the edits are the same): one large file, an OCR'd book, no
    longer takes one core while the others wait.
    """
    parts = split_text(text, encoding.codec, encoded=encoded)
    workers = jobs if len(text) >= PART_PARALLEL_CHARS else 1
    edits: list[Edit] = []
    offset = 0
    for part, proposed in _proposed_parts(parts, config, kind, encoding, workers):
        edits.extend(edit.shifted(offset) for edit in proposed)
        offset += len(part)
    return edits


# A text this long or longer (more than one part: see cleaner.stream.CHUNK_SIZE)
# may have its parts proposed in worker processes, when jobs allow.
PART_PARALLEL_CHARS = 1 << 20


def _propose_part(part: str, config: Config, kind: str, encoding: Encoding) -> list[Edit]:
    return propose(part, config, kind=kind, encodable=partial(can_encode, encoding=encoding))


def _proposed_parts(
    parts: Iterable[str], config: Config, kind: str, encoding: Encoding, jobs: int
) -> Iterator[tuple[str, list[Edit]]]:
    """Each part with its edits, in order: one at a time here, or, with
    ``jobs`` above 1 and two parts or more, by that many worker processes."""
    # (Without jobs the parts stay a generator: one of them in memory at a time.)
    listed = list(parts) if jobs > 1 else []
    if len(listed) < 2:
        for part in listed or parts:
            yield part, _propose_part(part, config, kind, encoding)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(listed))) as pool:
        repeated = (itertools.repeat(x) for x in (config, kind, encoding))
        yield from zip(listed, pool.map(_propose_part, listed, *repeated), strict=True)


# Below this much text, starting worker processes costs more than it saves
# (a pre-commit run on a few files stays in one process).
PARALLEL_MIN_BYTES = 512 * 1024
# Files at least this large are streamed by check and fix, as a pipe is: held
# whole, a file takes its size twice over (bytes and text) and fix more again.
STREAM_MIN_BYTES = 64 << 20
# A batch sent to a worker holds at most BATCH_FILES files and, once it has
# one, no more than BATCH_BYTES: a worker that takes the last batch works on
# alone, and in the documentation tree of bench/speed.py sixteen files of its
# whatsnew/ pages took 3.7 s (the other worker had been done for 1.1 s).
BATCH_FILES = 16
BATCH_BYTES = 64 * 1024
Progress = Callable[[int, int], None]
Result = Checked | Streamed | Problem


@overload
def check_paths(
    paths: Sequence[str],
    config: Config,
    *,
    force_exclude: bool = ...,
    progress: Progress | None = ...,
    stream_large: Literal[False] = ...,
) -> Iterator[Checked | Problem]: ...


@overload
def check_paths(
    paths: Sequence[str],
    config: Config,
    *,
    force_exclude: bool = ...,
    progress: Progress | None = ...,
    stream_large: bool,
) -> Iterator[Result]: ...


def check_paths(
    paths: Sequence[str],
    config: Config,
    *,
    force_exclude: bool = False,
    progress: Progress | None = None,
    stream_large: bool = False,
) -> Iterator[Result]:
    """Each file meant by ``paths``, checked, in order.

    Large sets of files are checked by ``config.jobs`` worker processes (one
    per core by default); results still come back in order. ``progress`` is
    called with (files done, files in all) after each file. With
    ``stream_large``, a file of STREAM_MIN_BYTES or more comes back as
    :class:`Streamed`, unread, for the caller to read in chunks.
    """
    files = list(discover(paths, config, force_exclude=force_exclude))
    cores = config.jobs or os.cpu_count() or 1
    jobs = min(cores, len(files))
    # Sizes only when they decide something (a one-file pre-commit check needs none).
    sizes = [_size(path) for path in files] if stream_large or jobs > 1 else []
    streamed: set[Path] = set()
    if stream_large:
        streamed = {p for p, size in zip(files, sizes, strict=True) if size >= STREAM_MIN_BYTES}
    checked: Iterator[Result]
    if jobs > 1 and sum(sizes) >= PARALLEL_MIN_BYTES:
        checked = _parallel(files, sizes, config, jobs, streamed)
    else:
        # One file (or a few small ones): a large one's parts may share the cores.
        checked = (
            Streamed(display_name(path), path)
            if path in streamed
            else check_file(path, config, cores)
            for path in files
        )
    stored = False
    for done, result in enumerate(checked, 1):
        if progress is not None:
            progress(done, len(files))
        stored = stored or (isinstance(result, Checked) and result.stored)
        yield result
    if stored:
        results.prune()


def check_file(path: Path, config: Config, jobs: int = 1) -> Checked | Problem:
    """Read one file and propose its edits (a large one's parts by up to ``jobs`` processes)."""
    read = _read(path)
    if not isinstance(read, Document):
        return read
    edits, stored = results.remembered(read, config, partial(propose_for, read, config, jobs))
    return Checked(display_name(path), read, edits, stored)


def _read(path: Path) -> Document | Problem:
    try:
        return read_document(path)
    except InputError as exc:
        return problem_of(path, exc)


def open_streamed(item: Streamed) -> BinaryIO:
    """``item``'s file, open for reading in chunks (:func:`cleaner.stream.chunks`)
    for the caller to close; :class:`InputError` as :func:`read_document`
    raises it (see :func:`problem_of`)."""
    try:
        handle = item.path.open("rb")
    except OSError as exc:
        raise unreadable(item.path, exc) from None
    if looks_binary(handle.read(BINARY_SNIFF)):
        handle.close()
        raise BinaryFileError(f"{item.path}: binary file, skipped")
    handle.seek(0)
    return handle


def problem_of(path: Path, exc: InputError) -> Problem:
    """The problem ``exc`` says ``path`` has, as the user is told it."""
    message = str(exc).removeprefix(f"{path}: ")
    return Problem(display_name(path), message, skipped=isinstance(exc, BinaryFileError))


def _remembered_here(path: Path, config: Config) -> Checked | Problem | None:
    """The file's remembered edits (or why it cannot be read); None if it must be checked."""
    read = _read(path)
    if not isinstance(read, Document):
        return read
    edits = results.lookup(read, config)
    return None if edits is None else Checked(display_name(path), read, edits)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it reports the problem


def _parallel(
    files: list[Path], sizes: list[int], config: Config, jobs: int, streamed: set[Path]
) -> Iterator[Result]:
    """Check ``files`` (of ``sizes`` bytes) in worker processes, in order;
    remembered and ``streamed`` files are answered here without a worker (an
    unchanged folder starts none)."""
    # Imported here: a pre-commit run on a few files never starts a pool.
    from concurrent.futures import Future, ProcessPoolExecutor

    remember = results.enabled(config)
    # Small batches keep workers busy to the end without sending one file at a time.
    size = max(1, min(BATCH_FILES, len(files) // (jobs * 8)))
    batch_bytes = 0
    pool: ProcessPoolExecutor | None = None
    pending: deque[Result | tuple[Future[list[Checked | Problem]], int]] = deque()
    batch: list[Path] = []

    def send() -> None:
        nonlocal pool, batch_bytes
        if pool is None:
            pool = ProcessPoolExecutor(max_workers=jobs)
        future = pool.submit(_check_batch, list(batch), config)
        pending.extend((future, i) for i in range(len(batch)))
        batch.clear()
        batch_bytes = 0

    def ready(slot: Result | tuple[Future[list[Checked | Problem]], int]) -> bool:
        return isinstance(slot, Checked | Streamed | Problem) or slot[0].done()

    def take() -> Result:
        slot = pending.popleft()
        if isinstance(slot, Checked | Streamed | Problem):
            return slot
        return slot[0].result()[slot[1]]

    try:
        for path, bytes_ in zip(files, sizes, strict=True):
            found: Result | None
            if path in streamed:
                found = Streamed(display_name(path), path)
            else:
                found = _remembered_here(path, config) if remember else None
            if found is None:
                # Slots of an unsent batch wait in order behind it.
                if batch and batch_bytes + bytes_ > BATCH_BYTES:
                    send()
                batch.append(path)
                batch_bytes += bytes_
                if len(batch) == size:
                    send()
                continue
            if batch:
                send()  # keep the order: the batch's files come first
            pending.append(found)
            while pending and ready(pending[0]):
                yield take()
        if batch:
            send()
        while pending:
            yield take()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _check_batch(paths: list[Path], config: Config) -> list[Checked | Problem]:
    return [check_file(path, config) for path in paths]
