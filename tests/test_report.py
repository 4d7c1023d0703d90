from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cleaner.edits import Edit, LineIndex
from cleaner.report import check_lines, json_records, unified_diff, visible

CASES = [
    ("lf", "one  two\nthree\nfour ,five\n", "one two\nthree\nfour, five\n"),
    ("crlf", "one  two\r\nthree\r\nfour ,five\r\n", "one two\r\nthree\r\nfour, five\r\n"),
    ("no-final-newline", " first\n\nsecond  line", "first\n\nsecond line"),
    ("form-feed", "a  b\x0cc\nd\n", "a b\x0cc\nd\n"),
]


@pytest.mark.parametrize(("label", "old", "new"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("tool", ["git", "patch"])
def test_diff_applies_with_git_and_patch(
    tmp_path: Path, label: str, old: str, new: str, tool: str
) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    target = tmp_path / "docs" / "page.txt"
    target.parent.mkdir()
    target.write_bytes(old.encode())
    patch = unified_diff("docs/page.txt", old, new)
    command = ["git", "apply", "-"] if tool == "git" else ["patch", "-p1", "--quiet"]
    subprocess.run(command, input=patch.encode(), cwd=tmp_path, check=True)
    assert target.read_bytes() == new.encode()


def test_no_change_no_diff() -> None:
    assert unified_diff("a.txt", "same\n", "same\n") == ""


def test_check_line_format() -> None:
    text = "Hello ,world"
    edit = Edit(
        5, 7, " ,", ", ", "spacing.space-before-punctuation", 0.9, "space before a comma", True
    )
    line = next(check_lines("a.txt", [edit], LineIndex(text)))
    assert (
        line == 'a.txt:1:6: spacing.space-before-punctuation: " ," -> ", " (space before a comma)'
    )


def test_check_line_marks_review_only_edits() -> None:
    edit = Edit(0, 3, "   ", " ", "spacing.double-space", 0.7, "3 spaces", False)
    line = next(check_lines("a.txt", [edit], LineIndex("   x")))
    assert line.endswith("(3 spaces; review: confidence 0.70, not applied by fix)")


def test_json_record_fields() -> None:
    edit = Edit(2, 3, "\u00a0", " ", "invisible.no-break-space", 0.9, "nbsp", True)
    record = json.loads(next(json_records("a.txt", [edit], LineIndex("x\nb\u00a0c"), offset=10)))
    assert record == {
        "path": "a.txt", "line": 2, "column": 1, "start": 12, "end": 13, "before": "\u00a0",
        "after": " ", "rule": "invisible.no-break-space", "confidence": 0.9, "reason": "nbsp",
        "safe": True, "alternatives": [],
    }  # fmt: skip


def test_visible_escapes_invisible_characters() -> None:
    assert visible('a\tb\u200b"') == '"a\\tb\\u200b\\""'
