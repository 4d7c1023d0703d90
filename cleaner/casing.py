"""The case pattern of a word, and how to write another word in it."""

from __future__ import annotations

from typing import Literal

Shape = Literal["lower", "title", "upper", "mixed"]


def shape(word: str) -> Shape:
    """The case pattern of ``word`` (letters only count).

    >>> [shape(w) for w in ("tbe", "Tbe", "TBE", "tBe", "don't", "I")]
    ['lower', 'title', 'upper', 'mixed', 'lower', 'title']
    """
    if word.islower() or not any(c.isupper() for c in word):
        return "lower"
    if word[0].isupper() and (len(word) == 1 or word[1:].islower()):
        return "title"
    if word.isupper() and sum(1 for c in word if c.isalpha()) > 1:
        return "upper"
    return "mixed"


def apply_shape(word: str, pattern: Shape) -> str:
    """``word`` (lower case) written in the case pattern ``pattern``.

    >>> apply_shape("the", "title"), apply_shape("it is", "title"), apply_shape("the", "upper")
    ('The', 'It is', 'THE')
    """
    if pattern == "title":
        return word[:1].upper() + word[1:]
    if pattern == "upper":
        return word.upper()
    return word
