"""Checks on the shipped lexicon and bigram list and on their build script."""

from __future__ import annotations

import importlib.util
import itertools
import re
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[2]
LEXICON = ROOT / "dictionaries" / "lexicon.txt"
BIGRAMS = ROOT / "dictionaries" / "bigrams.txt"
BUILD_SCRIPT = ROOT / "dictionaries" / "tools" / "build_lexicon.py"


@cache
def lexicon_rows() -> list[tuple[str, int]]:
    rows = []
    for line in LEXICON.read_text(encoding="utf-8").splitlines()[1:]:
        assert re.fullmatch(r"[a-z']+ [1-9][0-9]*", line), line
        word, count = line.split(" ")
        rows.append((word, int(count)))
    return rows


@cache
def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_lexicon", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lexicon_is_well_formed_without_duplicates() -> None:
    words = [w for w, _ in lexicon_rows()]
    assert len(words) == len(set(words)) > 80_000
    assert LEXICON.read_bytes().endswith(b"\n") and b"\r" not in LEXICON.read_bytes()


def test_lexicon_header_gives_the_total() -> None:
    header = LEXICON.read_text(encoding="utf-8").partition("\n")[0]
    assert header == f"# total {sum(c for _, c in lexicon_rows())}"


def test_lexicon_is_most_frequent_first() -> None:
    # Lexicon.words_at_least finds the common words as a prefix by bisection.
    counts = [c for _, c in lexicon_rows()]
    assert all(a >= b for a, b in itertools.pairwise(counts))


def test_lexicon_keeps_the_words_the_corrector_relies_on() -> None:
    words = dict(lexicon_rows())
    for word in ("the", "modern", "minister", "neighbour", "neighbor", "analyze", "theater"):
        assert word in words, word
    for dropped in build_script().DROPPED:
        assert dropped not in words


@cache
def bigram_lines() -> tuple[str, list[str]]:
    header, *lines = BIGRAMS.read_text(encoding="utf-8").splitlines()
    return header, lines


def test_bigrams_are_sorted_pairs_of_lexicon_words() -> None:
    words = dict(lexicon_rows())
    header, lines = bigram_lines()
    pairs = set()
    counts = []
    for line in lines:
        first, second, count = line.split(" ")
        assert first in words and second in words, line
        counts.append(int(count))
        pairs.add((first, second))
    assert len(pairs) == len(lines) > 200_000
    assert ("it", "is") in pairs and ("of", "the") in pairs
    # Readers bisect the lines and take the floor from the header.
    assert lines == sorted(lines)
    assert header == f"# smallest count {min(counts)}"


def test_bigram_counts_are_on_the_lexicon_scale() -> None:
    words = dict(lexicon_rows())
    following: dict[str, int] = {}
    for line in bigram_lines()[1]:
        first, _, count = line.split(" ")
        following[first] = following.get(first, 0) + int(count)
    # A word cannot be followed more often than it occurs.
    for word in ("the", "of", "and", "to", "in"):
        assert 0.5 * words[word] < following[word] <= 1.4 * words[word], word


@pytest.mark.parametrize("package", ["symspellpy", "spellchecker"])
def test_build_inputs_are_installed(package: str) -> None:
    assert importlib.util.find_spec(package) is not None


def test_rebuild_reproduces_shipped_files() -> None:
    lexicon, bigrams = build_script().render()
    assert lexicon == LEXICON.read_bytes()
    assert bigrams == BIGRAMS.read_bytes()
