"""The words of software writing the spelling stage leaves alone."""

from __future__ import annotations

from cleaner.technical import is_technical, is_technical_form


def test_listed_words_in_any_case() -> None:
    for word in ("printf", "Printf", "PRINTF", "systemd", "musl", "libc", "scanf"):
        assert is_technical(word), word


def test_english_words_and_slips_are_not_listed() -> None:
    # Words the lexicon knows are never on the list; nor are their slips.
    for word in ("prints", "systems", "must", "the", "recieve", "teh", "splitted"):
        assert not is_technical(word), word


def test_a_listed_word_with_an_ending_is_a_form_of_it() -> None:
    # "mmaped", "mmapped", "makefiles", "umounted": the word with an ending,
    # its last letter doubled or its final e dropped before it.
    for word in ("mmaped", "mmapped", "makefiles", "Makefiles", "umounted", "mallocs"):
        assert is_technical_form(word), word
        assert not is_technical(word), word


def test_english_words_and_short_stems_are_no_forms() -> None:
    # English words are not listed, and a stem of fewer than four letters is
    # as often a fragment of an English word.
    for word in ("prints", "systems", "recieved", "libs", "gccs"):
        assert not is_technical_form(word), word
