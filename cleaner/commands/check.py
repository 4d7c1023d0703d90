"""``cleaner check``: list the proposed edits, change nothing."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import BinaryIO

import click

from cleaner.commands._output import ProgressLine, note, problem, styled
from cleaner.config import Config
from cleaner.document import can_encode, kind_of
from cleaner.edits import Edit, LineIndex
from cleaner.errors import EXIT_EDITS, EXIT_ERROR, EXIT_OK, InputError
from cleaner.pipeline import propose
from cleaner.process import Checked, Streamed, check_paths, open_streamed, problem_of
from cleaner.report import check_lines, json_records
from cleaner.stream import chunks


def run(paths: Sequence[str], config: Config, *, fmt: str, force_exclude: bool = False) -> int:
    found = 0
    errors = False
    progress = ProgressLine()
    items = check_paths(
        paths, config, force_exclude=force_exclude, progress=progress, stream_large=True
    )
    for item in items:
        if isinstance(item, Checked):
            found += len(item.edits)
            if item.edits:
                progress.clear()
            _emit(item.display, item.edits, LineIndex(item.document.text), fmt)
            continue
        progress.clear()
        if isinstance(item, Streamed):
            try:
                with open_streamed(item) as handle:
                    found += _emit_stream(handle, config, fmt=fmt, display=item.display)
                continue
            except InputError as exc:
                item = problem_of(item.path, exc)
        problem(item)
        errors = errors or not item.skipped
    return EXIT_ERROR if errors else EXIT_EDITS if found else EXIT_OK


def run_stream(stdin: BinaryIO, config: Config, *, fmt: str, display: str) -> int:
    return EXIT_EDITS if _emit_stream(stdin, config, fmt=fmt, display=display) else EXIT_OK


def _emit_stream(stream: BinaryIO, config: Config, *, fmt: str, display: str) -> int:
    """Report the edits of ``stream``, chunk by chunk; how many there were."""
    found = 0
    line, offset = 1, 0
    kind = kind_of(display)
    for chunk in chunks(stream):
        if chunk.text is None:
            note(f"{display}: {len(chunk.raw)} bytes from line {line} are not text; not checked")
            line += chunk.raw.count(b"\n")
            continue
        encodable = partial(can_encode, encoding=chunk.encoding)
        edits = propose(chunk.text, config, kind=kind, encodable=encodable)
        found += len(edits)
        _emit(display, edits, LineIndex(chunk.text, first_line=line), fmt, offset)
        line += chunk.text.count("\n")
        offset += len(chunk.text)
    return found


def _emit(display: str, edits: list[Edit], index: LineIndex, fmt: str, offset: int = 0) -> None:
    if fmt == "json":
        for record in json_records(display, edits, index, offset):
            click.echo(record)
        return
    for text in check_lines(display, edits, index):
        location, _, rest = text.partition(": ")
        click.echo(styled(location, bold=True) + ": " + rest)
