"""Invisible junk: zero-width characters, stray soft hyphens, no-break spaces.

These arrive with text scraped from the web or exported from word
processors. Each is removed only where it cannot be doing a job: a
zero-width joiner inside an emoji sequence or between Indic letters is
meaningful and stays.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.edits import Edit
from cleaner.regex import lazy
from cleaner.stages import Context

# ZERO WIDTH SPACE and WORD JOINER carry no meaning between Latin words; ZERO
# WIDTH NON-JOINER / JOINER do in Persian, Indic scripts and emoji, so they
# are removed only between two Latin letters. A ZERO WIDTH NO-BREAK SPACE
# after the start is a stray byte-order mark from concatenated files.
_ZERO_WIDTH = "\N{ZERO WIDTH SPACE}\N{WORD JOINER}\N{ZERO WIDTH NO-BREAK SPACE}"
_JOINERS = "\N{ZERO WIDTH NON-JOINER}\N{ZERO WIDTH JOINER}"
_ZW_RUN_RE = lazy(f"[{_ZERO_WIDTH}{_JOINERS}]+")
_LATIN_RE = lazy(r"[A-Za-z\u00c0-\u024f]")

_SOFT_HYPHEN_RE = lazy(r"\N{SOFT HYPHEN}+")
_INVISIBLE = _ZERO_WIDTH + _JOINERS + "\N{SOFT HYPHEN}"

# NO-BREAK SPACE and NARROW NO-BREAK SPACE between letters. Between a number
# and its unit ("10 km") or after "Mr." they are good typography: not matched.
_NBSP_RE = lazy(r"[\N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]")


def propose(context: Context) -> Iterator[Edit]:
    text = context.text
    if text.isascii():
        return  # every character this stage removes is outside ASCII (asked in constant time)
    yield from _zero_width(text)
    for match in _SOFT_HYPHEN_RE.finditer(text):
        left, right = _neighbours(text, match.start(), match.end())
        if not (left.isalpha() and right.isalpha()):
            continue
        yield Edit(
            match.start(),
            match.end(),
            match.group(),
            "",
            "invisible.soft-hyphen",
            0.9,
            "soft hyphen inside a word (an invisible hyphenation hint left by an export)",
            True,
        )
    if context.config.nbsp:
        yield from _nbsp(text)


def _zero_width(text: str) -> Iterator[Edit]:
    for match in _ZW_RUN_RE.finditer(text):
        start, end = match.span()
        run = match.group()
        left, right = _neighbours(text, start, end)
        if start == 0 and run.startswith("\N{ZERO WIDTH NO-BREAK SPACE}"):
            continue  # a byte-order mark the decoder did not consume: the Document keeps it
        if left.isspace() and right.isspace():
            continue  # removing it would leave a double space for the next pass
        joiner_only = all(c in _JOINERS for c in run)
        if joiner_only and not (
            _LATIN_RE.fullmatch(left or "-") and _LATIN_RE.fullmatch(right or "-")
        ):
            continue
        if not any(c.isalnum() for c in left + right):
            continue
        names = ", ".join(sorted({f"U+{ord(c):04X}" for c in run}))
        yield Edit(
            start,
            end,
            run,
            "",
            "invisible.zero-width",
            0.95,
            f"invisible zero-width character ({names}) inside text",
            True,
        )


def _nbsp(text: str) -> Iterator[Edit]:
    found: list[tuple[int, str, bool]] = []
    for match in _NBSP_RE.finditer(text):
        start = match.start()
        left, right = _neighbours(text, start, start + 1)
        if (
            left.isalpha()
            and right.isalpha()
            and not _in_table_row(text, start)
            and not _binds_code(text, start)
        ):
            found.append((start, match.group(), left.islower() and right.islower()))
    # Next to a capital it may bind a name ("Louis XIV"), so a person decides;
    # a text that binds so in NAME_BINDINGS places or more does it on purpose
    # (systemd's NEWS binds every contributor's names: "Adam Williamson").
    binding = sum(1 for _, _, lower in found if not lower) >= NAME_BINDINGS
    for start, nbsp, lower in found:
        if not lower and binding:
            continue
        # Between lower-case words it is junk.
        yield Edit(
            start,
            start + 1,
            nbsp,
            " ",
            "invisible.no-break-space",
            0.9 if lower else 0.6,
            "no-break space between ordinary words",
            lower,
        )


# No-break spaces next to a capital that make a text's convention (see _nbsp).
# In the changelogs of bench/readmes.py all 161 proposed were in texts with
# three or more, 158 of them in systemd's lists of contributors; in the
# READMEs 18 of 23 (headings such as "Appendix A." in X11 protocol specs).
NAME_BINDINGS = 3


def _binds_code(text: str, at: int) -> bool:
    """Whether the no-break space at ``at`` binds an option to its argument or
    stands beside a name of code, as manual pages set them ("-n\N{NO-BREAK SPACE}RPC::DCE",
    "-p\N{NO-BREAK SPACE}sec_rgy_"): kept on one line on purpose.

    >>> nbsp = "\N{NO-BREAK SPACE}"
    >>> [_binds_code(t, t.index(nbsp)) for t in (f"e.g., -p{nbsp}sec_rgy_", f"the{nbsp}cat")]
    [True, False]
    """
    left = _LEFT_RUN_RE.search(text, max(0, at - 60), at)
    right = _RIGHT_RUN_RE.match(text, at + 1)
    runs = (left.group() if left else "") + " " + (right.group() if right else "")
    return runs.startswith("-") or any(mark in runs for mark in _CODE_MARKS)


# The runs of visible characters either side of a no-break space, and what
# in them marks code: an identifier, a path, a module, an assignment.
_LEFT_RUN_RE = lazy(r"[^\s\N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]+\Z")
_RIGHT_RUN_RE = lazy(r"[^\s\N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]+")
_CODE_MARKS = ("_", "::", "/", "=", "<", ">")


def _in_table_row(text: str, at: int) -> bool:
    """Whether ``at`` lies in a row of a table drawn with bars, where a
    no-break space keeps a cell's words on one line ("| The\N{NO-BREAK SPACE}string |").

    >>> nbsp = "\N{NO-BREAK SPACE}"
    >>> _in_table_row(f"| The{nbsp}string | x |", 5), _in_table_row(f"a{nbsp}b", 1)
    (True, False)
    """
    line = text.rfind("\n", 0, at) + 1
    return text[line:at].lstrip(" \t").startswith("|")


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The visible characters either side of ``text[start:end]``.

    This stage removes the invisible ones, so its rules must judge by what
    will be adjacent once they are gone ("a\N{SOFT HYPHEN}\N{ZERO WIDTH SPACE}b").
    """
    left = text[max(0, start - 16) : start].rstrip(_INVISIBLE)[-1:]
    right = text[end : end + 16].lstrip(_INVISIBLE)[:1]
    return left, right
