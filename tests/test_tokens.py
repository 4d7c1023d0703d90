"""Tokens: words and runs of letters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.tokens import LETTERS_RE, writes_run

_TEXT = st.lists(
    st.sampled_from(["peter", "Peter", "pete", "r", " ", "'", "-", "2", "_", "é", "½", "\n", "."]),
    max_size=12,
).map("".join)


@given(_TEXT, st.sampled_from(["peter", "pete", "Peter", "r", "eter", "peter's", "é", ""]))
def test_writes_run_is_membership_in_the_runs_of_letters(text: str, run: str) -> None:
    assert writes_run(text, run) == (run in set(LETTERS_RE.findall(text)))
