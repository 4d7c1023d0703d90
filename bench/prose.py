"""Paragraphs of plain modern English prose taken from Debian documentation packages.

Both benchmark sets built on this machine (the modern OCR set and the clean set)
need correct, modern prose the project may use.  Debian ships plenty as package
documentation; the markup around it (reStructuredText, AsciiDoc, plain text
licences) is stripped and only paragraphs that read as running prose are kept:
no code, no lists, no headings, no tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Inline markup that wraps real words: keep the words, drop the markup.
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]*>`__?")
_ROLE = re.compile(r":[a-z][a-z:+-]*:`~?([^`<]*?)\s*(?:<[^`>]*>)?`")
_LITERAL = re.compile(r"``([^`]+)``")
_EMPHASIS = re.compile(r"(?<!\w)\*\*?([^*\s][^*]*?)\*\*?(?!\w)")
_INTERPRETED = re.compile(r"`([^`]+)`_{0,2}")

# Anything left that is not prose: markup we did not unwrap, code, URLs, tables,
# AsciiDoc cross references and em dashes spelt "--".
_NOT_PROSE = re.compile(r"[`*|{}<>\[\]=\\#@~^$_]|::|\.\.\s|https?:|--|linkgit:|\blink:")
_UNDERLINE = re.compile(r"\s*([=\-~^\"'#*+.])\1{2,}\s*")
_LIST_OR_PROMPT = re.compile(r"^(?:\d+[.)]|\(\w\)|[-*+]|>>>|\$|\.\.)\s")
_WS = re.compile(r"\s+")

MIN_WORDS = 25
MAX_WORDS = 220


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of prose and where it came from."""

    source: str
    index: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def unwrap_markup(text: str) -> str:
    """Replace inline reST/AsciiDoc markup by the words it wraps.

    >>> unwrap_markup("Call :func:`len` on ``x``, see `the docs <https://x>`_.")
    'Call len on x, see the docs.'
    """
    text = _LINK.sub(r"\1", text)
    text = _ROLE.sub(r"\1", text)
    text = _LITERAL.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _INTERPRETED.sub(r"\1", text)


def is_prose(text: str) -> bool:
    """True for a paragraph that reads as running English prose.

    >>> is_prose("Short.")
    False
    """
    if _NOT_PROSE.search(text) or _LIST_OR_PROMPT.match(text):
        return False
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not text[0].isupper() or text[-1] not in ".!?":
        return False
    # Prose is mostly letters; option lists and version tables are not.
    letters = sum(ch.isalpha() for ch in text)
    return letters / len(text) >= 0.75


def paragraphs_of(text: str) -> list[str]:
    """The prose paragraphs of one marked-up document, each on one line.

    Hard-wrapped lines are joined with one space and whitespace runs folded,
    which is what the paragraph looks like once typeset.
    """
    found: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = block.strip("\n").split("\n")
        # Indented blocks are code, quotes or definition bodies in both formats.
        if not lines or not lines[0] or lines[0][0].isspace():
            continue
        if any(_UNDERLINE.fullmatch(line) for line in lines):
            continue
        paragraph = unwrap_markup(_WS.sub(" ", " ".join(lines)).strip())
        if is_prose(paragraph):
            found.append(paragraph)
    return found


def collect(files: Iterable[Path], root: Path) -> list[Paragraph]:
    """Prose paragraphs of each file in order, named relative to root."""
    out: list[Paragraph] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        name = path.relative_to(root).as_posix()
        out.extend(Paragraph(name, i, p) for i, p in enumerate(paragraphs_of(text)))
    return out


def seed_paragraphs(path: Path) -> list[str]:
    """The seed article's paragraphs (blank-line separated), as written."""
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
