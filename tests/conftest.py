"""Shared test settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner.lexicon import default_lexicon


@pytest.fixture(autouse=True)
def _no_remembered_results(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every test computes its edits: results remembered by another test (or a
    # user's own runs) must not stand in. tests/test_results.py turns it back on.
    monkeypatch.setenv("CLEANER_NO_CACHE", "1")


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, and the shipped lexicon loaded afresh from it."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(folder))
    default_lexicon.cache_clear()
    yield folder
    default_lexicon.cache_clear()
