"""Text the word stages leave alone: alphabetised lists, and other languages' paragraphs beside them."""

from __future__ import annotations

import pytest

from cleaner import propose
from cleaner.apart import (
    LIST_ITEMS,
    comma_lists,
    set_apart,
    sorted_lists,
    table_columns,
    word_lists,
)

HEADWORDS = ["borken", "bot", "fnord", "frink", "fscking", "hack", "hack attack", "notwork"]
FRENCH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir "
    "les agriculteurs touchés par la sécheresse, et les aides seront versées avant la fin du mois."
)


def _listed(text: str) -> list[str]:
    return [text[start:end] for start, end in sorted_lists(text)]


@pytest.mark.parametrize("gap", ["\n", "\n\n", "\r\n", "\r\n\r\n", "\n   \n"])
def test_headwords_in_order_one_to_a_line_are_a_list_whatever_the_blank_lines(gap: str) -> None:
    index = gap.join(f"   {word}" for word in HEADWORDS).replace("\r", "")
    index = index.replace("\n", "\r\n") if "\r" in gap else index
    text = f"The entries:{gap}{gap}{index}{gap}{gap}Each entry is explained below, at length.{gap}"
    assert [item.split() for item in _listed(text)] == [
        ["borken", "bot", "fnord", "frink", "fscking", "hack", "hack", "attack", "notwork"]
    ]


def test_order_is_a_dictionarys_case_and_marks_aside() -> None:
    items = ["fred", "Fred Foobar", "frednet", "FSF", "-fu", "FUBAR", "fudge", "GNU", "'gonk'"]
    text = "\n".join(f"* {item}" for item in items)
    assert _listed(text) == [text[2:]]


@pytest.mark.parametrize(
    "items",
    [
        HEADWORDS[: LIST_ITEMS - 1],  # too few to tell from chance
        ["one", "two", "three", "four", "five", "six", "seven", "eight"],  # not in order
        [f"{n}\tiabbrev {w}" for n, w in enumerate("abcdefgh", 10)],  # numbered: a listing
        [
            "configure the build",
            "download it",
            "install files",
            "read the notes",
            "run tests",
            "unpack it",
            "verify it",
            "write a report",
        ],  # steps: phrases, not headwords
    ],
)
def test_what_is_no_alphabetised_list(items: list[str]) -> None:
    assert sorted_lists("\n".join(items) + "\n") == ()


def test_a_line_of_prose_ends_a_list_and_the_order_starts_again_after_it() -> None:
    first = ["apple", "banana", "cherry", "damson", "elder", "fig", "grape", "hazel"]
    second = ["ash", "beech", "cedar", "deal", "elm", "fir", "gum", "holly"]
    text = (
        "\n".join(first)
        + "\nAnd the trees that grow in the orchard beside them:\n"
        + "\n".join(second)
    )
    assert _listed(text) == ["\n".join(first), "\n".join(second)]


def test_a_list_and_a_paragraph_in_another_language_are_both_set_apart_in_order() -> None:
    index = "\n".join(HEADWORDS)
    text = f"{FRENCH}\n\n{index}\n\nThe rest of the page is written in English, as the notes say.\n"
    spans = set_apart(text)
    assert [text[start:end] for start, end in spans] == [FRENCH, index]


def test_a_listed_word_counts_as_the_documents_own_use() -> None:
    # "borken" written once in the prose and once in the index is the
    # document's word twice over: not a slip of "broken".
    index = "\n".join(HEADWORDS)
    text = f"Words:\n\n{index}\n\nA borken build is one that fails in a funny way.\n"
    assert [(e.before, e.after) for e in propose(text)] == []
    assert [(e.before, e.after, e.safe) for e in propose("A borken build fails.\n")] == [
        ("borken", "broken", True)
    ]


# A search engine's ranked list of Portuguese stop words, glossed in English:
# no order, a comment after each word or none.
STOP_WORDS = (
    " | A Portuguese stop word list. Comments begin with vertical bar.\n\n"
    "de             |  of, from\n"
    "a              |  the; to, at; her\n"
    "o              |  the; him\n"
    "que            |  who, that\n"
    "  | foi        from SER\n"
    "ao             |  a + o\n\n"
    "fui\nfoi\nfomos\nforam\nfora\nseja\nfosse\nfor\nformos\nforem\n"
)


