"""The Python distance path agrees with rapidfuzz's, hit for hit and in order."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from cleaner import fuzzy

# Few letters, so that close strings (and ties) are common.
words = st.text(alphabet="abcdeç", max_size=8)


@settings(max_examples=400, deadline=None)
@given(words, words, st.integers(0, 3))
def test_osa_matches_rapidfuzz(a: str, b: str, cutoff: int) -> None:
    assert fuzzy.osa(a, b, cutoff) == OSA.distance(a, b, score_cutoff=cutoff)


@settings(max_examples=200, deadline=None)
@given(words, st.lists(words, max_size=30), st.integers(0, 2))
def test_within_matches_rapidfuzz_extract(query: str, choices: list[str], cutoff: int) -> None:
    expected = [
        (choice, int(distance), position)
        for choice, distance, position in process.extract(
            query, choices, scorer=OSA.distance, score_cutoff=cutoff, limit=None
        )
    ]
    assert fuzzy.python_within(query, choices, cutoff) == expected


def test_few_choices_are_compared_without_importing_rapidfuzz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choices = ["ankara", "angora", "ankra", "kanra", "antalya"]
    expected = [("ankra", 0, 2), ("ankara", 1, 0), ("angora", 2, 1), ("kanra", 2, 3)]
    monkeypatch.delitem(sys.modules, "rapidfuzz.process")
    called = []
    monkeypatch.setattr(fuzzy, "python_within", lambda *a: called.append(a) or expected)
    assert fuzzy.within("ankra", choices, 2) == expected and called
    called.clear()
    monkeypatch.setattr(fuzzy, "PYTHON_PAIRS", 2)  # now a large set: rapidfuzz's answer
    assert fuzzy.within("ankra", choices, 2) == expected and not called
