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
