"""reStructuredText structure, basic: which parts are not prose.

Protected: literal blocks (after a paragraph ending in ``::``), doctest blocks,
explicit markup (directives with their options and content, comments,
hyperlink targets, substitution definitions, footnotes), inline literals,
roles and interpreted text, substitution references, and the ``<url>`` of an
embedded hyperlink. The body of an admonition (``.. note::`` and kin) is prose
and stays open to every stage.

reStructuredText's blocks are defined by indentation, so a line scan finds
them. docutils would parse them too, but it reports lines, not offsets, for
inline markup, and it executes directives; for protection this small scan is
exact enough and costs no dependency.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from cleaner.regex import LINE_RE, lazy

Span = tuple[int, int]

_EXPLICIT_RE = lazy(r"(?P<indent>[ \t]*)\.\.(?:[ \t]|$)")
_DIRECTIVE_RE = lazy(r"[ \t]*\.\.[ \t]+(?P<name>[\w:.+-]+)[ \t]*::")
_OPTION_RE = lazy(r"[ \t]*:[^:\s][^:]*:(?:[ \t]|$)")
# Directives whose content is prose written by the document's author.
_ADMONITIONS = frozenset(
    {
        "admonition", "attention", "caution", "danger", "error", "hint", "important",
        "note", "tip", "warning", "seealso", "versionadded", "versionchanged", "deprecated",
    }
)  # fmt: skip
# Each alternative starts with its mark and looks behind it only then
# ("(?<![\w`]:)" after the colon is "(?<![\w`])" before it): a pattern whose
# alternatives all start with a plain character is searched for only where
# one of those characters stands, not tried at every position of the text.
_INLINE_RE = lazy(
    r"``.+?``(?!\w)"  # inline literal
    r"|:(?<![\w`]:)[\w.+-]+:`[^`]+`"  # :role:`text`
    r"|`(?<![\w`]`)[^`]+`(?::[\w.+-]+:|_{1,2})?(?![\w`])"  # `interpreted`, `text`_, `t`:role:
    r"|\|(?<![\w|]\|)[^|\s](?:[^|]*[^|\s])?\|_{0,2}(?![\w|])",  # |substitution|
    re.DOTALL,
)
_EMBEDDED_URL_RE = lazy(r"<[^<>`]+>(?=`_{1,2}$)")


def protected(text: str) -> Iterator[Span]:
    """The spans of a reStructuredText document that no stage may edit.

    >>> text = "Use ``a  ,b`` here::\\n\\n    x  =  1\\n\\nDone  now.\\n"
    >>> [text[s:e] for s, e in protected(text)]
    ['``a  ,b``', '    x  =  1\\n']
    """
    lines = [(m.start(), m.group()) for m in LINE_RE.finditer(text) if m.group()]
    blocks = list(_blocks(lines))
    yield from _inline(text, blocks)
    yield from blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _block_end(lines: list[tuple[int, str]], first: int, indent: int) -> int:
    """The index after the blank or more-indented lines that follow line ``first - 1``."""
    number = first
    while number < len(lines):
        line = lines[number][1]
        if line.strip() and _indent(line) <= indent:
            break
        number += 1
    # Trailing blank lines belong to what follows.
    while number > first and not lines[number - 1][1].strip():
        number -= 1
    return number


def _span(lines: list[tuple[int, str]], first: int, last: int) -> Span:
    return lines[first][0], lines[last - 1][0] + len(lines[last - 1][1])


def _blocks(lines: list[tuple[int, str]]) -> Iterator[Span]:
    number = 0
    previous_blank = True
    while number < len(lines):
        line = lines[number][1]
        body = line.rstrip("\r\n")
        indent = _indent(line)
        explicit = _EXPLICIT_RE.match(body)
        if explicit and previous_blank:
            directive = _DIRECTIVE_RE.match(body)
            end = _block_end(lines, number + 1, indent)
            if directive and directive.group("name").lower() in _ADMONITIONS:
                # The marker and the options are markup; the body is prose.
                yield lines[number][0], lines[number][0] + directive.end()
                options = number + 1
                while options < end and _OPTION_RE.match(lines[options][1]):
                    options += 1
                if options > number + 1:
                    yield _span(lines, number + 1, options)
            else:
                yield _span(lines, number, end)
            number = end
            # Targets and directives may follow one another without a blank line.
            previous_blank = True
            continue
        if previous_blank and body.lstrip().startswith(">>>"):
            end = number
            while end < len(lines) and lines[end][1].strip():
                end += 1
            yield _span(lines, number, end)
            number = end
            continue
        if body.rstrip().endswith("::") and not explicit:
            # A literal block follows: the next lines indented deeper.
            start = number + 1
            while start < len(lines) and not lines[start][1].strip():
                start += 1
            end = _block_end(lines, start, indent)
            if end > start:
                yield _span(lines, start, end)
                number = end
                previous_blank = False
                continue
        previous_blank = not line.strip()
        number += 1


def _inline(text: str, blocks: list[Span]) -> Iterator[Span]:
    # Blocks come in document order without overlaps: bisect, not a scan.
    starts = [s for s, _ in blocks]
    for match in _INLINE_RE.finditer(text):
        start, end = match.span()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < blocks[i][1]:
            continue
        url = _EMBEDDED_URL_RE.search(match.group())
        if url and match.group().startswith("`"):
            # `Link text <https://...>`_: the text is prose, the target is not.
            yield start + url.start(), start + url.end()
        else:
            yield start, end
