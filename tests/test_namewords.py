"""Capitalised words and runs of them."""

from __future__ import annotations

from cleaner.namewords import joined, name_words, neighbours


def texts(text: str) -> list[str]:
    return [w.text for w in name_words(text)]


def test_capitalised_words_without_possessives() -> None:
    assert texts("Anara's view and Lashkar-e-Taiba’s men in Saint-Denis") == [
        "Anara", "Lashkar-e-Taiba", "Saint-Denis",
    ]  # fmt: skip


def test_acronyms_camel_case_and_lower_case_words_are_left_out() -> None:
    assert texts("NATO, GitHub, iPhone, McAllen and O'Neill met turkey farmers") == ["O'Neill"]


def test_sentence_starts() -> None:
    text = 'Berk said. "Esen agreed," wrote (Soner).\nKuleba and Lavrov'
    starts = {w.text: w.sentence_start for w in name_words(text)}
    assert starts == {
        "Berk": True, "Esen": True, "Soner": False, "Kuleba": True, "Lavrov": False,
    }  # fmt: skip


def test_runs_join_on_single_spaces_and_connectors() -> None:
    text = "in Rio de Janeiro,  Sao  Paulo and Bosnia and Herzegovina"
    found = name_words(text)
    assert [w.text for w in found] == [
        "Rio", "Janeiro", "Sao", "Paulo", "Bosnia", "Herzegovina",
    ]  # fmt: skip
    assert joined(found, 0, 1, text)  # "de"
    assert not joined(found, 1, 2, text)  # a comma
    assert not joined(found, 2, 3, text)  # two spaces
    assert joined(found, 4, 5, text)  # "and"


def test_neighbours_are_one_space_away() -> None:
    text = "said Berk Esen, and Essen"
    found = name_words(text)
    assert [w.text for w in neighbours(found, 1, text)] == ["Berk"]
    assert neighbours(found, 2, text) == []
