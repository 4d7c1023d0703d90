"""Words of software writing that the lexicon lacks: "printf", "systemd", "musl".

A changelog or a README names programs, libraries and functions that no
English word list holds, and many of them are one letter from a common word
("printf" / "prints", "libc" / "lib"). Outside OCR output (see
:func:`cleaner.stages.spelling.ocr_page_beside_technical`), the spelling and
boundary stages propose no change of such a word; in OCR output its "hdd",
"ior" and "ini" are misread "had", "for" and "in" far more often than a
disk, a register or a file. The names stages take a listed word as real.

The list is ``dictionaries/technical.txt``; how it is built is in
``dictionaries/README.md``. It is read on the first question, asked only of
a word no other list knows.
"""

from __future__ import annotations

import functools

from cleaner.resources import dictionary_path


@functools.cache
def technical_words() -> frozenset[str]:
    """The shipped list's words, lower case."""
    text = dictionary_path("technical.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_technical(word: str) -> bool:
    """Whether ``word``, in any case, is on the list ("printf", "Printf", "PRINTF")."""
    return word.lower() in technical_words()


# The endings a word of software writing takes in prose ("mallocs",
# "mmaped", "grepping", "makefiles"), and the shortest stem read so: a
# shorter one is as often a fragment of an English word ("conv-ers").
ENDINGS = ("ing", "ers", "er", "ed", "es", "s")
STEM_LETTERS = 4


def is_technical_form(word: str) -> bool:
    """Whether ``word`` is on the list, or a listed word with an ending
    (ENDINGS), its last letter doubled or its final e dropped before it.

    >>> [is_technical_form(w) for w in ("printf", "mmaped", "mmapped", "makefiles", "muxing")]
    [True, True, True, True, False]
    >>> [is_technical_form(w) for w in ("prints", "systems", "libs")]
    [False, False, False]
    """
    lower = word.lower()
    words = technical_words()
    if lower in words:
        return True
    for ending in ENDINGS:
        stem = lower[: -len(ending)]
        if not lower.endswith(ending) or len(stem) < STEM_LETTERS:
            continue
        if stem in words or stem + "e" in words or (stem[-1] == stem[-2] and stem[:-1] in words):
            return True
    return False
