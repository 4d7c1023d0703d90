"""Which files a list of PATH arguments means.

Files named explicitly are always read, unless ``force_exclude`` asks that
they pass the include and exclude globs too. Folders are walked for files matching
the include globs (prose formats by default) and not the exclude globs. In a
git work tree, git itself says which files exist and are not ignored (so
``.gitignore`` rules, nested ones included, mean exactly what they mean to
git); elsewhere hidden folders such as ``.git`` and ``.venv`` are skipped.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from cleaner.config import Config
from cleaner.errors import InputError


def matches(path: Path, globs: Sequence[str]) -> bool:
    """Whether ``path`` matches a glob by its name or by its slash-separated path.

    >>> matches(Path("docs/a.md"), ["*.md"]), matches(Path("docs/a.md"), ["docs/*"])
    (True, True)
    """
    posix = path.as_posix()
    return any(
        fnmatch.fnmatchcase(path.name, g)
        or fnmatch.fnmatchcase(posix, g)
        or posix.startswith(g.rstrip("/") + "/")
        for g in globs
    )


def discover(
    paths: Sequence[str], config: Config, *, force_exclude: bool = False
) -> Iterator[Path]:
    """The files meant by ``paths``, each once, in the order given (folders sorted).

    A missing path raises :class:`InputError` before anything is yielded.
    """
    for raw in paths:
        if not os.path.lexists(raw):
            raise InputError(f"{raw}: no such file or directory")
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        found = _walk(path, config) if path.is_dir() else iter([path])
        for item in found:
            key = Path(os.path.normpath(item))
            if key in seen:
                continue
            seen.add(key)
            if path.is_dir() and config.exclude and matches(item, config.exclude):
                continue
            if force_exclude and not path.is_dir() and not _wanted(item, config):
                continue
            yield item


def _wanted(path: Path, config: Config) -> bool:
    """Whether a file named on the command line passes the include and exclude globs.

    pre-commit names every staged text file (code and YAML too): with
    ``--force-exclude`` the hooks read what a folder walk would, and never
    touch code. An absolute path is matched relative to the working folder.
    """
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return matches(path, config.include) and not matches(path, config.exclude)


def _walk(folder: Path, config: Config) -> Iterator[Path]:
    listed = _git_files(folder)
    if listed is None:
        listed = sorted(_plain_walk(folder))
    for relative in listed:
        if matches(relative, config.include) and not matches(relative, config.exclude):
            path = folder / relative
            if path.is_file() and not path.is_symlink():
                yield path


def _git_files(folder: Path) -> list[Path] | None:
    """Files git tracks or would track under ``folder``, or None outside a work tree."""
    import subprocess  # imported where used: a small check never needs it

    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ],
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    if result.returncode != 0:
        return None
    names = {os.fsdecode(n) for n in result.stdout.split(b"\0") if n}
    if not names and _ignored_by_git(folder):
        # The folder you named is itself ignored (a build or cache folder):
        # git's rules say nothing about its insides, so walk it plainly.
        return None
    return sorted(Path(n) for n in names)


def _ignored_by_git(folder: Path) -> bool:
    import subprocess  # imported where used: a small check never needs it

    result = subprocess.run(
        ["git", "-C", str(folder), "check-ignore", "-q", "."], capture_output=True, check=False
    )
    return result.returncode == 0


def _plain_walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in files:
            yield (Path(root) / name).relative_to(folder)
