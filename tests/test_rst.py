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
        (
            ".. function:: f(x)\n   :noindex:\n\n   Body prose.\n",
            [".. function:: f(x)\n   :noindex:\n"],
        ),
        (".. py:class:: A\n              B\n\n   Body.\n", [".. py:class:: A\n              B\n"]),
        (
            ".. method:: m()\n\n   :param x: the x\n   :type x: int\n",
            [".. method:: m()\n", ":param x:", ":type x: int"],
        ),
        (
            ".. note::\n\n   Prose, then::\n\n      code  here\n\n   More.\n",
            [".. note::", "      code  here\n"],
        ),
        (":Author: A. Writer\n", [":Author:"]),
        ("Note: no field here\n", []),
        ("The *n*\\ th item\n", ["\\ th"]),
        ("A | B and C | D\n", []),
        # A directive may open the line after a section title's underline.
        (
            "Data\n----\n.. autosummary::\n   :toctree: gen/\n\n   asarray\n\nAfter.\n",
            [".. autosummary::\n   :toctree: gen/\n\n   asarray\n"],
        ),
        ("====\nData\n====\n.. _x: https://x\n", [".. _x: https://x\n"]),
        # Not after a line of prose, nor after an indented line of marks.
        ("Text\n.. not markup\n", []),
        ("Text\n\n   ----\n.. not markup\n", []),
    ],
)
def test_protected_spans(text: str, spans: list[str]) -> None:
    assert sorted(text[s:e] for s, e in protected(text)) == sorted(spans)
