"""The boundaries stage's internals; its repairs are covered by fixtures/boundaries."""

from __future__ import annotations

import pytest

from cleaner.config import DEFAULT
from cleaner.edits import Edit
from cleaner.segment import protected_spans
from cleaner.stages import Context, boundaries

# An OCR-noisy page, so that splits are judged at all.
NOISY = "Tbe prisoner, wbo was brougbt up, said tbat he was unableto pay. "


def test_a_split_reads_only_the_whole_words_beside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # "well-known" is two hyphen parts, not one word beside "theevening":
    # the word before it ("the") must not count as its neighbour.
    seen: dict[str, tuple[str | None, str | None]] = {}

    def split(*args: object) -> Edit | None:
        token, left, right = args[2], args[5], args[6]
        seen[token.text] = (left, right)  # type: ignore[attr-defined]
        return None

    monkeypatch.setattr(boundaries, "_split", split)
    text = NOISY + "It was the well-known theevening of the fair, and ofthe town."
    list(boundaries.propose(Context(text, "text", DEFAULT, protected_spans(text, "text"))))
    assert seen["theevening"] == (None, "of")
    assert seen["ofthe"] == ("and", "town")
