"""``cleaner config``: the effective configuration, and where each value came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cleaner.config import Config, settings
from cleaner.errors import EXIT_OK


def run(config: Config, path: Path | None, *, fmt: str) -> int:
    """Print ``config``; ``path`` is the configuration file it was read from, if any."""
    rows = settings(config)
    if fmt == "json":
        record = {
            "file": str(path) if path else None,
            "settings": {key: {"value": value, "source": source} for key, value, source in rows},
        }
        import json  # only this command prints JSON

        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return EXIT_OK
    click.echo(f"# configuration file: {path}" if path else "# configuration file: none found")
    lines = [(_toml_line(key, value), source) for key, value, source in rows]
    width = max(len(line) for line, _ in lines)
    for line, source in lines:
        click.echo(f"{line.ljust(width)}  # {source}")
    return EXIT_OK


def _toml_line(key: str, value: Any) -> str:
    """One ``key = value`` line; a value TOML cannot hold (None) is shown commented out.

    >>> _toml_line("jobs", None), _toml_line("allow", ["Kuleba"]), _toml_line("nbsp", True)
    ('# jobs = (one per CPU core)', 'allow = ["Kuleba"]', 'nbsp = true')
    """
    if value is None:
        return f"# {key} = (one per CPU core)" if key == "jobs" else f"# {key} = (unset)"
    # JSON's strings, numbers, booleans and arrays are TOML's too.
    import json  # TOML strings and arrays are written as JSON writes them

    return f"{key} = {json.dumps(value, ensure_ascii=False)}"