def test_a_word_list_in_any_order_is_set_apart_and_its_words_are_not_read() -> None:
    text = "The words the index leaves out:\n\n" + STOP_WORDS + "\nThe rest of the page is prose.\n"
    [(start, end)] = word_lists(text)
    assert text[start:end].startswith("de ") and text[start:end].endswith("forem")
    assert set_apart(text) == ((start, end),)
    # Read as prose, "foi" was "for", "foram" "forum" and "the, her" lost its comma.
    assert propose(text) == []


def test_a_table_of_word_forms_set_apart_by_wide_gaps_is_a_word_list() -> None:
    rows = [
        "minä   minun  minut  minua  minussa minusta minuun minulla minulta minulle   | I",
        "sinä   sinun  sinut  sinua  sinussa sinusta sinuun sinulla sinulta sinulle   | you",
        "hän    hänen  hänet  häntä  hänessä hänestä häneen hänellä häneltä hänelle   | he she",
    ]
    forms = ["olla", "olen", "olet", "on", "olemme", "olette", "ovat", "ole"]
    text = "\n".join(rows) + "\n\n" + "\n".join(forms) + "\n"
    assert [text[s:e].split()[:2] for s, e in word_lists(text)] == [["minä", "minun"]]
    assert not any(e.rule.startswith("spelling") for e in propose(text))


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(["fui", "foi", "fomos", "foram", "fora", "seja", "fosse"]) + "\n",  # too few
        # Prose in short lines, words set apart by one space: verse, not a list.
        "The wind\nwas cold\nand we\nwent home\nby the road\nthat runs\nalong the\nriver bank\n",
        # Items with marks: a list of features, read as prose.
        "\n".join(
            f"- {w}"
            for w in ["Fast", "Simple", "Secure", "Recieve", "Send", "Sort", "Seek", "Sync"]
        ),
    ],
)
def test_what_is_no_word_list(text: str) -> None:
    assert word_lists(text) == ()


ALIASES = [
    ("Access logs", "accesslog"),
    ("Alan", "ln"),
    ("Haxe", "haxe, hx"),
    ("Hy", "hy, hylang"),
    ("Jaiva", "jaiva, jiv, jva"),
    ("Lasso", "ls"),
    ("LiveScript", "livescript, ls"),
    ("SVG", "xml, svg"),
]


def _table(rows: list[tuple[str, str]], notes: str = "as the project's makers spell it") -> str:
    head = "| Language | Aliases | Notes |\n| :--- | :---: | --- |\n"
    return head + "".join(f"| {a} | {b} | {notes} |\n" for a, b in rows)


def test_a_table_column_of_entries_is_set_apart_cell_by_cell() -> None:
    text = "The languages:\n\n" + _table(ALIASES, "spelt as its makers spell it, and so on.")
    cells = [text[s:e] for s, e in table_columns(text)]
    # Both columns of entries, each cell without its padding; not the notes (prose).
    assert cells[:4] == ["Access logs", "accesslog", "Alan", "ln"]
    assert len(cells) == 2 * len(ALIASES)
    assert set(table_columns(text)) <= set(set_apart(text))
    assert not any(e.rule.startswith(("spelling", "names")) for e in propose(text, kind="markdown"))


def test_a_table_is_found_without_outer_pipes_and_with_crlf_line_ends() -> None:
    bare = "Language | Aliases\n--- | ---\n" + "".join(f"{a} | {b}\n" for a, b in ALIASES)
    crlf = bare.replace("\n", "\r\n")
    for text in (bare, crlf):
        cells = [text[s:e] for s, e in table_columns(text)]
        assert cells[:2] == ["Access logs", "accesslog"] and len(cells) == 2 * len(ALIASES)


def test_an_escaped_pipe_stays_inside_its_cell() -> None:
    text = _table([*ALIASES[:-1], ("ES\\|QL", "esql")])
    cells = [text[s:e] for s, e in table_columns(text)]
    # "ES\|QL" is one cell (no entry: a mark no word holds), "esql" the next.
    assert "esql" in cells and "QL" not in cells and len(cells) == 2 * len(ALIASES) - 1


