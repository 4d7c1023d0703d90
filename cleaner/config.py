"""One immutable configuration object, with its defaults in one place.

Override with :func:`dataclasses.replace`. The CLI builds one from the
project's configuration file and its own flags (flags win).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from cleaner.errors import ConfigError

# ftfy repairs that change more than mojibake. They are off by default, and
# each one, when switched on, proposes its own visible edits.
FTFY_EXTRAS = frozenset(
    {
        "uncurl_quotes",
        "fix_line_breaks",
        "remove_control_chars",
        "normalization",
        "fix_latin_ligatures",
        "fix_character_width",
    }
)

DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown", "*.mdx", "*.rst", "*.pod")


@dataclass(frozen=True)
class Config:
    """Everything that changes what cleaner proposes or which files it reads."""

    # Stage names (see cleaner.stages.STAGES) that are switched off.
    disable: frozenset[str] = frozenset()
    # Words that are right: no word-level edit is proposed for them. A
    # lower-case entry matches any case; any other entry matches exactly.
    allow: frozenset[str] = frozenset()
    # Extra gazetteer files (one name per line, or name/kind/country/weight TSV).
    gazetteers: tuple[Path, ...] = ()
    # Edits below this confidence are not proposed at all.
    min_confidence: float = 0.0
    # Replace no-break spaces between ordinary words with plain spaces.
    nbsp: bool = True
    # ftfy repairs beyond mojibake to propose as their own edits (FTFY_EXTRAS).
    ftfy_extras: frozenset[str] = frozenset()
    # Globs of files to read when recursing into folders, and to skip.
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    # Worker processes for folders (None: one per core).
    jobs: int | None = None
    # Remember each file's edits between runs (see cleaner.results).
    cache: bool = True
    # Where each value came from, for `cleaner config`: key -> source.
    sources: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    def allows(self, word: str) -> bool:
        """Whether ``word`` is on the allow-list (lower-case entries match any case)."""
        return word in self.allow or word.lower() in self.allow


DEFAULT = Config()

_FIELD_TYPES: dict[str, type] = {
    "disable": list,
    "allow": list,
    "gazetteers": list,
    "min_confidence": float,
    "nbsp": bool,
    "ftfy_extras": list,
    "include": list,
    "exclude": list,
    "jobs": int,
    "cache": bool,
}


def from_mapping(values: Mapping[str, Any], source: str, base: Config = DEFAULT) -> Config:
    """A config from ``base`` with ``values`` (from a file or flags) applied.

    Keys use either ``snake_case`` or ``kebab-case``. An unknown key or a value
    of the wrong type is a :class:`ConfigError` naming the key and the source.
    """
    changes: dict[str, Any] = {}
    value: Any
    for raw_key, value in values.items():
        key = raw_key.replace("-", "_")
        expected = _FIELD_TYPES.get(key)
        if expected is None:
            known = ", ".join(sorted(k.replace("_", "-") for k in _FIELD_TYPES))
            raise ConfigError(f"{source}: unknown key {raw_key!r} (known keys: {known})")
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{source}: {raw_key!r} must be a {expected.__name__}")
        if expected is list and not all(isinstance(v, str) for v in cast(list[Any], value)):
            raise ConfigError(f"{source}: {raw_key!r} must be a list of strings")
        changes[key] = _convert(key, value, source)
    sources = dict(base.sources)
    sources.update(dict.fromkeys(changes, source))
    return dataclasses.replace(base, **changes, sources=sources)


def _convert(key: str, value: Any, source: str) -> Any:
    if key == "disable":
        # Imported here: the stages import this module.
        from cleaner.stages import STAGES

        unknown = set(value) - set(STAGES)
        if unknown:
            raise ConfigError(
                f"{source}: unknown stage {sorted(unknown)} in 'disable' "
                f"(stages: {', '.join(sorted(STAGES))})"
            )
        return frozenset(value)
    if key == "allow":
        return frozenset(value)
    if key == "ftfy_extras":
        unknown = set(value) - FTFY_EXTRAS
        if unknown:
            raise ConfigError(
                f"{source}: unknown ftfy_extras {sorted(unknown)} "
                f"(known: {', '.join(sorted(FTFY_EXTRAS))})"
            )
        return frozenset(value)
    if key == "gazetteers":
        return tuple(Path(v) for v in value)
    if key in {"include", "exclude"}:
        return tuple(value)
    if key == "min_confidence" and not 0.0 <= value <= 1.0:
        raise ConfigError(f"{source}: 'min-confidence' must be between 0 and 1")
    if key == "jobs" and value < 1:
        raise ConfigError(f"{source}: 'jobs' must be at least 1")
    return value


# In one folder a file of cleaner's own wins over pyproject.toml: whoever
# created it meant it (ruff reads .ruff.toml, ruff.toml, pyproject.toml so).
CONFIG_FILES = (".cleaner.toml", "cleaner.toml", "pyproject.toml")


def find_project_config(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` upward, stopping at the repository root.

    ``pyproject.toml`` counts only when it has a ``[tool.cleaner]`` table;
    ``.cleaner.toml`` and ``cleaner.toml`` hold the keys at their top level.
    In one folder the first of :data:`CONFIG_FILES` found is read.
    """
    folder = start.resolve()
    while True:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _has_tool_table(path: Path) -> bool:
    try:
        return "cleaner" in _read_toml(path).get("tool", {})
    except ConfigError:
        return True  # report the broken file rather than silently skip it


def load_file(path: Path, base: Config = DEFAULT) -> Config:
    """``base`` updated from a configuration file; relative gazetteer paths are
    taken from the file's folder."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("cleaner", {})
        source = f"{path} [tool.cleaner]"
    else:
        source = str(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: must be a table")
    config = from_mapping(data, source, base)
    if "gazetteers" in data:
        config = dataclasses.replace(
            config, gazetteers=tuple(path.parent / g for g in config.gazetteers)
        )
    return config


# Keys whose command-line values add to the file's rather than replace them.
_EXTENDED = frozenset({"allow", "disable", "gazetteers"})


def with_flags(values: Mapping[str, Any], base: Config) -> Config:
    """``base`` with command-line ``values`` on top (a list given there already
    holds the file's entries and its own); each key's source says both."""
    config = from_mapping(values, "command line", base)
    sources = dict(config.sources)
    for raw_key in values:
        key = raw_key.replace("-", "_")
        if key in _EXTENDED and key in base.sources and getattr(base, key):
            sources[key] = f"{base.sources[key]} + command line"
    return dataclasses.replace(config, sources=sources)


def settings(config: Config) -> list[tuple[str, Any, str]]:
    """Every setting as ``(key, value, source)``: kebab-case keys in
    :class:`Config` order, plain values (sorted lists, strings for paths),
    and ``"default"`` as the source of values nobody set.

    >>> settings(Config(allow=frozenset({"b", "a"})))[1]
    ('allow', ['a', 'b'], 'default')
    """
    rows = []
    for item in dataclasses.fields(Config):
        if item.name == "sources":
            continue
        value = getattr(config, item.name)
        if isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, tuple):
            value = [str(v) for v in value]
        rows.append((item.name.replace("_", "-"), value, config.sources.get(item.name, "default")))
    return rows
