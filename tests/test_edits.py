from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.edits import Edit, LineIndex, apply_edits, clear_of, overlaps, rebase, resolve


def edit(
    start: int, end: int, text: str, after: str = "X", confidence: float = 0.9, safe: bool = True
) -> Edit:
    return Edit(start, end, text[start:end], after, "test.rule", confidence, "test", safe)


def test_edit_must_match_its_span() -> None:
    with pytest.raises(ValueError, match="does not span"):
        Edit(0, 2, "a", "b", "r", 1.0, "", True)
    with pytest.raises(ValueError, match="changes nothing"):
        Edit(0, 1, "a", "a", "r", 1.0, "", True)
    with pytest.raises(ValueError, match="confidence"):
        Edit(0, 1, "a", "b", "r", 1.5, "", True)


def test_apply_edits_rejects_overlap_and_stale_text() -> None:
    text = "abcdef"
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits(text, [edit(0, 3, text), edit(2, 4, text)])
    with pytest.raises(ValueError, match="does not match"):
        apply_edits("zzzzzz", [edit(0, 3, text)])


def test_overlap_rules() -> None:
    text = "abcdef"
    assert not overlaps(edit(0, 2, text), edit(2, 4, text))
    assert overlaps(edit(2, 2, text, "-"), edit(2, 2, text, "+"))
    assert overlaps(edit(3, 3, text, "-"), edit(2, 4, text))
    assert not overlaps(edit(4, 4, text, "-"), edit(2, 4, text))


def test_resolve_prefers_safe_then_confident() -> None:
    text = "abcdef"
    broad = edit(0, 4, text, confidence=0.99, safe=False)
    small = edit(1, 2, text, confidence=0.8)
    assert resolve([broad, small]) == [small]
    sure = edit(1, 3, text, confidence=0.95)
    assert resolve([small, sure]) == [sure]


def test_resolve_counts_identical_proposals_once() -> None:
    text = "abcdef"
    assert len(resolve([edit(1, 2, text), edit(1, 2, text)])) == 1


def test_line_index() -> None:
    index = LineIndex("ab\r\ncd\nef", first_line=10)
    assert index.position(0) == (10, 1)
    assert index.position(4) == (11, 1)
    assert index.position(8) == (12, 2)


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text(alphabet="ab \n,.", max_size=40))
    edits = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 4)))
        after = draw(st.text(alphabet="xy ", max_size=3))
        if text[start:end] != after:
            edits.append(
                Edit(start, end, text[start:end], after, "t", draw(st.floats(0, 1)), "", True)
            )
    return text, edits


@given(text_and_edits())
def test_resolved_edits_never_overlap_and_apply(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    chosen = resolve(edits)
    assert all(not overlaps(a, b) for a, b in itertools.pairwise(chosen))
    assert [e.start for e in chosen] == sorted(e.start for e in chosen)
    apply_edits(text, chosen)  # raises if anything overlaps or is stale


@given(st.text())
def test_applying_no_edits_returns_the_input(text: str) -> None:
    assert apply_edits(text, []) == text


def test_rebase_shifts_later_edits_clear_of_first_ones() -> None:
    text = "aXb  c"
    first = [Edit(1, 2, "X", "", "enc", 0.9, "drop X", True)]
    later = [Edit(2, 4, "  ", " ", "space", 0.9, "double", True)]  # on "ab  c"
    (kept_first, moved) = rebase(text, first, later)
    assert (moved.start, moved.end, moved.before) == (3, 5, "  ")
    assert apply_edits(text, [kept_first, moved]) == "ab c"


def test_rebase_composes_a_later_edit_spanning_two_first_edits() -> None:
    text = "Ã©t Ã©"
    first = [
        Edit(0, 2, "Ã©", "é", "enc", 0.95, "mojibake", True),
        Edit(4, 6, "Ã©", "é", "enc", 0.95, "mojibake", True),
    ]
    edited = apply_edits(text, first)  # "ét é"
    later = [Edit(0, 4, "ét é", "été", "word", 0.6, "split word", False)]
    later = [Edit(0, 4, "ét é", "été", "word", 0.8, "split word", True)]
    (composed,) = rebase(text, first, later)
    assert (composed.start, composed.end, composed.before, composed.after) == (0, 6, text, "été")
    assert composed.safe and composed.confidence == 0.8
    assert "split word" in composed.reason and "mojibake" in composed.reason
    assert apply_edits(edited, later) == apply_edits(text, [composed])


def test_rebase_composes_an_unsure_guess_into_an_unsafe_edit() -> None:
    text = "Ã©t Ã©"
    first = [
        Edit(0, 2, "Ã©", "é", "enc", 0.95, "mojibake", True),
        Edit(4, 6, "Ã©", "é", "enc", 0.95, "mojibake", True),
    ]
    unsure = [Edit(0, 4, "ét é", "été", "word", 0.6, "split word", False)]
    (composed,) = rebase(text, first, unsure)
    assert (composed.before, composed.after, composed.safe) == (text, "été", False)


def test_rebase_passes_around_a_deletion_at_a_later_edits_border() -> None:
    text = " Tbe cat"
    first = [Edit(0, 1, " ", "", "spacing", 0.95, "stray space", True)]
    later = [Edit(0, 3, "Tbe", "The", "ocr", 0.9, "b for h", False)]  # on "Tbe cat"
    kept, moved = rebase(text, first, later)
    assert kept == first[0]
    assert (moved.start, moved.end, moved.before, moved.safe) == (1, 4, "Tbe", False)


def test_rebase_composes_a_deletion_inside_a_later_edit() -> None:
    text = "a\N{SOFT HYPHEN}a"
    first = [Edit(1, 2, "\N{SOFT HYPHEN}", "", "invisible", 0.9, "soft hyphen", True)]
    later = [Edit(0, 2, "aa", "as", "ocr", 0.5, "a for s", False)]  # on "aa"
    (composed,) = rebase(text, first, later)
    assert (composed.start, composed.end, composed.after, composed.safe) == (0, 3, "as", False)


def test_clear_of_keeps_later_edits_apart_from_the_first() -> None:
    text = "tbe cat sat"
    first = [Edit(0, 3, "tbe", "the", "r", 0.99, "", True)]
    edited = apply_edits(text, first)
    touching = Edit(0, 3, "the", "she", "r", 0.6, "", False)
    spanning = Edit(0, 7, "the cat", "thecat", "r", 0.6, "", False)
    apart = Edit(4, 7, "cat", "cot", "r", 0.6, "", False)
    assert edited[4:7] == "cat"
    assert clear_of(first, [touching, spanning, apart]) == [apart]
    assert clear_of([], [touching]) == [touching]


def test_clear_of_follows_shifted_offsets() -> None:
    # The first edit shortens the text: later offsets are in edited coordinates.
    text = "a  b c"
    first = [Edit(1, 3, "  ", " ", "spacing", 0.99, "", True)]
    later = [Edit(2, 3, "b", "B", "r", 0.6, "", False), Edit(4, 5, "c", "C", "r", 0.6, "", False)]
    assert apply_edits(text, first) == "a b c"
    assert clear_of(first, later) == later
