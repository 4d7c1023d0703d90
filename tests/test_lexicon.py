"""The lexicon answers the same whether it searches its sorted copy or holds a dict."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cleaner import lexicon
from cleaner.lexicon import Lexicon, default_lexicon
from cleaner.resources import dictionary_path


def parsed() -> Lexicon:
    return Lexicon.from_text(dictionary_path("lexicon.txt").read_text("utf-8"))


def probes() -> list[str]:
    words = list(parsed().words_at_least(0))
    sample = random.Random(7).sample(words, 300)
    return [
        *sample,
        *(w.title() for w in sample[:50]),
        *(w.upper() for w in sample[50:80]),
        *(w + "q" for w in sample[80:130]),  # mostly unknown
        *(w[:-1] for w in sample[130:180]),
        words[0],
        words[-1],
        "a",
        "zzzzzz",
        "Kuleba",
        "o'er",
        "",
        "new york",
        "two\nlines",
    ]


def test_searching_answers_as_the_dict_does(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexicon, "SEARCHES_BEFORE_DICT", 10**6)
    full = parsed()
    searched = default_lexicon()
    for word in probes():
        assert (word in searched) == (word in full), word
        assert searched.count(word) == full.count(word), word
    assert searched._dict is None  # all of that was searched: no dict built
    for min_count in (0, 1, 158_000, 10_000_000, 10**9, 10**12):
        assert searched.words_at_least(min_count) == full.words_at_least(min_count)
    assert searched._dict is None
    assert searched.total == full.total and len(searched) == len(full)


def test_a_busy_document_gets_the_dict(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "SEARCHES_BEFORE_DICT", 3)  # the loop below asks 6 times
    searched, full = default_lexicon(), parsed()
    for word in ("the", "of", "Kuleba", "ankara", "zzz"):
        assert searched.count(word) == full.count(word)
    assert searched._dict is not None
    for word in ("the", "of", "Kuleba", "ankara", "zzz"):  # now answered by the dict
        assert (word in searched) == (word in full) and searched.count(word) == full.count(word)


def test_a_check_of_known_words_never_reads_the_ranked_list(fresh_cache: Path) -> None:
    # The sorted copy in the cache answers the lookups, and says the list is
    # all in lower case; the ranked list is read only when its order or
    # total is asked for.
    default_lexicon()  # builds the cache entry
    default_lexicon.cache_clear()
    searched, full = default_lexicon(), parsed()
    assert searched.count("Ankara") == full.count("Ankara") > 0 and "kuleba" not in searched
    assert searched._read_ranked is not None and searched._lower
    assert searched.total == full.total
    assert searched._read_ranked is None
    assert searched.words_at_least(10**9) == full.words_at_least(10**9)


def test_sorted_copy_is_cached_and_reused(fresh_cache: Path) -> None:
    default_lexicon()
    (entry,) = fresh_cache.glob("lexicon-*")
    stamp = entry.stat().st_mtime_ns
    default_lexicon.cache_clear()
    assert "ankara" in default_lexicon()
    assert entry.stat().st_mtime_ns == stamp  # read, not rebuilt


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[: len(data) // 2], lambda data: data.replace(b"\nthe ", b"\nthx ", 1)],
    ids=["truncated", "altered"],
)
def test_damaged_copy_is_rebuilt_not_trusted(fresh_cache: Path, damage: object) -> None:
    default_lexicon()
    (entry,) = fresh_cache.glob("lexicon-*")
    assert callable(damage)
    entry.write_bytes(damage(entry.read_bytes()))
    default_lexicon.cache_clear()
    assert "the" in default_lexicon() and "thx" not in default_lexicon()
    assert "zebra" in default_lexicon()
    default_lexicon.cache_clear()
    assert "the" in default_lexicon()  # the rewritten entry is whole again


def test_the_words_alone_are_read_only_when_asked_for_and_rebuilt_when_damaged(
    fresh_cache: Path,
) -> None:
    # A check whose words are all known never reads the second entry; one
    # that asks for candidates reads it, and a damaged one is not trusted.
    searched = default_lexicon()
    assert "the" in searched
    assert list(fresh_cache.glob("lexicon_words-*")) == []
    expected = sorted(parsed().words())
    assert searched.alphabetical == expected
    # An entry of its own kind, so that it takes no place of another
    # install's sorted copy when old entries are pruned.
    (words,) = fresh_cache.glob("lexicon_words-*")
    assert len(list(fresh_cache.glob("lexicon-*"))) == 1
    data = words.read_bytes()
    words.write_bytes(data.replace(b"\nthe\n", b"\nthx\n", 1))
    default_lexicon.cache_clear()
    assert default_lexicon().alphabetical == expected
    assert words.read_bytes() == data  # rewritten whole


def test_another_list_gets_its_own_copy(
    fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default_lexicon()
    edited = tmp_path / "other" / "lexicon.txt"
    edited.parent.mkdir()
    edited.write_text("# total 15\nkuleba 10\nthe 5\n", "utf-8")
    monkeypatch.setattr(lexicon, "dictionary_path", lambda name: edited)
    default_lexicon.cache_clear()
    assert "Kuleba" in default_lexicon() and "ankara" not in default_lexicon()
    assert default_lexicon().words_at_least(6) == ["kuleba"]
    assert len(list(fresh_cache.glob("lexicon-*"))) == 2


def test_unwritable_cache_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))
    default_lexicon.cache_clear()
    try:
        assert "ankara" in default_lexicon() and "kuleba" not in default_lexicon()
    finally:
        default_lexicon.cache_clear()


def test_words_are_every_word_as_a_set() -> None:
    words = Lexicon({"a": 120, "b": 99, "c": 100}).words()
    assert "b" in words and "d" not in words and set(words) == {"a", "b", "c"}


def test_the_alphabetical_words_are_the_dicts_words(fresh_cache: Path) -> None:
    # Read off the sorted copy before the dict is built, then shared with it:
    # one string per word in a worker, not two.
    searched, full = default_lexicon(), parsed()
    alphabetical = searched.alphabetical
    assert alphabetical == sorted(full.words())
    assert searched._dict is None
    keys = sorted(searched.words())  # now parsed
    assert searched._dict is not None
    assert all(key is word for key, word in zip(keys, alphabetical, strict=True))
    assert all(searched.count(w) == full.count(w) for w in alphabetical[::97])


def test_a_capitalised_word_is_looked_up_in_lower_case_once(fresh_cache: Path) -> None:
    # The shipped list is all lower case: "Ankara" costs one search, as
    # "ankara", and asking for "ankara" again costs none.
    searched = default_lexicon()
    before = searched._searches
    assert searched.count("Ankara") == searched.count("ankara") > 0
    assert searched._searches == before + 1
    assert searched.count("Kuleba") == searched.count("kuleba") == 0
    assert searched._searches == before + 2  # an unknown word's answer is kept too
    # A list with capitals in it is still searched as written first.
    mixed = Lexicon._lazy("Ankara 5\nthe 9\n", "Ankara 5\nthe 9\n")
    assert mixed.count("Ankara") == 5 and mixed.count("ANKARA") == 0 and "THE" in mixed
