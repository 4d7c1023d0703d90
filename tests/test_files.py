from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cleaner.config import Config
from cleaner.errors import InputError
from cleaner.files import discover


def _tree(root: Path) -> None:
    (root / "docs" / "sub").mkdir(parents=True)
    (root / "docs" / "a.md").write_text("a")
    (root / "docs" / "sub" / "b.txt").write_text("b")
    (root / "docs" / "code.py").write_text("c")
    (root / "docs" / "ignored.txt").write_text("i")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "h.txt").write_text("h")
    (root / ".gitignore").write_text("ignored.txt\n")


def _names(paths: list[Path], root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in paths)


def test_git_tree_respects_gitignore(tmp_path: Path) -> None:
    _tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    found = list(discover([str(tmp_path)], Config()))
    assert _names(found, tmp_path) == [".hidden/h.txt", "docs/a.md", "docs/sub/b.txt"]


def test_plain_tree_skips_hidden_folders(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = list(discover([str(tmp_path)], Config()))
    # Outside git, .gitignore means nothing; hidden folders are skipped.
    assert _names(found, tmp_path) == ["docs/a.md", "docs/ignored.txt", "docs/sub/b.txt"]


def test_explicit_files_are_always_read_unless_force_excluded(tmp_path: Path) -> None:
    _tree(tmp_path)
    code = tmp_path / "docs" / "code.py"
    assert list(discover([str(code)], Config(exclude=("*.py",)))) == [code]
    assert list(discover([str(code)], Config(exclude=("*.py",)), force_exclude=True)) == []


def test_exclude_globs_apply_in_folders(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = list(discover([str(tmp_path)], Config(exclude=("docs/sub",))))
    assert _names(found, tmp_path) == ["docs/a.md", "docs/ignored.txt"]


def test_missing_path_fails_before_anything(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope: no such file"):
        list(discover([str(tmp_path), str(tmp_path / "nope")], Config()))


def test_each_file_once(tmp_path: Path) -> None:
    _tree(tmp_path)
    a = str(tmp_path / "docs" / "a.md")
    assert len(list(discover([a, a, str(tmp_path / "docs")], Config()))) == 3


def test_named_folder_that_git_ignores_is_walked(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("cache/\n")
    (tmp_path / "cache" / "docs").mkdir(parents=True)
    (tmp_path / "cache" / "docs" / "a.txt").write_text("a")
    (tmp_path / "kept.txt").write_text("k")
    assert _names(list(discover([str(tmp_path)], Config())), tmp_path) == ["kept.txt"]
    found = list(discover([str(tmp_path / "cache")], Config()))
    assert _names(found, tmp_path) == ["cache/docs/a.txt"]
