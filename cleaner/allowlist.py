"""The project's allow-list on disk: where it lives, and adding words to it.

``cleaner review`` adds a word here when the reviewer answers "the original is
right". The words go into the configuration file that later runs read, so
check, fix, diff and the hook stop proposing edits of them. The user's file is
edited in place with tomlkit: comments, order and formatting stay as they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from cleaner.config import find_project_config
from cleaner.document import write_atomic
from cleaner.errors import ConfigError

ALLOW_FILE = ".cleaner.toml"
NEW_FILE_MODE = 0o644


def allowlist_file(start: Path, config_file: Path | None = None) -> Path:
    """The file that holds the project's allow-list, seen from the folder ``start``.

    ``config_file`` (``--config``) when given; otherwise the configuration file
    later runs from ``start`` will read; otherwise, in the nearest folder upward
    with a ``pyproject.toml``, a ``.cleaner.toml`` or a ``.git``, that
    folder's ``pyproject.toml`` if it has one, else its ``.cleaner.toml``
    (created). Outside any project: ``.cleaner.toml`` in ``start``.
    """
    if config_file is not None:
        return config_file
    found = find_project_config(start)
    if found is not None:
        return found
    folder = start.resolve()
    while True:
        if (folder / "pyproject.toml").is_file():
            return folder / "pyproject.toml"
        if (folder / ALLOW_FILE).is_file() or (folder / ".git").exists():
            return folder / ALLOW_FILE
        if folder.parent == folder:
            return start.resolve() / ALLOW_FILE
        folder = folder.parent


def add_words(path: Path, words: Iterable[str]) -> list[str]:
    """Add ``words`` to the ``allow`` list in ``path``; return those that were not there.

    In ``pyproject.toml`` the list is ``[tool.cleaner] allow``; in any other
    file it is the top-level ``allow``. A missing file is created. The words
    are written exactly as given (see :meth:`cleaner.config.Config.allows`
    for how entries match).
    """
    try:
        raw = path.read_bytes()
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        raw, mode = b"", NEW_FILE_MODE
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        source = raw.decode("utf-8")
        doc = tomlkit.parse(source)
    except (UnicodeDecodeError, TOMLKitError) as exc:
        raise ConfigError(f"{path}: invalid TOML, allow-list not saved: {exc}") from None
    allow = _allow_array(doc, path)
    added = [w for w in dict.fromkeys(words) if w not in allow]
    if not added:
        return []
    for word in added:
        allow.append(word)
    text = tomlkit.dumps(doc)
    if "\r\n" in source and "\n" not in source.replace("\r\n", ""):
        # tomlkit writes new lines with "\n": keep a CRLF file all CRLF.
        text = re.sub(r"(?<!\r)\n", "\r\n", text)
    write_atomic(path, text.encode("utf-8"), mode)
    return added


def _allow_array(doc: tomlkit.TOMLDocument, path: Path) -> Any:
    """The ``allow`` array of ``doc`` (created empty when missing)."""
    table: Any = doc
    where = str(path)
    if path.name == "pyproject.toml":
        where = f"{path} [tool.cleaner]"
        tool = doc.get("tool")
        if tool is None:
            # A super table prints as just [tool.cleaner], not [tool] then [tool.cleaner].
            tool = tomlkit.table(is_super_table=True)
            doc.append("tool", tool)
        if not _is_table(tool):
            raise ConfigError(f"{path}: 'tool' must be a table")
        table = tool.get("cleaner")
        if table is None:
            table = tomlkit.table()
            tool.append("cleaner", table)
        if not _is_table(table):
            raise ConfigError(f"{where}: must be a table")
    allow = table.get("allow")
    if allow is None:
        table.append("allow", tomlkit.array())
        allow = table["allow"]
    if not isinstance(allow, list) or not all(isinstance(w, str) for w in allow):
        raise ConfigError(f"{where}: 'allow' must be a list of strings")
    return allow


def _is_table(value: object) -> bool:
    # Not a TypeGuard on purpose: the tomlkit item must keep its own methods (append).
    return isinstance(value, dict)
