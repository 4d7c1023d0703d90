from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import letters
from cleaner.letters import WORD_WEIGHTS, LetterModel, word_model
from cleaner.stages.spelling import LIKE_WORD


def test_names_model_prefers_name_like_strings() -> None:
    model = LetterModel(LetterModel.count(["ankara", "antalya", "adana"]))
    assert model.log10_probability("ankara") > model.log10_probability("aknara")


def test_word_patterns_score_above_garble() -> None:
    model = word_model()
    # Unknown forms that read like English: a rare word, misreadings that keep
    # English's patterns (the channel still judges those), jargon.
    for word in ("libellous", "libellons", "plisoner", "cindlitions", "reflog"):
        assert model.per_letter(word) > LIKE_WORD, word
    # OCR garble from the BLN600 train pages and the fixtures.
    for word in ("amonnkt", "brougbt", "rnodern", "watcb", "kuown"):
        assert model.per_letter(word) < LIKE_WORD - 0.3, word
    # Old spellings keep most of English's patterns: their keep prior drops by
    # half of what garble's does at most.
    for word in ("soone", "beleeve"):
        assert model.per_letter(word) > LIKE_WORD - 0.15, word


def test_word_model_does_not_back_off_to_shorter_contexts() -> None:
    counts = LetterModel.count(["abc", "xbd"])
    # "bd" is a known pair, but no word has "abd": the word model says so.
    words = LetterModel(counts, WORD_WEIGHTS)
    names = LetterModel(counts)
    assert words.per_letter("abd") < names.per_letter("abd")
    assert words.per_letter("abc") == pytest.approx(words.log10_probability("abc") / 4)


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    word_model.cache_clear()
    yield tmp_path
    word_model.cache_clear()


def test_word_model_is_cached_and_a_corrupt_entry_is_rebuilt(fresh_cache: Path) -> None:
    built = word_model().per_letter("brougbt")
    (entry,) = fresh_cache.glob("letters-*.bin")
    word_model.cache_clear()
    assert word_model().per_letter("brougbt") == built
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])  # cut short, as by a crash
    word_model.cache_clear()
    assert word_model().per_letter("brougbt") == built
    assert entry.read_bytes() == data


def test_word_model_reads_a_valid_entry_without_counting(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    word_model()
    word_model.cache_clear()

    def no_counting(strings: object) -> dict[str, int]:
        raise AssertionError("counted again")

    monkeypatch.setattr(letters.LetterModel, "count", staticmethod(no_counting))
    assert word_model().per_letter("prisoner") > LIKE_WORD
