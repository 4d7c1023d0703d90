"""The bounded memo the word stages keep their repeated answers in."""

from __future__ import annotations

import pytest

from cleaner.memo import Memo


def test_each_answer_is_worked_out_once() -> None:
    asked: list[str] = []

    def upper(word: str) -> str:
        asked.append(word)
        return word.upper()

    memo = Memo(upper, limit=10)
    assert [memo["a"], memo["b"], memo["a"], memo["b"]] == ["A", "B", "A", "B"]
    assert asked == ["a", "b"]


def test_it_empties_before_holding_more_than_its_limit() -> None:
    memo = Memo(len, limit=3)
    for word in ("a", "bb", "ccc"):
        memo[word]
    assert len(memo) == 3
    assert memo["dddd"] == 4
    assert dict(memo) == {"dddd": 4}


def test_a_failed_answer_is_not_kept() -> None:
    def fail(key: str) -> int:
        raise ValueError(key)

    memo: Memo[str, int] = Memo(fail, limit=3)
    with pytest.raises(ValueError):
        memo["x"]
    assert "x" not in memo


def test_last_call_answers_again_only_for_the_very_same_objects() -> None:
    from cleaner.memo import last_call

    asked: list[tuple[object, ...]] = []

    @last_call
    def total(counts: dict[str, int], extra: int) -> int:
        asked.append((counts, extra))
        return sum(counts.values()) + extra

    counts = {"a": 1, "b": 2}
    assert total(counts, 1) == total(counts, 1) == 4
    assert len(asked) == 1
    assert total(dict(counts), 1) == 4  # equal, but another dict: worked out again
    assert len(asked) == 2
    assert total(counts, 2) == 5  # another second argument
    assert len(asked) == 3
    assert total(counts, 1) == 4  # only the last call is kept
    assert len(asked) == 4
