"""Inline ignores: the exact spans each marker switches off (fixtures/ignores shows the effect)."""

from __future__ import annotations

from cleaner.ignores import markdown_ignored, text_ignored
from cleaner.segment import protected_spans


def _texts(text: str, markdown: bool = False) -> list[str]:
    spans = markdown_ignored(text) if markdown else text_ignored(text)
    return [text[start:end] for start, end in spans]


def test_on_without_off_switches_nothing() -> None:
    assert _texts("a\n# cleaner: on\nb\n") == []


def test_a_second_off_does_not_restart_the_region() -> None:
    text = "# cleaner: off\na\n# cleaner: off\nb\n# cleaner: on\nc\n"
    assert _texts(text) == ["# cleaner: off\na\n# cleaner: off\nb\n# cleaner: on\n"]


def test_ignore_next_line_on_the_last_line_covers_just_itself() -> None:
    assert _texts("a\n# cleaner: ignore-next-line") == ["# cleaner: ignore-next-line"]


def test_no_marker_no_spans() -> None:
    assert _texts("cleaner is a tool: off we go\n") == []
    assert _texts("<!-- cleaner -->\n", markdown=True) == []


def test_markdown_marker_in_inline_code_is_an_example() -> None:
    text = "Write `<!-- cleaner: off -->` to stop.\nNext  line\n"
    assert _texts(text, markdown=True) == []


def test_markdown_comment_with_other_words_is_no_marker() -> None:
    assert _texts("<!-- cleaner: off because -->\nx\n", markdown=True) == []


def test_every_kind_registers_ignores() -> None:
    marked = {
        "text": "# cleaner: ignore-next-line\nx  y\n",
        "rst": ".. cleaner: ignore-next-line\nx  y\n",
        "markdown": "<!-- cleaner: ignore-next-line -->\nx  y\n",
    }
    for kind, text in marked.items():
        assert protected_spans(text, kind).touches(text.index("  "), text.index("  ") + 2), kind
