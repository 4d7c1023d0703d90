"""Spacing: stray leading spaces, doubled spaces, space before punctuation,
missing space after punctuation, trailing whitespace; the stray opening
quote OCR puts before a word, and the space it reads inside a quotation's quotes.

Every run of spaces and tabs is classified once, by where it stands (line
start, line end, before punctuation, between words), so the rules never
propose two edits for one run and applying them leaves nothing for a second
pass to do.

Layout is left alone: indented lines, table rows (aligned columns, "|" or box
characters), two spaces after each sentence where that is the text's habit,
justified text, whose gaps are padded so that lines end flush, and two
spaces the text sets in the same place on many lines (after an entry's label).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator

from cleaner.edits import Edit
from cleaner.lexicon import default_lexicon
from cleaner.regex import lazy
from cleaner.regex import newline_lines as _lines
from cleaner.segment import Protected, lines_with
from cleaner.stages import Context
from cleaner.stages.spelling import (
    OCR_PAGE_NOISE,
    code_share,
    form_status,
    judgeable_tokens,
    ocr_page_beside_technical,
    page_noise,
)
from cleaner.tokens import LETTER_QUOTE_RE, LETTERS_RE

_RUN_RE = lazy(r"[ \t]+")
# Several patterns below start with the character they are about and only then
# look behind it ("[,;](?<=\w,)" rather than "\w,"): a pattern that starts with
# a plain character or class is searched for only where one stands, instead of
# being tried at every position of the text. The matches are the same.
#
# The runs any rule below may act on: wider than one space, before punctuation
# or at the end of the line. A single space between words (most of a text)
# needs nothing, so the line loop never sees it.
_GAP_RE = lazy(r"[ \t](?<![ \t][ \t])(?:[ \t]+|(?=[,;:.!?]|\Z))")
# A line that opens a list item, quote, table row or heading: leading
# whitespace there is structure (nesting), not a stray space.
# (The marker alone decides, whatever follows it: "- ," must not become a
# stray space once the space before its comma is gone.)
_STRUCTURE_RE = lazy(r"[-*+•>|#]|\d{1,9}[.)]|\.\.(?:\s|$)")
# A line whose indented paragraphs below belong to it: a reStructuredText
# directive or comment (".. note::", ".. deprecated:: 3.15") or a paragraph
# ending in "::", which opens a literal block. Their indentation is structure.
_BLOCK_OPENER_RE = lazy(r"[ \t]*\.\.[ \t]|.*::[ \t]*$")
# A line that is a web or mail address alone, as licence headers indent one.
_ADDRESS_LINE_RE = lazy(r"[<(]?(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+[ \t]*")
_CLOSERS = "\"'”’»"
_QUOTES = "\"'”’"
# The vertical bars of tables drawn with box characters (light, heavy, double).
_BOX_BAR_RE = lazy("[\u2502\u2503\u2551\u250c-\u254b]")
# The header of a ChangeLog entry, which opens with its date: the GNU format
# puts two spaces between date, name and address ("2019-04-14  Jane Hacker
# <jane@example.org>"), and the older one writes the date as ctime() does,
# padding the day ("Tue Oct  7 18:16:08 CEST 2008"). In the changelogs of
# bench/readmes.py such lines held 7,076 of the 8,829 double spaces fix
# applied.
_CHANGELOG_HEADER_RE = lazy(
    r"\d{4}-\d\d-\d\d(?: {1,2}\d{1,2}:\d\d(?::\d\d)?(?: [+-]\d{4})?)?  \S"
    r"|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?: [A-Z]{3,4})? \d{4}\b"
)
_HAS_WORD_RE = lazy(r"[^\W_]")
# A line's first word, then two spaces or more before the next (see _same_label_gap).
_LABEL_GAP_RE = lazy(r"[^ \t]+  +(?=[^ \t\r\n])")
_BORDER_RE = lazy(r"[-=+|:~^*#_ ]+")

_SPACE_BEFORE_RE = lazy(
    # Comma or semicolon, alone, then a space, a letter, a closing quote or the end.
    r"[,;](?=[\s" + _CLOSERS + r"]|[^\W\d_]|\Z)"
    # Colon, ! or ? (possibly doubled up: "?!") then a space, quote or the end;
    # not ":)" or ":-)".
    r"|[:!?][!?]*(?=[\s" + _CLOSERS + r"]|\Z)"
    # A full stop that is not an ellipsis, ".5" or ".NET".
    r"|\.(?![.\w])(?=[\s" + _CLOSERS + r"]|\Z)"
)
# A name of a file or of code just before a space: a file name or a path
# ("netbeans.log", "~/.vim/syntax"), an identifier ("g:xml_data", "a=b");
# not an abbreviation ("R.N", "e.g").
_NAME_WORD_END_RE = lazy(r"\S*(?:\w(?:\.\w\w|:\w)|[/_=\\])\S*$")
# A path, or a code span, emphasis, link or tag of the text's markup, just
# before or just after a space ("/bin/sh", "`x`", "*E12*", "|usr_25.txt|",
# "'vsts'", "<cfile>").
_MARKUP_END_RE = lazy(r"(?:\S*/\S*|\S*[`*|'>])$")
_MARKUP_START_RE = lazy(r"[`*|'<]|\S*/")
# Characters that prose keeps out of its words and code does not (see _code_word).
_CODE_CHARACTER_RE = lazy(r"[<>{}\[\]~\\#_]")
# Symbols that end no word a mark could follow (see _space_before); not "*",
# "~" or ">", which close emphasis, strike-through, tags and links in markup
# ("*nt* .", "<https://example.org> ,today" are slips).
_SYMBOLS = frozenset("/=+&|<^%$#@\\")
# A ">" with whitespace or nothing before it closes nothing: a symbol too.
_LONE_GREATER_RE = lazy(r"(?<!\S)>\Z")
# A note's or a manual page's number in brackets: "study[1]", "git-commit[1]".
_BRACKETED_NUMBER_RE = lazy(r"\[\d+\]")
# An opening tag, then nothing but marks and spaces: what follows opens an
# element's text, with no word before it to join ("<td> , , </td>").
_OPENED_ELEMENT_RE = lazy(r"<[A-Za-z][\w-]*(?:\s[^<>]*)?>[\s,.;:!?]*$")
# A character of a script written without spaces between words: Han
# ideographs, kana, CJK punctuation and full-width forms.
_UNSPACED_SCRIPT_RE = lazy(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# A line that opens with a term and " : " before its definition (numpydoc's
# "axis : int, optional"), and how many make it the text's layout.
_TERM_LINE_RE = lazy(r"(?m)^[ \t]*[^\s:][^:\n]{0,60}[^\s:] : \S")
TERM_LINES = 2
# More spaces than this before a mark set it in a column, outside OCR pages.
WIDE_GAP_BEFORE_MARK = 3
# An article just before a space: what follows it is a thing named.
_ARTICLE_BEFORE_RE = lazy(r"(?<![\w'’])(?i:the|an?)$")
# A word that takes a mark as its object, just before it: "Delimit NODE_PATH
# with ; on Windows", "separated by , and", "When mapping : to ; and ; to :",
# "ended in ;\"", "(with ! added)"; or that says which mark is meant: "fix
# missing trailing ,", "remove the extra ;". ("in" not before a comma: "the
# text passed in , but" ends a verb, as "logged in" and "filled in" do.)
_MARK_TAKER_BEFORE_RE = lazy(
    r"(?<![\w'’])(?i:with|by|using|to|and|or|trailing|leading|extra|stray|missing)$"
)
_MARK_TAKER_IN_RE = lazy(r"(?<![\w'’])(?i:in)$")
# A conditional expression of code: "b ? True() : False()".
_TERNARY_RE = lazy(r"\? +[^\s?:][^?:\n]* : ")
# A word that takes an object, just before a spaced full stop: the stop is
# that object, the current folder ("Trying to merge ... from .", "run it in .").
_PATH_TAKER_BEFORE_RE = lazy(r"(?<![\w'’])(?i:from|in|into|to|onto|under|inside|within)$")
# A full stop spaced on both sides between brackets of code on its line: a
# Lisp dotted pair, "(nil . ((indent-tabs-mode . t)))".
_DOTTED_PAIR_AFTER_RE = lazy(r" +[^\s()]*[()]")
# A shell's statement ends before a keyword ("if [ -d ~/bin ] ; then", "for x
# in a b ; do cmd ; done") where a compound command opens earlier on the line,
# and its test closes with "]" ("[ 1 = 2 ] ;"); prose spaces no semicolon so.
_SHELL_KEYWORD_AFTER_RE = lazy(r" +(?:then|do|done|fi|else|elif|esac)\b")
# What opens such a statement earlier on its line ("We left ; then ate" is a slip).
_SHELL_OPENER_RE = lazy(r"(?<![\w-])(?:if|for|while|until|case)\b|\[ ")
# What follows a full stop given as a command's argument, the current folder:
# an option, a path, a pipe or a redirection ("find . -name x", "rsync -a .
# /dest", "du -k . |xdu").
_ARGUMENT_AFTER_RE = lazy(r" +(?:--?[A-Za-z0-9]|/|\||>|&&)")
# A word that ends an address: a URL, an e-mail address or an <...> link.
_ADDRESS_END_RE = lazy(r"(?:(?:[a-z]+://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|<\S+>)$")
_BRACKET_PAIRS = {"(": ")", "[": "]", "{": "}"}
# How a command, an option or a file name opens: ":map", "-rf", "./configure",
# ".vimrc" (not "..." nor "- ").
_CODE_START_RE = lazy(r"[:.-][\w/]")
# An opening bracket a space follows (see _in_padded_brackets).
_PADDED_OPEN_RE = lazy(r"[(\[{] ")
# What may stand before a list item's label: nothing but spaces, or its bullet.
_ITEM_OPENING_RE = lazy(r"(?:^|[-*+]) *$")
_MISSING_AFTER_RE = lazy(
    r"[,;.!?:]"
    # "however,the": two lower-case letters before, two letters after; never
    # digits ("1,000"), single letters ("x,y") or capitals ("U.S.").
    r"(?:(?<=[^\W\d_][a-z][,;])(?=[^\W\d_]{2})"
    # "end.The": a sentence end before a capitalised word; "p.m." and "e.g."
    # have lower-case letters after their stop, "U.S.A" a capital before it.
    r"|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2})"
    # "Note:this": plausible but often a namespace ("Talk:Page"), so unsafe.
    r"|(?<=[a-z]{2}:)(?=[^\W\d_]{2}))"
)
# (Not the stop of a list's number opening a line: "1. Redistributions".) A
# sentence may open with inline markup: "``'c'`` and ``'d/e'`` will be".
_SENTENCE_GAP_RE = lazy(
    r"[.!?](?<!^\d.)(?<!^\d\d.)[\"'”’)\]]?( +)(?=[(\"'“‘\[]?[A-Z]|`|:\w+:`)", re.MULTILINE
)
# (Only counted: one match per mark, whether the word before is in it or not.)
# A mark counts when a space or another mark follows it: "a !," must count
# the same before and after the stray space of "a ! ," is removed.
_SPACED_MARK_RE = lazy(r"[:;!?](?<=\w[ \u00a0\u202f][:;!?])(?=[\s,.;:!?]|$)")
_TIGHT_MARK_RE = lazy(r"[:;!?](?<=\w[:;!?])(?=[\s,.;:!?]|$)")
_SPACED_COMMA_RE = lazy(r",(?<=\w ,)(?=[\s,.;:!?]|$)")
_TIGHT_COMMA_RE = lazy(r",(?<=\w,)(?=[\s,.;:!?]|$)")
# What opens a line and may be followed by any spaces: a mark of structure
# (_STRUCTURE_RE: "-", "*", "1.", ">", "#"), another list item's marker
# ("a.", "2)", "(3)", "#.", the letter "o" that plain texts set as a
# bullet) or a field's name ("Copyright:", "Author:", "Files:" of a header
# or a Debian copyright file).
_ITEM_START_RE = lazy(
    rf"[ \t]*(?:{_STRUCTURE_RE.pattern}|[A-Za-z][.)]|\(\d{{1,3}}\)|#\.|[A-Z][\w-]*:|o)"
)
# A copyright notice up to its last year: "Copyright 1989, 1998  The Open
# Group", the two spaces before the holder as X11 and GNU notices set them.
_COPYRIGHT_YEARS_RE = lazy(r"(?i)[^\n]*(?:copyright|\(c\)|\N{COPYRIGHT SIGN})[^\n]*\d{4}[,.:]?")
# ". . ." and ". . . .": an ellipsis spaced as style guides (and old printers)
# space it; the spaces inside it and before it are not strays.
_SPACED_ELLIPSIS_RE = lazy(r"(?<![^\s(\[\"'“‘])\.(?:[ \u00a0]\.){2,}")
# Justified text (see _justified_width): two spaces or more after a word that
# ends no sentence, between words.
JUSTIFIED_WIDTH = 40
JUSTIFIED_LINES = 5
# What a gap after a sentence follows: its stop, or a closing quote.
_SENTENCE_GAP = frozenset(".!?\"'")
# A line that pads this many gaps between words is justified on its own
# ("License: Permission  is  hereby granted,  free  of charge", a licence
# pasted into a Debian copyright file whose other lines are ragged). No
# line of the OCR train pages has even one doubled gap between words.
JUSTIFIED_GAPS = 3
_PADDING_RE = lazy(r"[^\s.!?:;,\"')\]]  +[^\s]")
_DOUBLED_GAP_RE = lazy(r"  (?<=\S  ) *(?=\S)")
# Exactly two spaces between two words (or marks).
_TWO_SPACE_GAP_RE = lazy(r"  (?<=\S  )(?=\S)")
# Three or more spaces between two words (or marks), anywhere in a text.
_WIDE_GAP_RE = lazy(r"   (?<=\S   ) *(?=\S)")
# A text with this many such gaps uses them for layout. In the READMEs of
# bench/readmes.py (325 files) such gaps were proposed for review 728 times;
# every one of the 21 looked at was a column, a padded label or a hanging
# indent. Now 6 are, in texts with fewer (a heading, a code comment).
WIDE_GAPS = 3
# Lines that start with a letter, digit or quote: prose, not code or layout.
_PROSE_LINE_RE = lazy(r"^[\w\"'“‘(*].*$", re.MULTILINE)
# In a format with inline markup a line of prose may open with it too: a
# reStructuredText role or literal, a Markdown code span or link
# (":command:`install(CODE)` did not evaluate them.  CMake 3.14 and later").
_INDENTED_PROSE_LINE_RE = lazy(r"^[ \t]*[\w\"'“‘(*`\[:].*$", re.MULTILINE)
# In HTML a line of prose may open with tags: "<p>The Linux system is ...".
_TAGGED_PROSE_LINE_RE = lazy(r"^[ \t]*(?:<[^<>\n]*>[ \t]*)*[\w\"'“‘(*].*$", re.MULTILINE)
_STRUCTURED_KINDS = frozenset({"markdown", "rst", "html", "latex", "pod"})
_PUNCT_NAME = {",": "comma", ";": "semicolon", ":": "colon", ".": "full stop", "!": "!", "?": "?"}


def propose(context: Context) -> Iterator[Edit]:
    text = context.text
    markdown = context.kind == "markdown"
    plain = context.kind == "text"
    # Where a format says what is code (Markdown, reStructuredText, HTML,
    # LaTeX, POD), its protected spans hold it, and an indented line is prose like any
    # other: a list item's further lines, a block quote, a description's body.
    indent_is_layout = context.kind not in _STRUCTURED_KINDS
    two_space_sentences = _uses_two_space_sentences(
        text, indented=not indent_is_layout, tagged=context.kind == "html"
    )
    outside = context.protected
    spaced_punctuation = _uses_spaced_punctuation(text, _SPACED_MARK_RE, _TIGHT_MARK_RE, outside)
    spaced_commas = _uses_spaced_punctuation(
        text, _SPACED_COMMA_RE, _TIGHT_COMMA_RE, outside, least=3
    )
    lines = _lines(text)
    paragraph_starts = _paragraph_starts(lines)
    # A stray space is an outlier: in a document that indents lines anywhere
    # else (examples, quotations, a book's paragraphs), indentation is layout.
    # (Only a paragraph's first line is judged for one.)
    indented_starts = [n for n in paragraph_starts if _leading_run(lines[n][1])]
    stray_indents = bool(indented_starts) and sum(
        1 for _, line in lines if _leading_run(line)
    ) <= max(1, sum(1 for _, line in lines if line.strip()) // 50)
    # Whether the text is as noisy as an OCR page: asked only of the few
    # lines that need it.
    noisy = functools.cache(lambda: _looks_like_ocr(context, OCR_PAGE_NOISE))
    technical = functools.cache(lambda: code_share(text) >= NAMED_MARK_CODE)
    justified = functools.cache(lambda: _justified_width(lines))
    boxed = _BOX_BAR_RE.search(text) is not None
    # How often each word glued to another by a mark appears (see _missing_after).
    glued = functools.cache(functools.partial(_glued_count, text))
    qualifiers = functools.cache(functools.partial(_qualifier_count, text))
    wide_gaps = functools.cache(lambda: _uses_wide_gaps(text))
    layout_gaps = functools.cache(lambda: _layout_gaps(text))
    # Whether the text lists terms as "term : definition" lines (numpydoc's
    # "strng : str"): then such a line's spaced colon is its layout.
    term_lines = functools.cache(lambda: len(_TERM_LINE_RE.findall(text)) >= TERM_LINES)
    busy = None if boxed else _busy_lines(text, lines)
    if busy is not None and stray_indents:
        busy.update(indented_starts)
    # A line inside code or markup (a literal block, a directive's options,
    # a role) is not read: the pipeline drops every edit that touches it.
    # (Its text still counts for the document's habits above, and for the
    # lines beside it: a table's border, a column.)
    covered = outside.covers if outside else None
    for number, (offset, line) in enumerate(lines):
        if busy is not None and number not in busy:
            continue
        if covered is not None and covered(offset, offset + len(line)):
            continue
        body = line.rstrip("\r\n")
        leading = (
            list(_leading(lines, number, offset, offset + len(_leading_run(body)), body))
            if stray_indents and number in paragraph_starts and _leading_run(body)
            else []
        )
        yield from leading
        if (
            (indent_is_layout and body[:1] in " \t" and body.strip() and not leading)
            or (boxed and _BOX_BAR_RE.search(body))
            or (body[:1].isalnum() and _CHANGELOG_HEADER_RE.match(body))
        ):
            # An indented line is preformatted (a code example, a quotation,
            # aligned notes), a row of a table drawn with box characters
            # ("│ a , b   │") pads its cells to the bars, and a ChangeLog
            # entry's header has its own spacing: only trailing whitespace is
            # repaired, or the columns would slip.
            yield from _trailing_only(context, number, lines, offset, body, markdown)
            continue
        # A leading run is judged above, unless it is the whole line.
        runs = [run for run in _GAP_RE.finditer(body) if run.start() or run.end() == len(body)]
        if not runs:
            # Most lines: nothing for the rules below, which only look at runs.
            yield from _missing_after(
                offset, body, glued, qualifiers, technical, noisy, _next(lines, number)
            )
            continue
        # Two wide gaps between words on a line, or one that ends no sentence
        # and another gap of two spaces or more, are column alignment
        # ("C++      libstdc++-dbg  libstdc++-pic"), and so is a table row.
        # (Gaps before punctuation are not counted: they are removed, and
        # must not change the verdict on a second pass.)
        gaps = [
            m
            for m in runs
            if len(m.group()) > 1
            and m.start() > 0
            and m.end() < len(body)
            and not _SPACE_BEFORE_RE.match(body, m.end())
        ]
        wide = [m for m in gaps if len(m.group()) > 2]
        # A line without letters or digits is a table border or a rule, and a
        # line next to a border with gaps ("====  ====") is a table row.
        neighbours = [lines[i][1] for i in (number - 1, number + 1) if 0 <= i < len(lines)]
        # Only a run between words asks (most lines with a run end in spaces).
        aligned = (len(runs) > 1 or runs[0].end() < len(body)) and (
            len(wide) > 1
            or (len(gaps) > 1 and any(body[m.start() - 1] not in _SENTENCE_GAP for m in wide))
            or (len(gaps) >= JUSTIFIED_GAPS and len(_PADDING_RE.findall(body)) >= JUSTIFIED_GAPS)
            or body.lstrip().startswith("|")
            # "char  digraph\thex\tdec": tabs between words set columns
            or "\t" in body.rstrip()
            or not _HAS_WORD_RE.search(body)
            or any(_is_border(n) for n in neighbours)
            or any(_same_column(body, n) for n in neighbours)
            or any(_same_label_gap(body, n) for n in neighbours)
            or any(_hanging(body, n) for n in neighbours)
            or any(_same_words_after(body, n) for n in neighbours)
        )
        ellipses = [m.span() for m in _SPACED_ELLIPSIS_RE.finditer(body)] if ". ." in body else []
        for run in runs:
            if ellipses and any(s <= run.end() and run.start() < e for s, e in ellipses):
                continue  # before or inside a spaced ellipsis
            start, end = offset + run.start(), offset + run.end()
            if run.end() == len(body):
                yield from _trailing(context, number, lines, start, end, body, markdown)
            else:
                follower = _SPACE_BEFORE_RE.match(body, run.end())
                if follower:
                    spaced = spaced_commas if follower.group()[0] == "," else spaced_punctuation
                    yield from _space_before(
                        start,
                        end,
                        body,
                        run,
                        follower,
                        spaced,
                        spaced_punctuation,
                        noisy,
                        technical,
                        aligned,
                        plain,
                        lines[number + 1][1] if number + 1 < len(lines) else "",
                        term_lines,
                    )
                elif body[run.end()] in ",;:.!?":
                    # Before punctuation the space-before rule alone decides (".NET",
                    # "a  :," ...): a doubled-space edit here would change its verdict.
                    continue
                elif len(run.group()) > 1 and not aligned and len(body) != justified():
                    if len(run.group()) > 2 and wide_gaps():
                        continue  # the document's layout (see WIDE_GAPS)
                    if _ITEM_START_RE.fullmatch(body, 0, run.start()):
                        # "-  item", "1.  step": reStructuredText and Markdown
                        # take any spaces after a list's marker, and the
                        # item's further lines are indented to match them;
                        # "Copyright:  2009 Karel Zak": a field's value is
                        # aligned after its name.
                        continue
                    if _COPYRIGHT_YEARS_RE.fullmatch(body, 0, run.start()):
                        continue  # a notice is copied as its holder set it
                    if run.start() >= 9 and _FINGERPRINT_GAP_RE.match(body, run.start() - 9):
                        continue  # "FF5C FAC3  EA6A 44D3": an OpenPGP fingerprint's halves
                    if _date_gap(body, run):
                        continue  # "Fri,  3 Aug 2001", "May  3, 2014", "<a@b.org>  Thu, 5 Oct"
                    if len(run.group()) == 2 and not layout_gaps().isdisjoint(_gap_keys(body, run)):
                        continue  # "o IO-389:  Add", "v1.4.1  (May 5, 2017)": see LAYOUT_LINES
                    yield from _double(text, start, end, body, run, two_space_sentences, plain)
        yield from _missing_after(
            offset, body, glued, qualifiers, technical, noisy, _next(lines, number)
        )
    if "\N{LEFT SINGLE QUOTATION MARK}" in text:
        starts = {lines[n][0] + len(_leading_run(lines[n][1])) for n in paragraph_starts}
        yield from _stray_quotes(context, starts)
    if _SPACED_QUOTE_RE.search(text):
        yield from _spaced_quotes(context)


# The middle of an OpenPGP fingerprint, printed (as gpg prints it) in groups of
# four hexadecimal digits with two spaces between its halves.
_FINGERPRINT_GAP_RE = lazy(r"(?<![\w])[0-9A-F]{4} [0-9A-F]{4}  [0-9A-F]{4} [0-9A-F]{4}(?!\w)")


# What every line that a rule below can edit holds, but for a leading run
# (see _busy_lines): a run of spaces or tabs after a character (of two or
# more, or before a mark, a line break or the end), or a mark glued to a
# letter (see _MISSING_AFTER_RE).
# (The rest of the line is taken in too: one match a line. The pattern opens
# with one character class, so that the engine tries it only where one of
# those characters stands, not at every letter: half the time of the same
# three alternatives each opening alone. The gap patterns below are written
# so for the same reason.)
_BUSY_RE = lazy(
    r"[ \t,;:.!?]"
    r"(?:(?<=[^ \t\n][ \t])[ \t]+|(?<=[ \t])[ \t]*(?=[,;:.!?\r\n]|\Z)|(?<=[,;:.!?])[^\W\d_]).*"
)


def _busy_lines(text: str, lines: list[tuple[int, str]]) -> set[int]:
    """The numbers of the lines of ``text`` that hold a _BUSY_RE match: the
    rest (most lines of prose) have nothing the rules could repair but a
    leading run, which only a paragraph's first line has to show.

    >>> text = "plain line\\n  indented\\nspace , here\\nend.The\\n  two  spaces\\n"
    >>> sorted(_busy_lines(text, _lines(text)))
    [2, 3, 4]
    """
    starts = [offset for offset, _ in lines]
    return {bisect.bisect_right(starts, m.start()) - 1 for m in _BUSY_RE.finditer(text)}


def _justified_width(lines: list[tuple[int, str]]) -> int | None:
    """The width text is justified to, if it is: spaces padded between words
    so that lines end flush ("It  is  written  in  C,   designed  to  be").

    Justified when the commonest length of a line (at least JUSTIFIED_WIDTH
    characters, held by JUSTIFIED_LINES lines or more) is the length of lines
    that pad a gap between words (not after a sentence) at least half the
    time. Ragged prose has no such length: its lines end where words do.
    """
    lengths = Counter(len(line.rstrip("\r\n")) for _, line in lines if line.strip())
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    if width < JUSTIFIED_WIDTH or count < JUSTIFIED_LINES:
        return None
    padded = sum(
        1 for _, line in lines if len(line.rstrip("\r\n")) == width and _PADDING_RE.search(line)
    )
    return width if 2 * padded >= count else None


def _same_column(line: str, neighbour: str) -> bool:
    """Whether a gap of three spaces or more in one of two neighbouring lines
    ends where a gap of two or more ends in the other: two rows of a table
    with two columns ("``'b'``     ``unsigned_char``").

    >>> _same_column("``'b'``     ``char``", "``'es'``    ``str``")
    True
    >>> _same_column("It was one.  The next", "and then it   went on")
    False
    """
    if "   " not in line and "   " not in neighbour:
        return False
    mine, theirs = _gap_ends(line), _gap_ends(neighbour.rstrip("\r\n"))
    return any(end in theirs and (width > 2 or theirs[end] > 2) for end, width in mine.items())


def _same_label_gap(line: str, neighbour: str) -> bool:
    """Whether two neighbouring lines each open with a label and a gap of two
    spaces or more that ends in the same column: a list whose entries are
    aligned after their numbers or marks ("403802  leak_cpp_interior fails"),
    or a protocol's table of names and values ("LeftToRight  0"). In the
    changelogs of bench/readmes.py such gaps were 565 of the 1,753 double
    spaces fix still applied once ChangeLog headers kept theirs; in the
    READMEs, 27 of 461, all of them in such tables.

    >>> _same_label_gap("403802  leak fails", "435732  memcheck fails")
    True
    >>> _same_label_gap("1.  Changes to Bash", "2.  Changes to Readline")
    True
    >>> _same_label_gap("It was one.  The next", "and then it  went on")
    False
    """
    end = _label_gap_end(line)
    return end is not None and end == _label_gap_end(neighbour)


def _same_words_after(line: str, neighbour: str) -> bool:
    """Whether a gap of two spaces or more in ``line`` ends where a word of
    ``neighbour`` starts, and the same words follow in both: a column of
    entries that go on alike ("French  - translated by" over "Italian -
    translated by"; '1. "FSC"  A full matching' over '2. "F C"  A full
    matching'), padded to line up.

    >>> _same_words_after("French  - translated by", "Italian - translated by")
    True
    >>> _same_words_after("It was one.  The next", "of them was.  The rest")
    False
    >>> _same_words_after(":option:`-m` *module* is used, ``sys.argv[0]``  is set to the",
    ...                   ":option:`-c` *command* is used, ``sys.argv[0]`` is set to")
    False
    """
    neighbour = neighbour.rstrip("\r\n")
    for end, width in _gap_ends(line).items():
        ahead = line[end : end + SAME_AFTER_CHARS]
        if (
            len(ahead) == SAME_AFTER_CHARS
            # a label before the gap, not a sentence that happens to go on
            # as the line beside it does ("``sys.argv[0]``  is set to" under
            # "``sys.argv[0]`` is set to")
            and len(line[: end - width].split()) <= SAME_AFTER_LABEL_WORDS
            and neighbour[end - 1 : end] == " "
            and neighbour[end : end + SAME_AFTER_CHARS] == ahead
        ):
            return True
    return False


# How many characters after a gap must match the neighbouring line's, at
# the same column, for the two to be entries of a column (_same_words_after):
# a word and more, not a chance "The".
SAME_AFTER_CHARS = 8
# At most this many words before such a gap: an entry's label ("French", '1.
# "FSC"').
SAME_AFTER_LABEL_WORDS = 3


def _hanging(line: str, neighbour: str) -> bool:
    """Whether ``line`` opens with a label and a gap of two spaces or more,
    and a line beside it is indented to where the gap ends: a definition
    hung after its term, as docstrings list arguments (the line after goes
    on with the definition, the line before with the one above it).

    >>> _hanging("filename  Specifies that a FileHandler be created,",
    ...          "          using the specified filename.")
    True
    >>> _hanging("It ends here.  The next one", "then goes on.")
    False
    """
    end = _label_gap_end(line)
    return (
        end is not None
        and neighbour.startswith(" " * end)
        and neighbour[end : end + 1] not in ("", " ", "\t", "\r", "\n")
    )


def _label_gap_end(line: str) -> int | None:
    gap = _LABEL_GAP_RE.match(line)
    return gap.end() if gap else None


def _gap_ends(line: str) -> dict[int, int]:
    """Where each gap of two spaces or more between words ends, and its width.

    Not gaps before punctuation: those are removed, and must not change the
    verdict on the neighbouring line in a second pass.
    """
    return {
        m.end(): len(m.group())
        for m in _DOUBLED_GAP_RE.finditer(line)
        if line[m.end()] not in ",;:.!?"
    }


def _is_border(line: str) -> bool:
    """ "====  =====" or "----- ------": a table border with column gaps."""
    inner = line.strip()
    return "  " in inner and _BORDER_RE.fullmatch(inner) is not None


def _trailing_only(
    context: Context,
    number: int,
    lines: list[tuple[int, str]],
    offset: int,
    body: str,
    markdown: bool,
) -> Iterator[Edit]:
    stripped = body.rstrip(" \t")
    if len(stripped) < len(body):
        start, end = offset + len(stripped), offset + len(body)
        yield from _trailing(context, number, lines, start, end, body, markdown)


def _paragraph_starts(lines: list[tuple[int, str]]) -> set[int]:
    """Indexes of lines that open a paragraph: the first line, and any after a blank line."""
    starts: set[int] = set()
    previous_blank = True
    for i, (_, line) in enumerate(lines):
        blank = not line.strip()
        if previous_blank and not blank:
            starts.add(i)
        previous_blank = blank
    return starts


def _leading_run(line: str) -> str:
    match = _RUN_RE.match(line)
    return match.group() if match and line.strip() else ""


def _leading(
    lines: list[tuple[int, str]], number: int, start: int, end: int, body: str
) -> Iterator[Edit]:
    run = body[: end - start]
    rest = body[end - start :]
    # 4+ columns or a tab make an indented block (and a Markdown code block);
    # list items, quotes and tables keep their indentation.
    if "\t" in run or len(run) > 3 or _STRUCTURE_RE.match(rest):
        return
    following = lines[number + 1][1] if number + 1 < len(lines) else ""
    if following.strip() and _leading_run(following):
        return  # the whole paragraph is indented: a quotation or a verse
    above = next((lines[i][1] for i in range(number - 1, -1, -1) if lines[i][1].strip()), "")
    if _BLOCK_OPENER_RE.match(above.rstrip("\r\n")):
        return  # the body of a directive or a literal block
    if _ADDRESS_LINE_RE.fullmatch(rest.rstrip("\r\n")):
        return  # an address set apart ("You may obtain a copy at\n\n   https://...")
    yield Edit(
        start,
        end,
        run,
        "",
        "spacing.leading-space",
        0.95,
        "stray space at the start of a paragraph",
        True,
    )


def _trailing(
    context: Context,
    number: int,
    lines: list[tuple[int, str]],
    start: int,
    end: int,
    body: str,
    markdown: bool,
) -> Iterator[Edit]:
    run = context.text[start:end]
    following = lines[number + 1][1] if number + 1 < len(lines) else ""
    if markdown and run.startswith("  ") and "\t" not in run and body.strip() and following.strip():
        # Two trailing spaces end a line with a hard break in Markdown.
        return
    if _escaped(context.text, start):
        # "set showbreak=>\ ", "lcs=tab:\ \ ": a backslash makes the space
        # after it a character of what is written (Vim's options, a shell's
        # arguments); what follows that space is trailing whitespace still.
        start += 1
        run = run[1:]
        if not run:
            return
    yield Edit(
        start,
        end,
        run,
        "",
        "spacing.trailing-whitespace",
        0.95,
        "whitespace at the end of a line",
        True,
    )


def _escaped(text: str, at: int) -> bool:
    """Whether the character at ``at`` follows an odd run of backslashes.

    >>> _escaped("a\\\\ b", 2), _escaped("a\\\\\\\\ b", 3), _escaped("a b", 1)
    (True, False, False)
    """
    count = 0
    while at - count > 0 and text[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _space_before(
    start: int,
    end: int,
    body: str,
    run: re.Match[str],
    follower: re.Match[str],
    mark_spaced: bool,
    printers_spacing: bool,
    noisy: Callable[[], bool],
    technical: Callable[[], bool],
    aligned: bool,
    plain: bool,
    next_line: str,
    term_lines: Callable[[], bool],
) -> Iterator[Edit]:
    """Edits for the space ``run`` before the mark ``follower``.

    ``mark_spaced``: the document spaces this mark as a rule, which is kept;
    ``printers_spacing``: it spaces : ; ! ? as a rule, and a spaced comma or
    full stop there is for review: its printer may have spaced it too, or it
    is a spaced mark misread ("fro ." for "fro ?"). On the ICDAR
    2017 train split, removing such spaces brought the text closer to the
    gold 51 times and further 169 times; on BLN600 train 3 and 1.
    ``technical``: the text's words touch marks of code (NAMED_MARK_CODE);
    ``aligned``: the line is a row of columns (see propose); ``plain``: the
    text is plain text (see _double); ``next_line``: the line after (empty
    at the text's end); ``term_lines``: the text lists terms as "term :
    definition" lines (TERM_LINES of them or more).
    """
    mark = follower.group()
    name = _PUNCT_NAME[mark[0]]
    if mark[0] in ":;!?," and mark_spaced:
        return  # the document spaces these as a rule (French or older typography)
    if run.start() > 0 and body[run.start() - 1] == "\\":
        return  # an escaped space (reStructuredText "`x`\\ ,")
    if len(mark) > 1 and re.search(rf"(?<!\S){re.escape(mark)}\s", body[: run.start()]):
        # "!!! IMPORTANT NOTES ON DESIGN !!!", "?? Unsure ??": the same run
        # set apart earlier on the line opens what this one closes.
        return
    if run.start() > 0 and _UNSPACED_SCRIPT_RE.match(body, run.start() - 1):
        # "今天仍然忙著我手邊的工作 .", "可愛 !": Chinese and Japanese set no
        # spaces between words, and a space before a Latin mark is the
        # writer's way of setting it off, not a slip of English typing.
        return
    if _OPENED_ELEMENT_RE.search(body, 0, run.start()):
        # "<td> , , </td>": a cell of marks alone (the Debian Reference's
        # tables of packages leave an empty list so); no word to join.
        return
    if mark[0] == ":" and len(run.group()) > 1:
        return  # "key   : value" aligns a definition list
    if mark[0] == ":" and _TERM_LINE_RE.match(body) and term_lines() and not noisy():
        # "strng : str or mime-dict", "axis : int, optional": numpydoc's
        # parameters, a term and its definition on a line, as the text
        # lists them throughout. (In an OCR page, "Witness : I was" may be
        # a spaced colon to repair.)
        return
    if _in_padded_brackets(body, run.start(), follower.end()) or (
        _in_quoted_code(body, run.start(), follower.end()) and not noisy()
    ):
        # "{ CMD ; CMD }", "for ( EXPR1 ; EXPR2 )": code spaces the marks
        # inside brackets it pads with spaces; prose pads no brackets. And a
        # mark inside quoted code is the code's own: '":map , foo"',
        # '"./configure ; make"' (in an OCR page a misread letter, "a]",
        # looks like code).
        return
    if run.start() > 0 and (
        body[run.start() - 1] in _SYMBOLS or _LONE_GREATER_RE.search(body, 0, run.start())
    ):
        # "R gR  : / ? !", "| ?   |": a mark among symbols or alone in a
        # table's cell (a Markdown table's unknown value), no word to join it
        # to; so is a ">" standing alone ("=item > ?", the debugger's command),
        # though one that closes a tag or a code takes the mark ("C<$x> ,").
        return
    if "\t" in run.group() or (
        (aligned or len(run.group()) > WIDE_GAP_BEFORE_MARK)
        and len(run.group()) > 1
        and not noisy()
    ):
        # "|,|\t\t,\t\trepeat", "0xf5     .\t": a mark in a column of a table
        # is an entry of it, set where the columns fall; so is one a wide gap
        # sets apart on any line ("6fa.      X           ?" in a table of
        # which slots a type fills).
        return
    if _shell_code(body, run, follower) and not noisy():
        # Shell code: a statement's end before a keyword or after a test, and
        # the current folder given as an argument (see _shell_code).
        return
    gap_after = len(body) - follower.end() - len(body[follower.end() :].lstrip(" "))
    if (
        gap_after >= 2
        and (aligned or gap_after > WIDE_GAP_BEFORE_MARK)
        and body[follower.end() :].strip()
        and not noisy()
    ):
        # "11464 ?        Ss   01:36": a mark that gaps set apart on both
        # sides, in a row of columns (the terminal column of ps's output).
        return
    following = body[follower.end() : follower.end() + 1]
    if (
        following
        and following in _QUOTES
        and (mark[0] in ".?" or (mark[0] in "!,;" and _quoted_command(body, run, following)))
    ):
        # A quoted argument: "git add -u ." (the dot is a path), ":help !",
        # ":sunmap ,": the mark is part of what is quoted.
        return
    # "term : definition" is a layout in documentation; elsewhere a typo.
    colon = mark[0] == ":"
    after_mark = body[follower.end() : follower.end() + 2]
    if after_mark[:1].isalpha():
        if len(after_mark) < 2 or not after_mark.isalpha():
            # ",v" is a file suffix or a symbol, not a word to space (also at
            # the end of a line, which trailing whitespace may have hidden).
            return
        # "word ,next": move the space after the mark rather than leave
        # "word,next". On a scanned page the mark is more often the next
        # word's first letter misread (",he", ";here", ",as"): in the BLN600
        # train pages that noisy the move was right 6 times and wrong 20.
        scanned = not colon and noisy()
        yield Edit(
            start,
            end + len(mark),
            run.group() + mark,
            mark + " ",
            "spacing.space-before-punctuation",
            0.6 if colon else 0.5 if scanned else 0.9,
            f"space before a {name} instead of after it"
            + (
                f"; in a page that looks like OCR output, {mark!r} may be a misread"
                f" first letter of {body[follower.end() :].split()[0]!r}"
                if scanned
                else ""
            ),
            not (colon or scanned),
        )
        return
    if _ADDRESS_END_RE.search(body, 0, run.start()):
        # "see https://example.org/ ." or "<a@b.org> .": a space that keeps the
        # mark apart from an address is the writer's choice.
        return
    if (
        mark == "."
        and body.count("(", 0, run.start()) > body.count(")", 0, run.start())
        and _DOTTED_PAIR_AFTER_RE.match(body, follower.end())
        and not noisy()
    ):
        # "(nil . ((indent-tabs-mode . t)))": a Lisp dotted pair; prose sets
        # no full stop apart inside brackets with more of them to come.
        return
    # "was . taking", "house . 165": a full stop before a word in lower case
    # or a number ends no sentence; on a scanned page it is more often a speck
    # read as a dot. And "alarm, ," or "end. .": joining would double the mark.
    following_text = body[follower.end() :].lstrip()[:1]
    doubled = run.start() > 0 and body[run.start() - 1] in ",.;:"
    speck = doubled or (mark == "." and (following_text.islower() or following_text.isdigit()))
    # "If the ! is included", "expr2 ? expr1 : expr3": in technical writing
    # (see NAMED_MARK_CODE) a ! or ? before a word in small letters ends no
    # sentence; the text names the character. (In prose and OCR pages it is
    # speech: "Are you there, wife ? you might", "God bless you ! thank you".)
    # At the line's end the next line's first word is the word after it
    # ("The optional !\n\t\t\tavoids truncating").
    next_word = following_text or next_line.lstrip()[:1]
    article = _ARTICLE_BEFORE_RE.search(body, 0, run.start())
    path = (
        mark == "."
        and not following_text
        and _PATH_TAKER_BEFORE_RE.search(body, 0, run.start()) is not None
        and not noisy()
    )
    named = (
        # "Add the ! to the write command", "The . (dot) character",
        # "delimiters (for example, a ?" at a line's end: an article names
        # the mark in any text, whatever follows it (but "A ." is as often an
        # initial, or a speaker's in a play, with its stop spaced).
        (article is not None and (mark[0] in "!?" or article.group() != "A"))
        or (mark[0] in "!?" and next_word.islower() and technical())
        # "Delimit NODE_PATH with ; on Windows", "(with ! added)"
        or (_MARK_TAKER_BEFORE_RE.search(body, 0, run.start()) is not None and mark[0] != ".")
        or (_MARK_TAKER_IN_RE.search(body, 0, run.start()) is not None and mark[0] not in ".,")
        # "use v8::Boolean(b) over b ? True() : False()"
        or (mark[0] == "?" and _TERNARY_RE.match(body, follower.start()) is not None)
    ) and not noisy()
    # "in netbeans.log .", "error *E1208* .": a space that keeps the mark
    # apart from a file name, or from a tag of a plain text's markup, is the
    # writer's choice (in an OCR page such a word is more often two words
    # run together; in reStructuredText, ":class:`type` ," is a slip).
    after_code = (
        _NAME_WORD_END_RE.search(body, 0, run.start()) is not None
        or (plain and _MARKUP_END_RE.search(body, 0, run.start()) is not None)
    ) and not noisy()
    # "ping -c 1 host ; arp -n", "decibel = 1 ; logbase: 10", "} ;": in
    # technical writing (see NAMED_MARK_CODE) a spaced semicolon is more often
    # code's, a statement's end, than a slip of prose (in the documentation
    # of Linux, Debian's packages and PyPI's, 14 of the 15 such spaces fix
    # removed were code's).
    statement = mark[0] == ";" and technical() and not noisy()
    if colon:
        reason = f"space before a {name}; may be a 'term : definition' layout"
    elif doubled:
        reason = f"space before a {name}, after another mark: one of them may be a speck"
    elif speck:
        reason = f"space before a {name}; no sentence starts after it, so it may be a speck"
    elif named:
        reason = (
            f"space before a {name}; the words around it (an article, or 'with',"
            f" 'by', 'to' before it, a word in small letters or the rest of an expression after it)"
            f" say it may be the character {mark!r} itself, named"
        )
    elif after_code:
        reason = f"space before a {name}, after a name of a file, code or markup: kept apart?"
    elif path:
        reason = f"space before a {name} at a line's end after a word that takes an object:"
        reason += " the '.' may be a path, the current folder"
    elif statement:
        reason = f"space before a {name} in technical writing: it may end a statement of code"
    elif printers_spacing:
        reason = (
            f"space before a {name}; the text spaces : ; ! ? as older printing did,"
            f" and may have spaced this {name} too, or it is one of those misread"
        )
    else:
        reason = f"space before a {name}"
    doubt = colon or speck or printers_spacing or named or after_code or path or statement
    yield Edit(
        start,
        end,
        run.group(),
        "",
        "spacing.space-before-punctuation",
        0.6 if doubt else 0.95 if mark[0] in ",." else 0.9,
        reason,
        not doubt,
    )


def _shell_code(body: str, run: re.Match[str], follower: re.Match[str]) -> bool:
    """Whether the space ``run`` before the mark ``follower`` is shell code's:
    a statement's end before a keyword where a compound command opens on the
    line, or after a test's closing bracket; or a full stop given as an
    argument, the current folder (see _SHELL_KEYWORD_AFTER_RE and
    _ARGUMENT_AFTER_RE).

    >>> import re
    >>> def shell(line):
    ...     run = re.search(r" (?=[;.])", line)
    ...     return _shell_code(line, run, re.compile(r"[;.]").match(line, run.end()))
    >>> [shell(t) for t in ("if [ -d ~/bin ] ; then", "[ 1 = 2 ] ; echo", "find . -name x")]
    [True, True, True]
    >>> [shell(t) for t in ("We left ; then ate", "The end . Then more", "an end .")]
    [False, False, False]
    """
    mark = follower.group()
    if mark[0] == ";":
        if body[run.start() - 1 : run.start()] == "]" and "[ " in body[: run.start()]:
            return True
        return (
            _SHELL_KEYWORD_AFTER_RE.match(body, follower.end()) is not None
            and _SHELL_OPENER_RE.search(body, 0, run.start()) is not None
        )
    return mark == "." and _ARGUMENT_AFTER_RE.match(body, follower.end()) is not None


def _in_padded_brackets(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` lies inside brackets that a space pads on
    both sides, on its line: "{ X ; X }", "( a , b )".

    >>> line = "sed '{ X ; X }' and ( a , b ) but (see above) , then"
    >>> [_in_padded_brackets(line, m.start(), m.end()) for m in re.finditer(" [;,]", line)]
    [True, True, False]
    """
    for match in _PADDED_OPEN_RE.finditer(body, 0, start):
        closer = _BRACKET_PAIRS[match.group()[0]]
        close = body.find(" " + closer, end)
        if close != -1 and closer not in body[match.end() : start]:
            return True
    return False


def _in_quoted_code(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` lies inside a double-quoted string of code on
    its line: one that opens with a colon, a dot, a hyphen or a path, or holds
    a word of code (see _code_word).

    >>> line = 'Run ":map , foo" or "./configure ; make" or "{a} , b" but "yes , sir"'
    >>> [_in_quoted_code(line, m.start(), m.end()) for m in re.finditer(" [;,]", line)]
    [True, True, True, False]
    >>> _in_quoted_code('He said "...and then , no"', 20, 22)
    False
    """
    opening = body.rfind('"', 0, start)
    if opening < 0 or body.count('"', 0, opening) % 2:
        return False
    closing = body.find('"', end)
    if closing < 0:
        return False
    quoted = body[opening + 1 : closing]
    words = quoted.split()
    return len(words) <= QUOTED_CODE_WORDS and (
        _CODE_START_RE.match(quoted) is not None
        or any("/" in word or _code_word(word) for word in words)
    )


# Words of a quoted command at most ("0 ? {'a': 1} : {}"); a longer quotation
# is speech or a letter, whatever odd word it holds.
QUOTED_CODE_WORDS = 8


def _quoted_command(body: str, run: re.Match[str], quote: str) -> bool:
    """Whether the mark after ``run``, then ``quote``, ends a short quotation
    on its line that opens with no capital: a command quoted (":help !",
    "add !", ":r ++arg !"), whose mark is part of it; not speech
    ('"Murder !"', '"I did it ;"'), whose stray space goes.

    >>> line = 'He cried "Murder !" and ":help !" fails; "it is not so ,"'
    >>> [_quoted_command(line, m, '"') for m in _GAP_RE.finditer(line)]
    [False, True, False]
    """
    opener = _QUOTE_OPENERS.get(quote)
    opening = -1 if opener is None else body.rfind(opener, 0, run.start())
    if opening < 0:
        return False
    words = body[opening + 1 : run.start()].split()
    return 0 < len(words) <= 2 and not words[0][:1].isupper()


# The opening quote of each closing double quote (single quotes are also
# apostrophes, and say nothing of where a quotation opens).
_QUOTE_OPENERS = {'"': '"', "\N{RIGHT DOUBLE QUOTATION MARK}": "\N{LEFT DOUBLE QUOTATION MARK}"}


def _date_gap(body: str, run: re.Match[str]) -> bool:
    """Whether the gap ``run`` is a date's layout: a day of one digit after a
    day's or a month's name padded to two columns, as mail headers and lists
    of dated entries set it, or the two spaces between an address and a
    date that close a Debian changelog entry.

    >>> gaps = ("Fri,  3 Aug", "May  3, 2014", "<j@d.org>  Thu, 5 Oct", "in  3 days", "<b>  Then")
    >>> [_date_gap(b, _GAP_RE.search(b)) for b in gaps]
    [True, True, True, False, False]
    >>> _date_gap("<a@debian.org>  Thur, 10 Jun", _GAP_RE.search("<a@debian.org>  Thur, 10 Jun"))
    True
    """
    if len(run.group()) != 2:
        return False
    if body[run.start() - 1] == ">":
        return _WEEKDAY_RE.match(body, run.end()) is not None
    return (
        _DAY_BEFORE_RE.search(body, 0, run.start()) is not None
        and _ONE_DIGIT_RE.match(body, run.end()) is not None
    )


# A day's name and its comma, or a month's, just before a gap (see _date_gap).
_DAY_BEFORE_RE = lazy(
    r"(?<![\w])(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec)\Z"
)
_ONE_DIGIT_RE = lazy(r"\d(?!\d)")
_WEEKDAY_RE = lazy(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,")  # "Thu,", "Thur,", "Tuesday,"


def _double(
    text: str,
    start: int,
    end: int,
    body: str,
    run: re.Match[str],
    two_space_sentences: bool,
    plain: bool,
) -> Iterator[Edit]:
    """The edit for a doubled gap between words, if any; ``plain``: the text is
    plain text, whose markup (Vim's help: "|link|", "*tag*") is its own."""
    spaces = run.group()
    if "\t" in spaces:
        return  # tabs are deliberate
    if len(spaces) == 2 and run.start() > 0 and body[run.start() - 1] == "\\":
        # "https://wiki.debian.org/Page\  on how": reStructuredText's escaped
        # space ends the address and renders as nothing; the space after it
        # is the only one a reader sees.
        return
    before = body[: run.start()].rstrip("\"'”’)")
    if before.endswith((".", "!", "?", ":")) and len(spaces) == 2 and two_space_sentences:
        # Two spaces after each sentence is this document's convention, and
        # after a colon the typist's same habit ("Jump to a subject:  Position").
        return
    if _in_quoted_literal(body, run):
        return  # trim("  vim  "): the spaces are the quoted string's own
    if _ALIGNED_ASSIGNMENT_RE.match(body, run.end()) or _ALIGNED_LABEL_RE.search(
        body, 0, run.start()
    ):
        # "findtime  = 10m", "Image type     :  sparse": a setting's or a
        # field's value set out after padding, as configuration files and
        # programs' reports align them; prose puts no gap before "=", nor
        # pads a label before its colon.
        return
    doubt = ""
    if len(spaces) > 2:
        doubt = "may be alignment"
    elif (
        two_space_sentences
        and not body[run.start() - 1].islower()
        and body[run.start() - 1] not in ",;:"
        and body[run.end()].isupper()
        and body[run.end() + 1 : run.end() + 2].islower()
    ):
        # "(Tsakiridis, 2007 Feb 18)  Patch from": a sentence ended without
        # its stop, in a text that sets two spaces after its sentences (not
        # after a word in small letters: "embedding  Python" is a slip).
        doubt = "a capital follows, in a text with two spaces after its sentences"
    elif plain and (
        _MARKUP_END_RE.search(body, 0, run.start()) is not None
        or _MARKUP_START_RE.match(body, run.end()) is not None
        or _code_word(body[: run.start()].rpartition(" ")[2])
        or _code_word(body[run.end() :].partition(" ")[0])
    ):
        # "|usr_25.txt|  Editing", "*E1031*  *E1186*", "/bin/sh  /bin/ksh",
        # "zf{motion}  or", "move the cursor to  CTRL-]  and": beside a
        # link, tag, code span, path or a word of code a gap is often the
        # layout of a plain text, which sets code apart so (in Markdown and
        # reStructuredText, whose markup sits inside sentences, it is as
        # often a slip: ":mod:`getopt`  module").
        doubt = "beside a path, code or markup: may be layout"
    yield Edit(
        start,
        end,
        spaces,
        " ",
        "spacing.double-space",
        0.7 if doubt else 0.95,
        f"{len(spaces)} spaces between words" + (f"; {doubt}" if doubt else ""),
        not doubt,
    )


# An "=" (or ":=", "+=") after a gap: a setting's value ("bantime   = 10m").
_ALIGNED_ASSIGNMENT_RE = lazy(r"[:+]?= ")
# A label padded before its colon, just before a gap: "Image type     :".
_ALIGNED_LABEL_RE = lazy(r"\S {2,}:$")


def _code_word(word: str) -> bool:
    """Whether ``word`` is a word of code: it holds a character that prose
    keeps out of its words, but for a bracketed number.

    >>> [_code_word(w) for w in ("zf{motion}", "CTRL-]", "g:zip_shq", "<Esc>", "a#b")]
    [True, True, True, True, True]
    >>> [_code_word(w) for w in ("linkgit:git-commit[1]", "study[2],", "will", "")]
    [False, False, False, False]
    """
    return _CODE_CHARACTER_RE.search(_BRACKETED_NUMBER_RE.sub("", word)) is not None


def _in_quoted_literal(body: str, run: re.Match[str]) -> bool:
    """Whether the gap ``run`` opens or closes a quoted string: '"  vim  "'.

    Prose does not start or end a quotation with spaces; a string quoted as
    code may.

    >>> gaps = ('trim("  vim  ", " ")', 'returns "  vim"', 'He said  "Go"', 'a "b"  c')
    >>> [[_in_quoted_literal(b, m) for m in _GAP_RE.finditer(b)] for b in gaps]
    [[True, True], [True], [False], [False]]
    """
    start, end = run.start(), run.end()
    opens = start > 0 and body[start - 1] in "\"'" and (start == 1 or body[start - 2] in " \t([{=,")
    closes = (
        end < len(body)
        and body[end] in "\"'"
        and (end + 1 == len(body) or body[end + 1] in " \t)]},.;:")
    )
    return opens or closes


# An opening single quote against a word, and what closes one: a right quote or
# apostrophe not followed by a letter (the apostrophe in "don’t" closes nothing).
_OPENING_QUOTE_RE = lazy(
    r"(?<![\w\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}'])"
    r"\N{LEFT SINGLE QUOTATION MARK}(?=([A-Za-z]+))"
)
_CLOSING_QUOTE_RE = lazy(r"[\N{RIGHT SINGLE QUOTATION MARK}'](?![A-Za-z])")
_BLANK_LINE_RE = lazy(r"\n[ \t]*\r?\n")
# Words an apostrophe opens ("’tis", "’em"), often curled the wrong way (a
# single letter, "’n’" or "’s", is never taken for a word at all).
_ELISIONS = frozenset(
    "tis twas twere twill twould em cause til till bout round neath gainst mid midst"  # noqa: SIM905
    " ere ll ve re".split()
)
# A text whose word edges touch marks of code at least this often
# (spelling.code_share) is technical writing, which names the characters it
# is about ("If the ! is included"): Vim's help pages reach 0.02-0.09, the
# OCR train pages of the benchmarks (old books and newspapers, whose "wife ?
# you" is speech) 0.011 at most.
NAMED_MARK_CODE = 0.015
# Documents at least this noisy (see spelling.page_noise) look like OCR output.
OCR_NOISE = 0.015
RULE_STRAY_QUOTE = "spacing.stray-quote"


def _stray_quotes(context: Context, paragraph_starts: set[int]) -> Iterator[Edit]:
    """An opening quote that nothing closes: "‘The" where the page had "The".

    Tesseract reads a speck or a serif before a word as an opening single
    quote, mostly at the start of a line. A quote that no right quote closes
    before the paragraph ends is removed: applied in documents that look like
    OCR output; elsewhere applied where no quotation would stand, when
    nothing after it in the whole text closes a quote: at the start of a line
    inside a paragraph, before a word in small letters (see
    _wrapped_line_start), or at a paragraph's start; for review otherwise.
    At a paragraph start in clean prose a quote that something later closes
    is kept: a quotation running over several paragraphs opens each one and
    closes in the last. In a text that writes the quote inside words, where
    it is a letter, every removal is for review.
    """
    text = context.text
    noisy: bool | None = None
    # Whether the text writes the quote inside words ("Hawai‘i", "Sa‘id"): a
    # letter there (the ‘okina, the ‘ayn), which opens words too ("‘ilm").
    letter = functools.cache(lambda: LETTER_QUOTE_RE.search(text) is not None)
    # Found once, so that a long page of unclosed quotes is not searched once per quote.
    closers = [m.start() for m in _CLOSING_QUOTE_RE.finditer(text)]
    breaks = [m.start() for m in _BLANK_LINE_RE.finditer(text)]
    for match in _OPENING_QUOTE_RE.finditer(text):
        word = match.group(1)
        if word.lower() in _ELISIONS or len(word) < 2:
            continue
        following = bisect.bisect_right(breaks, match.start())
        paragraph_end = breaks[following] if following < len(breaks) else len(text)
        closer = bisect.bisect_right(closers, match.start())
        if closer < len(closers) and closers[closer] < paragraph_end:
            continue
        if noisy is None:
            noisy = _looks_like_ocr(context)
        if not noisy and text[match.end(1) : match.end(1) + 1] in _QUOTE_CLOSERS:
            # "two ‘continue’s": the quote closes at once, before a suffix. (In
            # OCR output, "‘There's" is a speck before a contraction.)
            continue
        never_closed = closer == len(closers)
        if noisy:
            safe, confidence, reason = True, 0.95, ""
        elif match.start() in paragraph_starts:
            if not never_closed:
                continue  # a quotation over several paragraphs closes in a later one
            # On the modern OCR train pages less noisy than OCR_NOISE, 17 such
            # quotes ("‘The", "‘When", "‘This"), all specks; no file of the
            # clean prose, READMEs, changelogs or documentation tree of
            # bench/, nor of 2,344 package READMEs, licences and manuals, has a
            # quote at a paragraph start that nothing after it closes.
            safe, confidence = True, 0.9
            reason = ", nor does anything later in the text"
        elif never_closed and _wrapped_line_start(text, match.start(), word):
            safe, confidence = True, 0.9
            reason = "; it opens a line inside a paragraph, before a word in small letters"
        else:
            safe, confidence = False, 0.6
            reason = "; a closing quote may be missing instead"
        if safe and letter():
            safe, confidence = False, 0.6
            reason += "; but the text writes the quote inside words, as a letter"
        yield Edit(
            match.start(),
            match.end(),
            match.group(),
            "",
            RULE_STRAY_QUOTE,
            confidence,
            "an opening quote nothing closes before the paragraph ends" + reason,
            safe,
        )


RULE_QUOTE_SPACE = "spacing.quote-space"
# A double quote with a space or tab on its inner side: a straight one spaced
# on both sides (which side is inner, the quotes around it tell), a left one
# before a space, a right one after one.
_SPACED_QUOTE_RE = lazy(
    r'["\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]'
    r'(?:(?<=["\N{LEFT DOUBLE QUOTATION MARK}])(?<![^ \t\n]["\N{LEFT DOUBLE QUOTATION MARK}])'
    r"(?=[ \t])|(?<=[ \t]\N{RIGHT DOUBLE QUOTATION MARK}))"
)
_DOUBLE_QUOTES_RE = lazy('["\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]')
# What stands before an opening quote, and after a closing one, but for space.
_BEFORE_OPENING = "([{\N{EM DASH}\N{EN DASH}-"
_AFTER_CLOSING = ",.;:!?)]}\N{EM DASH}\N{EN DASH}-'\N{RIGHT SINGLE QUOTATION MARK}"


def _spaced_quotes(context: Context) -> Iterator[Edit]:
    """A space inside a quotation's quotes: 'said, " I never' -> 'said, "I never',
    'a verdict of " Acquittal "' -> 'a verdict of "Acquittal"'.

    Old newspapers set a thin space inside their quotes, which OCR reads as
    a whole one. A left or right curly quote says on which side its
    quotation lies; a straight one spaced on both sides is read from the
    quotes around it (see _paragraph_quote_spaces). Applied in pages that
    read as OCR output with their words of software writing taken as right
    (see spelling.ocr_page_beside_technical). Elsewhere a straight quote is
    not touched, since software writing quotes spaces as they are ('lines
    that begin with "From "', '"remote: " prefix'), and a curly one is for
    review.
    """
    text = context.text
    spaces: list[tuple[int, int, bool]] = []
    starts = [0, *(m.end() for m in _BLANK_LINE_RE.finditer(text))]
    ends = [*starts[1:], len(text)]
    for start, end in zip(starts, ends, strict=True):
        if _SPACED_QUOTE_RE.search(text, start, end):
            spaces.extend(_paragraph_quote_spaces(text, start, end))
    if not spaces:
        return
    # The page's noise (which the word stages ask of the same text next);
    # with its technical words taken as right only if it is that noisy.
    ocr = _looks_like_ocr(context, OCR_PAGE_NOISE)
    if ocr:
        tokens = judgeable_tokens(text, context.kind)
        status = form_status(tokens, default_lexicon(), context.config)
        ocr = ocr_page_beside_technical(text, tokens, status, context.technical_floor)
    for left, right, straight in spaces:
        if ocr:
            confidence, reason = 0.9, "; the page reads as OCR output"
        elif straight:
            continue
        else:
            confidence, reason = 0.6, "; outside OCR output a person decides"
        yield Edit(
            left,
            right,
            text[left:right],
            "",
            RULE_QUOTE_SPACE,
            confidence,
            "a space inside a quotation's quotes" + reason,
            ocr,
        )


def _paragraph_quote_spaces(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """The spaces inside quotes in the paragraph ``text[start:end]`` (see
    _spaced_quotes), each with whether its quote is a straight one.

    A straight quote against the next word opens a quotation, one against
    the last word or a mark closes one; a spaced quote is read from the two
    such quotes around it (or the paragraph's edges): between them the
    spaced ones open and close by turns, and only if that leaves each of
    the two standing where it can (OCR drops and misreads quotes, so one
    page may hold both readable and unreadable stretches).

    >>> text = 'He said, " I left, " and went to the " army " barracks.'
    >>> [text[a - 1 : b + 1] for a, b, _ in _paragraph_quote_spaces(text, 0, len(text))]
    ['" I', ', "', '" a', 'y "']
    >>> _paragraph_quote_spaces('They said " I saw', 0, 17)  # it ends open
    []
    >>> text = 'He said, " No," and "left " it. She said " yes.'  # from "left on: no turns fit
    >>> [text[a - 1 : b + 1] for a, b, _ in _paragraph_quote_spaces(text, 0, len(text))]
    ['" N']
    """
    found: list[tuple[int, int, bool]] = []
    # The straight quotes by their sides: True opens, False closes, None
    # cannot tell (between two words or marks), and spaced ones by offset.
    open_: bool | None = False  # whether a quotation is open before the next quote
    spaced: list[int] = []
    for match in _DOUBLE_QUOTES_RE.finditer(text, start, end):
        at = match.start()
        quote = match.group()
        before = text[at - 1] if at > start else "\n"
        after = text[at + 1] if at + 1 < end else "\n"
        spaced_before = before in " \t\r\n"
        spaced_after = after in " \t\r\n"
        if quote != '"':
            # Curly: its side is its own, whatever the straight quotes do,
            # unless it stands where the other one would ("!3158 ”gmain:").
            if quote == "\N{LEFT DOUBLE QUOTATION MARK}" and after in " \t" and spaced_before:
                found.extend((a, b, False) for a, b in _space_after(text, at + 1, end))
            elif (
                quote == "\N{RIGHT DOUBLE QUOTATION MARK}"
                and before in " \t"
                and not after.isalnum()
            ):
                found.extend((a, b, False) for a, b in _space_before_quote(text, at, start))
            continue
        if spaced_before and spaced_after:
            spaced.append(at)
            continue
        if (spaced_before or before in _BEFORE_OPENING) and not (
            spaced_after or after in _AFTER_CLOSING
        ):
            side: bool | None = True
        elif (spaced_after or after in _AFTER_CLOSING) and not spaced_before:
            side = False
        else:
            side = None
        # This quote opens where none is open and closes where one is.
        found.extend(
            _read_spaced(text, start, end, spaced, open_, None if side is None else not side)
        )
        spaced = []
        open_ = side
    found.extend(_read_spaced(text, start, end, spaced, open_, False))
    return found


def _read_spaced(
    text: str, start: int, end: int, spaced: list[int], before: bool | None, after: bool | None
) -> list[tuple[int, int, bool]]:
    """The spaces inside the quotes at ``spaced``, which open and close by
    turns from state ``before`` (whether a quotation is open) and must leave
    state ``after``; if either is unknown or the turns do not fit, only
    those the quotes' own neighbours tell (see _cued).

    A spaced quote paired with one of the quotes around the stretch, not
    with another spaced one, must look the part as well: a closing one
    after a mark ('wrong, " and'), an opening one after a mark or before a
    capital ('of " Not guilty'). Where a quote was misread as something
    else ('an " unfortunate,\' was'), the turns read the next one the wrong
    way round, and its neighbours tell.
    """
    if not spaced or before is None or after is None or before ^ (len(spaced) % 2 == 1) != after:
        return _cued(text, start, end, spaced)
    found: list[tuple[int, int, bool]] = []
    open_ = before
    for number, at in enumerate(spaced):
        if open_:
            spaces = _space_before_quote(text, at, start)
            if number == 0 and spaces and _before_spaces(text, at, start) not in _SPEECH_MARKS:
                return _cued(text, start, end, spaced)
        else:
            spaces = _space_after(text, at + 1, end)
            if (
                number == len(spaced) - 1
                and spaces
                and not text[spaces[0][1]].isupper()
                and _before_spaces(text, at, start) not in _SPEECH_MARKS
            ):
                return _cued(text, start, end, spaced)
        found.extend((a, b, True) for a, b in spaces)
        open_ = not open_
    return found


def _cued(text: str, start: int, end: int, spaced: list[int]) -> list[tuple[int, int, bool]]:
    """Where the turns cannot read the quotes at ``spaced``: the spaces after
    those that open speech, after a comma or colon and before a capital
    ('replied, " No', 'as follows: " I saw').

    On the BLN600 train pages this took 19 more quotes to the gold's
    spacing and none away from it. The closing counterpart (after a mark,
    before a small letter: 'wrong, " and') took 2 and moved 3 away: a quote
    after a full stop as often opens the next sentence's speech.

    >>> text = 'He said "1 I saw," and he replied, " No, I did not.'
    >>> [text[a - 1 : b + 1] for a, b, _ in _cued(text, 0, len(text), [35])]
    ['" N']
    """
    found: list[tuple[int, int, bool]] = []
    for at in spaced:
        spaces = _space_after(text, at + 1, end)
        if spaces and text[spaces[0][1]].isupper() and _before_spaces(text, at, start) in ",:":
            found.extend((a, b, True) for a, b in spaces)
    return found


def _before_spaces(text: str, at: int, start: int) -> str:
    """The character before the spaces before ``at``, within the paragraph from
    ``start``; "" at the paragraph's start, which every ``in`` test of a string
    of marks passes: a quote that opens a paragraph opens speech.

    >>> _before_spaces('said, " I', 6, 0), _before_spaces('" I', 0, 0) in ",:"
    (',', True)
    """
    first = _spaces_start(text, at, start)
    return text[first - 1] if first > start else ""


def _spaces_start(text: str, at: int, start: int) -> int:
    """Where the run of spaces and tabs that ends at ``at`` starts (not before ``start``)."""
    first = at
    while first > start and text[first - 1] in " \t":
        first -= 1
    return first


# What a quotation's closing quote follows, and what its opening one may follow.
_SPEECH_MARKS = ",.;:!?\N{EM DASH}-"


def _space_after(text: str, at: int, end: int) -> list[tuple[int, int]]:
    """The run of spaces at ``at``, if a word follows it within ``end``."""
    stop = at
    while stop < end and text[stop] in " \t":
        stop += 1
    return (
        [(at, stop)]
        if stop < end and (text[stop].isalnum() or text[stop] in "'\N{LEFT SINGLE QUOTATION MARK}")
        else []
    )


def _space_before_quote(text: str, at: int, start: int) -> list[tuple[int, int]]:
    """The run of spaces before ``at``, if a word or a closing mark precedes it
    within the paragraph starting at ``start``."""
    first = _spaces_start(text, at, start)
    if first == start:
        return []
    last = text[first - 1]
    return (
        [(first, at)] if last.isalnum() or last in ",.;:!?)'\N{RIGHT SINGLE QUOTATION MARK}" else []
    )


# What closes a quote at once: "‘continue’s" quotes a word before its suffix.
_QUOTE_CLOSERS = frozenset("\N{RIGHT SINGLE QUOTATION MARK}'")


def _wrapped_line_start(text: str, start: int, word: str) -> bool:
    """Whether the quote at ``start`` (at no paragraph's start) opens a line,
    before a word in small letters: a line inside a paragraph ("stash of\n‘maintain").

    Where Tesseract's speck falls in lightly noisy pages too, less noisy than
    OCR_NOISE: on the modern OCR train pages 23 such quotes were there, 22
    specks and one before a word misread as well ("‘tore" for "store"); the
    one quote of those pages the gold kept, "a ‘Squeezed text label", stands
    inside a line. After none of the 50 such quotes of the modern OCR train
    and test pages does any quote close; no file of the clean prose,
    READMEs, changelogs or documentation tree of bench/ has one. A quotation
    opening in small letters would close within its paragraph; one before a
    capital may be a name ("‘Umar", with the ‘ayn of a transliteration), and
    stays for review.
    """
    return start > 0 and text[start - 1] == "\n" and word.islower()


def _looks_like_ocr(context: Context, least: float = OCR_NOISE) -> bool:
    """Whether the text is at least ``least`` noisy (see spelling.page_noise)."""
    tokens = judgeable_tokens(context.text, context.kind)
    status = form_status(tokens, default_lexicon(), context.config)
    return page_noise(context.text, tokens, status, context.noise_floor) >= least


# The whole token around a glued mark must be two plain words: "failed.The",
# not "email.message.EmailMessage", "sets.Set([3", "key,index,value" or "`ast.Add`".
_GLUED_TOKEN_RE = lazy(r"[^\W\d_]+[,;:.!?][A-Z]?[a-z]+")
# Every such form in a text (each occurrence, as a whole word).
_GLUED_FORM_RE = lazy(rf"(?<![^\W\d_]){_GLUED_TOKEN_RE.pattern}(?![^\W\d_])")
_TOKEN_EDGE = "\"'“”‘’«»([{)]}.,;:!?"


# Two lower-case words joined by a full stop, as a dotted name writes them
# ("thread.lock", "os.path"); no sentence ends there.
_DOTTED_NAME_RE = lazy(r"(?<![\w.])[a-z_][a-z_0-9]+\.[a-z_][a-z_0-9]+")


def _dotted_name_beside(body: str, left: int, right: int) -> bool:
    """Whether ``body`` writes a dotted name outside its token ``left:right``
    (``right`` -1: to the line's end).

    >>> line = "support for thread.lock, threading.Lock, and code"
    >>> _dotted_name_beside(line, 25, 40), _dotted_name_beside("the end.The next", 4, 12)
    (True, False)
    """
    end = len(body) if right == -1 else right
    return any(m.end() <= left or m.start() >= end for m in _DOTTED_NAME_RE.finditer(body))


def _glued_count(text: str, form: str) -> int:
    """How often ``text`` writes ``form`` (two words glued by a mark) as a
    whole: the _GLUED_FORM_RE matches that are ``form``.

    Counted where ``form`` stands (found as a string), in the run of
    characters between spaces around it, where a match must lie: a search
    of the whole text tried the pattern at every letter (in a profile of the
    documentation tree of bench/speed.py, about 6% of the spacing stage).

    >>> _glued_count("see os.path and os.path; but nt.os.path is one", "os.path")
    2
    """
    count = 0
    at = text.find(form)
    while at != -1:
        start = at
        while start and not text[start - 1].isspace():
            start -= 1
        end = at + len(form)
        while end < len(text) and not text[end].isspace():
            end += 1
        count += sum(1 for m in _GLUED_FORM_RE.finditer(text, start, end) if m.group() == form)
        at = text.find(form, end)
    return count


def _qualifier_count(text: str, word: str) -> int:
    """How often ``text`` glues ``word`` to a following word by a full stop, as
    a dotted name's qualifier: "vim.List", "vim.eval" (not "vim. List").

    >>> _qualifier_count("Add vim.List and vim.eval; see nvim.Dict, in vim.", "vim")
    2
    """
    count = 0
    at = text.find(word + ".")
    while at != -1:
        after = at + len(word) + 1
        if text[after : after + 1].isalpha() and not (at and _is_word_char(text[at - 1])):
            count += 1
        at = text.find(word + ".", after)
    return count


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "._"


# What follows a name qualified by another ("threading.Lock.", "Command.Apply
# method"): a full stop, comma or closing bracket at once, or a word for code;
# a call's bracket ("multiprocessing.Manager() and"); a table's column gap
# ("module.Class      Added By"); or the line's end (see _ends_block).
_NAME_AFTER_RE = lazy(
    r"[.,)](?:\s|$)| (?:method|class|function|object|module|attribute|property)\b"
    r"|\(|[ \t]{2,}(?=\S)|\t(?=\S)"
)
# Another item's start (see _ITEM_START_RE), then its text.
_NEXT_ITEM_RE = lazy(rf"{_ITEM_START_RE.pattern}[ \t]")


def _next(lines: list[tuple[int, str]], number: int) -> str | None:
    """The line after line ``number``, None after the last."""
    return lines[number + 1][1] if number + 1 < len(lines) else None


def _ends_block(following: str | None) -> bool:
    """Whether a line that ``following`` follows ends its paragraph or list
    item: the text's end, a blank line or another item's start is next.

    >>> [_ends_block(x) for x in (None, "\\n", "* #8157: autodoc", "NEP proposes")]
    [True, True, True, False]
    """
    return following is None or not following.strip() or _NEXT_ITEM_RE.match(following) is not None


def _missing_after(
    offset: int,
    body: str,
    glued: Callable[[str], int],
    qualifiers: Callable[[str], int],
    technical: Callable[[], bool],
    noisy: Callable[[], bool],
    following: str | None,
) -> Iterator[Edit]:
    """Edits for a space missing after a mark that glues two words ("failed.The");
    ``glued`` and ``qualifiers``: see _glued_count and _qualifier_count;
    ``noisy``: whether the page reads as OCR output; ``following``: the
    next line (None after the last)."""
    for match in _MISSING_AFTER_RE.finditer(body):
        mark = match.group()
        left = body.rfind(" ", 0, match.start()) + 1
        right = body.find(" ", match.end())
        token = body[left : right if right != -1 else len(body)]
        core = token.strip(_TOKEN_EDGE)
        if not _GLUED_TOKEN_RE.fullmatch(core):
            continue
        if glued(core) > 1:
            continue  # "decimal.Context" again and again: a name, written so on purpose
        closer = _BRACKET_PAIRS.get(token[:1])
        if closer is not None and closer in body[match.end() : right if right != -1 else None]:
            continue  # "(row,pass)", "{Absolute,Relative}": a tuple or a set, written tight
        if (
            token[:1] in "\"'"
            and token[1:2].islower()
            and token.rstrip(_TOKEN_EDGE.replace(token[0], "")).endswith(token[0])
        ):
            # '"unix,dos"': a value quoted whole, written tight (a quoted
            # sentence opens with a capital: '"Yes,sir," he said')
            continue
        if mark == "," and token.endswith(":") and _ITEM_OPENING_RE.search(body, 0, left):
            # "- win,build: remove duplicate definitions", "net,stream: add
            # isPaused": the parts a change touches, its label, written tight.
            continue
        # Both halves must be words: "failed.The", "domain,the"; not the
        # names "asyncio.Queue" or "ttk.Notebook".
        lexicon = default_lexicon()
        first, second = re.split(r"[,;:.!?]", core, maxsplit=1)
        if first not in lexicon or second not in lexicon:
            continue
        if len(first) >= 4 and second.lower().startswith(first.lower()[:4]):
            continue  # "queue.Queue", "threading.Thread": a module and its class
        if (
            mark == "."
            and second[:1].isupper()
            and (
                _dotted_name_beside(body, left, right)
                or first[:1].isupper()
                or qualifiers(first) > 1
            )
            and technical()
        ):
            # In technical writing (see NAMED_MARK_CODE) a qualified name:
            # beside a dotted name that ends no sentence, a module and its
            # class ("thread.lock, threading.Lock"); two capitalised words, a
            # menu and its entry or a class and its member ("the
            # Buffers.Refresh menu"); a word that qualifies other names too
            # ("vim.List, vim.Dictionary"). (In OCR output a word glued to the
            # next by a full stop is one more space lost: "wrote to the.Bishop".)
            continue
        pos = offset + match.end()
        colon = mark == ":"
        # "used is threading.Lock. You can", "Changed Command.Apply method":
        # a glued word that a full stop, a comma or a word for code follows
        # at once is a name qualified by another more often than a
        # sentence of one word: a person decides. So is one that is called,
        # stands in a table's column or ends a paragraph or a list item
        # ("with threading.Event" above a blank line); one that ends a line
        # whose paragraph goes on opens a sentence ("from the
        # candidates.This" above "NEP proposes a mechanism"). (In OCR output
        # it is one more space lost: "six hundred threescore and six.Rev.")
        rest = match.end() + len(second)
        named = (
            mark == "."
            and second[:1].isupper()
            and (
                _NAME_AFTER_RE.match(body, rest) is not None
                or (not body[rest:].strip() and _ends_block(following))
            )
            and not noisy()
        )
        yield Edit(
            pos,
            pos,
            "",
            " ",
            "spacing.missing-space",
            0.6 if colon or named else 0.9,
            f"no space after a {_PUNCT_NAME[mark]}"
            + ("; may be a namespace like 'Talk:Page'" if colon else "")
            + ("; may be a qualified name, as 'threading.Lock'" if named else ""),
            not (colon or named),
        )


def _uses_two_space_sentences(text: str, *, indented: bool = False, tagged: bool = False) -> bool:
    """Whether the text puts two spaces after sentences as a typing convention.

    Typists double the space after sentences; OCR doubles spaces anywhere. So
    it is a convention when most doubled gaps in the text follow a sentence,
    or when most sentences in it are followed by two spaces (GNU manuals do so
    and pad other places too: "File: x.info,  Node: Top,  Next: y"). Its
    prose is its lines that open with a word, and with ``indented`` (a
    format whose indented lines are prose too) those that open indented,
    and with ``tagged`` (HTML) those that open with tags too.

    >>> text = "<p>It runs.  It stops.  It waits.</p>\\n"
    >>> _uses_two_space_sentences(text, indented=True), _uses_two_space_sentences(
    ...     text, indented=True, tagged=True)
    (False, True)
    """
    if tagged:
        pattern = _TAGGED_PROSE_LINE_RE
    else:
        pattern = _INDENTED_PROSE_LINE_RE if indented else _PROSE_LINE_RE
    prose = "\n".join(pattern.findall(text))
    gaps = [len(m.group(1)) for m in _SENTENCE_GAP_RE.finditer(prose)]
    after_sentence = gaps.count(2)
    if after_sentence < 2:
        # The text's one sentence gap, doubled (counted in every line, not
        # only prose): as likely the writer's habit as a slip, and keeping a
        # habit costs nothing.
        return after_sentence == 1 and len(_SENTENCE_GAP_RE.findall(text)) == 1
    # Runs of three spaces or more align columns ("* `IsLower       = ...`"):
    # they say nothing of how the writer ends a sentence.
    return after_sentence >= gaps.count(1) or after_sentence * 2 >= len(
        _TWO_SPACE_GAP_RE.findall(prose)
    )


def _uses_wide_gaps(text: str) -> bool:
    """Whether the text puts three or more spaces between words in WIDE_GAPS
    places or more: then they are its layout (definition lists, columns,
    labels padded to their values), not slips.

    >>> _uses_wide_gaps("a gap   here"), _uses_wide_gaps("a   b\\nc   d\\ne   f")
    (False, True)
    """
    return len(_WIDE_GAP_RE.findall(text)) >= WIDE_GAPS


# A doubled gap the text sets in the same place on this many lines or more
# is its layout, not a slip: after the same kind of label or number ("o
# IO-389:  Add", "2006/11/07: [bug]  (thanks", "v1.4.1  (May 5, 2017)",
# "2.61  Thu Oct 17": release notes and changelogs written by a tool or to
# a house format), or before the same kind of marked word ("...thrown
# Issue: IO-264."). In the changelogs of bench/readmes.py fix removed 771
# doubled gaps; 550 were such (all 40 drawn at random were an entry's or a
# heading's layout), and are kept now; so are 50 of 255 in its READMEs
# (protocol fields, "o CLI-21:  clone ...") and 4 of 459 in its docs tree.
# Only shapes with a digit or a mark count: plain words before or after the
# gap ("the talks  were", "out of  scope.") are prose.
LAYOUT_LINES = 3
# How far into a line a gap may stand to be a label's.
_LABEL_WIDTH = 24
# What makes the start of a line a label or a number: a digit, or a mark no
# sentence uses between its words ("IO-389:", "[bug]", "#12"); not a comma,
# a full stop or an apostrophe ("In theory, the").
_LABEL_MARKS = frozenset("9:-/[](){}#_=<>*|@")
_DIGITS_RE = lazy(r"\d+")
# A word marked as a label or a reference: opened by a bracket or "#", ended
# by a colon, or holding a digit ("(thanks", "[C22/A2/R0]", "Issue:", "IO-264");
# not a word of a sentence with its comma, full stop or apostrophe ("object's").
_MARKED_WORD_RE = lazy(r"[(\[{<#]\S*|[^\s\d]*\d\S*|[^\s:]+:(?!\S)")


def _shape(part: str) -> str:
    """``part`` with each run of letters as "a", of digits as "9", of spaces and tabs as one.

    >>> _shape("o IO-389:"), _shape("2006/11/07: [bug]"), _shape("v1.4.1\\t(x)")
    ('a a-9:', '9/9/9: [a]', 'a9.9.9 (a)')
    """
    return _RUN_RE.sub(" ", _DIGITS_RE.sub("9", LETTERS_RE.sub("a", part)))


def _gap_keys(body: str, run: re.Match[str]) -> set[str]:
    """The shapes that place a doubled gap on its line: what precedes it, when
    that is a short label with a digit or a mark in it, and the next word,
    when it is marked as a label or a reference (see _MARKED_WORD_RE).

    >>> line = "o IO-389:  Add a method  Issue: IO-264."
    >>> [sorted(_gap_keys(line, m)) for m in _DOUBLED_GAP_RE.finditer(line)]
    [['<a a-9:'], ['>a:']]
    >>> lines = ("The talks  were", "a  b", "count goes out of  scope.", "In theory, the  object's")
    >>> [sorted(_gap_keys(s, _DOUBLED_GAP_RE.search(s))) for s in lines]
    [[], [], [], []]
    """
    keys = set()
    label = body[: run.start()].lstrip()
    if len(label) <= _LABEL_WIDTH and "  " not in label:
        shape = _shape(label)
        if _LABEL_MARKS.intersection(shape):
            keys.add("<" + shape)
    following = _MARKED_WORD_RE.match(body, run.end())
    if following is not None:
        keys.add(">" + _shape(following.group()))
    return keys


def _layout_gaps(text: str) -> frozenset[str]:
    """The shapes (see _gap_keys) of doubled gaps the text repeats on LAYOUT_LINES lines or more."""
    lines: Counter[str] = Counter()
    # Only the lines with such a gap are read (an indented line of a code
    # sample or a list has "  " at its start, and no gap), as propose() reads
    # them, without their breaks.
    for start, end in lines_with(text, _DOUBLED_GAP_RE):
        body = text[start:end].rstrip("\r")
        lines.update(set().union(*(_gap_keys(body, m) for m in _DOUBLED_GAP_RE.finditer(body))))
    return frozenset(key for key, n in lines.items() if n >= LAYOUT_LINES)


def _uses_spaced_punctuation(
    text: str,
    spaced_re: re.Pattern[str],
    tight_re: re.Pattern[str],
    protected: Protected,
    least: int = 1,
) -> bool:
    """Whether the text's prose spaces these marks at least as often as not.

    French typography spaces : ; ! ?, and so did English printing until the
    1900s: in the ICDAR 2017 training books, 554 of 1,379 documents space them
    more often than not; some transcriptions space commas too ("year ,").
    There it is the text's convention, not damage. Marks in ``protected``
    spans are code's, not the prose's ("``cond ? a : b``"): not counted.
    """
    spaced = _count_outside(spaced_re, text, protected)
    return spaced >= least and _count_outside(tight_re, text, protected, spaced + 1) <= spaced


def _count_outside(
    pattern: re.Pattern[str], text: str, protected: Protected, enough: int | None = None
) -> int:
    """How many matches of ``pattern`` in ``text`` touch no ``protected`` span,
    counted up to ``enough`` when given (a tight mark is in most lines).

    >>> _count_outside(lazy(","), "a, b, c, d", Protected([(4, 5)])), _count_outside(
    ...     lazy(","), "a, b, c, d", Protected([]), 2)
    (2, 2)
    """
    if not protected and enough is None:
        return len(pattern.findall(text))
    matches = pattern.finditer(text)
    outside = matches if not protected else (m for m in matches if not protected.touches(*m.span()))
    return sum(1 for _ in itertools.islice(outside, enough))
