"""How a name gets misspelt: OCR misreadings, keyboard typos, and the spellings
that are not mistakes at all (romanisation variants, derived words).

:func:`channel_cost` prices the difference between a word and a name the way
the names stage needs it, fast enough for a few hundred candidates a
document: the two are aligned on their common start and end, and the block
in between (up to two characters a side, or two such edits) is priced by the
OCR confusion table (``dictionaries/confusions.tsv``: its row, or the
generic cost of the edit's kind) mixed with the chance of the same keyboard
typo. Costs are ``-log10`` probabilities.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from typing import NamedTuple

from cleaner.gazetteer import fold
from cleaner.resources import dictionary_path

# Keyboard typos, the other way names go wrong: one word in TYPO_RATE has
# one, the four kinds (a letter dropped, a letter added, a letter replaced,
# two swapped) equally likely, anywhere in the word, any of 26 letters typed.
TYPO_RATE = 50
# Typists seldom get a word's first letter wrong: such a typo is ten times rarer.
FIRST_LETTER = 1.0
# A wrong letter typed is most often a key next to the right one (on QWERTY):
# this share of substitutions hits a neighbouring key, the rest any other.
ADJACENT_SHARE = 0.7
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Row offsets of a staggered keyboard: "s" touches "w", "e", "a", "d", "z", "x".
_STAGGER = (0.0, 0.25, 0.75)


def _keyboard() -> dict[str, frozenset[str]]:
    place = {c: (r, i + _STAGGER[r]) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
    return {
        a: frozenset(
            b
            for b, (rb, xb) in place.items()
            if b != a and abs(ra - rb) <= 1 and abs(xa - xb) <= (1.0 if ra == rb else 0.75)
        )
        for a, (ra, xa) in place.items()
    }


_NEIGHBOURS = _keyboard()
# Accents on the name that the word lacks cost little (English text drops
# them, OCR loses them); accents the name lacks cost more.
ACCENT_LOST = 0.1
ACCENT_ADDED = 1.0
# Letters that romanisations of one name write differently (Ukrainian and
# Russian forms, English and German conventions): "i"/"y" as in
# "Zaporizhzhia"/"Zaporizhzhya", "h"/"g" as in "Luhansk"/"Lugansk". Only
# swaps of equal length, a letter more or less ("South"/"Suth") being a typo,
# and the German umlauts written out (_UMLAUTS).
_VARIANTS = frozenset(frozenset(pair.split("/")) for pair in (
    "i/y", "ia/ya", "ie/ye", "iu/yu", "io/yo", "ai/ay", "ei/ey", "oi/oy", "i/o", "g/h", "j/y",
    "ts/tz", "c/k", "k/q", "v/w",
))  # fmt: skip
# "Duesseldorf", "Koeln", "Goettingen" are Düsseldorf, Köln and Göttingen
# written without umlauts, the German way (the gazetteer's ASCII form is
# "Dusseldorf"): the word written has the "e", the entry does not. The other
# way round it is a letter dropped ("Quretaro"), a typo: on the synthetic
# typos of bench/names_quality.py taking both ways cost two repairs.
_UMLAUTS = frozenset(("ue", "oe", "ae"))
# Letters a derived word adds to a name ("Irani", "Malia", "Karimova"): such
# a word is as often another real word as a typo, so a person decides.
_SUFFIX_LETTERS = frozenset("aeinos")
# Letters that Unicode does not decompose, as the letters they are written for.
_UNACCENTED = str.maketrans("ıØøŁłĐđĦħ", "iOoLlDdHh")


class _Table(NamedTuple):
    rows: dict[tuple[str, str], float]
    generic: dict[str, float]


@functools.cache
def _table() -> _Table:
    resource = dictionary_path("confusions.tsv")
    rows: dict[tuple[str, str], float] = {}
    generic: dict[str, float] = {}
    for line in resource.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("# cost\t"):
            generic[fields[1]] = float(fields[2])
        elif not line.startswith("#") and len(fields) == 4:
            rows[fields[0], fields[1]] = float(fields[2])
    return _Table(rows, generic)


def typo_cost(
    kind: str, length: int, first: bool = False, typed: str = "", meant: str = ""
) -> float:
    """-log10 P(one given keyboard typo of ``kind``) in a word of ``length`` letters;
    ``first``: the typo changes the word's first letter. For a substitution,
    when known: ``typed`` is the wrong letter and ``meant`` the right one.

    >>> round(typo_cost("deletion", 6), 2), round(typo_cost("substitution", 6), 2)
    (3.08, 4.48)
    >>> typo_cost("substitution", 6, typed="s", meant="d") < typo_cost("substitution", 6)
    True
    """
    slots = {"deletion": length, "transposition": max(length - 1, 1)}.get(kind)
    if slots is None:
        slots = length * 25 if kind == "substitution" else (length + 1) * 26
    cost = math.log10(TYPO_RATE * 4 * slots) + (FIRST_LETTER if first else 0.0)
    near = _NEIGHBOURS.get(meant.lower()) if kind == "substitution" else None
    if near and typed.isascii() and typed.isalpha():
        # Instead of 1 in 25 letters: the key's share among the meant key's
        # neighbours, or among the other keys.
        hit = typed.lower() in near
        share = ADJACENT_SHARE / len(near) if hit else (1 - ADJACENT_SHARE) / (25 - len(near))
        cost += math.log10(1 / 25) - math.log10(share)
    return cost


def _either(*costs: float) -> float:
    """The cost of an edit that OCR or typing may each have made."""
    return -math.log10(sum(10**-c for c in costs))


@functools.cache
def _base(c: str) -> str:
    """``c`` without its accent, case kept ("Ç" gives "C")."""
    base = unicodedata.normalize("NFD", c.translate(_UNACCENTED))[0]
    return base if base.isalpha() or not c.isalpha() else c


def _ends(a: str, b: str) -> tuple[int, int]:
    """The lengths of the common start and of the common end (not overlapping it)."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, s


