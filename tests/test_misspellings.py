"""Common misspellings: the word each stands for, found in the shipped list."""

from __future__ import annotations

from cleaner.misspellings import correction


def test_listed_misspellings_in_any_case() -> None:
    assert correction("accomodate") == "accommodate"
    assert correction("Recieved") == "received"
    assert correction("NECCESSARY") == "necessary"


def test_right_words_and_unlisted_forms_have_none() -> None:
    for word in ("accommodate", "received", "the", "printf", "repotr", "naïve", "don't", ""):
        assert correction(word) is None, word


def test_first_and_last_pairs_are_found() -> None:
    # The binary search must reach both ends of the list.
    from cleaner.resources import dictionary_path

    lines = dictionary_path("misspellings.txt").read_text(encoding="utf-8").splitlines()
    pairs = [line.split(" ") for line in lines if not line.startswith("#")]
    for wrong, right in (pairs[0], pairs[len(pairs) // 2], pairs[-1]):
        assert correction(wrong) == right
