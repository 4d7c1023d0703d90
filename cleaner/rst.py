"""reStructuredText structure, basic: which parts are not prose.

Protected: literal blocks (after a paragraph ending in ``::``), doctest blocks,
explicit markup (directives with their options and content, comments,
hyperlink targets, substitution definitions, footnotes), inline literals,
roles and interpreted text, substitution references, and the ``<url>`` of an
embedded hyperlink, and the names of fields (``:param buf:``; the whole line of
a type, ``:type buf: bytes``). The body of an admonition (``.. note::`` and
kin) is prose and stays open to every stage, and so is the description of an
object after its signature (``.. function:: recv(buf)``, ``.. option:: -v``,
Sphinx's other domain directives) and the content of a topic, a sidebar or a
glossary; what such a body holds (a literal block, a directive) is read as
anywhere else.

reStructuredText's blocks are defined by indentation, so a line scan finds
them. docutils would parse them too, but it reports lines, not offsets, for
inline markup, and it executes directives; for protection this small scan is
exact enough and costs no dependency.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from cleaner.regex import lazy
from cleaner.regex import lines as split_lines

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
# Directives that describe an object (Sphinx's domains: ``.. function::``,
# ``.. py:method::``, ``.. option::``), whose argument is a signature and
# whose content, after a blank line, is prose: the description. A field's
# name in it (``:param buf:``, ``:returns:``) is markup, and so is the body
# of a type field (``:type buf: bytes``).
_DESCRIPTIONS = frozenset(
    {
        "function", "class", "method", "attribute", "data", "exception", "decorator",
        "decoratormethod", "classmethod", "staticmethod", "property", "module", "describe",
        "object", "option", "cmdoption", "envvar", "confval", "macro", "member", "struct",
        "type", "var", "enum", "enumerator", "union", "concept", "coroutinefunction",
        "coroutinemethod", "abstractmethod", "opcode", "pdbcommand", "2to3fixer",
    }
)  # fmt: skip
# Directives whose content is prose but has no argument of its own to read.
_CONTAINERS = frozenset({"topic", "sidebar", "only", "container", "glossary", "hlist"})
_FIELD_RE = lazy(r"[ \t]*:(?P<name>[^:\s][^:`]*?):(?=[ \t]|$)")
_TYPE_FIELDS = ("type", "rtype", "vartype", "kwtype")
# Each alternative starts with its mark and looks behind it only then
# ("(?<![\w`]:)" after the colon is "(?<![\w`])" before it): a pattern whose
# alternatives all start with a plain character is searched for only where
# one of those characters stands, not tried at every position of the text.
_INLINE_RE = lazy(
    r"``.+?``(?!\w)"  # inline literal
    r"|:(?<![\w`]:)[\w.+-]+:`[^`]+`"  # :role:`text`
    r"|`(?<![\w`]`)[^`]+`(?::[\w.+-]+:|_{1,2})?(?![\w`])"  # `interpreted`, `text`_, `t`:role:
    r"|\|(?<![\w|]\|)[^|\s](?:[^|]*[^|\s])?\|_{0,2}(?![\w|])"  # |substitution|
    r"|\\ \w+",  # an escaped space gluing a suffix to markup: *state*\ th, `Foo`\ s
    re.DOTALL,
)
# A section title's underline (or overline): one mark repeated, from column 0.
_UNDERLINE_RE = lazy(r"([!-/:-@\[-`{-~])\1+[ \t]*")
_EMBEDDED_URL_RE = lazy(r"<[^<>`]+>(?=`_{1,2}$)")


def protected(text: str) -> Iterator[Span]:
    """The spans of a reStructuredText document that no stage may edit.

    >>> text = "Use ``a  ,b`` here::\\n\\n    x  =  1\\n\\nDone  now.\\n"
    >>> [text[s:e] for s, e in protected(text)]
    ['``a  ,b``', '    x  =  1\\n']
    """
    lines = split_lines(text)
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
        # Most lines are prose: what they start with rules out every block below.
        lead = body.lstrip()
        explicit = _EXPLICIT_RE.match(body) if lead[:2] == ".." else None
        if explicit and previous_blank:
            indent = _indent(line)
            directive = _DIRECTIVE_RE.match(body)
            end = _block_end(lines, number + 1, indent)
            name = directive.group("name").lower().rpartition(":")[2] if directive else ""
            if directive is not None and name in _ADMONITIONS:
                # The marker and the options are markup; the body is prose.
                yield lines[number][0], lines[number][0] + directive.end()
                content = number + 1
                while content < end and _OPTION_RE.match(lines[content][1]):
                    content += 1
                if content > number + 1:
                    yield _span(lines, number + 1, content)
            elif name in _DESCRIPTIONS or name in _CONTAINERS:
                # The signature (or title), its continuation lines and the
                # options, up to the first blank line, are markup; the body
                # after it is prose.
                content = number + 1
                while content < end and lines[content][1].strip():
                    content += 1
                yield _span(lines, number, content)
            else:
                yield _span(lines, number, end)
                content = end
            if content < end:
                # The body is read as any text, for what it holds: fields,
                # literal blocks, directives of its own.
                number = content
                previous_blank = True
                continue
            number = end
            # Targets and directives may follow one another without a blank line.
            previous_blank = True
            continue
        if previous_blank and lead.startswith(">>>"):
            end = number
            while end < len(lines) and lines[end][1].strip():
                end += 1
            yield _span(lines, number, end)
            number = end
            continue
        if "::" in body and body.rstrip().endswith("::") and not explicit:
            # A literal block follows: the next lines indented deeper.
            start = number + 1
            while start < len(lines) and not lines[start][1].strip():
                start += 1
            end = _block_end(lines, start, _indent(line))
            if end > start:
                yield _span(lines, start, end)
                number = end
                previous_blank = False
                continue
        if lead[:1] == ":":
            field = _field(lines[number][0], line)
            if field is not None:
                yield field
        # A section title's underline ends its block as a blank line does:
        # a directive may open the next line ("Data\n----\n.. autosummary::").
        previous_blank = not lead or (
            body[:1] not in " \t" and number > 0 and _UNDERLINE_RE.fullmatch(body) is not None
        )
        number += 1


def _field(start: int, line: str) -> Span | None:
    """The markup of a field list's line, if it is one: its name
    (``:param buf:``), or the whole line of a type (``:type buf: bytes``).

    >>> line = ":param buf: the buffer"
    >>> start, end = _field(0, line) or (0, 0)
    >>> line[start:end], _field(0, "Note: not a field")
    (':param buf:', None)
    """
    field = _FIELD_RE.match(line)
    if field is None:
        return None
    colon = start + field.start("name") - 1
    if field.group("name").split()[0] in _TYPE_FIELDS:
        return colon, start + len(line.rstrip("\r\n"))
    return colon, start + field.end()


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
