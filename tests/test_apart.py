"""Text the word stages leave alone: alphabetised lists, and other languages' paragraphs beside them."""

from __future__ import annotations

import pytest

from cleaner import propose
from cleaner.apart import LIST_ITEMS, set_apart, sorted_lists

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