@pytest.mark.parametrize(
    "text",
    [
        _table(ALIASES[: LIST_ITEMS - 1]),  # too few rows
        # Two cells of prose in a column of eight: its slips are read.
        _table(
            [*ALIASES[:6], ("Recieve the data, then send it", "rx"), ("Seperate it; then", "sx")]
        ),
        # No delimiter row: pipes in prose, not a table.
        "".join(f"{a} | {b}\n" for a, b in ALIASES),
    ],
)
def test_what_is_no_table_column_of_entries(text: str) -> None:
    cells = [text[s:e] for s, e in table_columns(text)]
    assert not any(c.startswith(("Access", "Recieve", "Seperate")) for c in cells)


PIN_GROUPS = (
    "Valid values for pin and group names are:\n\n"
    "  mux groups:\n\n"
    "    ata, atb, atc, atd, ate, cdev1, cdev2, crtp, csus, dap1, dap2,\n"
    "    ddc, dta, dtb, dtc, dtd, gma, gmb, gpu, gpu7, kbca, kbcb,\n"
    "    displaya, displayb, emc_test0_dll, i2cp, owr, uda.\n\n"
    "The driver consolidates, disambiguates, and corrects data from all those sources.\n"
)


def test_a_comma_list_of_single_words_wrapped_over_lines_is_set_apart() -> None:
    spans = comma_lists(PIN_GROUPS)
    assert [PIN_GROUPS[s:e].split()[0] for s, e in spans] == ["ata,"]
    assert PIN_GROUPS[spans[0][1] - 4 : spans[0][1]] == "uda."
    assert set(spans) <= set(set_apart(PIN_GROUPS))
    # Its names are entries ("atd", "dta", "displaya" were read as "and",
    # "data", "displays"), and they no longer make the prose read as OCR.
    assert not [e for e in propose(PIN_GROUPS) if e.rule.startswith("spelling")]


@pytest.mark.parametrize(
    "text",
    [
        # Prose: items of two words, "and" before the last, a sentence around it.
        "We tried apples, pears, plums, figs, dates, limes, kiwis and grapes.\n",
        "red apples, green pears, ripe plums, dried figs,\nfresh dates, sour limes, kiwis, grapes\n",
        # A line that does not end with a comma ends the run: two short runs.
        "ata, atb, atc, atd\nate, dta, dtb, gpu7\n",
        # Too few words.
        "    ata, atb, atc, atd, ate, dta, dtb.\n",
    ],
)
def test_what_is_no_comma_list(text: str) -> None:
    assert comma_lists(text) == ()


ARCHES = ["alpha", "arc", "arm", "arm64", "csky", "hexagon", "ia64", "loong", "m68k", "mips"]


def _arch_table(rows: list[str]) -> str:
    rule = "    -----------------------\n"
    lines = "".join(f"    | {row:>12} |  ok  |\n" for row in rows)
    return f"# Feature name: jump-labels\n#\n{rule}    |         arch |status|\n{rule}{lines}{rule}"


def test_a_plain_text_table_between_pipes_has_its_columns_of_entries_set_apart() -> None:
    text = _arch_table([f"{a}:" for a in ARCHES])
    cells = [text[s:e] for s, e in table_columns(text)]
    assert cells[:4] == ["arch", "status", "alpha:", "ok"]
    assert len(cells) == 2 * (len(ARCHES) + 1)
    # "csky", "loong" and "mips" are architectures, not "sky", "long", "maps".
    assert not [e for e in propose(text) if e.rule.startswith("spelling")]


def test_a_markdown_table_with_outer_pipes_is_read_once() -> None:
    text = _table(ALIASES)
    assert len(table_columns(text)) == len(set(table_columns(text))) == 2 * len(ALIASES)


@pytest.mark.parametrize(
    "text",
    [
        _arch_table([f"{a}:" for a in ARCHES[: LIST_ITEMS - 2]]),  # too few rows
        # A line of prose between the rows ends the table.
        _arch_table([f"{a}:" for a in ARCHES]).replace(
            "    |        ia64:", "Recieve the data, then send it\n    |        ia64:"
        ),
    ],
)
def test_what_is_no_plain_text_table_of_entries(text: str) -> None:
    assert table_columns(text) == ()
