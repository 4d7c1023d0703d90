"""Remembered results: reused only for the same text, settings and install."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import results
from cleaner.config import DEFAULT, Config
from cleaner.document import Document, read_document
from cleaner.edits import Edit
from cleaner.pipeline import propose


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("CLEANER_NO_CACHE", raising=False)
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(folder))
    return folder


class Counting:
    """A compute function that counts its calls."""

    def __init__(self, text: str, config: Config = DEFAULT) -> None:
        self.text, self.config, self.calls = text, config, 0

    def __call__(self) -> list[Edit]:
        self.calls += 1
        return propose(self.text, self.config)


def _document(tmp_path: Path, text: str, name: str = "a.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_an_unchanged_file_gets_its_remembered_edits(tmp_path: Path) -> None:
    text = "Officials in Anara said  Turkey would help ,as before.\n"
    document = _document(tmp_path, text)
    compute = Counting(text)
    first, stored = results.remembered(document, DEFAULT, compute)
    second, stored_again = results.remembered(document, DEFAULT, compute)
    assert stored and not stored_again
    assert compute.calls == 1
    assert first == second == propose(text) and first  # the same edits, field for field


def test_other_text_or_settings_are_computed_afresh(tmp_path: Path) -> None:
    text = "Officials in Anara said Turkey would help.\n"
    document = _document(tmp_path, text)
    compute = Counting(text)
    results.remembered(document, DEFAULT, compute)
    changed = _document(tmp_path, text.replace("help", "help us"))
    results.remembered(changed, DEFAULT, compute)
    allowing = dataclasses.replace(DEFAULT, allow=frozenset({"Anara"}))
    edits, _ = results.remembered(document, allowing, Counting(text, allowing))
    assert compute.calls == 2
    assert edits == []  # the allow-list's answer, not the remembered one


def test_a_changed_user_gazetteer_is_computed_afresh(tmp_path: Path) -> None:
    places = tmp_path / "places.txt"
    places.write_text("Wutan\n", encoding="utf-8")
    config = dataclasses.replace(DEFAULT, gazetteers=(places,))
    text = "Officials in Wutn said the road was closed.\n"
    document = _document(tmp_path, text)
    compute = Counting(text, config)
    results.remembered(document, config, compute)
    places.write_text("Wutan\nWutna\n", encoding="utf-8")
    os.utime(places, ns=(1, 1))
    results.remembered(document, config, compute)
    assert compute.calls == 2


def test_the_key_covers_the_libraries_whose_answers_are_kept() -> None:
    stamp = results._install_stamp()
    for library in ("ftfy", "symspellpy", "rapidfuzz", "markdown_it", "lexicon.txt"):
        assert library in stamp, library


def test_a_corrupt_entry_is_recomputed(tmp_path: Path, _cache: Path) -> None:
    text = "Officials in Anara said Turkey would help.\n"
    document = _document(tmp_path, text)
    results.remembered(document, DEFAULT, Counting(text))
    (entry,) = (_cache / "results").iterdir()
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    compute = Counting(text)
    edits, _ = results.remembered(document, DEFAULT, compute)
    assert compute.calls == 1 and edits == propose(text)


def test_switched_off_nothing_is_remembered(
    tmp_path: Path, _cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Officials in Anara said Turkey would help.\n"
    document = _document(tmp_path, text)
    compute = Counting(text)
    off = dataclasses.replace(DEFAULT, cache=False)
    results.remembered(document, off, compute)
    monkeypatch.setenv("CLEANER_NO_CACHE", "1")
    results.remembered(document, DEFAULT, compute)
    assert compute.calls == 2 and not (_cache / "results").exists()
    monkeypatch.setenv("CLEANER_NO_CACHE", "0")  # explicitly not switched off
    assert results.enabled(DEFAULT)


def test_prune_keeps_the_newest(tmp_path: Path, _cache: Path) -> None:
    for i in range(10):
        text = f"Note number {i} said  so.\n"
        results.remembered(_document(tmp_path, text), DEFAULT, Counting(text))
    entries = sorted((_cache / "results").iterdir(), key=lambda p: p.stat().st_mtime_ns)
    for age, entry in enumerate(entries):
        os.utime(entry, ns=(age, age))
    results.prune(limit=6)
    left = set((_cache / "results").iterdir())
    assert left == set(entries[-3:])  # down to half the limit, the newest kept


def test_the_command_reuses_and_can_skip_results(tmp_path: Path, _cache: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials in Anara said  Turkey would help.\n")
    command = [sys.executable, "-m", "cleaner", "check", "a.txt"]
    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert len(list((_cache / "results").iterdir())) == 1
    second = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (
        (first.returncode, first.stdout) == (second.returncode, second.stdout) == (1, first.stdout)
    )
    assert "Ankara" in first.stdout
    for entry in (_cache / "results").iterdir():
        entry.unlink()
    subprocess.run([*command, "--no-cache"], cwd=tmp_path, capture_output=True, check=False)
    assert not list((_cache / "results").iterdir())
