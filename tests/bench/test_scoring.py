"""The benchmark's scoring functions on hand-made strings (no shared data, no tesseract)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# bench/ is not part of the installed package: import it from the repository.
# Appended, not prepended, so the other tests keep importing the installed cleaner.
sys.path.append(str(Path(__file__).resolve().parents[2]))

from bench import scoring
from bench.corpora import Document
from bench.ocr_quality import ordinal, subsample
from bench.systems import match_case, replace_unknown_words


def test_cer_of_known_strings() -> None:
    assert scoring.char_errors("kitten", "sitting") == 3
    assert scoring.cer("kitten", "sitting") == pytest.approx(3 / 7)
    assert scoring.cer("same", "same") == 0.0
    # Empty gold does not divide by zero.
    assert scoring.cer("abc", "") == 3.0


def test_corpus_cer_sums_edits_and_gold_chars_over_documents() -> None:
    score = scoring.CorpusScore()
    score.add("abcd", "abcd", "abcd")  # 0 before, 0 after, 4 chars
    score.add("xbcdefghij", "abcdefghij", "abcdefghij")  # 1 before, 0 after, 10 chars
    assert (score.errors_before, score.errors_after, score.gold_chars) == (1, 0, 14)
    assert score.cer_before == pytest.approx(1 / 14)
    assert score.cer_after == 0.0
    assert score.improvement == pytest.approx(100.0)


def test_improvement_is_negative_when_worse_and_none_when_nothing_to_fix() -> None:
    worse = scoring.CorpusScore()
    worse.add("abcx", "abyx", "abcd")  # 1 before, 2 after
    assert worse.improvement == pytest.approx(-100.0)
    perfect = scoring.CorpusScore()
    perfect.add("abc", "abc", "abc")
    assert perfect.improvement is None


def test_fold_whitespace() -> None:
    assert scoring.fold_whitespace("  one\n\ntwo\t three  ") == "one two three"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("iudg-\nment", "iudgment"),
        ("Ruff- ham", "Ruffham"),
        ("con-  \n  troversie", "controversie"),
        # A capital after the break is far more often a dash than a broken word.
        ("sculptor- Mr. Flaxman", "sculptor- Mr. Flaxman"),
        # Compound hyphens and dashes between spaces are left alone.
        ("well-known", "well-known"),
        ("one - two", "one - two"),
        ("1858 -3 vols", "1858 -3 vols"),
    ],
)
def test_join_hyphenation(text: str, expected: str) -> None:
    assert scoring.join_hyphenation(text) == expected


def test_normalise_views() -> None:
    text = "ſome  ﬁne\n“words” — here‐now"
    assert scoring.normalise(text, "raw") == text
    assert scoring.normalise(text, "folded") == "some fine “words” — here-now"
    assert scoring.normalise(text, "ascii") == 'some fine "words" - here-now'
    assert scoring.normalise("iudg-\nment", "folded") == "iudg- ment"
    assert scoring.normalise("iudg-\nment", "folded", join_hyphens=True) == "iudgment"


def test_hyphen_joining_applies_to_both_sides() -> None:
    # The OCR kept the line-break hyphen, the gold too: once joined, no error.
    ocr = scoring.normalise("the iudg-\nment that", join_hyphens=True)
    gold = scoring.normalise("the iudg- ment that", join_hyphens=True)
    assert scoring.char_errors(ocr, gold) == 0


def test_words_repaired_and_damaged_on_a_tiny_example() -> None:
    gold = "the cat sat on the mat today"
    ocr = "teh cat sat on the rnat today"  # "the" and "mat" wrong
    out = "the cat sat in the rnat today"  # "the" repaired, "on" damaged, "mat" still wrong
    counts = scoring.word_counts(ocr, out, gold)
    assert counts.gold_words == 7
    assert counts.wrong_before == 2
    assert counts.wrong_after == 2
    assert counts.repaired == 1
    assert counts.damaged == 1


def test_word_counts_survive_splits_and_merges() -> None:
    gold = "a fire broke out"
    ocr = "afire broke out"  # two gold words merged: both wrong
    out = "a fire broke o ut"  # merge repaired, "out" split: damaged
    counts = scoring.word_counts(ocr, out, gold)
    assert (counts.repaired, counts.damaged) == (2, 1)
    assert (counts.wrong_before, counts.wrong_after) == (2, 1)


def test_word_counts_add_up() -> None:
    total = scoring.WordCounts()
    total.add(scoring.word_counts("a b", "a c", "a b"))
    total.add(scoring.word_counts("x y", "x z", "x z"))
    assert (total.gold_words, total.repaired, total.damaged) == (4, 1, 1)


def test_damage_lists_the_broken_words() -> None:
    found = scoring.damage("the colour red", "the color red", "the colour red", "d1")
    assert [(c.doc_id, c.before, c.after) for c in found] == [("d1", "colour", "color")]
    assert "[colour -> color]" in found[0].context


def test_word_changes_and_their_count() -> None:
    changes = scoring.word_changes("a b c d e", "a x c d", "doc")
    assert [(c.before, c.after) for c in changes] == [("b", "x"), ("e", "")]
    assert scoring.changed_word_count(changes) == 2
    # Whitespace alone is not a changed word.
    assert scoring.word_changes("a  b\nc", "a b c") == []


def test_subsample_is_deterministic_and_spread() -> None:
    docs = tuple(Document(f"{i:02d}", "w " * 100, "") for i in range(10))
    kept, note = subsample(docs, 300)
    assert [d.id for d in kept] == ["00", "04", "08"]
    assert note is not None and "every 4th document" in note
    assert subsample(docs, None) == (docs, None)
    assert subsample(docs, 10_000) == (docs, None)
    assert ordinal(2) == "2nd"


def test_naive_replacement_keeps_case_and_punctuation() -> None:
    assert match_case("NATO", "nate") == "NATE"
    fixed = replace_unknown_words(
        "Teh cat’s hat, TEH 2nd teh_x.",
        known=lambda w: w != "teh",
        suggest=lambda w: "the",
    )
    assert fixed == "The cat’s hat, THE 2nd teh_x."


def test_docstring_examples() -> None:
    import doctest

    from bench import ocr_quality, prose, systems

    for module in (scoring, prose, systems, ocr_quality):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
