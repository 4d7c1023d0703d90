"""Plain text's code: fenced or delimited blocks, inline code, commands.

A plain-text file often holds another format's markup: a README.txt written
in Markdown, git's manual pages in AsciiDoc (``git-add.txt``). Their code
blocks hold commands and output, not prose: ``$ git add .`` is no sentence
with a space before its full stop. Protected here:

* a fence of three backticks or more (at most three spaces in) and what
  follows, up to a fence of backticks at least as long, or to the end of the
  text, as Markdown reads an unclosed fence; and the same with tildes where
  the fence opens the text or follows a blank line and is closed: a line of
  tildes under a line of text underlines a reStructuredText heading;
* in a text written in AsciiDoc (a block's attributes such as ``[verse]`` or
  ``[source,shell]``, a ``linkgit:`` or ``include::`` macro), a line of four
  hyphens, dots or plus signs or more (a listing, literal or passthrough
  block) and what follows up to the same line again, where the first opens
  the text or follows a blank line, a block's attributes, its title
  (``.Example``) or a list item's ``+``, and a line of text follows it.
  Elsewhere such lines are headings' underlines and rules between sections,
  around prose;
* a line that opens with a shell's prompt and a command (``$ git add .``,
  indented or not, ``$ [ -f a ] ; echo``), or with root's prompt and a
  command given an option (``# exportfs -ra``, ``# perf trace -F min``): a
  ``#`` line without one is a heading or a comment, prose to check;
* a session at Python's prompt, as docstrings and READMEs show one
  (``>>> v = VersionPredicate('pat( ==  0.1  )')``): each line that opens
  with ``>>>``, the ``...`` lines that go on with it, and the output up to a
  blank line or the next prompt; not in a text that quotes mail (a line
  opening with ``>`` or ``> >``), whose ``>>>`` is a reply's depth;
* inline code between backticks on one line ("``cond ? a : b``", "`pip
  cache`"), with no space just inside them: GNU's quotes ("`foo' and
  `bar'") close with an apostrophe;
* in a GNU Info manual (a text whose nodes open after a ``\\x1f`` line), what
  names its nodes, which must match letter for letter: each node's header
  line (``File: ..., Node: ..., Next: ...``), the lines of its menus
  (``* os popen ; why?::``, ``* desig-revoke:  Scdaemon Options.``), its
  cross-references up to the node named (``*note Common options::``) and the
  tag table at its end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleaner.regex import lazy
from cleaner.regex import lines as split_lines

Span = tuple[int, int]

_FENCE_RE = lazy(r" {0,3}(`{3,}|~{3,})")
_DELIMITER_RE = lazy(r"(-{4,}|\.{4,}|\+{4,})[ \t]*")
# What may stand on the line before a delimited block's first line: its
# attributes, its title, or the "+" that attaches it to a list item.
_BLOCK_HEAD_RE = lazy(r"\+|\[[^\]\n]*\]|\.[^\s.][^\n]*")
# Lines only AsciiDoc writes: a block's attributes, a macro, a directive
# (see _asciidoc). Each starts with plain characters, which the regex engine
# looks for first.
_ATTRIBUTES_RE = lazy(
    r"\n\[(?:verse|source|listing|literal|quote|example|sidebar|NOTE|TIP|IMPORTANT|WARNING"
    r"|CAUTION)\b"
)
_LINKGIT_RE = lazy(r"linkgit:[\w-]+\[")
_DIRECTIVES = ("\ninclude::", "\nifdef::", "\nifndef::", "\nendif::", "\nimage::")
# Inline code, as Markdown and reStructuredText mark it: "``a : b``",
# "`pip cache`", on one line, with no space just inside its backticks (GNU's
# quotes, "`foo' and `bar'", close with an apostrophe).
_INLINE_CODE_RE = lazy(r"`(?<!``)(`*)(?=[^`\s])[^`\n]*?[^`\s]`\1(?!`)")
# A command after a shell's prompt, to the end of its line. After root's
# prompt ("# exportfs -ra"), only a command (and a subcommand, "# semanage
# user -l") given an option: "# Install" heads a Markdown section and "# set
# the path" is a comment, whose words are prose. Not the hyphen groff sets
# where it breaks a long command over lines ("create exam‐\n  ple_cluster"):
# joining the word is the hyphenation stage's.
_COMMAND_RE = lazy(
    r"^[ \t]*(?:\$[ \t]+[a-z./\[]|#[ \t]+[a-z][\w.+-]*(?:[ \t]+[a-z][\w.+-]*)?[ \t]+--?[A-Za-z0-9])"
    r"[^\r\n]*(?<!\u2010)",
    re.MULTILINE,
)
# A session at Python's prompt: a line opening with ">>>" (or only it), the
# lines after it up to a blank line or the next prompt (its "..." lines and
# its output).
_SESSION_RE = lazy(r"^>>>(?:[ \t][^\n]*)?(?:\n(?!>>>)[ \t]*\S[^\n]*)*", re.MULTILINE)
# A line of quoted mail: ">" or "> >" before text, not Python's prompt.
_MAIL_QUOTE_RE = lazy(r"^(?:>(?!>)|> >)", re.MULTILINE)
# What a delimiter line holds: a text without any has no delimited block.
_DELIMITERS = ("----", "....", "++++")
# A fence of tildes where one may open (see _fenced), searched for from its
# first plain character.
_TILDE_FENCE_RE = lazy(r"\n[ \t]*\n {0,3}~~~")


def protected(text: str) -> Iterator[Span]:
    """Inline code and commands after a shell's prompt, then the fenced and
    delimited blocks of ``text``, each from its first line to its last.

    >>> text = "[verse]\\ngit add\\n\\nSet:\\n\\n----\\nexport EDITOR=vi\\n----\\n\\nRun .\\n"
    >>> [text[s:e] for s, e in protected(text)]
    ['----\\nexport EDITOR=vi\\n----\\n']
    >>> list(protected(text.replace("[verse]", "Usage:")))  # no AsciiDoc: a rule
    []
    >>> text = "[verse]\\nTitle\\n-----\\nSome text .\\n\\nOther\\n-----\\nMore text .\\n"
    >>> list(protected(text))
    []
    >>> text = "Run:\\n\\n```sh\\nls  -l .\\n```\\nand  more.\\n\\n~~~\\nopen .\\n~~~\\n"
    >>> text += "Title\\n~~~~~\\nText ."
    >>> [text[s:e] for s, e in protected(text)]
    ['```sh\\nls  -l .\\n```\\n', '~~~\\nopen .\\n~~~\\n']
    >>> text = "Renormalize it:\\n$ git add --renormalize .\\n$ 5 is the price ."
    >>> [text[s:e] for s, e in protected(text)]
    ['$ git add --renormalize .']
    >>> text = "Parse:\\n\\n>>> v = Version(' pat( ==  0.1 )')\\n>>> v.name\\n'pat'\\n\\nDone ."
    >>> [text[s:e] for s, e in protected(text)]
    [">>> v = Version(' pat( ==  0.1 )')", ">>> v.name\\n'pat'"]
    >>> list(protected("> She wrote:\\n>>> it is  done\\n"))  # quoted mail
    []
    >>> text = "Use ``c ? x : y`` or `pip  cache`, not `foo' and `bar' ."
    >>> [text[s:e] for s, e in protected(text)]
    ['``c ? x : y``', '`pip  cache`']
    """
    if "`" in text:
        for code in _INLINE_CODE_RE.finditer(text):
            yield code.span()
    if "$ " in text or "$\t" in text or ("# " in text and " -" in text):
        for command in _COMMAND_RE.finditer(text):
            yield command.span()
    if (text.startswith(">>>") or "\n>>>" in text) and _MAIL_QUOTE_RE.search(text) is None:
        for session in _SESSION_RE.finditer(text):
            yield session.span()
    if _info_manual(text):
        yield from _info(text)
    # Substring tests first: a regex over every text of a folder costs more
    # than the rest of this module.
    fences = (
        "```" in text
        or text.lstrip(" ").startswith("~~~")
        or ("~~~" in text and _TILDE_FENCE_RE.search(text) is not None)
    )
    delimited = any(line in text for line in _DELIMITERS) and _asciidoc(text)
    if not (fences or delimited):
        return
    lines = split_lines(text)
    number = 0
    while number < len(lines):
        end = _fenced(lines, number) if fences else None
        if end is None and delimited:
            end = _delimited(lines, number)
        if end is None:
            number += 1
            continue
        last = lines[end - 1]
        yield lines[number][0], last[0] + len(last[1])
        number = end


def _info_manual(text: str) -> bool:
    """Whether ``text`` is (a part of) a GNU Info manual: it has a node's
    header or the tag table after a ``\\x1f`` line, or index entries
    ("* wrap() (textwrap method):  textwrap.   (line 16)"): a large manual
    is read in parts, and a part inside its index has no node's header.
    """
    if "\x1f" in text and (_INFO_NODE_RE.search(text) is not None or "\x1f\nTag Table:" in text):
        return True
    if "\x7f" in text and _INFO_TAG_RE.search(text) is not None:
        return True  # a part of a tag table too long to come with its heading
    return "(line " in text and len(_INFO_INDEX_RE.findall(text, 0, 20_000)) >= INFO_INDEX_ENTRIES


# Index entries that make a text without a node's header an Info manual's part.
INFO_INDEX_ENTRIES = 3


def _info(text: str) -> Iterator[Span]:
    r"""The spans of a GNU Info manual that name its nodes (see the module's docstring).

    >>> text = ("\x1f\nFile: a.info,  Node: Top,  Next: Intro\n\nSee *note Common\n"
    ...         "options:: too .\n\n* Menu:\n\n* os popen ; why?::   Pipes .\n"
    ...         "\x1f\nTag Table:\nNode: Top\x7f1\n")
    >>> [text[s:e] for s, e in _info(text)]  # doctest: +NORMALIZE_WHITESPACE
    ['File: a.info,  Node: Top,  Next: Intro', '*note Common\noptions::', '* Menu:',
     '* os popen ; why?::   Pipes .', 'Node: Top\x7f1', '\x1f\nTag Table:\nNode: Top\x7f1\n']
    """
    for pattern in (_INFO_NODE_RE, _INFO_NOTE_RE, _INFO_MENU_RE, _INFO_TAG_RE):
        for match in pattern.finditer(text):
            yield match.span(1) if pattern is _INFO_NODE_RE else match.span()
    table = text.find("\x1f\nTag Table:")
    if table >= 0:
        yield table, len(text)


# An Info node's header, on the line after a \x1f; a cross-reference up to the
# node it names (a label and a colon first, or two colons); a menu's entry.
_INFO_NODE_RE = lazy(r"\x1f\r?\n(File: [^\n]*Node: [^\n]*)")
_INFO_NOTE_RE = lazy(r"\*[Nn]ote\s[^:*]{1,120}?::|\*[Nn]ote\s[^:*]{1,120}?:\s+[^.,:*]{1,120}[.,]")
_INFO_MENU_RE = lazy(r"^\* [^\n]*?:[^\n]*", re.MULTILINE)
# A line of the tag table: where a node or a reference starts in the file.
_INFO_TAG_RE = lazy(r"^(?:Node|Ref): [^\n]*\x7f\d+$", re.MULTILINE)
_INFO_INDEX_RE = lazy(r"^\* [^\n]*:[ \t]+[^\n]*\(line +\d+\)$", re.MULTILINE)


def _asciidoc(text: str) -> bool:
    """Whether ``text`` is written in AsciiDoc: it gives a block's attributes
    (``[verse]``, ``[source,shell]``), links a manual page (``linkgit:``) or
    has a directive (``include::``).

    >>> _asciidoc("[verse]\\ngit add"), _asciidoc("See linkgit:git-add[1]."), _asciidoc("[1] note")
    (True, True, False)
    """
    # Its opening line too, which no line break precedes.
    for part in ("\n" + text[:100], text):
        if (
            ("linkgit:" in part and _LINKGIT_RE.search(part) is not None)
            or ("\n[" in part and _ATTRIBUTES_RE.search(part) is not None)
            or any(directive in part for directive in _DIRECTIVES)
        ):
            return True
    return False


def _fenced(lines: list[tuple[int, str]], first: int) -> int | None:
    """The index after the fenced block that opens at line ``first``, if one does."""
    opening = _FENCE_RE.match(lines[first][1])
    if opening is None:
        return None
    fence = opening.group(1)
    backticks = fence[0] == "`"
    if backticks and "`" in lines[first][1][opening.end() :]:
        return None  # "```a``` b": inline code, not a fence
    if not backticks and first > 0 and lines[first - 1][1].strip():
        return None  # a heading's underline
    for number in range(first + 1, len(lines)):
        closing = _FENCE_RE.match(lines[number][1])
        if (
            closing is not None
            and closing.group(1)[0] == fence[0]
            and len(closing.group(1)) >= len(fence)
            and not lines[number][1][closing.end() :].strip()
        ):
            return number + 1
    return len(lines) if backticks else None


def _delimited(lines: list[tuple[int, str]], first: int) -> int | None:
    """The index after the delimited block that opens at line ``first``, if one does."""
    line = lines[first][1].rstrip("\r\n")
    if _DELIMITER_RE.fullmatch(line) is None:
        return None
    if first + 1 >= len(lines) or not lines[first + 1][1].strip():
        return None  # a rule between paragraphs, or nothing follows
    if first > 0:
        before = lines[first - 1][1].strip()
        if before and _BLOCK_HEAD_RE.fullmatch(before) is None:
            return None  # a heading's underline
    delimiter = line.rstrip(" \t")
    for number in range(first + 1, len(lines)):
        if lines[number][1].rstrip("\r\n").rstrip(" \t") == delimiter:
            return number + 1
    return None
