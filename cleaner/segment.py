"""Protected regions: spans of a document that no stage may edit.

Prose is everything else. Every kind of document protects URLs, e-mail
addresses, path-like tokens and what its author switched off with inline
ignores; each document kind adds its own protectors (Markdown: code, front
matter, HTML, link targets; reStructuredText: literal blocks, directives;
HTML: tags, comments, character references, code and preformatted elements;
LaTeX: comments, commands and the arguments of theirs that are not prose,
math, code and math environments, a table's alignment; POD: verbatim
paragraphs, commands, other formats' regions, code and link codes, and the
Perl code outside it; plain text: fenced and delimited blocks, inline code,
commands after a prompt) through
:data:`PROTECTORS`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator

from cleaner import html, ignores, latex, markdown, plaintext, pod, rst
from cleaner.regex import lazy

Span = tuple[int, int]
Protector = Callable[[str], Iterable[Span]]

# Trailing sentence punctuation is not part of a URL ("see https://x.org.").
URL_RE = lazy(
    r"""(?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|\bwww\.|\bmailto:)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]"""
)
# Both patterns start only where a token starts ((?<![...]) lookbehinds):
# tried from every character, they backtrack through each long word.
EMAIL_RE = lazy(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# An address written against harvesters ("dscribner at bigfoot.com",
# "pemente[at]northpark.edu", "colin.harrison-at-virgin.net"), ending in a
# known top-level domain: "found at the.bottom" and "shop at Row.street" are
# OCR, whose commas and spaces read as full stops. The country domains that
# are English words too ("zimerman at forfree.at", "md at linux.it") are
# in: no page of the OCR test and train sets has a run of that shape.
_TLD = (
    r"(?:com|org|net|edu|gov|mil|int|info|biz|io|dev|uk|de|fr|nl|ch|es|se|fi|dk|pl|cz"
    r"|ru|jp|cn|au|ca|ar|br|mx|nz|za|ie|pt|gr|hu|ro|sk|si|hr|tw|kr|hk|sg|il|tr|ua|lt"
    r"|lv|ee|lu|cc|tv|fm|at|be|it|me|no|us)"
)
SPELLED_EMAIL_RE = lazy(
    r"(?<![\w.+-])[\w.+-]+(?:[ \t]+at[ \t]+|[ \t]*[\[(<]at[\])>][ \t]*|-at-)"
    r"[\w-]+(?:\.[\w-]+)*\." + _TLD + r"(?![\w-])"
)
# A token with a slash or backslash inside is a path or an "and/or" pair; the
# spacing rules have nothing to repair inside either (found by "docs/a.Txt").
# The part before the first slash is possessive (++): it holds no slash, so
# giving characters back could never make the slash match.
PATH_RE = lazy(r"(?<![^\s\"'(\[<])[^\s\"'()\[\]<>/\\]++[/\\][^\s\"'()\[\]<>]+")


# What every match of each pattern holds. No pattern lets whitespace in, so a
# match lies on one line: only the lines holding a mark are searched, not
# every position of the text. (A search bounded to a line still sees the
# characters before it, which the lookbehinds need.)
_MARKED = (
    (URL_RE, lazy(r"://|www\.|mailto:")),
    (EMAIL_RE, lazy("@")),
    (SPELLED_EMAIL_RE, lazy(r"\." + _TLD + r"\b")),
    (PATH_RE, lazy(r"[/\\]")),
)
# In LaTeX a backslash opens a command ("the adress~\cite{x}"), which
# cleaner.latex protects by itself: only a slash makes a path, and braces and
# ties end one.
LATEX_PATH_RE = lazy(r"(?<![^\s\"'(\[<{}~])[^\s\"'()\[\]<>/\\{}~]++/[^\s\"'()\[\]<>\\{}~]+")
_LATEX_MARKED = (*_MARKED[:-1], (LATEX_PATH_RE, lazy("/")))


def inline_protected(text: str) -> Iterator[Span]:
    """URLs, e-mail addresses (also spelt out: "wk at gnupg.org") and path-like
    tokens, in any kind of document.

    >>> text = "Thanks to dscribner at bigfoot.com and pemente[at]northpark.edu, at the.end"
    >>> [text[s:e] for s, e in inline_protected(text)]
    ['dscribner at bigfoot.com', 'pemente[at]northpark.edu']
    """
    return _marked(text, _MARKED)


def latex_inline_protected(text: str) -> Iterator[Span]:
    """:func:`inline_protected` in LaTeX, where a backslash opens a command.

    >>> text = "the adress~\\\\cite{x}, see src/main.c{} and/or~\\\\ref{y}"
    >>> [text[s:e] for s, e in latex_inline_protected(text)]
    ['src/main.c', 'and/or']
    """
    return _marked(text, _LATEX_MARKED)


def _marked(
    text: str, marked: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
) -> Iterator[Span]:
    for pattern, marks in marked:
        for start, end in lines_with(text, marks):
            for match in pattern.finditer(text, start, end):
                yield match.span()


def lines_with(text: str, marks: re.Pattern[str]) -> Iterator[Span]:
    """The lines of ``text`` (without their line break) where ``marks`` matches, in order.

    >>> list(lines_with("a/b\\nno\\nc/d e/f", re.compile("/")))
    [(0, 3), (7, 14)]
    """
    end = -1
    for mark in marks.finditer(text):
        if mark.start() < end:
            continue  # on the line just given
        start = text.rfind("\n", 0, mark.start()) + 1
        end = text.find("\n", mark.end())
        if end < 0:
            end = len(text)
        yield start, end


# Each kind's own structure comes from its own module (cleaner.markdown,
# cleaner.rst, cleaner.html, cleaner.latex, cleaner.pod; plain text's code in
# cleaner.plaintext); inline ignores (cleaner.ignores) hold in every kind.
PROTECTORS: dict[str, tuple[Protector, ...]] = {
    "text": (inline_protected, plaintext.protected, ignores.text_ignored),
    "markdown": (inline_protected, markdown.protected, ignores.markdown_ignored),
    "rst": (inline_protected, rst.protected, ignores.text_ignored),
    "html": (inline_protected, html.protected, ignores.html_ignored),
    "latex": (latex_inline_protected, latex.protected, ignores.text_ignored),
    "pod": (inline_protected, pod.protected, ignores.text_ignored),
}


class Protected:
    """A sorted set of protected spans, queried for overlap with an edit."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def touches(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a protected span (an insertion at
        ``start == end`` counts when strictly inside one)."""
        i = bisect.bisect_right(self._starts, max(start, end - 1)) - 1
        if i < 0:
            return False
        if start == end:
            return self._starts[i] < start < self._ends[i]
        return self._ends[i] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one protected span: every edit
        within it would touch that span.

        >>> p = Protected([(5, 10), (10, 12), (20, 25)])
        >>> p.covers(6, 12), p.covers(6, 13), p.covers(19, 21), p.covers(0, 1)
        (True, False, False, False)
        """
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._ends[i] >= end

    def spans(self) -> list[Span]:
        return list(zip(self._starts, self._ends, strict=True))


def protected_spans(text: str, kind: str) -> Protected:
    """All protected spans of ``text`` for a document of ``kind``."""
    protectors = PROTECTORS.get(kind, PROTECTORS["text"])
    return Protected(span for protect in protectors for span in protect(text))
