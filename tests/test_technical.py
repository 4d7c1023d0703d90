"""The words of software writing the spelling stage leaves alone."""

from __future__ import annotations

from cleaner.technical import is_technical


def test_listed_words_in_any_case() -> None:
    for word in ("printf", "Printf", "PRINTF", "systemd", "musl", "libc", "scanf"):
        assert is_technical(word), word


def test_english_words_and_slips_are_not_listed() -> None:
    # Words the lexicon knows are never on the list; nor are their slips.
    for word in ("prints", "systems", "must", "the", "recieve", "teh", "splitted"):
        assert not is_technical(word), word
