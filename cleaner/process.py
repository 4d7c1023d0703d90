"""Files in, edits out: read each file, propose edits, report problems.

The commands (fix, check, diff, review) all start here, so they see the same
files and the same edits.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from cleaner import results
from cleaner.config import Config
from cleaner.document import Document, can_encode, read_document
from cleaner.edits import Edit
from cleaner.errors import BinaryFileError, InputError
from cleaner.files import discover
from cleaner.pipeline import propose


@dataclass(frozen=True)
class Checked:
    """A file that was read, and the edits proposed for it."""

    display: str
    document: Document
    edits: list[Edit]
    # A new entry was remembered for it (cleaner.results).
    stored: bool = False

    @property
    def safe_edits(self) -> list[Edit]:
        return [e for e in self.edits if e.safe]


@dataclass(frozen=True)
class Problem:
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


def propose_for(document: Document, config: Config) -> list[Edit]:
    """The edits for a document, dropping replacements its encoding cannot hold."""
    return propose(
        document.text,
        config,
        kind=document.kind,
        encodable=partial(can_encode, encoding=document.encoding),
    )


# Below this much text, starting worker processes costs more than it saves
# (a pre-commit run on a few files stays in one process).
PARALLEL_MIN_BYTES = 512 * 1024
Progress = Callable[[int, int], None]


def check_paths(
    paths: Sequence[str],
    config: Config,
    *,
    force_exclude: bool = False,
    progress: Progress | None = None,
) -> Iterator[Checked | Problem]:
    """Each file meant by ``paths``, checked, in order.

    Large sets of files are checked by ``config.jobs`` worker processes (one
    per core by default); results still come back in order. ``progress`` is
    called with (files done, files in all) after each file.
    """
    files = list(discover(paths, config, force_exclude=force_exclude))
    jobs = min(config.jobs or os.cpu_count() or 1, len(files))
    checked: Iterator[Checked | Problem]
    if jobs > 1 and _total_size(files) >= PARALLEL_MIN_BYTES:
        checked = _parallel(files, config, jobs)
    else:
        checked = (check_file(path, config) for path in files)
    stored = False
    for done, result in enumerate(checked, 1):
        if progress is not None:
            progress(done, len(files))
        stored = stored or (isinstance(result, Checked) and result.stored)
        yield result
    if stored:
        results.prune()


def check_file(path: Path, config: Config) -> Checked | Problem:
    """Read one file and propose its edits."""
    display = display_name(path)
    try:
        document = read_document(path)
    except BinaryFileError:
        return Problem(display, "binary file, skipped", skipped=True)
    except InputError as exc:
        return Problem(display, str(exc).removeprefix(f"{path}: "))
    edits, stored = results.remembered(document, config, partial(propose_for, document, config))
    return Checked(display, document, edits, stored)


def _total_size(files: list[Path]) -> int:
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def _parallel(files: list[Path], config: Config, jobs: int) -> Iterator[Checked | Problem]:
    # Small batches keep workers busy to the end without sending one file at a time.
    # Imported here: a pre-commit run on a few files never starts a pool.
    from concurrent.futures import ProcessPoolExecutor

    chunksize = max(1, min(16, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(check_file, files, itertools.repeat(config), chunksize=chunksize)
