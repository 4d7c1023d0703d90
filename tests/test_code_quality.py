"""The package passes its own strict tooling (ruff, mypy --strict), and its own
documentation passes ``cleaner fix`` unchanged."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.config import DEFAULT
from cleaner.document import read_document
from cleaner.process import propose_for

ROOT = Path(__file__).parents[1]


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is not installed (pip install '.[test]')"
    return found


@pytest.mark.slow
def test_ruff_check() -> None:
    result = subprocess.run([_tool("ruff"), "check", "cleaner", "tests", "bench", "dictionaries"],
                            cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_ruff_format() -> None:
    result = subprocess.run([_tool("ruff"), "format", "--check", "cleaner"], cwd=ROOT,
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict() -> None:
    result = subprocess.run([_tool("mypy"), "--strict", "cleaner"], cwd=ROOT,
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", ["README.md", "bench/README.md", "dictionaries/README.md"])
def test_the_project_documentation_is_left_as_it_is(name: str) -> None:
    """The project's own Markdown quotes slips, spacing and names it describes:
    in code spans, in quotes beside their correction. ``fix`` changes none of it."""
    document = read_document(ROOT / name)
    applied = [e for e in propose_for(document, DEFAULT) if e.safe]
    assert applied == []
