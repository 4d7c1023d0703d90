"""Shared test settings."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_remembered_results(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every test computes its edits: results remembered by another test (or a
    # user's own runs) must not stand in. tests/test_results.py turns it back on.
    monkeypatch.setenv("CLEANER_NO_CACHE", "1")
