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
