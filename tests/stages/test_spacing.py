"""The spacing stage's internals; its repairs are covered by fixtures/normaliser/spacing.json."""

from __future__ import annotations

from cleaner.config import DEFAULT
from cleaner.segment import Protected
from cleaner.stages import Context, spacing


def _edits(text: str, protected: Protected) -> list[tuple[str, str, str]]:
    context = Context(text, "text", DEFAULT, protected)
    return [(text[e.start : e.end], e.after, e.rule) for e in spacing.propose(context)]


def test_a_line_inside_a_protected_span_is_not_read() -> None:
    text = "First  line here.\nSecond  line here.\n"
    second = text.index("Second")
    assert len(_edits(text, Protected([]))) == 2
    # The second line wholly protected (a literal block's line): no edit is
    # proposed for it, and the first line's stands.
    assert _edits(text, Protected([(second, len(text))])) == [("  ", " ", "spacing.double-space")]
    # Protected only in part, the line is read: the pipeline drops what touches the span.
    assert len(_edits(text, Protected([(second, second + 6)]))) == 2


def test_spaced_marks_are_the_convention_when_at_least_as_many_as_tight_ones() -> None:
    # The tight ones are counted only until they outnumber the spaced ones:
    # a tie is still the convention, one more tight mark is not.
    def spaced(text: str) -> bool:
        return spacing._uses_spaced_punctuation(
            text, spacing._SPACED_COMMA_RE, spacing._TIGHT_COMMA_RE, Protected([])
        )

    assert not spaced("One, two, three, four ; five.\n")
    assert spaced("One , two , three, four ; five.\n")
    assert spaced("One , two , three, four, five.\n")  # two and two
    assert not spaced("One , two, three, four.\n")  # one and two
