"""Invariants of the word stages on OCR-like text, with Hypothesis.

The pipeline-wide properties (tests/test_pipeline.py) rarely build a
misread word; these pieces are misreadings, split and run-together words,
line-break hyphens and names, so the spelling and boundaries stages act on
nearly every example.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean, propose
from cleaner.edits import apply_edits

_PIECES = st.sampled_from(
    [
        "tbe", "the", "Tbe", "witb", "brougbt", "ofthe", "itis", "pri", "soner", "minis",
        "ter", "neigh-", "bour", "pro- ", "perty", "bad", "had", "he", "lie", "m", "in",
        "Kuleba", "rnodern", "prisoner", "was", "been", "'s", " ", " ", " ", ",", ".", "\n",
    ]
)  # fmt: skip
TEXTS = st.lists(_PIECES, max_size=40).map("".join)
FAST = settings(
    max_examples=int(os.environ.get("CLEANER_HYPOTHESIS_EXAMPLES", "150")),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)


@FAST
@given(TEXTS)
def test_fixing_twice_changes_nothing_more(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@FAST
@given(TEXTS)
def test_applying_every_proposal_leaves_nothing_to_propose(text: str) -> None:
    everything = apply_edits(text, propose(text))
    assert propose(everything) == []


def test_a_review_edit_the_repaired_text_alone_proposes_is_proposed() -> None:
    # Once "tbe" -> "the" is repaired the page reads less noisy, and read so
    # "wasthe" is two words run together: the proposals for the text hold it.
    text = "tbepro- tbe\nthe wasthe tbetbe"
    proposed = propose(text)
    assert [(e.before, e.after, e.safe) for e in proposed] == [
        ("tbe", "the", True),
        ("wasthe", "was the", False),
    ]
    assert propose(apply_edits(text, proposed)) == []


@FAST
@given(TEXTS)
def test_edits_match_the_text(text: str) -> None:
    for edit in propose(text):
        assert text[edit.start : edit.end] == edit.before


# Text cut by blank lines of every shape, with marks, code and quotes beside
# the words at the cuts: where a large text's tokens are read piece by piece.
_TOKEN_PIECES = st.sampled_from(
    [
        "tbe", "The", "os.path", "e.g.", "-rf", ":set", "o'er", "Kuleba's", "well-knovvn",
        "x_y", "f(", "(see", '"quoted"', "‘it’", "\t", " ", " ", "  ", ",", ".", "!",
        "\n", "\n\n", "\n \n", "\r\n\r\n", "\n\t\n", "-\n", "1.", "\\emph{a}", "``b''",
    ]
)  # fmt: skip


@FAST
@given(st.lists(_TOKEN_PIECES, max_size=60).map("".join), st.sampled_from(["text", "latex"]))
def test_tokens_read_piece_by_piece_are_the_whole_texts(text: str, kind: str) -> None:
    from cleaner.stages import spelling

    whole = spelling._tokens_of(text, kind)
    saved = spelling.PIECES_FROM
    spelling.PIECES_FROM = 0  # read every text by its pieces
    try:
        assert spelling._candidate_tokens(text, kind) == whole
    finally:
        spelling.PIECES_FROM = saved
