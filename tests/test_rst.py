"""reStructuredText structure: the exact spans protected (fixtures/rst shows the effect)."""

from __future__ import annotations

import pytest

from cleaner.rst import protected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Para::\n\n    lit\n      deeper\n\nAfter.\n", ["    lit\n      deeper\n"]),
        ("Para::\n\nNot indented, so not literal.\n", []),
        (".. code:: sh\n\n   run  it\n\nAfter.\n", [".. code:: sh\n\n   run  it\n"]),
        (".. warning::\n   :class: x\n\n   Prose.\n", [".. warning::", "   :class: x\n"]),
        (".. a comment\n   continued\n\nAfter.\n", [".. a comment\n   continued\n"]),
        (".. _a: https://a\n.. _b: https://b\n", [".. _a: https://a\n", ".. _b: https://b\n"]),
        ("Use ``x`` and :ref:`y` and `z`.\n", ["``x``", ":ref:`y`", "`z`"]),
        ("See `Docs <https://d.org>`_ and |name|_.\n", ["<https://d.org>", "|name|_"]),
        ("Mid-paragraph .. not markup\n", []),
        ("A | B and C | D\n", []),
    ],
)
def test_protected_spans(text: str, spans: list[str]) -> None:
    assert sorted(text[s:e] for s, e in protected(text)) == sorted(spans)
