"""The review logic with scripted answers: no terminal, just edits and keys."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.edits import Edit, apply_edits
from cleaner.review import (
    Answer,
    FileReview,
    Outcome,
    Own,
    Refused,
    Session,
    Tally,
    choices,
    ignorable_word,
)

TEXT = "Teh Anara talks ,then Anara  again teh end"


def _edit(
    before: str,
    after: str,
    *,
    nth: int = 0,
    rule: str = "spelling.ocr",
    alternatives: tuple[str, ...] = (),
) -> Edit:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(before, start + 1)
    return Edit(start, start + len(before), before, after, rule, 0.8, "why", False, alternatives)


# In position order: 0 Teh, 1 Anara, 2 " ,", 3 Anara (again), 4 "  ", 5 teh.
EDITS = [
    _edit("Teh", "The"),
    _edit("Anara", "Ankara", rule="names.place", alternatives=("Anapa",)),
    _edit(" ,", ", ", rule="spacing.space-before-punctuation"),
    _edit("Anara", "Ankara", nth=1, rule="names.place"),
    _edit("  ", " ", rule="spacing.double-space"),
    _edit("teh", "the"),
]


def _review(answers: Sequence[Answer], edits: Sequence[Edit] = EDITS) -> FileReview:
    review = FileReview(TEXT, edits)
    for answer in answers:
        review.answer(answer)
    return review


def test_yes_and_no_in_position_order() -> None:
    review = _review("ynynyn")
    assert review.done
    assert review.result() == "The Anara talks, then Anara again teh end"
    assert review.tally() == Tally(accepted=3, rejected=3, ignored=0, unanswered=0)


def test_edits_are_asked_in_position_order_whatever_order_they_came_in() -> None:
    review = FileReview(TEXT, list(reversed(EDITS)))
    assert review.current == EDITS[0]
    review.answer("n")
    assert review.current == EDITS[1]


def test_rejecting_everything_returns_the_text_unchanged() -> None:
    review = _review("nnnnnn")
    assert review.result() == TEXT
    assert review.accepted() == []


def test_accept_rest_of_file() -> None:
    review = _review("na")
    assert review.done
    assert review.result() == "Teh Ankara talks, then Ankara again the end"
    assert review.tally() == Tally(accepted=5, rejected=1, ignored=0, unanswered=0)


def test_reject_rest_of_file() -> None:
    review = _review("yd")
    assert review.done
    assert review.result() == "The Anara talks ,then Anara  again teh end"
    assert review.tally() == Tally(accepted=1, rejected=5, ignored=0, unanswered=0)


def test_own_text_replaces_with_what_was_typed() -> None:
    review = _review([Own("THE"), "d"])
    assert review.result() == "THE Anara talks ,then Anara  again teh end"
    (accepted,) = review.accepted()
    assert (accepted.start, accepted.end, accepted.before, accepted.after) == (0, 3, "Teh", "THE")
    assert accepted.rule == "spelling.ocr"  # still says which proposal it answered


def test_own_text_equal_to_the_original_is_a_rejection() -> None:
    review = _review([Own("Teh")])
    assert review.decisions[0] is not None
    assert review.decisions[0].outcome is Outcome.REJECTED
    assert review.current == EDITS[1]


def test_own_text_the_encoding_cannot_hold_is_refused() -> None:
    review = FileReview(TEXT, EDITS, encodable=lambda s: s.isascii())
    with pytest.raises(Refused, match="encoding"):
        review.answer(Own("Thé"))
    assert review.current == EDITS[0]  # nothing changed
    review.answer(Own("Tha"))
    assert review.result().startswith("Tha ")


def test_numbered_choices_are_the_proposal_then_the_alternatives() -> None:
    assert choices(EDITS[1]) == ["Ankara", "Anapa"]
    review = _review(["n", "2", "n", "1", "n", "n"])
    assert review.result() == "Teh Anapa talks ,then Ankara  again teh end"
    with pytest.raises(Refused, match="no choice 3: this edit has 2"):
        _review(["n", "3"])
    with pytest.raises(Refused, match="no choice 2: this edit has 1"):
        _review(["2"])


def test_undo_takes_back_the_previous_answer() -> None:
    review = _review(["y", "2", "u"])
    assert review.current == EDITS[1]
    assert review.accepted() == [EDITS[0]]
    review.answer("u")
    assert review.current == EDITS[0]
    assert review.accepted() == []
    with pytest.raises(Refused, match="nothing to undo"):
        review.answer("u")
    review.answer("n")
    assert review.current == EDITS[1]


def test_undo_takes_back_a_whole_accept_rest() -> None:
    review = _review(["n", "a", "u"])
    assert review.current == EDITS[1]
    assert review.tally() == Tally(accepted=0, rejected=1, ignored=0, unanswered=5)


def test_undo_of_own_text() -> None:
    review = _review([Own("Tho"), "u", "y"])
    assert review.accepted() == [EDITS[0]]


def test_ignore_skips_later_edits_of_the_same_word() -> None:
    review = _review(["n", "i"])
    # The second "Anara" is not asked: the word is on the allow-list now.
    assert review.current == EDITS[2]
    assert review.new_words == ("Anara",)
    review.answer("a")
    assert review.result() == "Teh Anara talks, then Anara again the end"
    assert review.tally() == Tally(accepted=3, rejected=1, ignored=2, unanswered=0)


def test_ignore_is_exact_for_a_capitalised_word_and_any_case_for_a_lower_case_one() -> None:
    # "Teh" as written matches only "Teh": the later "teh" is still asked.
    review = _review(["i"])
    assert review.new_words == ("Teh",)
    review.answer("d")
    assert review.decisions[5] is not None
    assert review.decisions[5].outcome is Outcome.REJECTED
    # A lower-case word answered `i` matches any case, as the allow-list does.
    edits = [_edit("teh", "the"), _edit("Teh", "The")]
    review = FileReview(TEXT, edits)
    assert review.current == edits[1]  # "Teh" comes first in the text
    review.answer("n")
    review.answer("i")
    assert review.done and review.new_words == ("teh",)


def test_undo_of_ignore_asks_the_skipped_edits_again() -> None:
    review = _review(["n", "i", "u"])
    assert review.current == EDITS[1]
    assert review.new_words == ()
    review.answer("n")
    review.answer("n")
    assert review.current == EDITS[3]  # the second Anara is asked again


def test_ignore_refuses_edits_that_are_not_about_one_word() -> None:
    with pytest.raises(Refused, match="characters or spacing"):
        ignorable_word(EDITS[2])
    joined = Edit(0, 9, "Teh Anara", "The Ankara", "spelling.ocr", 0.5, "", False)
    with pytest.raises(Refused, match="2 words"):
        ignorable_word(joined)
    review = _review(["n", "n"])
    with pytest.raises(Refused):
        review.answer("i")
    assert review.current == EDITS[2] and review.new_words == ()


def test_skip_leaves_the_rest_unanswered() -> None:
    review = _review(["y", "s"])
    assert review.done and not review.quit
    assert review.result() == "The Anara talks ,then Anara  again teh end"
    assert review.tally() == Tally(accepted=1, rejected=0, ignored=0, unanswered=5)


def test_quit_in_the_middle_keeps_only_what_was_accepted() -> None:
    review = _review(["y", "n", "y", "q"])
    assert review.done and review.quit
    assert review.result() == "The Anara talks, then Anara  again teh end"
    assert review.tally() == Tally(accepted=2, rejected=1, ignored=0, unanswered=3)
    with pytest.raises(Refused, match="no edit left"):
        review.answer("y")


def test_unknown_answer_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown answer"):
        _review(["x"])
    with pytest.raises(ValueError, match="unknown answer"):
        _review(["12"])


def test_overlapping_proposals_are_refused_up_front() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        FileReview(TEXT, [EDITS[0], Edit(1, 2, "e", "x", "r", 0.5, "", False)])


def test_session_carries_ignored_words_to_later_files() -> None:
    session = Session()
    first = session.review(TEXT, EDITS)
    for answer in ["n", "i", "q"]:
        first.answer(answer)
    session.finish(first)
    second = session.review(TEXT, EDITS)
    # Both "Anara" edits of the next file are ignored without asking.
    second.answer("n")
    assert second.current == EDITS[2]
    assert second.tally().ignored == 2
    assert second.new_words == ()  # already on the list: not saved twice


def test_session_does_not_carry_words_of_a_file_never_finished() -> None:
    session = Session()
    first = session.review(TEXT, EDITS)
    first.answer("n")
    first.answer("i")
    # Interrupted: finish() is never called for it.
    second = session.review(TEXT, EDITS)
    second.answer("n")
    assert second.current == EDITS[1]


_KEYS = st.sampled_from(["y", "n", "a", "d", "i", "u", "s", "q", "1", "2", "3"])


@given(st.lists(st.one_of(_KEYS, st.builds(Own, st.text(max_size=3))), max_size=12))
def test_any_answers_give_text_made_of_accepted_edits_only(answers: list[Answer]) -> None:
    review = FileReview(TEXT, EDITS)
    for answer in answers:
        if review.done:
            break
        try:
            review.answer(answer)
        except Refused:
            continue
    accepted = review.accepted()
    assert review.result() == apply_edits(TEXT, accepted)
    assert {(e.start, e.end) for e in accepted} <= {(e.start, e.end) for e in EDITS}
    tally = review.tally()
    assert sum([tally.accepted, tally.rejected, tally.ignored, tally.unanswered]) == len(EDITS)
    assert tally.accepted == len(accepted)
