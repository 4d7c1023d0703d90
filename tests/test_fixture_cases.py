"""Every fixtures/ corpus of cases: what must change, and what must not.

A case is ``{label, input, expected, why}`` with optional ``kind`` (text,
markdown, rst, html, latex), ``config`` and ``review``. ``expected`` is what ``fix`` writes
(safe edits only); ``review`` lists the edits that must be proposed but not
applied, and a case without it must propose no unsafe edit either. ``xfail``
(its fix output) or ``xfail_review`` (its review list) states a known failure:
that test must fail, and passes the suite only while it does.
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

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "fixtures"
FOLDERS = (
    "normaliser",
    "markdown",
    "rst",
    "html",
    "latex",
    "pod",
    "plaintext",
    "ignores",
    "spelling",
    "boundaries",
    "names",
    "language",
)
# Structure and ignore cases are about the document kind: they must state it.
KIND_FOLDERS = {"markdown", "rst", "html", "latex", "pod", "plaintext", "ignores"}
KINDS = {"text", "markdown", "rst", "html", "latex", "pod"}
# The names cases run the names stages alone, so that they say what those
# stages do; the whole pipeline meets names on the seed (tests/test_cli.py).
ONLY_STAGES = {"names": frozenset({"names", "consistency"})}


def _case_files() -> list[Path]:
    return [path for name in FOLDERS for path in sorted((FIXTURES / name).glob("*.json"))]


def _cases(*, known_failures: str | None) -> list[Any]:
    """Every case, those with a known failure of kind ``known_failures`` marked
    xfail; with ``known_failures=None`` every case with a known failure is left out."""
    cases = []
    for path in _case_files():
        for case in json.loads(path.read_text(encoding="utf-8")):
            failing = [key for key in ("xfail", "xfail_review") if key in case]
            if failing and known_failures is None:
                continue
            marks = []
            if known_failures in failing:
                marks.append(pytest.mark.xfail(strict=True, reason=case[known_failures]))
            case = {**case, "folder": path.parent.name}
            cases.append(
                pytest.param(
                    case, id=f"{path.parent.name}/{path.stem}:{case['label']}", marks=marks
                )
            )
    return cases


def _config(case: dict[str, Any]) -> Config:
    config = from_mapping(case.get("config", {}), "fixture")
    # User gazetteers are named relative to the repository root.
    config = dataclasses.replace(config, gazetteers=tuple(ROOT / g for g in config.gazetteers))
    only = ONLY_STAGES.get(case["folder"])
    return dataclasses.replace(config, disable=frozenset(STAGES) - only) if only else config


@pytest.mark.parametrize("case", _cases(known_failures="xfail"))
def test_fix_output(case: dict[str, Any]) -> None:
    kind = case.get("kind", "text")
    assert clean(case["input"], _config(case), kind=kind) == case["expected"], case["why"]


@pytest.mark.parametrize("case", _cases(known_failures="xfail_review"))
def test_review_only_edits(case: dict[str, Any]) -> None:
    edits = propose(case["input"], _config(case), kind=case.get("kind", "text"))
    unsafe = [{"rule": e.rule, "before": e.before, "after": e.after} for e in edits if not e.safe]
    assert unsafe == case.get("review", []), case["why"]


@pytest.mark.parametrize("case", _cases(known_failures=None))
def test_fixing_twice_changes_nothing_more(case: dict[str, Any]) -> None:
    config, kind = _config(case), case.get("kind", "text")
    once = clean(case["input"], config, kind=kind)
    assert clean(once, config, kind=kind) == once
    everything = apply_edits(case["input"], propose(case["input"], config, kind=kind))
    assert propose(everything, config, kind=kind) == []


@pytest.mark.parametrize("case", _cases(known_failures=None))
def test_every_word_edit_says_why(case: dict[str, Any]) -> None:
    for edit in propose(case["input"], _config(case), kind=case.get("kind", "text")):
        assert edit.reason and edit.before != edit.after
        if edit.rule.startswith(("spelling.", "boundaries.")):
            assert 0.5 <= edit.confidence <= 1.0


def test_every_file_has_positive_and_negative_cases() -> None:
    assert all(any((FIXTURES / name).glob("*.json")) for name in FOLDERS)
    for path in _case_files():
        cases = json.loads(path.read_text(encoding="utf-8"))
        changed = [c for c in cases if c["input"] != c["expected"]]
        unchanged = [c for c in cases if c["input"] == c["expected"]]
        assert changed and unchanged, path.name
        assert len({c["label"] for c in cases}) == len(cases), f"duplicate labels in {path.name}"


def test_structure_and_ignore_cases_state_their_kind() -> None:
    for path in _case_files():
        if path.parent.name in KIND_FOLDERS:
            for case in json.loads(path.read_text(encoding="utf-8")):
                assert case.get("kind") in KINDS, (path.name, case["label"])
