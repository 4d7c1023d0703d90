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


# Unknown once-used words enough for splits to be judged, not enough for an OCR page.
SLIPS = "We fixd the buidl and the instal scirpt. The manual sayz how to use goto there. "


def _splits_offered(text: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    def split(*args: object) -> Edit | None:
        token = args[2]
        start, end, word = token.start, token.end, token.text  # type: ignore[attr-defined]
        return Edit(start, end, word, word + "!", "boundaries.split", 0.9, "probe", safe=False)

    monkeypatch.setattr(boundaries, "_split", split)
    context = Context(text, "text", DEFAULT, protected_spans(text, "text"))
    return [e.before for e in boundaries.propose(context) if e.rule == "boundaries.split"]


def test_no_split_of_a_word_of_software_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    # "goto", "sizeof", "foreach" are one word in software writing.
    text = "The reader multiplies by sizeof and the writer closes the file. " * 2 + SLIPS
    offered = _splits_offered(text, monkeypatch)
    assert "buidl" in offered and "scirpt" in offered
    assert "goto" not in offered and "sizeof" not in offered


def test_in_ocr_output_a_listed_word_may_be_split(monkeypatch: pytest.MonkeyPatch) -> None:
    offered = _splits_offered(NOISY + SLIPS, monkeypatch)
    assert "goto" in offered


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He went to'get it and part'of it.", ["to'get", "part'of"]),
        # contractions and elisions, whose tail is a word too
        ("We'll go, they're here, you've seen, ne'er mind, take'em all.", []),
        # a quote closed against the next word, and words the bigrams do not pair
        ("She said 'yes'and left; the flow'rets of the wand'ring stream.", []),
        # a name in capitals after the mark, a digit, a single letter
        ("at Kelly'Smith, 10'o and o'clock", []),
    ],
)
def test_an_apostrophe_between_a_usual_pair_of_words(text: str, found: list[str]) -> None:
    corrector = boundaries.default_corrector()
    edits = list(boundaries._apostrophe_gaps(text, corrector))
    assert [e.start for e in edits] == [text.index(f) + f.index("'") for f in found]
    assert all((e.before, e.after, e.safe) == ("'", " ", True) for e in edits)
