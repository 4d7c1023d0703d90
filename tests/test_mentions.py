"""Words a text mentions: corrections it sets beside a wrong form, names alone in quotes."""

from __future__ import annotations

import pytest

from cleaner.mentions import corrected_in_place, quoted_name


def _pair(text: str, wrong: str, right: str) -> bool:
    start = text.index(wrong)
    return corrected_in_place(text, start, start + len(wrong), right)


def _quoted(text: str, word: str) -> bool:
    start = text.index(word)
    return quoted_name(text, start, start + len(word))


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Fix typo: recieve -> receive.", "recieve", "receive"),
        ("recieve --> receive", "recieve", "receive"),
        ("recieve => receive", "recieve", "receive"),
        ("recieve → receive", "recieve", "receive"),
        ("Drente->Drenthe, Noord", "Drente", "Drenthe"),
        ('Fixed "seperate" to "separate".', "seperate", "separate"),
        ("Replace seperate with separate.", "seperate", "separate"),
        ("changed “Saint” into “Sint”", "Saint", "Sint"),
        ("Write receive, not recieve.", "recieve", "receive"),
        ("Write receive (not recieve).", "recieve", "receive"),
        ("Use Receive instead of recieve.", "recieve", "receive"),
        ("receive <- recieve", "recieve", "receive"),
        # Two forms quoted side by side, either way round.
        ('("Cavuşoğlu" beside "Çavuşoğlu")', "Cavuşoğlu", "Çavuşoğlu"),
        ('a name ("Ezy-sur-Eure" for "Ézy-sur-Eure")', "Ezy-sur-Eure", "Ézy-sur-Eure"),
        ("spelt 'colour' or 'color'", "color", "colour"),
        ('"recieve" vs. "receive"', "recieve", "receive"),
        # One pair of quotes round both forms: a line of a list of misspellings.
        ('each line a pair ("accomodate accommodate")', "accomodate", "accommodate"),
        ('each line a pair ("accomodate\naccommodate")', "accomodate", "accommodate"),
        ("the pair 'teh the' at the end", "teh", "the"),
    ],
)
def test_a_correction_beside_the_wrong_form_is_a_pair(text: str, wrong: str, right: str) -> None:
    assert _pair(text, wrong, right)


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # The right form elsewhere in the sentence, or not as a whole word.
        ("tbe cat went to the mat", "tbe", "the"),
        ("I recieve mail, and receive it gladly.", "recieve", "receive"),
        ("recieve -> receiver", "recieve", "receive"),
        ("preceive, not recieve", "recieve", "receive"),
        # A connector with nothing after it.
        ("Fix typo: recieve ->", "recieve", "receive"),
        ("the end of recieve", "recieve", "receive"),
        # Unquoted, "for", "or" and "and" join ordinary words.
        ("tbe for the rest of it", "tbe", "the"),
        ("tbe or the other", "tbe", "the"),
        ('"tbe" for the rest', "tbe", "the"),
        # Beside its correction but not alone with it in quotes: a doubled word.
        ("she ohad had money", "ohad", "had"),
        ('"she ohad had money"', "ohad", "had"),
        ('"ohad had money"', "ohad", "had"),
        ('("accomodate\n\naccommodate")', "accomodate", "accommodate"),
    ],
)
def test_a_correction_elsewhere_is_no_pair(text: str, wrong: str, right: str) -> None:
    assert not _pair(text, wrong, right)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('the name "Ben Slimane" for Morocco', "Slimane"),
        ("Frederik 'Freso' Olesen", "Freso"),
        ("from “Saint Eustatius and Saba” to", "Saint Eustatius"),
        ("the ship «Anara» sailed", "Anara"),
        ('msgid for "Hawkes Bay" in all', "Hawkes Bay"),
    ],
)
def test_a_name_alone_in_quotes_is_quoted(text: str, word: str) -> None:
    assert _quoted(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Quotes around words of a sentence: a quotation, not a name mentioned.
        ('described Lavrov as the "Ribbentrop of his time"', "Ribbentrop"),
        ('he said "we sailed from Anara at dawn"', "Anara"),
        # Apostrophes are not quotes.
        ("to Hawke's Bay, and to Anara's port", "Anara"),
        # Quotes that closed before the name, or open on another line.
        ('"Yes," she said in Anara today', "Anara"),
        ('"Ankara and\nAnara" today', "Anara"),
        # No closing quote.
        ('the "Anara road', "Anara"),
    ],
)
def test_a_name_in_a_quoted_sentence_or_unquoted_is_not(text: str, word: str) -> None:
    assert not _quoted(text, word)
