"""The error model: weighted edit distance over the confusion table's patterns."""

from __future__ import annotations

import pytest

from cleaner.channel import ErrorModel, default_model

GENERIC = "\n".join(
    f"# cost\t{kind}\t{cost}\t1\t1"
    for kind, cost in [
        ("substitution", 4.0),
        ("deletion", 3.0),
        ("insertion", 6.0),
        ("transposition", 4.0),
        ("case", 3.0),
        ("correct", 0.0),
    ]
)


def small_model(rows: str) -> ErrorModel:
    return ErrorModel.from_text(GENERIC + "\n" + rows)


def test_a_listed_pattern_is_cheaper_than_the_same_change_done_by_generic_edits() -> None:
    model = small_model("rn\tm\t2.5\t100\n")
    alignment = model.cost("rnodern", "modern")
    assert alignment.cost == pytest.approx(2.5)
    assert [(s.observed, s.intended, s.listed) for s in alignment.steps] == [("rn", "m", True)]
    # Without the row the same change costs a substitution and an insertion.
    assert small_model("").cost("rnodern", "modern").cost == pytest.approx(10.0)


def test_generic_edits_are_marked_unlisted() -> None:
    alignment = small_model("").cost("teh", "the")
    assert [(s.observed, s.intended, s.listed) for s in alignment.steps] == [("eh", "he", False)]
    assert not alignment.listed()


def test_identical_words_cost_only_the_correct_characters() -> None:
    model = default_model()
    assert model.cost("modern", "modern").steps == ()
    assert model.cost("modern", "modern").cost < 0.1


def test_shipped_table_prefers_classic_confusions() -> None:
    model = default_model()
    for observed, intended, arbitrary in [
        ("tbe", "the", "tqe"),
        ("tlie", "the", "tkie"),
        ("rnodern", "modern", "xnodern"),
    ]:
        assert model.cost(observed, intended).cost < model.cost(arbitrary, intended).cost


def test_variants_undo_listed_patterns_left_to_right_within_budget() -> None:
    model = small_model("rn\tm\t2.5\t100\nb\th\t2.0\t100\n")
    found = set(model.variants("rnobern", 5.0))
    assert {"mobern", "rnohern", "mohern"} <= found
    assert "mohern" not in set(model.variants("rnobern", 4.0))
    assert set(model.variants("rnobern", 5.0, max_steps=1)) == {"mobern", "rnohern", "rnobem"}


def test_variants_prune_by_prefix() -> None:
    model = small_model("rn\tm\t2.5\t100\nb\th\t2.0\t100\n")
    found = set(model.variants("rnobern", 5.0, prefix_ok=lambda s: "mohern".startswith(s)))
    # "rnohern" is never built: no wanted word starts with "r". "mobern" is
    # (its changed beginning "m" is fine); the caller checks whole words.
    assert found == {"mobern", "mohern"}


def test_accented_patterns_are_skipped_for_an_ascii_lexicon() -> None:
    model = small_model("e\té\t0.01\t100\n")
    assert list(model.variants("cafe", 1.0)) == []
    assert list(model.variants("cafe", 1.0, ascii_only=False)) == ["café"]


def test_a_table_without_generic_costs_is_rejected() -> None:
    with pytest.raises(ValueError, match="generic costs"):
        ErrorModel.from_text("rn\tm\t2.5\t100\n")
