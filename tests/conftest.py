"""Shared test settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner.lexicon import default_lexicon


@pytest.fixture(autouse=True, scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # One cache folder for the whole session, the commands the tests run
    # included: the tests install cleaner afresh (a wheel, a pre-commit
    # environment) and each install's indexes would otherwise pile up in
    # the user's own cache folder, about 4 MB a run. Tests that need an
    # empty one still get it (fresh_cache).
    previous = os.environ.get("CLEANER_CACHE_DIR")
    os.environ["CLEANER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ["CLEANER_CACHE_DIR"]
    else:
        os.environ["CLEANER_CACHE_DIR"] = previous


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
