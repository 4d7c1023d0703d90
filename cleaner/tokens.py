"""Words with their offsets, for the stages that judge words (spelling, names).

A word is a run of letters, with inner apostrophes and hyphens ("don't",
"Lashkar-e-Taiba"). Digits end a word, so tokens like "TB2" or "COVID-19"
come out as their letter parts and a stage can see the digit next to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    def is_capitalised(self) -> bool:
        return self.text[:1].isupper() and not self.text.isupper()


def words(text: str) -> Iterator[Token]:
    """The words of ``text`` in order.

    >>> [t.text for t in words("Lashkar-e-Taiba's TB2 don’t")]
    ["Lashkar-e-Taiba's", 'TB', 'don’t']
    """
    for match in WORD_RE.finditer(text):
        yield Token(match.start(), match.end(), match.group())
