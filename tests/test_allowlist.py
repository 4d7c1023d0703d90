"""The allow-list on disk: which file holds it, and adding words without reformatting."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.allowlist import add_words, allowlist_file
from cleaner.config import find_project_config, load_file
from cleaner.errors import ConfigError


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the repository root: the search stops here
    return tmp_path


def test_pyproject_gets_a_tool_cleaner_table_and_keeps_its_formatting(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    original = (
        '[project]\nname = "site"   # our docs\n\n[tool.black]\nline-length = 100\n\n# the end\n'
    )
    pyproject.write_text(original)
    sub = project / "docs"
    sub.mkdir()
    assert allowlist_file(sub) == pyproject
    assert add_words(pyproject, ["Anara"]) == ["Anara"]
    text = pyproject.read_text()
    assert text.startswith(original)
    assert text[len(original) :] == '\n[tool.cleaner]\nallow = ["Anara"]\n'
    assert load_file(pyproject).allow == frozenset({"Anara"})
    assert find_project_config(sub) == pyproject  # later runs read it


def test_existing_list_keeps_its_layout_and_comments(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        "[tool.cleaner]\n"
        "allow = [\n"
        '    "Kuleba",  # a minister\n'
        '    "baykar",\n'
        "]\n"
        'exclude = ["vendor/"]\n'
    )
    assert add_words(pyproject, ["Anara", "Kuleba"]) == ["Anara"]
    assert pyproject.read_text() == (
        "[tool.cleaner]\n"
        "allow = [\n"
        '    "Kuleba",  # a minister\n'
        '    "baykar",\n'
        '    "Anara",\n'
        "]\n"
        'exclude = ["vendor/"]\n'
    )
    assert add_words(pyproject, ["Anara"]) == []  # already there: file untouched


def test_without_pyproject_a_cleaner_toml_is_created_at_the_project_root(project: Path) -> None:
    sub = project / "a" / "b"
    sub.mkdir(parents=True)
    target = allowlist_file(sub)
    assert target == project / ".cleaner.toml"
    add_words(target, ["Anara", "teh"])
    assert target.read_text() == 'allow = ["Anara", "teh"]\n'
    config = load_file(find_project_config(sub) or Path("missing"))
    assert config.allows("Anara") and not config.allows("anara")
    assert config.allows("TEH")  # a lower-case entry matches any case


def test_the_config_later_runs_read_wins_over_a_pyproject_without_a_table(project: Path) -> None:
    # A pyproject.toml with no [tool.cleaner] beside a .cleaner.toml: the
    # loader reads .cleaner.toml, so the words must go there, or the new
    # [tool.cleaner] table would hide the user's settings.
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / ".cleaner.toml").write_text('exclude = ["vendor/"]  # keep\n')
    target = allowlist_file(project)
    assert target == project / ".cleaner.toml"
    add_words(target, ["Anara"])
    assert target.read_text() == 'exclude = ["vendor/"]  # keep\nallow = ["Anara"]\n'
    assert (project / "pyproject.toml").read_text() == '[project]\nname = "x"\n'


def test_config_file_named_on_the_command_line_is_the_one(project: Path) -> None:
    named = project / "conf" / "cleaner.toml"
    assert allowlist_file(project, named) == named


def test_outside_any_project_the_working_folder_holds_it(tmp_path: Path) -> None:
    markers = ("pyproject.toml", ".cleaner.toml", "cleaner.toml", ".git")
    if any((p / m).exists() for p in tmp_path.resolve().parents for m in markers):
        pytest.skip("a project folder lies above the temporary folder")
    target = allowlist_file(tmp_path)
    assert target == tmp_path.resolve() / ".cleaner.toml"
    add_words(target, ["Anara"])
    assert find_project_config(tmp_path) == target  # later runs from here read it


def test_crlf_file_stays_crlf(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_bytes(b'[project]\r\nname = "x"\r\n')
    add_words(pyproject, ["Anara"])
    data = pyproject.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert data.endswith(b'[tool.cleaner]\r\nallow = ["Anara"]\r\n')


def test_file_mode_is_kept(project: Path) -> None:
    conf = project / ".cleaner.toml"
    conf.write_text("")
    conf.chmod(0o600)
    add_words(conf, ["Anara"])
    assert conf.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pyproject.toml", "[tool.cleaner\n", "invalid TOML"),
        ("pyproject.toml", "tool = 3\n", "'tool' must be a table"),
        ("pyproject.toml", "[tool]\ncleaner = 3\n", r"\[tool.cleaner\]: must be a table"),
        (".cleaner.toml", 'allow = "Anara"\n', "'allow' must be a list of strings"),
    ],
)
def test_a_broken_file_is_reported_and_left_alone(
    project: Path, name: str, content: str, message: str
) -> None:
    path = project / name
    path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        add_words(path, ["Anara"])
    assert path.read_text() == content
