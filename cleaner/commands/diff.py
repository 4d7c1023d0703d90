"""``cleaner diff``: the edits ``fix`` would make, as a unified diff."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import BinaryIO

import click

from cleaner.commands._output import ProgressLine, problem, styled
from cleaner.config import Config
from cleaner.document import decode, kind_of
from cleaner.edits import apply_edits
from cleaner.errors import EXIT_EDITS, EXIT_ERROR, EXIT_OK, BinaryFileError, InputError
from cleaner.process import Checked, check_paths, propose_in_parts
from cleaner.report import unified_diff


def run(paths: Sequence[str], config: Config, *, force_exclude: bool = False) -> int:
    found = False
    errors = False
    progress = ProgressLine()
    for item in check_paths(paths, config, force_exclude=force_exclude, progress=progress):
        if not isinstance(item, Checked):
            progress.clear()
            problem(item)
            errors = errors or not item.skipped
            continue
        text = item.document.text
        patch = unified_diff(item.display, text, apply_edits(text, item.safe_edits))
        if patch:
            found = True
            progress.clear()
            _emit(patch, item.document.encoding.codec)
    return EXIT_ERROR if errors else EXIT_EDITS if found else EXIT_OK


def run_stream(stdin: BinaryIO, config: Config, *, display: str) -> int:
    data = stdin.read()
    if b"\0" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryFileError(f"{display}: binary input")
    try:
        text, encoding = decode(data)
    except InputError as exc:
        raise InputError(f"{display}: {exc}") from None
    found = propose_in_parts(text, config, kind=kind_of(display), encoding=encoding)
    edits = [e for e in found if e.safe]
    patch = unified_diff(display, text, apply_edits(text, edits))
    if patch:
        _emit(patch, encoding.codec)
    return EXIT_EDITS if patch else EXIT_OK


def _emit(patch: str, codec: str) -> None:
    if click.get_current_context().color or sys.stdout.isatty():
        for line in patch.splitlines(keepends=True):
            colour = {"+": "green", "-": "red", "@": "cyan"}.get(line[:1])
            bold = line.startswith(("+++", "---"))
            click.echo(styled(line, fg=colour, bold=bold) if colour or bold else line, nl=False)
        return
    # A patch must carry the file's own bytes to apply: a Windows-1252 file
    # gets a Windows-1252 patch. UTF-16 patches are written as UTF-8 (no tool
    # applies UTF-16 patches).
    out = sys.stdout.buffer
    out.write(patch.encode("utf-8" if codec.startswith("utf-16") else codec))
    out.flush()