@functools.lru_cache(maxsize=65536)
def channel_cost(observed: str, intended: str) -> float | None:
    """-log10 P(``observed`` | the text had ``intended``); None if they are far apart.

    >>> round(channel_cost("Anara", "Ankara"), 2), round(channel_cost("Rorne", "Rome"), 2)
    (2.79, 2.56)
    >>> channel_cost("Cavusoglu", "Çavuşoğlu") < 0.5 < channel_cost("Çavuşoğlu", "Cavusoglu")
    True
    """
    ob, ib = "".join(map(_base, observed)), "".join(map(_base, intended))
    p, s = _ends(ob, ib)
    pairs = [(observed[k], intended[k]) for k in range(p)]
    pairs += [(observed[-1 - k], intended[-1 - k]) for k in range(s)]
    accents = sum(ACCENT_LOST if a == _base(a) else ACCENT_ADDED for a, b in pairs if a != b)
    middle_o, middle_i = ob[p : len(ob) - s], ib[p : len(ib) - s]
    if not middle_o and not middle_i:
        return accents
    length = len(ib)
    best = _block_cost(middle_o, middle_i, length, p == 0)
    # One letter wider on either side finds patterns that share a letter
    # with the words' common parts ("s" read for "ss", "rn" for "m").
    for left, right in ((1, 0), (0, 1), (1, 1)):
        if p >= left and s >= right:
            wide_o = ob[p - left : len(ob) - s + right]
            wide = _block_cost(wide_o, ib[p - left : len(ib) - s + right], length, p == left)
            if wide is not None and (best is None or wide < best):
                best = wide
    return None if best is None else accents + best


