"""Views of a list of edits: check lines, JSON Lines, a unified diff.

All of them read the same edits; none of them changes anything.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.edits import Edit, LineIndex
from cleaner.regex import lazy

# Invisible characters, shown escaped so that whitespace edits can be seen
# (in check lines here, and in review's change markers).
INVISIBLE_ESCAPES = {
    "\t": "\\t",
    "\n": "\\n",
    "\r": "\\r",
    "\N{NO-BREAK SPACE}": "\\u00a0",
    "\N{NARROW NO-BREAK SPACE}": "\\u202f",
    "\N{SOFT HYPHEN}": "\\u00ad",
    "\N{ZERO WIDTH SPACE}": "\\u200b",
    "\N{ZERO WIDTH NON-JOINER}": "\\u200c",
    "\N{ZERO WIDTH JOINER}": "\\u200d",
    "\N{WORD JOINER}": "\\u2060",
    "\N{ZERO WIDTH NO-BREAK SPACE}": "\\ufeff",
}
_VISIBLE = {**INVISIBLE_ESCAPES, '"': '\\"', "\\": "\\\\"}


def visible(text: str) -> str:
    """``text`` in double quotes with invisible characters escaped.

    >>> print(visible("a\\u00a0b "))
    "a\\u00a0b "
    """
    return '"' + "".join(_VISIBLE.get(c, c) for c in text) + '"'


def check_lines(display: str, edits: Sequence[Edit], index: LineIndex) -> Iterator[str]:
    """``path:line:col: rule: "before" -> "after" (reason)`` for each edit."""
    for edit in edits:
        line, column = index.position(edit.start)
        note = (
            "" if edit.safe else f"; review: confidence {edit.confidence:.2f}, not applied by fix"
        )
        yield (
            f"{display}:{line}:{column}: {edit.rule}: "
            f"{visible(edit.before)} -> {visible(edit.after)} ({edit.reason}{note})"
        )


def json_records(
    display: str, edits: Sequence[Edit], index: LineIndex, offset: int = 0
) -> Iterator[str]:
    """One JSON object per edit (JSON Lines), with offsets into the decoded text."""
    import json  # imported where used: a small check never needs it

    for edit in edits:
        line, column = index.position(edit.start)
        record = {
            "path": display,
            "line": line,
            "column": column,
            "start": edit.start + offset,
            "end": edit.end + offset,
            "before": edit.before,
            "after": edit.after,
            "rule": edit.rule,
            "confidence": round(edit.confidence, 4),
            "reason": edit.reason,
            "safe": edit.safe,
            "alternatives": list(edit.alternatives),
        }
        yield json.dumps(record, ensure_ascii=False)


_NO_NEWLINE = "\\ No newline at end of file\n"
_LINE_RE = lazy(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(display: str, old: str, new: str, context: int = 3) -> str:
    """A unified diff from ``old`` to ``new`` that ``git apply`` and ``patch -p1`` accept.

    Lines keep their own endings (CRLF stays CRLF); a last line without a
    newline gets the standard marker.
    """
    import difflib  # only when needed: a check's start-up does without it

    if old == new:
        return ""
    label = display.replace("\\", "/")
    out: list[str] = []
    diff = difflib.unified_diff(
        split_lines(old), split_lines(new), f"a/{label}", f"b/{label}", n=context, lineterm="\n"
    )
    for number, line in enumerate(diff):
        # Lines 0 and 1 are the file headers, "@@" starts a hunk header; all
        # other lines are content and carry their own line ending.
        if number < 2 or line.startswith("@@") or line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def split_lines(text: str) -> list[str]:
    """Lines split after each ``\\n`` only (str.splitlines also splits on form feeds).

    >>> split_lines("a\\r\\nb\\x0cc")
    ['a\\r\\n', 'b\\x0cc']
    """
    return _LINE_RE.findall(text)
