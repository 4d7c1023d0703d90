"""``cleaner fix``: apply the safe edits, in place or from stdin to stdout."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import BinaryIO

import click

from cleaner.commands._output import ProgressLine, note, problem
from cleaner.config import Config
from cleaner.document import can_encode, kind_of, write_document
from cleaner.edits import apply_edits
from cleaner.errors import EXIT_EDITS, EXIT_ERROR, EXIT_OK, CleanerError
from cleaner.pipeline import propose
from cleaner.process import Checked, check_paths
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
    for item in check_paths(paths, config, force_exclude=force_exclude, progress=progress):
        if not isinstance(item, Checked):
            progress.clear()
            problem(item)
            errors = errors or not item.skipped
            continue
        new = apply_edits(item.document.text, item.safe_edits)
        try:
            written = write_document(item.document, new)
        except CleanerError as exc:
            note(str(exc))
            errors = True
            continue
        if written:
            changed += 1
            progress.clear()
            click.echo(f"Fixing {item.display}")
    if errors:
        return EXIT_ERROR
    return EXIT_EDITS if changed and exit_nonzero_on_fix else EXIT_OK


def run_stream(
    stdin: BinaryIO,
    stdout: BinaryIO,
    config: Config,
    *,
    display: str,
    exit_nonzero_on_fix: bool = False,
) -> int:
    """Copy stdin to stdout with the safe edits applied, chunk by chunk."""
    kind = kind_of(display)
    changed = False
    for chunk in chunks(stdin):
        stdout.write(chunk.prefix)
        if chunk.text is None:
            note(
                f"{display}: {len(chunk.raw)} bytes are not text in the input's encoding; "
                "passed through unchanged"
            )
            stdout.write(chunk.raw)
            continue
        encodable = partial(can_encode, encoding=chunk.encoding)
        edits = [e for e in propose(chunk.text, config, kind=kind, encodable=encodable) if e.safe]
        changed = changed or bool(edits)
        stdout.write(apply_edits(chunk.text, edits).encode(chunk.encoding.codec))
    stdout.flush()
    return EXIT_EDITS if changed and exit_nonzero_on_fix else EXIT_OK
