"""Text the word stages leave alone: other languages' paragraphs, alphabetised lists.

Two kinds of text are not English prose to judge word by word, though an
English page holds them:

- a paragraph in another language (see cleaner.language);
- an alphabetised list of short items: an index, the headwords of a
  glossary ("borken", "frink", "notwork" in the Jargon File's), a spell
  checker's list of a project's words, the packages of a requirements
  file. Its words are there to be looked up as written: a coined word is
  no misreading, and an item's neighbours are no sentence around it
  ("hack" above "hack attack" is not "back");
- a word list in any order: lines of one word each, or rows of words set
  apart by wide gaps, each line perhaps with a comment after "|" or "#" (a
  search engine's list of Portuguese stop words, "foi" and "foram" ranked
  by use, "de  |  of, from"; a table of Finnish pronouns' forms): its
  words are entries, not prose;
- a column of a table (Markdown's, or rows between pipes in plain text)
  whose cells are all entries of a few words, or lists of them: the aliases
  of a highlighter's languages ("ls", "hy", "haxe, hx"), options' names and
  types, people and their employers, a kernel's architectures ("csky:");
- a list of single words set apart by commas, wrapped over lines that each
  end with a comma: the names of a chip's pin groups ("ata, atb, atc, atd,
  dta, displaya"), of a package's modules, a CSV row.

There only the repairs that hold in any text stand (see
cleaner.language.in_any_language), and the word stages do not count the
words, so a glossary's index does not make the prose after it read as
noisy OCR output.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.language import Span, foreign_spans
from cleaner.memo import last_call
from cleaner.regex import lazy

# A run of at least LIST_ITEMS lines, each an item of at most ITEM_WORDS
# words and ITEM_CHARACTERS characters, in alphabetical order, with only
# blank lines between them. Eight short lines of prose or verse fall in
# order by chance once in 40,320 (8!); a line of running prose is longer,
# and a list of steps or features ("configure the build", "run the tests")
# has longer items than an index ("hack attack") or a list of words.
LIST_ITEMS = 8
ITEM_WORDS = 2
ITEM_CHARACTERS = 48

# A short line's item, without its indentation and bullet ("- ", "* ", "• ").
_ITEM_RE = lazy(rf"[ \t]*(?:[-*+•][ \t]+)?([^ \t\r\n][^\r\n]{{0,{ITEM_CHARACTERS - 1}}}?)[ \t]*\r?")
# What may stand before an item's first letter: indentation, a bullet, a
# mark that sorts as nothing ("-fu", "'em", "(c)").
_LEAD = " \t-*+•'\"‘“(["
# Indentation and a bullet a short line may have besides its item.
_MARGIN = 16
# What a dictionary's order passes over: marks and underscores ("-fu" sorts as "fu").
_NOT_SORTED_RE = lazy(r"[^\w ]+|_")


@last_call
def set_apart(text: str) -> tuple[Span, ...]:
    """The spans of ``text`` the word stages leave alone, in position order, apart.

    >>> words = ["borken", "bot", "frink", "fscking", "hack", "hack attack", "notwork", "perf"]
    >>> text = "Teh words:\\n\\n" + "\\n\\n".join(words) + "\\n\\nTeh rest of teh page is prose.\\n"
    >>> [text[s:e].split() for s, e in set_apart(text)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [['borken', 'bot', 'frink', 'fscking', 'hack', 'hack', 'attack', 'notwork', 'perf']]
    """
    lists = sorted_lists(text) + word_lists(text) + table_columns(text) + comma_lists(text)
    foreign = foreign_spans(text)
    if not lists and not foreign:
        return ()
    merged: list[Span] = []
    for start, end in sorted(lists + foreign):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def sorted_lists(text: str) -> tuple[Span, ...]:
    """The runs of ``text``'s lines that are alphabetised lists (see LIST_ITEMS).

    The order is a dictionary's, case and marks aside: "fred", "Fred
    Foobar", "frednet", "-fu". A line that opens with a digit is numbered,
    not alphabetised ("12  iabbrev teh the": a listing's line numbers).

    >>> text = "\\n".join(["Bohr bug", "boink", "bomb", "-fu", "FUBAR", "fudge", "fudge factor",
    ...     "hack", "hack up"])
    >>> [text[s:e] for s, e in sorted_lists(text)] == [text]
    True
    >>> sorted_lists("\\n".join(["one", "two", "three", "four", "five", "six", "seven", "eight"]))
    ()
    >>> sorted_lists("\\n".join(f"{n}\\tiabbrev {w}" for n, w in enumerate("abcdefghij", 10)))
    ()
    """
    if text.count("\n") < LIST_ITEMS - 1:
        return ()
    spans: list[Span] = []
    for lines in _initials_in_order(text):
        spans.extend(_ordered(text, lines))
    return tuple(spans)


# A word list's line: one word, or a row of words or short phrases set
# apart by gaps of a tab or two spaces and more (a table of word forms:
# "minä   minun  minut  minussa minusta"), perhaps with a comment after "|"
# or "#". (Possessive: a line of prose fails at its first mark, at once.)
_WORD = r"[^\W\d_]++(?:['\N{RIGHT SINGLE QUOTATION MARK}-][^\W\d_]++)*+"
_GAP = r"(?:\t|  )[ \t]*+"
_ROW = rf"{_WORD}(?: {_WORD})*+{_GAP}{_WORD}(?:(?: |{_GAP}){_WORD})*+"
_WORD_LINE = rf"[ \t]*+(?:{_ROW}|{_WORD})(?:[ \t]+[|#][^\n]*)?[ \t]*\r?(?:\n|\Z)"
# A run of such lines, blank lines and lines of a comment alone among them.
_WORD_LINES_RE = lazy(rf"(?m)^{_WORD_LINE}(?:{_WORD_LINE}|[ \t]*(?:[|#][^\n]*)?\r?\n)*")
_WORD_LINE_RE = lazy(rf"(?m)^{_WORD_LINE}")


def word_lists(text: str) -> tuple[Span, ...]:
    r"""The runs of at least LIST_ITEMS lines of ``text`` that are a word list
    in any order (see the module docstring), each from its first word line
    to the end of its last.

    >>> text = "The list:\n\nde  |  of, from\nque  |  who\n\n  | forms of SER\n"
    >>> text += "sou\nfoi\nforam\nfora\nfosse\nfor\n\nThe end.\n"
    >>> [text[s:e].split() for s, e in word_lists(text)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [['de', '|', 'of,', 'from', 'que', '|', 'who', '|', 'forms', 'of', 'SER', 'sou', 'foi',
      'foram', 'fora', 'fosse', 'for']]
    >>> word_lists("Short\nlines\nof prose\nare no list\nof words\nat all\nhere\nnor there\n")
    ()
    """
    spans: list[Span] = []
    for run in _WORD_LINES_RE.finditer(text):
        lines = list(_WORD_LINE_RE.finditer(text, run.start(), run.end()))
        if len(lines) >= LIST_ITEMS:
            end = lines[-1].end()
            while end > lines[-1].start() and text[end - 1] in "\r\n":
                end -= 1
            spans.append((lines[0].start(), end))
    return tuple(spans)


# A Markdown table's delimiter row ("|---|:--:|", "--- | ---"): two cells at least.
_DELIMITER_CELL = r"[ \t]*+:?-++:?[ \t]*+"
_DELIMITER_RE = lazy(rf"(?m)^[ \t]*+\|?{_DELIMITER_CELL}(?:\|{_DELIMITER_CELL})++\|?[ \t]*+\r?$")
# A table's cell that is an entry: empty, one item of at most
# TABLE_ITEM_WORDS words ("Upstate Medical University", "_String_"), or a
# list of items of at most ITEM_WORDS words ("haxe, hx", "UC Berkeley,
# Jupyter"). A cell of prose has more words ("Recieve the data, then send
# it"), or a sentence's marks.
TABLE_ITEM_WORDS = 3
_TABLE_WORD = r"[\w.+#*/&()'\N{RIGHT SINGLE QUOTATION MARK}-]++:?+"
_TABLE_ITEM = rf"{_TABLE_WORD}(?: {_TABLE_WORD}){{0,{ITEM_WORDS - 1}}}+"
_ENTRY_RE = lazy(
    rf"(?:{_TABLE_WORD}(?: {_TABLE_WORD}){{0,{TABLE_ITEM_WORDS - 1}}}+"
    rf"|{_TABLE_ITEM}(?:, ?+{_TABLE_ITEM})++)?"
)
# Where a table's row splits into cells: a pipe not escaped.
_CELL_BORDER_RE = lazy(r"(?<!\\)\|")


def table_columns(text: str) -> tuple[Span, ...]:
    r"""The cells that are entries (see _ENTRY_RE), in position order and
    without the spaces around them, of the columns of ``text``'s tables
    (Markdown's, and plain text's rows between pipes) that have at least
    LIST_ITEMS rows (under the heading, in Markdown) and at most
    one cell in LIST_ITEMS that is none ("Arduino (C++ w/Arduino libs)"
    among the names of languages).

    >>> rows = [("Haxe", "haxe, hx"), ("Hy", "hy, hylang"), ("Lasso", "ls")] * 3
    >>> text = "| Language | Aliases | Notes |\n|---|---|---|\n"
    >>> text += "".join(f"| {a} | {b} | as the project spells it. |\n" for a, b in rows)
    >>> [text[s:e] for s, e in table_columns(text)][:4]
    ['Haxe', 'haxe, hx', 'Hy', 'hy, hylang']
    >>> len(table_columns(text)), len(table_columns(text.replace("| ls |", "| ls; or |", 1)))
    (18, 17)
    >>> len(table_columns(text.replace("| hy,", "| hy; or", 3)))
    9
    """
    if "|" not in text:
        return ()
    spans: list[Span] = []
    for rows in [*_markdown_tables(text), *_bordered_tables(text)]:
        if len(rows) < LIST_ITEMS:
            continue
        for column in range(max(len(row) for row in rows)):
            cells = [row[column] for row in rows if column < len(row)]
            entries = [cell for cell in cells if _ENTRY_RE.fullmatch(text, *cell)]
            if len(cells) - len(entries) <= len(cells) // LIST_ITEMS:
                spans.extend(cell for cell in entries if cell[0] < cell[1])
    return tuple(sorted(spans))


# A comma list: lines of single words ("gpu7", "emc_test0_dll", "i2c1") set
# apart by commas, every line but the last ending with one, LIST_ITEMS words
# at least. Prose wraps a list in sentences ("and", "such as") and spaces
# inside its items; a bare run of names is entries, as a word list is.
_COMMA_ITEM = r"[^\W_][\w.+#/'-]*+"
_COMMA_LINE = rf"[ \t]*+{_COMMA_ITEM}(?:,[ \t]*+{_COMMA_ITEM})*+"
_COMMA_LIST_RE = lazy(rf"(?m)^(?:{_COMMA_LINE},[ \t]*+\r?\n)*+{_COMMA_LINE},?+\.?+(?=[ \t]*+\r?$)")
# Three items in a row, which every comma list has: a search that opens with
# a literal comma skips most texts at a twentieth of the cost of the above.
_COMMA_RUN_RE = lazy(rf",\s*+{_COMMA_ITEM},\s*+{_COMMA_ITEM},")


def comma_lists(text: str) -> tuple[Span, ...]:
    r"""The runs of ``text``'s lines that are comma lists of at least
    LIST_ITEMS single words (see _COMMA_LIST_RE), without their indentation.

    >>> text = "Valid names are:\n\n    ata, atb, atc, atd, ate,\n    dta, dtb, displaya, gpu7.\n"
    >>> [text[s:e] for s, e in comma_lists(text)]
    ['ata, atb, atc, atd, ate,\n    dta, dtb, displaya, gpu7.']
    >>> comma_lists("Apples, pears, plums, figs, dates, limes, kiwis and grapes.\n")
    ()
    >>> comma_lists("ata, atb, atc, atd,\nate, and so on: dta, dtb, displaya, gpu7\n")
    ()
    """
    if text.count(",") < LIST_ITEMS - 1 or not _COMMA_RUN_RE.search(text):
        return ()
    spans: list[Span] = []
    for run in _COMMA_LIST_RE.finditer(text):
        if run.group().count(",") >= LIST_ITEMS - 1:
            start = run.start()
            while text[start] in " \t":
                start += 1
            spans.append((start, run.end()))
    return tuple(spans)


def _markdown_tables(text: str) -> Iterator[list[list[Span]]]:
    """The body rows of ``text``'s Markdown tables, each row its cells."""
    if "-" not in text:
        return
    for delimiter in _DELIMITER_RE.finditer(text):
        rows: list[list[Span]] = []
        at = delimiter.end() + 1
        while at < len(text):
            stop = text.find("\n", at)
            stop = len(text) if stop < 0 else stop
            line = text[at:stop]
            if "|" not in line or not line.strip():
                break
            rows.append(_cells(text, at, stop))
            at = stop + 1
        yield rows


# A plain-text table's row between pipes ("|  csky: | TODO |"), and a rule
# line of dashes under or between its rows ("------", "+----+----+").
_BORDERED_ROW_RE = lazy(r"[ \t]*+\|[^\n]*\|[ \t]*+\r?")
_RULE_LINE_RE = lazy(r"[ \t]*+[-=+]{3,}[-=+ \t]*+\r?")
# A line that opens with a pipe, found from the line break before it: a
# search that opens with a literal character skips text far faster.
_ROW_LINE_RE = lazy(r"\n[ \t]*+\|")


def _bordered_tables(text: str) -> Iterator[list[list[Span]]]:
    """The rows of ``text``'s plain-text tables, each row between pipes and
    rule lines of dashes among them (a kernel's table of architectures and
    their support of a feature), each row its cells. Not Markdown's: those
    have a delimiter row with pipes and are read by :func:`_markdown_tables`.
    A text with fewer than LIST_ITEMS lines that open with a pipe has no
    table :func:`table_columns` reads, and none is looked for."""
    if "|" not in text:
        return
    if len(_ROW_LINE_RE.findall(text)) + text.lstrip(" \t").startswith("|") < LIST_ITEMS:
        return
    rows: list[list[Span]] = []
    markdown = False
    start = 0
    for line in [*text.split("\n"), ""]:
        end = start + len(line)
        if _DELIMITER_RE.fullmatch(line):
            markdown = True
        elif _BORDERED_ROW_RE.fullmatch(line):
            rows.append(_cells(text, start, end))
        elif not _RULE_LINE_RE.fullmatch(line):
            if rows and not markdown:
                yield rows
            rows = []
            markdown = False
        start = end + 1


def _cells(text: str, start: int, end: int) -> list[Span]:
    """The cells of the table row ``text[start:end]``, each without the
    spaces around it, and without the pipes that open and close the row."""
    if text.endswith("\r", start, end):
        end -= 1
    borders = [m.start() for m in _CELL_BORDER_RE.finditer(text, start, end)]
    if text[start:end].lstrip().startswith("|"):
        start = borders.pop(0) + 1
    if borders and not text[borders[-1] + 1 : end].strip():
        end = borders.pop()
    cells: list[Span] = []
    for border in [*borders, end]:
        cell = text[start:border]
        lead = len(cell) - len(cell.lstrip())
        cells.append((start + lead, start + max(lead, len(cell.rstrip()))))
        start = border + 1
    return cells


def _initials_in_order(text: str) -> Iterator[list[Span]]:
    """Runs of at least LIST_ITEMS short lines whose first letters are in
    alphabetical order, with only blank lines between them: a cheap first
    look, line by line, before items are read and compared whole."""
    longest = ITEM_CHARACTERS + _MARGIN
    run: list[Span] = []
    last = ""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        head = line.lstrip(_LEAD)
        if head and not head.isspace():
            initial = head[0].lower()
            if len(line) > longest or not initial.isalpha() or initial < last:
                if len(run) >= LIST_ITEMS:
                    yield run
                run = []
                last = ""
            if len(line) <= longest and initial.isalpha():
                run.append((start, end))
                last = initial
        start = end + 1
    if len(run) >= LIST_ITEMS:
        yield run


def _ordered(text: str, lines: list[Span]) -> list[Span]:
    """The stretches of at least LIST_ITEMS of ``lines`` that are items (see
    ITEM_WORDS) in alphabetical order, each from its first item to its last."""
    spans: list[Span] = []
    stretch: list[tuple[int, int, str]] = []
    for start, end in lines:
        match = _ITEM_RE.fullmatch(text, start, end)
        item = match.group(1) if match is not None else ""
        key = _NOT_SORTED_RE.sub("", item).casefold()
        if stretch and (not item or key < stretch[-1][2]):
            if len(stretch) >= LIST_ITEMS:
                spans.append((stretch[0][0], stretch[-1][1]))
            stretch = []
        if match is not None and item.count(" ") < ITEM_WORDS:
            stretch.append((match.start(1), match.end(1), key))
    if len(stretch) >= LIST_ITEMS:
        spans.append((stretch[0][0], stretch[-1][1]))
    return spans
