"""The symspellpy index: correct lookups, built once, cached on disk, never trusted when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import candidates
from cleaner.lexicon import Lexicon

WORDS = Lexicon({"modern": 90, "model": 50, "mode": 40, "the": 1000, "there": 300})


@pytest.fixture(autouse=True)
def private_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_lookup_finds_words_within_the_distance() -> None:
    index = candidates.SymSpellIndex(WORDS)
    assert sorted(index.lookup("modle", 1)) == [("mode", 1), ("model", 1)]
    assert ("modern", 2) in index.lookup("modrm", 2)
    # The word itself is never its own candidate.
    assert sorted(index.lookup("modern", 2)) == [("mode", 2), ("model", 2)]


def test_index_is_built_once_then_read_from_the_cache(
    monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    candidates.SymSpellIndex(WORDS)
    assert len(list(private_cache.glob("symspell-*.bin"))) == 1

    def no_build(words: dict[str, int]) -> tuple[dict[str, list[str]], int]:
        raise AssertionError("rebuilt although the cache is current")

    monkeypatch.setattr(candidates, "_build", no_build)
    assert candidates.SymSpellIndex(WORDS).lookup("modle", 1)


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_a_damaged_cache_is_rebuilt(private_cache: Path, damage: str) -> None:
    candidates.SymSpellIndex(WORDS)
    (path,) = private_cache.glob("symspell-*.bin")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncate" else data[:40] + b"x" * 50)
    index = candidates.SymSpellIndex(WORDS)
    assert sorted(index.lookup("modle", 1)) == [("mode", 1), ("model", 1)]
    assert path.read_bytes() == data  # rewritten whole


def test_another_lexicon_gets_its_own_entry(private_cache: Path) -> None:
    candidates.SymSpellIndex(WORDS)
    other = candidates.SymSpellIndex(Lexicon({"house": 10, "horse": 5}))
    assert len(list(private_cache.glob("symspell-*.bin"))) == 2
    assert sorted(other.lookup("hovse", 1)) == [("horse", 1), ("house", 1)]


def test_key_names_what_the_index_depends_on() -> None:
    key = candidates.index_key({"a": 1})
    assert key != candidates.index_key({"b": 1})
    assert f"/{candidates.MAX_DISTANCE}/{candidates.PREFIX_LENGTH}/" in key


def test_lookups_equal_symspellpy_over_its_own_tables() -> None:
    # The index keeps symspellpy's tables in other shapes (one sorted text,
    # the lexicon itself); every lookup must give what symspellpy's own gives.
    from symspellpy import SymSpell, Verbosity

    lexicon = Lexicon(
        {"modern": 90, "model": 50, "mode": 40, "the": 1000, "there": 300, "then": 200,
         "a": 5000, "an": 900, "o'er": 3, "prisoner": 70, "prison": 60, "poison": 20}
    )  # fmt: skip
    plain = SymSpell(candidates.MAX_DISTANCE, candidates.PREFIX_LENGTH)
    for word, count in lexicon.items():
        plain.create_dictionary_entry(word, count)
    index = candidates.SymSpellIndex(lexicon, use_cache=False)
    queries = ["modle", "modrm", "tne", "thcre", "a", "x", "", "prisnoer", "poisom", "o'er", "oer"]
    for query in queries:
        for distance in (1, 2):
            expected = [
                (item.term, item.distance)
                for item in plain.lookup(query, Verbosity.ALL, distance)
                if item.term != query
            ]
            assert index.lookup(query, distance) == expected, (query, distance)


def test_sorted_deletes_answer_membership_and_lists() -> None:
    words = ["a", "mode", "model"]
    table = candidates._decode(
        candidates._encode({"": ["a"], "mod": ["mode", "model"]}, 6, words), words
    )
    assert table is not None
    deletes, longest = table
    assert longest == 6 and len(deletes) == 2
    assert "mod" in deletes and deletes["mod"] == ["mode", "model"]
    assert "" in deletes and deletes[""] == ["a"]
    assert "mo" not in deletes and "modx" not in deletes
    with pytest.raises(KeyError):
        deletes["mo"]
    assert candidates._decode(b"six\nmod\tmode\n", words) is None  # a damaged header


def test_words_are_kept_as_their_places() -> None:
    # Each word is its place in the given list, 4 bytes, after the lines.
    words = [f"w{i}" for i in range(200)]
    payload = candidates._encode({"w": words[::-1], "x": words[:1]}, 4, words)
    assert payload.startswith(b"4 16\nw\t0 200\nx\t200 1\n")
    assert len(payload) == len(b"4 16\n") + 16 + 4 * 201
    table = candidates._decode(payload, words)
    assert table is not None and table[0]["w"] == words[::-1] and table[0]["x"] == ["w0"]
    assert candidates._decode(payload[:-1], words) is None  # cut short
