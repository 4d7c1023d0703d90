"""Inline ignores: parts of a document its author has told cleaner to leave alone.

Three markers, in every format:

- ``cleaner: ignore-next-line`` protects the marker's line and the line after it;
- ``cleaner: off`` ... ``cleaner: on`` protects the lines from the one marker
  to the other, both included (to the end of the text when ``on`` is missing).

In Markdown and HTML a marker is an HTML comment (``<!-- cleaner: off -->``),
and in Markdown only a real one: a marker shown inside a code block is an
example, not an instruction.
In other formats any line holding the marker counts (``# cleaner: off``,
``.. cleaner: off`` in reStructuredText, ``// cleaner: off``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cleaner import html, markdown
from cleaner.regex import lazy

Span = tuple[int, int]

_MARKER_RE = lazy(r"(?<![\w-])cleaner:[ \t]*(ignore-next-line|off|on)(?![\w-])")
_COMMENT_MARKER_RE = lazy(r"<!--\s*cleaner:[ \t]*(ignore-next-line|off|on)\s*-->")
_LINE_RE = lazy(r"[^\r\n]*(?:\r\n?|\n|\Z)")


def text_ignored(text: str) -> Iterator[Span]:
    """Spans switched off by plain markers (text, reStructuredText).

    >>> text = "keep\\n# cleaner: ignore-next-line\\nthis  one\\nnot  this\\n"
    >>> [text[s:e] for s, e in text_ignored(text)]
    ['# cleaner: ignore-next-line\\nthis  one\\n']
    """
    if "cleaner:" not in text:
        return iter(())
    markers = ((m.start(), m.end(), m.group(1)) for m in _MARKER_RE.finditer(text))
    return _regions(text, markers)


def markdown_ignored(text: str) -> Iterator[Span]:
    """Spans switched off by ``<!-- cleaner: ... -->`` comments in Markdown."""
    if "cleaner:" not in text:
        return iter(())
    return _comment_regions(text, markdown.comments(text))


def html_ignored(text: str) -> Iterator[Span]:
    """Spans switched off by ``<!-- cleaner: ... -->`` comments in HTML.

    >>> text = "<p>keep</p>\\n<!-- cleaner: ignore-next-line -->\\n<p>this  one</p>\\n"
    >>> [text[s:e] for s, e in html_ignored(text)]
    ['<!-- cleaner: ignore-next-line -->\\n<p>this  one</p>\\n']
    """
    if "cleaner:" not in text:
        return iter(())
    return _comment_regions(text, html.comments(text))


def _comment_regions(text: str, comments: Iterable[Span]) -> Iterator[Span]:
    """The spans the markers among ``comments`` switch off."""
    markers = []
    for start, end in comments:
        match = _COMMENT_MARKER_RE.fullmatch(text, start, end)
        if match:
            markers.append((start, end, match.group(1)))
    return _regions(text, markers)


def _regions(text: str, markers: Iterable[tuple[int, int, str]]) -> Iterator[Span]:
    """Turn markers (start, end, word) into the spans they protect, whole lines each."""
    lines = [m.span() for m in _LINE_RE.finditer(text) if m.group()]
    ends = [end for _, end in lines]

    def line_of(offset: int) -> int:
        # The line holding ``offset``: the first whose end is past it.
        low, high = 0, len(lines) - 1
        while low < high:
            middle = (low + high) // 2
            if ends[middle] <= offset:
                low = middle + 1
            else:
                high = middle
        return low

    off_from: int | None = None
    for start, end, word in markers:
        if word == "off":
            if off_from is None:
                off_from = lines[line_of(start)][0]
        elif word == "on":
            if off_from is not None:
                yield (off_from, lines[line_of(max(start, end - 1))][1])
                off_from = None
        else:
            last = line_of(max(start, end - 1))
            following = min(last + 1, len(lines) - 1)
            yield (lines[line_of(start)][0], lines[following][1])
    if off_from is not None:
        yield (off_from, len(text))
