"""Project configuration through the CLI: discovery, precedence, errors,
--force-exclude, and `cleaner config`."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner.cli import cli
from cleaner.config import DEFAULT_INCLUDE


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (the search for a config file stops here) as the working folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root.resolve()


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _config(*args: str) -> tuple[dict[str, object], dict[str, str]]:
    """`cleaner config` output: the TOML it prints, and each key's source comment."""
    result = _run("config", *args)
    assert result.exit_code == 0, result.stderr
    sources = {}
    for line in result.stdout.splitlines()[1:]:
        setting, _, source = line.rpartition("  # ")
        sources[setting.lstrip("# ").split(" = ")[0]] = source
    return tomllib.loads(result.stdout), sources


def test_found_in_a_parent_folder(project: Path) -> None:
    (project / ".cleaner.toml").write_text("disable = ['spacing']\n")
    sub = project / "docs" / "guide"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("Two  words.\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(sub)
        assert _run("check", "a.txt").exit_code == 0  # spacing is off
        assert _run("config").stdout.startswith(
            f"# configuration file: {project / '.cleaner.toml'}\n"
        )


def test_search_stops_at_the_repository_root(project: Path) -> None:
    (project.parent / ".cleaner.toml").write_text("disable = ['spacing']\n")
    (project / "a.txt").write_text("Two  words.\n")
    assert _run("check", "a.txt").exit_code == 1  # the file above the repository is not read
    assert _run("config").stdout.startswith("# configuration file: none found\n")


def test_own_file_wins_over_pyproject_in_one_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.cleaner]\nmin-confidence = 0.1\n")
    (project / "cleaner.toml").write_text("min-confidence = 0.2\n")
    assert _config()[0]["min-confidence"] == 0.2
    (project / ".cleaner.toml").write_text("min-confidence = 0.3\n")
    assert _config()[0]["min-confidence"] == 0.3


def test_pyproject_without_a_table_is_passed_over(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "site"\n')
    (project / "docs").mkdir()
    (project / "docs" / "pyproject.toml").write_text("[tool.black]\nline-length = 1\n")
    (project / "docs" / "cleaner.toml").write_text("nbsp = false\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project / "docs")
        values, sources = _config()
    assert values["nbsp"] is False
    assert sources["nbsp"] == str(project / "docs" / "cleaner.toml")


def test_flags_override_the_file_and_lists_add_to_it(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.cleaner]\nmin-confidence = 0.5\nallow = ["Kuleba"]\nexclude = ["drafts/"]\n'
    )
    values, sources = _config("--min-confidence", "0.8", "--allow", "Lavrov")
    table = f"{project / 'pyproject.toml'} [tool.cleaner]"
    assert values["min-confidence"] == 0.8
    assert sources["min-confidence"] == "command line"
    assert values["allow"] == ["Kuleba", "Lavrov"]
    assert sources["allow"] == f"{table} + command line"
    assert (values["exclude"], sources["exclude"]) == (["drafts/"], table)
    assert (values["include"], sources["include"]) == (list(DEFAULT_INCLUDE), "default")
    assert (values["nbsp"], sources["nbsp"]) == (True, "default")
    assert "jobs" not in values and sources["jobs"] == "default"  # None: shown commented out


def test_config_file_flag_replaces_discovery(project: Path) -> None:
    (project / ".cleaner.toml").write_text("min-confidence = 0.3\n")
    other = project / "ci.toml"
    other.write_text("min-confidence = 0.9\n")
    values, sources = _config("--config", str(other))
    assert (values["min-confidence"], sources["min-confidence"]) == (0.9, str(other))


def test_config_json(project: Path) -> None:
    (project / ".cleaner.toml").write_text('allow = ["Kuleba"]\n')
    record = json.loads(_run("config", "--format", "json").stdout)
    assert record["file"] == str(project / ".cleaner.toml")
    assert record["settings"]["allow"] == {
        "value": ["Kuleba"],
        "source": str(project / ".cleaner.toml"),
    }
    assert record["settings"]["jobs"] == {"value": None, "source": "default"}


@pytest.mark.parametrize(
    ("name", "body", "where"),
    [
        (".cleaner.toml", "min-confidence = 0.5\nspeling = true\n", ".cleaner.toml"),
        ("pyproject.toml", "[tool.cleaner]\nspeling = true\n", "pyproject.toml [tool.cleaner]"),
    ],
)
def test_unknown_key_is_exit_2_naming_key_and_file(
    project: Path, name: str, body: str, where: str
) -> None:
    (project / name).write_text(body)
    (project / "a.txt").write_text("fine\n")
    for command in ("check", "fix", "diff", "config"):
        result = _run(command, "a.txt") if command != "config" else _run("config")
        assert result.exit_code == 2, command
        assert result.stderr.startswith(f"cleaner: {project / where}: unknown key 'speling'")


def test_unknown_stage_in_disable_is_an_error(project: Path) -> None:
    (project / ".cleaner.toml").write_text('disable = ["speling"]\n')
    result = _run("config")
    assert result.exit_code == 2
    assert "unknown stage ['speling'] in 'disable'" in result.stderr


def test_force_exclude_applies_excludes_to_named_files(project: Path) -> None:
    (project / ".cleaner.toml").write_text('exclude = ["drafts/", "CHANGELOG.md"]\n')
    (project / "drafts").mkdir()
    for name in ("drafts/a.md", "CHANGELOG.md", "page.md"):
        (project / name).write_text("Some  words.\n")
    named = ["drafts/a.md", "CHANGELOG.md", "page.md"]
    assert _run("check", *named).stdout.count("spacing.double-space") == 3
    result = _run("check", "--force-exclude", *named)
    assert (
        result.stdout == 'page.md:1:5: spacing.double-space: "  " -> " " (2 spaces between words)\n'
    )
    # An absolute path is matched relative to the working folder.
    absolute = _run("check", "--force-exclude", str(project / "drafts" / "a.md"))
    assert (absolute.exit_code, absolute.stdout) == (0, "")


def test_force_exclude_reads_only_included_files(project: Path) -> None:
    # What the hooks rely on: pre-commit names code and YAML files too.
    damaged = "x  =  f(a ,b)\n"
    files = {"tool.py": damaged, "conf.yaml": "key:  a ,b\n", "Makefile": damaged}
    for name, body in files.items():
        (project / name).write_text(body)
    (project / "notes.md").write_text("Some  notes ,here.\n")
    result = _run("fix", "--force-exclude", *files, "notes.md")
    assert (result.exit_code, result.stdout) == (0, "Fixing notes.md\n")
    assert (project / "notes.md").read_text() == "Some notes, here.\n"
    for name, body in files.items():
        assert (project / name).read_text() == body, name
    # Without the flag a named file is read whatever its name.
    assert _run("check", "tool.py").exit_code == 1
    # The include globs decide: a project may call more formats prose.
    (project / ".cleaner.toml").write_text('include = ["*.md", "Makefile"]\n')
    # (Its first edit is the gap after "=": the one before it aligns a setting.)
    assert _run("check", "--force-exclude", *files).stdout.startswith("Makefile:1:5:")
