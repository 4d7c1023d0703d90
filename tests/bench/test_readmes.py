"""The README set's gathering: which files it takes, on a hand-made folder."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

# bench/ is not part of the installed package: import it from the repository.
sys.path.append(str(Path(__file__).resolve().parents[2]))

from bench import readmes


def test_gather_takes_each_text_once_and_skips_the_rest(tmp_path: Path) -> None:
    root, out = tmp_path / "doc", tmp_path / "out"
    (root / "tool").mkdir(parents=True)
    (root / "tool" / "README").write_text("Tool reads files.\n")
    (root / "tool" / "guide.txt.gz").write_bytes(gzip.compress(b"A guide.\n"))
    (root / "tool" / "changelog.gz").write_bytes(gzip.compress(b"not a README\n"))
    (root / "tool" / "image.txt").write_bytes(b"\x89PNG\0\0")
    (root / "twin").mkdir()
    (root / "twin" / "README").write_text("Tool reads files.\n")  # shipped twice
    (root / "git-doc").mkdir()
    (root / "git-doc" / "README").write_text("Read by the other sets.\n")

    files = readmes.gather(root, out)

    assert [f.name for f in files] == ["tool__README.txt", "tool__guide.txt"]
    assert files[1].read_text() == "A guide.\n"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A documentation folder with one package, ``tool``; the cache in tmp_path."""
    (tmp_path / "doc" / "tool").mkdir(parents=True)
    monkeypatch.setattr(readmes, "CACHE", tmp_path / "cache")
    return tmp_path / "doc"


def test_main_counts_what_fix_applies(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / "tool" / "README").write_text("The tool  reads files ,and writes them.\n")
    assert readmes.main(["--root", str(root)]) == 0
    assert (tmp_path / "cache" / "readmes" / "tool__README.txt").is_file()
    printed = capsys.readouterr().out
    assert "1 files" in printed
    assert "spacing.double-space                    1" in printed


def test_tree_checks_every_file_under_a_folder_and_lists_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = tmp_path / "docs"
    (tree / "guide").mkdir(parents=True)
    (tree / "guide" / "intro.txt").write_text(
        "The tool reads files ,and writes them. Its tpoic is text.\n"
    )
    (tree / "notes.md").write_text("It finds the modern of the rnodern world.\n")
    assert readmes.main(["--tree", str(tree), "--review", "--list-review"]) == 0
    printed = capsys.readouterr().out
    assert "2 files" in printed
    assert "spacing.space-before-punctuation        1" in printed
    fixed, unsure = printed.split("word edits left for review:")
    assert "notes.md" in fixed and "'rnodern' -> 'modern'" in fixed
    # A likely typo in clean prose is for a person: listed apart, by its path in the tree.
    assert "'tpoic' -> 'topic'" in unsure and "guide/intro.txt" in unsure
    assert "tpoic" not in fixed


def test_changelogs_take_the_newest_entries_of_changelogs_and_credits(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (root / "tool" / "README").write_text("Not a changelog.\n")
    entries = "".join(f"  * Release {n}: fix a leak.\n" for n in range(100, 0, -1))
    (root / "tool" / "changelog.gz").write_bytes(gzip.compress(entries.encode()))
    (root / "tool" / "copyright").write_text("Copyright (c) 1999 Toby Dickenson\n")
    monkeypatch.setattr(readmes, "CHANGELOG_CHARS", 60)
    assert readmes.main(["--root", str(root), "--changelogs"]) == 0
    assert "2 files" in capsys.readouterr().out
    gathered = tmp_path / "cache" / "changelogs"
    assert sorted(p.name for p in gathered.iterdir()) == [
        "tool__changelog.txt",
        "tool__copyright.txt",
    ]
    # Cut at a line end: the newest entries, whole.
    assert (gathered / "tool__changelog.txt").read_text() == (
        "  * Release 100: fix a leak.\n  * Release 99: fix a leak.\n"
    )
