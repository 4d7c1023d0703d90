"""The fixtures/spelling and fixtures/boundaries corpora, in the normaliser case format.

``expected`` is what ``fix`` writes (safe edits only); ``review`` lists the
edits that must be proposed but not applied. A case without ``review`` must
propose no unsafe edit either. A case with ``xfail`` (its ``fix`` output) or
``xfail_review`` (its review list) states a known failure: that test is
expected to fail, and passes the suite only while it does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleaner import clean, propose
from cleaner.config import from_mapping
from cleaner.edits import apply_edits

FIXTURES = Path(__file__).parents[2] / "fixtures"
CASE_DIRS = [FIXTURES / "spelling", FIXTURES / "boundaries"]


def _case_files() -> list[Path]:
    return [path for folder in CASE_DIRS for path in sorted(folder.glob("*.json"))]


def _cases(*, known_failures: str | None) -> list[Any]:
    """The cases; those with a known failure of kind ``known_failures`` marked xfail.

    ``xfail`` in a case says its ``fix`` output is wrong, ``xfail_review`` that
    the edits it proposes for review are. With ``known_failures=None`` every
    case with a known failure is left out.
    """
    cases = []
    for path in _case_files():
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = []
            failing = [key for key in ("xfail", "xfail_review") if key in case]
            if failing and known_failures is None:
                continue
            if known_failures in failing:
                reason = case[known_failures]
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            case_id = f"{path.parent.name}/{path.stem}:{case['label']}"
            cases.append(pytest.param(case, id=case_id, marks=marks))
    return cases


@pytest.mark.parametrize("case", _cases(known_failures="xfail"))
def test_fix_output(case: dict[str, Any]) -> None:
    config = from_mapping(case.get("config", {}), "fixture")
    kind = case.get("kind", "text")
    assert clean(case["input"], config, kind=kind) == case["expected"], case["why"]


@pytest.mark.parametrize("case", _cases(known_failures="xfail_review"))
def test_review_only_edits(case: dict[str, Any]) -> None:
    config = from_mapping(case.get("config", {}), "fixture")
    edits = propose(case["input"], config, kind=case.get("kind", "text"))
    unsafe = [{"rule": e.rule, "before": e.before, "after": e.after} for e in edits if not e.safe]
    assert unsafe == case.get("review", []), case["why"]


@pytest.mark.parametrize("case", _cases(known_failures=None))
def test_fixing_twice_changes_nothing_more(case: dict[str, Any]) -> None:
    config = from_mapping(case.get("config", {}), "fixture")
    kind = case.get("kind", "text")
    once = clean(case["input"], config, kind=kind)
    assert clean(once, config, kind=kind) == once
    everything = apply_edits(case["input"], propose(case["input"], config, kind=kind))
    assert propose(everything, config, kind=kind) == []


@pytest.mark.parametrize("case", _cases(known_failures=None))
def test_every_edit_says_why(case: dict[str, Any]) -> None:
    for edit in propose(case["input"], from_mapping(case.get("config", {}), "fixture")):
        if edit.rule.startswith(("spelling.", "boundaries.")):
            assert edit.reason and edit.before != edit.after
            assert 0.5 <= edit.confidence <= 1.0


def test_every_file_has_positive_and_negative_cases() -> None:
    assert all(any(folder.glob("*.json")) for folder in CASE_DIRS)
    for path in _case_files():
        cases = json.loads(path.read_text(encoding="utf-8"))
        changed = [c for c in cases if c["input"] != c["expected"]]
        unchanged = [c for c in cases if c["input"] == c["expected"]]
        assert changed and unchanged, path.name
        assert len({c["label"] for c in cases}) == len(cases), f"duplicate labels in {path.name}"
