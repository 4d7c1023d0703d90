"""The fixtures/names corpus: names and places that must change, and names that must not.

Same format as fixtures/normaliser: ``expected`` is what ``fix`` writes (safe
edits only); ``review`` lists edits that must be proposed but not applied; a
case without ``review`` must propose no unsafe edit either. ``config`` may
name user gazetteers, relative to the repository root.

The cases run the names stages alone (``names`` and ``consistency``), so that
they say what these stages do; the whole pipeline meets names on the seed
article (tests/test_cli.py).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from cleaner import clean, propose
from cleaner.config import Config, from_mapping
from cleaner.edits import apply_edits
from cleaner.stages import STAGES

ROOT = Path(__file__).parents[2]
CASES_DIR = ROOT / "fixtures" / "names"


def _cases() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(case, id=f"{path.stem}:{case['label']}"))
    return cases


CASES = _cases()


def _config(case: dict[str, Any]) -> Config:
    config = from_mapping(case.get("config", {}), "fixture")
    return dataclasses.replace(
        config,
        gazetteers=tuple(ROOT / g for g in config.gazetteers),
        disable=frozenset(STAGES) - {"names", "consistency"},
    )


@pytest.mark.parametrize("case", CASES)
def test_fix_output(case: dict[str, Any]) -> None:
    assert clean(case["input"], _config(case)) == case["expected"], case["why"]


@pytest.mark.parametrize("case", CASES)
def test_review_only_edits(case: dict[str, Any]) -> None:
    edits = propose(case["input"], _config(case))
    unsafe = [{"rule": e.rule, "before": e.before, "after": e.after} for e in edits if not e.safe]
    assert unsafe == case.get("review", []), case["why"]


@pytest.mark.parametrize("case", CASES)
def test_fixing_twice_changes_nothing_more(case: dict[str, Any]) -> None:
    config = _config(case)
    once = clean(case["input"], config)
    assert clean(once, config) == once
    everything = apply_edits(case["input"], propose(case["input"], config))
    assert propose(everything, config) == []


def test_every_file_has_positive_and_negative_cases() -> None:
    for path in sorted(CASES_DIR.glob("*.json")):
        cases = json.loads(path.read_text(encoding="utf-8"))
        changed = [c for c in cases if c["input"] != c["expected"]]
        unchanged = [c for c in cases if c["input"] == c["expected"]]
        assert changed and unchanged, path.name
        assert len({c["label"] for c in cases}) == len(cases), f"duplicate labels in {path.name}"
