"""Encoding: mojibake repaired with ftfy, one edit per repaired word or run of words.

ftfy's other repairs (uncurling quotes, converting line breaks, removing
control characters, NFC normalisation, ligatures, full-width characters)
change text that may be right, so they are off unless the configuration
lists them in ``ftfy_extras``; each then proposes its own visible edits.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from cleaner.edits import Edit
from cleaner.regex import lazy
from cleaner.segment import lines_with
from cleaner.stages import Context

# Text without any of these cannot hold the mojibake ftfy repairs, so ftfy is
# neither imported nor run on it (it loads in ~60 ms and runs at ~2 MB/s):
# - a UTF-8 lead byte read as Latin-1/Windows-1252 (Ã Â Ä Å â ð ...) followed
#   by a continuation byte read the same way (© ¼ Ÿ € ™ ...): "cafÃ©", "â€™";
# - C1 control characters, which sloppy decoding leaves behind;
# - the MacRoman and cp437 readings of UTF-8 ("‚Ä", "√©", "Γö").
# Correct accented text ("Çavuşoğlu", "naïve", "São") never has a lead
# character directly followed by a continuation character.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122"
)
_MOJIBAKE_HINT_RE = lazy(
    f"[\u00c2-\u00f4][{_CONTINUATION}]|[\u0080-\u009f]|\u201a\u00c4|\u221a|\u0393[\u00f6\u00c7\u00e7]"
)
_LINE_RE = lazy(r"[^\n]*\n?")


def _mojibake_config() -> Any:
    import ftfy  # imported on first use: clean ASCII text never pays for it

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


def _explain(steps: Sequence[tuple[str, str]]) -> str:
    encodes = [p for a, p in steps if a == "encode"]
    decodes = [p for a, p in steps if a == "decode"]
    if encodes and decodes:
        return f"mojibake: UTF-8 text was read as {encodes[0]}; re-decoded as {decodes[-1]}"
    fixes = ", ".join(p.replace("_", " ") for a, p in steps if a in {"apply", "transcode"})
    return f"mojibake: {fixes}" if fixes else "mojibake repaired"


def _extra_fixers() -> dict[str, Callable[[str], str]]:
    from ftfy import fixes

    return {
        "uncurl_quotes": fixes.uncurl_quotes,
        "fix_line_breaks": fixes.fix_line_breaks,
        "remove_control_chars": fixes.remove_control_chars,
        "normalization": lambda s: unicodedata.normalize("NFC", s),
        "fix_latin_ligatures": fixes.fix_latin_ligatures,
        "fix_character_width": fixes.fix_character_width,
    }


_EXTRA_REASONS = {
    "uncurl_quotes": "curly quotes made straight (ftfy_extras: uncurl_quotes)",
    "fix_line_breaks": "line break made a plain newline (ftfy_extras: fix_line_breaks)",
    "remove_control_chars": "control character removed (ftfy_extras: remove_control_chars)",
    "normalization": "Unicode normalised to NFC (ftfy_extras: normalization)",
    "fix_latin_ligatures": "ligature spelled out (ftfy_extras: fix_latin_ligatures)",
    "fix_character_width": (
        "full-width character made normal width (ftfy_extras: fix_character_width)"
    ),
}


def propose(context: Context) -> Iterator[Edit]:
    text = context.text
    if "&" in text and context.kind not in {"markdown", "html"}:
        yield from _entities(text)
    extras = sorted(context.config.ftfy_extras)
    # Mojibake is made of characters outside ASCII: an ASCII text (most
    # documentation) needs no search for it.
    if not extras and (text.isascii() or not _MOJIBAKE_HINT_RE.search(text)):
        return
    import ftfy

    config = _mojibake_config()
    fixers = _extra_fixers() if extras else {}
    protected = context.protected.spans()
    for match in _LINE_RE.finditer(text):
        line = match.group()
        if not line or (not extras and not _MOJIBAKE_HINT_RE.search(line)):
            continue
        offset = match.start()
        # ftfy weighs the whole line, so what later stages repair must not
        # change its verdict (found by "cafÃ©é  a" and "cafÃ©é\u00ad\u00adé"):
        # it sees the line with runs of spaces folded, no trailing space, and
        # without the soft hyphens and zero-width spaces the invisible stage
        # removes (an edit here drops those inside the words it repairs).
        # Protected text (code, URLs) is blanked out: what ftfy repairs there
        # could otherwise be matched to the same word outside ("``cafÃ©``café").
        shown = _blank(line, offset, protected) if protected else line
        content, positions = _fold_spaces(shown.rstrip(" \t\r\n"))
        # A closing quotation mark that lost its last byte is repaired below;
        # ftfy, shown it, would read "â€ " as a dagger and a no-break space.
        content = _LOST_QUOTE_RE.sub("\x00\x00", content)
        fixed, steps = ftfy.fix_and_explain(content, config)
        if fixed != content:
            reason = _explain(steps or [])
            for start, end, after in changed_words(content, fixed):
                start = positions[start]
                end = positions[end - 1] + 1 if end > 0 else 0
                end = max(start, end)
                example = _quoted_example(line, start, end, after)
                doubt = "; a character alone in quotes: an example of mojibake?" if example else ""
                lost = _lost_byte_guess(line[start : end + 1], after)
                if lost:
                    doubt = (
                        "; the byte after 'Ã' at the word's end was lost: a no-break space"
                        " ('à') or a soft hyphen ('í', as Spanish ends words: 'aquí')?"
                    )
                sure = not (example or lost)
                yield Edit(
                    offset + start, offset + end, line[start:end], after,
                    "encoding.mojibake", 0.95 if sure else 0.6, reason + doubt, sure, lost,
                )  # fmt: skip
        yield from _lost_closing_quotes(line, offset)
        for name in extras:
            repaired = fixers[name](line)
            rule = "encoding." + name.replace("_", "-")
            for start, end, after in changed_words(line, repaired, whole_words=False):
                yield Edit(
                    offset + start, offset + end, line[start:end], after,
                    rule, 0.9, _EXTRA_REASONS[name], True,
                )  # fmt: skip


# HTML character references that stand for a quotation mark or an apostrophe,
# also escaped again ("&amp;#39;"): what a page's text becomes when it is
# scraped without being unescaped.
_QUOTE_REFERENCES = (
    r"&(?:amp;)*(?:#0*(?:34|39|8216|8217|8220|8221)|#x0*(?:22|27|2018|2019|201[cC]|201[dD])"
    r"|quot|apos|[lr][sd]quo);"
)
# Dashes and the no-break space.
_JOINING_REFERENCES = r"&(?:amp;)*(?:[mn]dash|nbsp|#0*(?:160|821[12])|#x0*(?:[aA]0|201[34]));"
_ELLIPSIS_REFERENCES = r"&(?:amp;)*(?:hellip|#0*8230|#x0*2026);"
# Where a scraped page's references are its text, not a mention of them:
# - an apostrophe inside a word ("It&#39;s", "Lloyd&rsquo;s"), a dash or a
#   no-break space between words ("drought&mdash;the", "10&nbsp;km"), an
#   ellipsis after one ("and so on&hellip;");
# - a pair of quotation marks on one line around words ("&quot;Fix it&quot;");
# - an ampersand between two capitalised words ("Smith &amp; Sons") or two
#   capitals ("Q&amp;A", "AT&amp;T").
# A reference on its own ("avoid generating &quot;", "containing &lt;",
# "Convert -> to &rarr;") is what the text is about, and stays; so is every
# reference in a Markdown file (markup there) or on or beside a line with a tag.
_ENTITY_RE = lazy(
    rf"(?<=[^\W\d_])(?P<apostrophe>{_QUOTE_REFERENCES})(?=[^\W\d_])"
    rf"|(?<=[^\W_])(?P<joining>{_JOINING_REFERENCES})(?=[^\W_])"
    rf"|(?<=[^\W_])(?P<ellipsis>{_ELLIPSIS_REFERENCES})"
    rf"|(?P<open>{_QUOTE_REFERENCES})(?=[^\s&])(?P<quoted>[^&\n<>]*?[^\s&])"
    rf"(?P<close>{_QUOTE_REFERENCES})"
    r"|(?<=[A-Za-z] )(?P<and>&(?:amp;)+)(?= [A-Z])"
    r"|(?<=[A-Z])(?P<and2>&(?:amp;)+)(?=[A-Z])"
)
# What every reference _ENTITY_RE takes starts with: searched for first, as a
# pattern that opens with a plain "&" is (_ENTITY_RE's lookbehinds make it
# try every position of the text; the documentation tree of bench/speed.py
# has "&" in 150 of its 986 files, "&&" and "&x" of code most of them).
_REFERENCE_HINT_RE = lazy(r"&(?:#|[a-zA-Z]+;)")
_ESCAPED_AGAIN_RE = lazy(r"^&(?:amp;)+(?=.)")
_TAG_RE = lazy(r"</?[A-Za-z][^<>\n]*>")
_CAPITALISED_BEFORE_RE = lazy(r"\b[A-Z][a-z]* $")


def _entities(text: str) -> Iterator[Edit]:
    """HTML character references left in scraped text, decoded where they are
    its text (see _ENTITY_RE).

    >>> [(e.before, e.after) for e in _entities("It&#39;s &quot;fine&quot;, Q&amp;A")]
    [('&#39;', "'"), ('&quot;', '"'), ('&quot;', '"'), ('&amp;', '&')]
    >>> list(_entities("avoid generating &quot; (fix in libxml2)"))
    []
    """
    for start, end in lines_with(text, _REFERENCE_HINT_RE):
        yield from _entities_in(text, start, end)


def _entities_in(text: str, start: int, end: int) -> Iterator[Edit]:
    """The references _ENTITY_RE decodes in ``text[start:end]`` (whole lines)."""
    import html

    for match in _ENTITY_RE.finditer(text, start, end):
        line_start = text.rfind("\n", 0, match.start()) + 1
        # The lines around it too: "<L ...>\n  &#34;Member Data&#34;\n</L>".
        near_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        near_end = text.find("\n", text.find("\n", match.end()) + 1)
        if _TAG_RE.search(text, near_start, near_end if near_end >= 0 else len(text)):
            continue
        if match["and"] and not _CAPITALISED_BEFORE_RE.search(text, line_start, match.start()):
            continue  # "a buffer overflow in &amp; management": the reference itself
        for group, reason in _ENTITY_REASONS.items():
            first, last = match.span(group)
            if first < 0:
                continue
            reference = text[first:last]
            # Escaped again as often as it was ("&amp;amp;#39;"): one reference.
            decoded = html.unescape(_ESCAPED_AGAIN_RE.sub("&", reference))
            yield Edit(
                first, last, reference, decoded, "encoding.html-entity", 0.95,
                f"HTML character reference left in the text: {reason}", True,
            )  # fmt: skip


_ENTITY_REASONS = {
    "apostrophe": "an apostrophe inside a word",
    "joining": "a dash or no-break space between words",
    "ellipsis": "an ellipsis after a word",
    "open": "quotation marks around words",
    "close": "quotation marks around words",
    "and": "an ampersand between names",
    "and2": "an ampersand between capitals",
}


# "”" is E2 80 9D in UTF-8, and 9D is no character in Windows-1252: text
# read that way and saved keeps "â€" and loses the third byte, which ftfy
# cannot restore ("â€œwithin weeksâ€." -> "“within weeksâ€."). No right text
# has "â€" but before one of the characters _CONTINUATION holds.
_LOST_QUOTE_RE = lazy(f"\u00e2\u20ac(?![{_CONTINUATION}])")
_OPENING_QUOTE_RE = lazy("\u00e2\u20ac\u0153|\u201c")
_CLOSING_QUOTE_RE = lazy("\u00e2\u20ac\u009d|\u201d")


# A letter, then "à" at a word's end: what ftfy makes of "Ã" whose next byte
# was lost there (see _lost_byte_guess).
_GRAVE_A_END_RE = lazy(r"(?<=[^\W\d_])\u00e0(?![^\W\d_])")


def _lost_byte_guess(before: str, after: str) -> tuple[str, ...]:
    """The other reading of a word's last letter that ftfy restored from "Ã"
    alone, as "à": ``()`` where there is none.

    UTF-8's "à" is C3 A0 and "í" C3 AD; read as Latin-1, the second byte is a
    no-break space or a soft hyphen, and either is lost on the way (a space
    made plain, a soft hyphen dropped by groff). ftfy takes the first; in a
    word's end after a letter, Spanish writes the second ("escribí",
    "aquí"), and in 455 translated manual pages (the README's section on
    another language) the 12 words so read were all Spanish, all wrong. A no-break
    space still there after "Ã" (``before`` holds the next character) says
    which: "à". "Ã" alone before a word ("Ã la carte") is French "à".

    >>> _lost_byte_guess("escribÃ ", "escribà"), _lost_byte_guess("lÃ\u00a0", "là")
    (('escribí',), ())
    """
    if "\u00c3\u00a0" in before or not _GRAVE_A_END_RE.search(after):
        return ()
    return (_GRAVE_A_END_RE.sub("\u00ed", after),)


def _lost_closing_quotes(line: str, offset: int) -> Iterator[Edit]:
    """Each "â€" of ``line`` (at ``offset``) that is a closing quotation mark
    with its last byte lost: safe after an opening mark the line leaves open.

    >>> [(e.after, e.safe) for e in _lost_closing_quotes("â€œwithin weeksâ€. Then â€", 0)]
    [('”', True), ('”', False)]
    """
    for match in _LOST_QUOTE_RE.finditer(line):
        before = line[: match.start()]
        closed = len(_CLOSING_QUOTE_RE.findall(before)) + len(_LOST_QUOTE_RE.findall(before))
        opened = len(_OPENING_QUOTE_RE.findall(before)) > closed
        yield Edit(
            offset + match.start(), offset + match.end(), match.group(), "\u201d",
            "encoding.mojibake", 0.95 if opened else 0.6,
            "mojibake: a closing quotation mark (UTF-8 read as Windows-1252, its last byte lost)"
            + ("; the line opens one before it" if opened else "; no opening one before it"),
            opened,
        )  # fmt: skip


_QUOTE_MARKS = "\"'“”‘’«»`"


def _quoted_example(line: str, start: int, end: int, after: str) -> bool:
    """Whether the repair of ``line[start:end]`` into ``after`` is of a
    character or two alone in quotes: a text that shows what mojibake looks
    like ("sequences like “Ã©” or “Ã§”", as the Debian Administrator's
    Handbook explains it), not mojibake of its own. A word in quotes
    ("“cafÃ©”") is repaired as ever.

    >>> line = 'like “Ã©” or Ã¨” or "Ã§"; the “cafÃ©” and Ã© alone'
    >>> [(line[s:e], _quoted_example(line, s, e, a)) for s, e, a in (
    ...     (5, 9, "“é”"), (13, 16, "è”"), (20, 24, '"ç"'), (30, 37, "“café”"), (42, 44, "é"))]
    [('“Ã©”', True), ('Ã¨”', True), ('"Ã§"', True), ('“cafÃ©”', False), ('Ã©', False)]
    """
    core = after.strip(_QUOTE_MARKS)
    if not core or len(core) > 2 or any(c.isascii() and c.isalnum() for c in core):
        return False
    opened = line[start:end].startswith(tuple(_QUOTE_MARKS)) or (
        start > 0 and line[start - 1] in _QUOTE_MARKS
    )
    closed = line[start:end].endswith(tuple(_QUOTE_MARKS)) or (
        end < len(line) and line[end] in _QUOTE_MARKS
    )
    return opened or closed


def _blank(line: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """``line`` (at ``offset`` in the text) with the parts inside ``spans`` made spaces.

    >>> _blank("``cafÃ©``cafÃ©", 0, [(0, 9)])
    '         cafÃ©'
    """
    end = offset + len(line)
    # Spans are sorted and apart, so their ends are in order too.
    first = bisect.bisect_right(spans, offset, key=lambda span: span[1])
    chars = list(line)
    for start, stop in spans[first:]:
        if start >= end:
            break
        for i in range(max(start, offset), min(stop, end)):
            chars[i - offset] = " "
    return "".join(chars)


def changed_words(
    old: str, new: str, *, whole_words: bool = True
) -> Iterator[tuple[int, int, str]]:
    """The changed spans of ``old`` as ``(start, end, replacement)``.

    With ``whole_words``, each span is widened to whole whitespace-separated
    words, and changes within one word are merged, so a reviewer sees
    "ErdoÄŸan -> Erdoğan" rather than "ÄŸ -> ğ".

    >>> list(changed_words("the cafÃ© is open", "the café is open"))
    [(4, 9, 'café')]
    """
    import difflib  # only when needed: a check's start-up does without it

    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    spans: list[list[int]] = []  # [old_start, old_end, new_start, new_end]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if whole_words:
            while i1 > 0 and j1 > 0 and _in_word(old[i1 - 1]) and old[i1 - 1] == new[j1 - 1]:
                i1, j1 = i1 - 1, j1 - 1
            while i2 < len(old) and j2 < len(new) and _in_word(old[i2]) and old[i2] == new[j2]:
                i2, j2 = i2 + 1, j2 + 1
        if spans and i1 <= spans[-1][1]:
            spans[-1][1], spans[-1][3] = max(spans[-1][1], i2), max(spans[-1][3], j2)
        else:
            spans.append([i1, i2, j1, j2])
    result = [(i1, i2, new[j1:j2]) for i1, i2, j1, j2 in spans]
    if _replay(old, result) != new:
        # Widening walked into a neighbouring change: fall back to one span
        # between the common prefix and suffix, which is always consistent.
        prefix = len(_common_prefix(old, new))
        suffix = len(_common_prefix(old[prefix:][::-1], new[prefix:][::-1]))
        result = [(prefix, len(old) - suffix, new[prefix : len(new) - suffix])]
    yield from result


# Invisible characters ftfy is not shown (see propose).
_UNSEEN = "\N{SOFT HYPHEN}\N{ZERO WIDTH SPACE}\N{WORD JOINER}"
_UNSEEN_RE = lazy(f"[{_UNSEEN}]")


def _fold_spaces(text: str) -> tuple[str, list[int]]:
    """``text`` with runs of spaces and tabs folded to one space and soft
    hyphens and zero-width spaces left out, and for each folded position
    (plus the end) its position in ``text``.

    >>> _fold_spaces("a  b")
    ('a b', [0, 1, 3, 4])
    >>> _fold_spaces("a\N{SOFT HYPHEN}b")
    ('ab', [0, 2, 3])
    """
    if "  " not in text and "\t" not in text and not _UNSEEN_RE.search(text):
        return text, list(range(len(text) + 1))
    out: list[str] = []
    positions: list[int] = []
    for i, char in enumerate(text):
        if char in _UNSEEN:
            continue
        if char in " \t":
            if out and out[-1] == " ":
                continue
            char = " "
        out.append(char)
        positions.append(i)
    positions.append(len(text))
    return "".join(out), positions


def _in_word(char: str) -> bool:
    # Words end at spaces and at ASCII punctuation (so "me@x.org,cafÃ©" repairs
    # "cafÃ©" without touching the e-mail address), not at the non-ASCII
    # symbols mojibake is made of.
    return not char.isspace() and (char.isalnum() or not char.isascii())


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _replay(old: str, spans: list[tuple[int, int, str]]) -> str:
    parts, pos = [], 0
    for start, end, after in spans:
        parts += [old[pos:start], after]
        pos = end
    return "".join([*parts, old[pos:]])
