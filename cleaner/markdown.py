"""Markdown structure: which parts of a Markdown document are not prose.

Protected: fenced and indented code, inline code, autolinks, link and image
destinations, reference labels and definitions, raw HTML (tags, blocks,
comments), entities and backslash escapes, YAML/TOML front matter, and the
indentation that nests a block inside a list item. Prose stays open to every
stage: paragraphs, headings, list items, table cells, link text, image alt text.

Why a parser: CommonMark decides what is code by rules regexes cannot follow
(a fence closes only with a fence at least as long; four spaces are code after
a blank line but not inside a list item or a paragraph; a backtick string is
closed only by one of the same length). markdown-it-py follows the spec, and
its block tokens carry source line ranges, so block decisions are the parser's.
Its inline tokens carry no offsets, so each inline token is found in the source
in order (:class:`_Walker`): the tokens say what is there, the scan only says
where. Whenever the scan cannot place a token, the rest of that block is
protected: losing an edit is cheap, editing code is not.

MDX is read as Markdown: its JSX tags count as HTML; its ``import`` lines and
``{expressions}`` are not recognised.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from cleaner.regex import lazy

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Span = tuple[int, int]

# markdown-it-py's own line splitting (its "normalize" rule), so that its line
# numbers index the same lines here.
_NEWLINE_RE = lazy(r"\r\n?|\n")
_FRONT_MATTER_RE = lazy(
    r"\A(?:---[ \t]*(?:\r\n?|\n)(?:.*?(?:\r\n?|\n))??(?:---|\.\.\.)"
    r"|\+\+\+[ \t]*(?:\r\n?|\n)(?:.*?(?:\r\n?|\n))??\+\+\+)[ \t]*(?:\r\n?|\n|\Z)",
    re.DOTALL,
)
_COMMENT_RE = lazy(r"<!--.*?-->", re.DOTALL)
# What may stand between two inline tokens in the source without a token of
# its own: line indentation, block quote and list markers, table pipes,
# heading hashes, a trailing backslash of a hard break.
_GAP_RE = lazy(r"[\s>|#+*\-\d.)\\]*")
_LINE_BREAK_RE = lazy(r"\r\n?|\n")
# Leaf blocks whose lines are prose (read inline) or are plainly not text.
_PROSE_BLOCKS = {"paragraph_open", "heading_open", "table_open", "hr"}
_CODE_BLOCKS = {"fence", "code_block", "html_block"}


class Layout(NamedTuple):
    """What the parser found: protected spans, and the HTML comments among them."""

    protected: tuple[Span, ...]
    comments: tuple[Span, ...]


def protected(text: str) -> Iterator[Span]:
    """The spans of a Markdown document that no stage may edit.

    >>> text = "Run `a  b` now.\\n"
    >>> [text[s:e] for s, e in protected(text)]
    ['`a  b`']
    """
    yield from analyse(text).protected


def comments(text: str) -> tuple[Span, ...]:
    """The HTML comments that are real HTML (not shown inside code), in order."""
    return analyse(text).comments


@functools.cache
def _parser() -> MarkdownIt:
    # Imported on first use: plain-text runs never pay for it.
    from markdown_it import MarkdownIt

    # CommonMark with GitHub's tables and strikethrough. text_join is off so
    # that escapes and entities stay tokens of their own, with their source
    # form: every text token is then a verbatim piece of the source.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


# The pipeline asks for a text's spans once per stage layer, and inline
# ignores read the same parse.
@functools.lru_cache(maxsize=4)
def analyse(text: str) -> Layout:
    """Parse ``text`` once and report its protected spans and HTML comments."""
    starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]
    spans: list[Span] = []
    front = _FRONT_MATTER_RE.match(text)
    source = text
    if front:
        spans.append(front.span())
        # Blank lines keep the parser's line numbers aligned with the text's.
        blank = "".join(m.group() for m in _NEWLINE_RE.finditer(front.group()))
        source = blank + text[front.end() :]
    tokens = _parser().parse(source)
    walker = _Walker(text, spans, [])
    covered = [False] * len(starts)
    if front:
        lines = len(_NEWLINE_RE.findall(front.group()))
        covered[:lines] = [True] * lines
    list_depth = 0
    for token in tokens:
        if token.type == "list_item_open":
            list_depth += 1
        elif token.type == "list_item_close":
            list_depth -= 1
        if token.map is None:
            continue
        first, last = token.map
        region = (starts[first], starts[last] if last < len(starts) else len(text))
        if token.type in _CODE_BLOCKS:
            spans.append(region)
            if token.type == "html_block":
                walker.comments.extend(m.span() for m in _COMMENT_RE.finditer(text, *region))
        elif token.type == "inline":
            walker.walk_block(token.children or [], *region)
        if token.type in _CODE_BLOCKS or token.type in _PROSE_BLOCKS:
            covered[first:last] = [True] * (last - first)
            if list_depth and token.type == "paragraph_open":
                spans.extend(_indentation(text, starts, first, last))
    # A line no block claims is a reference definition (or something else the
    # parser made no block of): labels, destinations and titles, not prose.
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        if not covered[number] and text[start:end].strip():
            spans.append((start, end))
    return Layout(tuple(sorted(spans)), tuple(sorted(walker.comments)))


def _indentation(text: str, starts: list[int], first: int, last: int) -> Iterator[Span]:
    """The leading whitespace of lines ``first..last``: inside a list item it is nesting."""
    for number in range(first, last):
        start = starts[number]
        end = start
        while end < len(text) and text[end] in " \t":
            end += 1
        if end > start:
            yield (start, end)


class _Lost(Exception):
    """The source scan could not place a token where the parser put one."""


class _Walker:
    """Finds inline tokens in the source, in order, and records what they protect."""

    def __init__(self, text: str, spans: list[Span], comments: list[Span]) -> None:
        self.text = text
        self.spans = spans
        self.comments = comments
        self.cursor = 0
        self.end = 0

    def walk_block(self, children: Sequence[Token], start: int, end: int) -> None:
        # Table cells share a line: carry the cursor along it.
        self.cursor = max(self.cursor, start)
        self.end = end
        try:
            self._walk(children)
        except _Lost:
            if self.cursor < end:
                self.spans.append((self.cursor, end))
            self.cursor = end

    def _walk(self, tokens: Sequence[Token]) -> None:
        opens: list[int] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "text":
                if token.content:
                    self.cursor = self._seek(token.content) + len(token.content)
            elif kind == "text_special":
                # An entity or an escape: "&amp;" is no word to spell-check.
                start = self._seek(token.markup)
                self._protect(start, start + len(token.markup))
            elif kind == "code_inline":
                self._code_span(token.markup)
            elif kind == "html_inline":
                self._html(token.content)
            elif kind in {"softbreak", "hardbreak"}:
                match = _LINE_BREAK_RE.search(self.text, self.cursor, self.end)
                if not match or not _GAP_RE.fullmatch(self.text, self.cursor, match.start()):
                    raise _Lost
                self.cursor = match.end()
            elif kind == "link_open" and token.markup == "autolink":
                start = self._seek("<")
                close = self.text.find(">", start, self.end)
                if close < 0:
                    raise _Lost
                self._protect(start, close + 1)
                while tokens[i].type != "link_close":  # its text is the URL
                    i += 1
            elif kind == "link_open":
                opens.append(self._seek("["))
                self.cursor = opens[-1] + 1
            elif kind == "link_close":
                if not opens:
                    raise _Lost
                self._after_text(opens.pop())
            elif kind == "image":
                start = self._seek("![")
                self.cursor = start + 2
                self._walk(token.children or [])
                self._after_text(start + 1)
            elif token.markup and kind.endswith(("_open", "_close")):
                # Emphasis, strong, strikethrough: their delimiters.
                self.cursor = self._seek(token.markup) + len(token.markup)
            else:
                raise _Lost
            i += 1

    def _seek(self, needle: str) -> int:
        """Where ``needle`` starts, with only inline-free markup before it."""
        position = self.text.find(needle, self.cursor, self.end)
        if position < 0 or not _GAP_RE.fullmatch(self.text, self.cursor, position):
            raise _Lost
        return position

    def _protect(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        self.cursor = end

    def _code_span(self, ticks: str) -> None:
        run = re.compile(rf"(?<!`){re.escape(ticks)}(?!`)")
        opener = run.search(self.text, self.cursor, self.end)
        if not opener or not _GAP_RE.fullmatch(self.text, self.cursor, opener.start()):
            raise _Lost
        closer = run.search(self.text, opener.end(), self.end)
        if not closer:
            raise _Lost
        self._protect(opener.start(), closer.end())

    def _html(self, content: str) -> None:
        # A tag or comment may span lines, whose source has block quote
        # markers or CRLF that the token's content lacks: match its ends.
        lines = content.split("\n")
        start = self._seek(lines[0])
        after = start + len(lines[0]) if len(lines) > 1 else start
        end = self.text.find(lines[-1], after, self.end)
        if end < 0:
            raise _Lost
        end += len(lines[-1])
        if content.startswith("<!--"):
            self.comments.append((start, end))
        self._protect(start, end)

    def _after_text(self, open_bracket: int) -> None:
        """After a link's or image's text: protect its destination or label."""
        close = self._seek("]")
        after = close + 1
        destination = _inline_destination(self.text, after, self.end)
        if destination is not None:
            self._protect(after, destination)
            return
        if after < self.end and self.text[after] == "[":
            label_end = self.text.find("]", after, self.end)
            if label_end < 0:
                raise _Lost
            if label_end == after + 1:
                # "[text][]": the text is the label; editing it breaks the link.
                self.spans.append((open_bracket, close + 1))
            self._protect(after, label_end + 1)
            return
        # "[text]": a shortcut reference; the text is the label.
        self._protect(open_bracket, after)


def _inline_destination(text: str, start: int, end: int) -> int | None:
    """The end of ``(destination "title")`` starting at ``start``, or None.

    >>> _inline_destination('(a(b)c "t)")x', 0, 13)
    12
    """
    if start >= end or text[start] != "(":
        return None
    i = start + 1
    depth = 0
    in_angle = i < end and text[i] == "<"
    quote = ""
    while i < end:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if quote:
            if char == quote:
                quote = ""
        elif in_angle:
            if char == ">":
                in_angle = False
        elif char in "\"'" and text[i - 1] in " \t\r\n":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return i + 1
            depth -= 1
        i += 1
    return None
