"""Words, for the stages that judge words (spelling, names).

A word is a run of letters, with inner apostrophes and hyphens ("don't",
"Lashkar-e-Taiba"). Digits end a word, so tokens like "TB2" or "COVID-19"
come out as their letter parts and a stage can see the digit next to them.

>>> [m.group() for m in WORD_RE.finditer("Lashkar-e-Taiba's TB2 don’t")]
["Lashkar-e-Taiba's", 'TB', 'don’t']
"""

from __future__ import annotations

from cleaner.regex import lazy

WORD_RE = lazy(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# A run of letters, whatever joins it to the next.
LETTERS_RE = lazy(r"[^\W\d_]+")
# The hyphen a line's end breaks a word with, as a regex class: ASCII's, or
# U+2010 HYPHEN, which typesetters (man(1) among them) write there
# ("documen\N{HYPHEN}\ntation").
BREAK_HYPHEN = "[-\N{HYPHEN}]"
# What follows the apostrophe of a contraction ("don't", "we'll", "I've",
# "she'd", "I'm", "it's", "did'st").
APOSTROPHE_TAILS = frozenset({"s", "t", "st", "d", "ll", "re", "ve", "m"})
# A left single quote between two letters, used as a letter: the ‘okina of
# Hawaiian, the ‘ayn of a transliteration ("Hawai‘i", "Sa‘id"); not an
# apostrophe curled the wrong way ("don‘t", "dictionary‘s": OCR output).
LETTER_QUOTE_RE = lazy(
    r"[^\W\d_]\N{LEFT SINGLE QUOTATION MARK}"
    r"(?!(?:" + "|".join(sorted(APOSTROPHE_TAILS)) + r")(?![^\W\d_]))[^\W\d_]"
)


def writes_run(text: str, run: str) -> bool:
    """Whether ``text`` writes ``run`` as a whole run of letters (as
    LETTERS_RE finds them): whether it ever writes a word so, in lower case
    say, asked by the names and spelling stages of a few words of a text.

    Found with ``str.find``, not by listing every run of the text: the words
    asked about are few, and a long text has tens of thousands of runs.

    >>> text = "Peter met peter's O'Neill"
    >>> [writes_run(text, w) for w in ("peter", "Neill", "ete", "met", "O'Neill", "")]
    [True, True, False, True, False, False]
    """
    if LETTERS_RE.fullmatch(run) is None:
        return False  # "o'neill": no run of letters, though the text may write it
    letter = _LETTER_RE.match
    size = len(run)
    start = text.find(run)
    while start != -1:
        end = start + size
        if not (start and letter(text, start - 1)) and not letter(text, end):
            return True
        start = text.find(run, start + 1)
    return False


_LETTER_RE = lazy(r"[^\W\d_]")
