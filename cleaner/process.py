"""Files in, edits out: read each file, propose edits, report problems.

The commands (fix, check, diff, review) all start here, so they see the same
files and the same edits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

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


def check_paths(
    paths: Sequence[str], config: Config, *, force_exclude: bool = False
) -> Iterator[Checked | Problem]:
    """Each file meant by ``paths``, checked, in order."""
    for path in discover(paths, config, force_exclude=force_exclude):
        display = display_name(path)
        try:
            document = read_document(path)
        except BinaryFileError:
            yield Problem(display, "binary file, skipped", skipped=True)
            continue
        except InputError as exc:
            yield Problem(display, str(exc).removeprefix(f"{path}: "))
            continue
        yield Checked(display, document, propose_for(document, config))
