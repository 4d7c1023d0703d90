"""``cleaner fix``: apply the safe edits, in place or from stdin to stdout."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from functools import partial
from typing import BinaryIO

import click

from cleaner.commands._output import ProgressLine, note, problem
from cleaner.config import Config
from cleaner.document import (
    can_encode,
    changed_on_disk,
    kind_of,
    replace_atomic,
    write_document,
)
from cleaner.edits import apply_edits
from cleaner.errors import EXIT_EDITS, EXIT_ERROR, EXIT_OK, CleanerError, InputError
from cleaner.pipeline import propose
from cleaner.process import Problem, Streamed, check_paths, open_streamed, problem_of
from cleaner.stream import chunks


def run(
    paths: Sequence[str],
    config: Config,
    *,
    exit_nonzero_on_fix: bool = False,
    force_exclude: bool = False,
) -> int:
    changed = 0
    errors = False
    progress = ProgressLine()
    items = check_paths(
        paths, config, force_exclude=force_exclude, progress=progress, stream_large=True
    )
    for item in items:
        outcome: bool | Problem
        try:
            if isinstance(item, Problem):
                outcome = item
            elif isinstance(item, Streamed):
                outcome = _fix_streamed(item, config)
            else:
                text = apply_edits(item.document.text, item.safe_edits)
                outcome = write_document(item.document, text)
        except CleanerError as exc:
            progress.clear()
            note(str(exc))
            errors = True
            continue
        if isinstance(outcome, Problem):
            progress.clear()
            problem(outcome)
            errors = errors or not outcome.skipped
        elif outcome:
            changed += 1
            progress.clear()
            click.echo(f"Fixing {item.display}")
    if errors:
        return EXIT_ERROR
    return EXIT_EDITS if changed and exit_nonzero_on_fix else EXIT_OK


def _fix_streamed(item: Streamed, config: Config) -> bool | Problem:
    """Fix a file too large to hold whole, chunk by chunk, into a temporary
    file that replaces it if anything changed; whether it did, or why the
    file could not be read."""
    try:
        handle = open_streamed(item)
    except InputError as exc:
        return problem_of(item.path, exc)
    with handle:
        before = os.fstat(handle.fileno())

        def write(out: BinaryIO) -> bool:
            changed = _fix_chunks(handle, out, config, display=item.display)
            try:
                now = item.path.stat()
            except OSError as exc:
                raise changed_on_disk(item.path, exc) from None
            if changed and (now.st_size, now.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
                raise changed_on_disk(item.path)
            return changed

        return replace_atomic(item.path, stat.S_IMODE(before.st_mode), write)


def run_stream(
    stdin: BinaryIO,
    stdout: BinaryIO,
    config: Config,
    *,
    display: str,
    exit_nonzero_on_fix: bool = False,
) -> int:
    """Copy stdin to stdout with the safe edits applied, chunk by chunk."""
    changed = _fix_chunks(stdin, stdout, config, display=display)
    stdout.flush()
    return EXIT_EDITS if changed and exit_nonzero_on_fix else EXIT_OK


def _fix_chunks(stream: BinaryIO, out: BinaryIO, config: Config, *, display: str) -> bool:
    """Copy ``stream`` to ``out`` with the safe edits applied; whether any were."""
    kind = kind_of(display)
    changed = False
    for chunk in chunks(stream):
        out.write(chunk.prefix)
        if chunk.text is None:
            note(
                f"{display}: {len(chunk.raw)} bytes are not text in the input's encoding; "
                "passed through unchanged"
            )
            out.write(chunk.raw)
            continue
        encodable = partial(can_encode, encoding=chunk.encoding)
        edits = [e for e in propose(chunk.text, config, kind=kind, encodable=encodable) if e.safe]
        changed = changed or bool(edits)
        out.write(apply_edits(chunk.text, edits).encode(chunk.encoding.codec))
    return changed
