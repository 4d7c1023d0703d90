"""The fixtures/normaliser corpus: each case says what must change and what must not.

``expected`` is what ``fix`` writes (safe edits only); ``review`` lists edits
that must be proposed but not applied. A case without ``review`` must propose
no unsafe edit either.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleaner import clean, propose
from cleaner.config import from_mapping
from cleaner.edits import apply_edits

FIXTURES = Path(__file__).parents[1] / "fixtures"
# Markdown structure, reStructuredText structure and inline ignores run through
# the same cases: what is protected matters only by what the stages then do.
CASE_DIRS = [FIXTURES / name for name in ("normaliser", "markdown", "rst", "ignores")]
# In these folders the document kind is the point of each case: it must be said.
KIND_DIRS = {"markdown", "rst", "ignores"}


def _case_files() -> list[Path]:
    return [path for folder in CASE_DIRS for path in sorted(folder.glob("*.json"))]


def _cases() -> list[Any]:
    cases = []
    for path in _case_files():
        for case in json.loads(path.read_text(encoding="utf-8")):
            case_id = f"{path.parent.name}/{path.stem}:{case['label']}"
            cases.append(pytest.param(case, id=case_id))
    return cases


CASES = _cases()


@pytest.mark.parametrize("case", CASES)
def test_fix_output(case: dict[str, Any]) -> None:
    config = from_mapping(case.get("config", {}), "fixture")
    kind = case.get("kind", "text")
    assert clean(case["input"], config, kind=kind) == case["expected"], case["why"]


@pytest.mark.parametrize("case", CASES)
def test_review_only_edits(case: dict[str, Any]) -> None:
    config = from_mapping(case.get("config", {}), "fixture")
    edits = propose(case["input"], config, kind=case.get("kind", "text"))
    unsafe = [{"rule": e.rule, "before": e.before, "after": e.after} for e in edits if not e.safe]
    assert unsafe == case.get("review", []), case["why"]


@pytest.mark.parametrize("case", CASES)
def test_fixing_twice_changes_nothing_more(case: dict[str, Any]) -> None:
    config = from_mapping(case.get("config", {}), "fixture")
    kind = case.get("kind", "text")
    once = clean(case["input"], config, kind=kind)
    assert clean(once, config, kind=kind) == once
    everything = apply_edits(case["input"], propose(case["input"], config, kind=kind))
    assert propose(everything, config, kind=kind) == []


def test_every_file_has_positive_and_negative_cases() -> None:
    assert all(any(folder.glob("*.json")) for folder in CASE_DIRS)
    for path in _case_files():
        cases = json.loads(path.read_text(encoding="utf-8"))
        changed = [c for c in cases if c["input"] != c["expected"]]
        unchanged = [c for c in cases if c["input"] == c["expected"]]
        assert changed and unchanged, path.name
        assert len({c["label"] for c in cases}) == len(cases), f"duplicate labels in {path.name}"


def test_structure_and_ignore_cases_state_their_kind() -> None:
    for path in _case_files():
        if path.parent.name in KIND_DIRS:
            for case in json.loads(path.read_text(encoding="utf-8")):
                assert case.get("kind") in {"text", "markdown", "rst"}, (path.name, case["label"])
