"""Words, for the stages that judge words (spelling, names).

A word is a run of letters, with inner apostrophes and hyphens ("don't",
"Lashkar-e-Taiba"). Digits end a word, so tokens like "TB2" or "COVID-19"
come out as their letter parts and a stage can see the digit next to them.

>>> [m.group() for m in WORD_RE.finditer("Lashkar-e-Taiba's TB2 don’t")]
["Lashkar-e-Taiba's", 'TB', 'don’t']
"""

from __future__ import annotations

import functools

from cleaner.regex import lazy

WORD_RE = lazy(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# A run of letters, whatever joins it to the next.
LETTERS_RE = lazy(r"[^\W\d_]+")
# What follows the apostrophe of a contraction ("don't", "we'll", "I've",
# "she'd", "I'm", "it's", "did'st").
APOSTROPHE_TAILS = frozenset({"s", "t", "st", "d", "ll", "re", "ve", "m"})


@functools.lru_cache(maxsize=1)
def letter_runs(text: str) -> frozenset[str]:
    """Every run of letters ``text`` writes, as written: whether it ever writes
    a word in lower case, asked by the names and spelling stages of one text.

    >>> sorted(letter_runs("Peter met peter's O'Neill"))
    ['Neill', 'O', 'Peter', 'met', 'peter', 's']
    """
    return frozenset(LETTERS_RE.findall(text))