@functools.lru_cache(maxsize=4096)
def _block_cost(observed: str, intended: str, length: int, at_start: bool) -> float | None:
    """The cost of one block of up to two characters a side, or of two such edits."""
    table = _table()
    generic = table.generic
    lo, li = len(observed), len(intended)
    if lo == li == 1 and observed.lower() == intended.lower():
        return generic["case"]
    kind = None
    if lo <= 1 and li <= 1:
        kind = "deletion" if lo == 0 else "insertion" if li == 0 else "substitution"
    elif lo == li == 2 and observed == intended[::-1]:
        kind = "transposition"
    row = table.rows.get((observed, intended))
    if kind is not None:
        ocr = row if row is not None else generic[kind]
        return _either(ocr, typo_cost(kind, length, at_start, observed, intended))
    if row is not None:
        return row
    if lo + li > 4:
        return None
    # Two separate edits: the cheapest way to split the block in two.
    options = []
    for cut_o in range(lo + 1):
        for cut_i in range(li + 1):
            head = (observed[:cut_o], intended[:cut_i])
            tail = (observed[cut_o:], intended[cut_i:])
            if "" in (head[0] + head[1], tail[0] + tail[1]):
                continue
            if head[0] == head[1] or tail[0] == tail[1]:
                continue
            a = _block_cost(*head, length, at_start)
            b = _block_cost(*tail, length, at_start and not head[1])
            if a is not None and b is not None:
                options.append(a + b)
    return min(options) if options else None


def transliteration_variant(observed: str, name: str) -> bool:
    """Whether two spellings differ only the way romanisations of one name do.

    "Zaporizhzhia" and "Zaporizhzhya", "Lugansk" and "Luhansk", "Kharkov" and
    "Kharkiv" are one place written by different conventions: the
    gazetteer's choice is not a repair of the other.

    >>> transliteration_variant("Zaporizhzhia", "Zaporizhzhya")
    True
    >>> transliteration_variant("Duesseldorf", "Dusseldorf")
    True
    >>> transliteration_variant("Koeln", "Köln")
    True
    >>> transliteration_variant("Berln", "Berlin"), transliteration_variant("Quretaro", "Queretaro")
    (False, False)
    """
    o, n = fold(observed), fold(name)
    p, s = _ends(o, n)
    for left, right in ((0, 0), (1, 0), (0, 1)):
        if p >= left and s >= right:
            written = o[p - left : len(o) - s + right]
            entry = n[p - left : len(n) - s + right]
            if frozenset((written, entry)) in _VARIANTS:
                return True
            if written in _UMLAUTS and entry == written[0]:
                return True
    return False


def derived_form(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` plus a letter that derives words from names.

    >>> derived_form("Irani", "Iran"), derived_form("Karimova", "Karimov")
    (True, True)
    >>> derived_form("Iran", "Irani"), derived_form("Berlinx", "Berlin")
    (False, False)
    """
    w, n = fold(word), fold(name)
    return len(w) == len(n) + 1 and w.startswith(n) and w[-1] in _SUFFIX_LETTERS


def other_ending(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with its last letter, a vowel, another
    vowel: a name of its own as often as a slip ("Alexandru" beside the town
    "Alexandra", "Mario" beside "Maria"), as languages and genders end names.

    >>> other_ending("Alexandru", "Alexandra"), other_ending("Mario", "Maria")
    (True, True)
    >>> [other_ending(w, n) for w, n in (("Parir", "Paris"), ("Ankra", "Ankara"), ("Romq", "Roma"))]
    [False, False, False]
    """
    w, n = fold(word), fold(name)
    return (
        len(w) == len(n) >= 4
        and w[:-1] == n[:-1]
        and w[-1] != n[-1]
        and w[-1] in _VOWELS
        and n[-1] in _VOWELS
    )


_VOWELS = frozenset("aeiou")


def demonym_form(word: str, name: str) -> bool:
    """Whether ``word`` reads as the demonym or language of ``name``: a stem
    and "an", where the name is the stem and a vowel-led ending of up to three
    letters, not itself in "n" ("Asturian" of "Asturias", "Valencian" of
    "Valenciana"; but "Sichan" is "Sichuan" mistyped).

    >>> demonym_form("Asturian", "Asturias"), demonym_form("Valencian", "Valenciana")
    (True, True)
    >>> pairs = [("Endian", "India"), ("Pakisan", "Pakistan"), ("Sichan", "Sichuan")]
    >>> [demonym_form(word, name) for word, name in pairs]
    [False, False, False]
    """
    w, n = fold(word), fold(name)
    stem = w[:-2]
    ending = n[len(stem) :]
    return (
        w.endswith("an")
        and len(stem) >= 4
        and n.startswith(stem)
        and 1 <= len(ending) <= 3
        and ending[0] in "aeiou"
        and not ending.endswith("n")
    )
