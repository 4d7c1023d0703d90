"""How the accuracy benchmark scores a corrector: normalisation, CER, word repairs.

Every figure compares three texts of one document: the OCR output (what the
corrector is given), the corrected output (what it returns) and the gold (what
the page says).  All three go through the same normalisation before scoring, so
that the score measures reading errors, not typesetting conventions.

Views (``normalise``):

* ``raw``: the texts exactly as stored and returned.
* ``folded`` (the headline figure): Unicode NFC; glyph forms a modern reader
  does not distinguish mapped to their letters (long s to ``s``, the Latin
  ligatures ff/fi/fl/ffi/ffl/st to their letters, U+2010/U+2011 hyphens to
  ``-``); for sets whose gold keeps the page's line-break hyphenation, a word
  broken by a hyphen and whitespace is joined (``Ruff- ham`` -> ``Ruffham``);
  then every whitespace run becomes one space and the ends are stripped.
* ``ascii``: ``folded`` plus curly quotes to straight ones and en/em dashes to
  ``-``, as Thomas et al. (2024) do for BLN600.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz.distance import Levenshtein

View = Literal["raw", "folded", "ascii"]
VIEWS: tuple[View, ...] = ("raw", "folded", "ascii")

# Typographic forms of the same letters: ICDAR 2017's gold transcribes them,
# OCR engines and correctors write the letters.
_GLYPHS = str.maketrans(
    {
        "\N{LATIN SMALL LETTER LONG S}": "s",
        "\N{LATIN SMALL LIGATURE FF}": "ff",
        "\N{LATIN SMALL LIGATURE FI}": "fi",
        "\N{LATIN SMALL LIGATURE FL}": "fl",
        "\N{LATIN SMALL LIGATURE FFI}": "ffi",
        "\N{LATIN SMALL LIGATURE FFL}": "ffl",
        "\N{LATIN SMALL LIGATURE LONG S T}": "st",
        "\N{LATIN SMALL LIGATURE ST}": "st",
        "\N{HYPHEN}": "-",
        "\N{NON-BREAKING HYPHEN}": "-",
    }
)

# BLN600's gold has typographic quotes and dashes where the OCR has ASCII.
_ASCII_PUNCT = str.maketrans(
    {
        "\N{LEFT SINGLE QUOTATION MARK}": "'",
        "\N{RIGHT SINGLE QUOTATION MARK}": "'",
        "\N{LEFT DOUBLE QUOTATION MARK}": '"',
        "\N{RIGHT DOUBLE QUOTATION MARK}": '"',
        "\N{EN DASH}": "-",
        "\N{EM DASH}": "-",
    }
)

_WHITESPACE = re.compile(r"\s+")
# A letter, a hyphen, whitespace, then a letter: the shape a line-break hyphen
# takes once the page's line break became whitespace.  Only joined before a
# lower-case letter, since "Lord- Mayor" style breaks before a capital are far
# more often a dash than a broken word.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\s+(?=([^\W\d_]))")


def fold_whitespace(text: str) -> str:
    """Every whitespace run becomes one space; the ends are stripped.

    >>> fold_whitespace("  a\\n\\n b\\t c ")
    'a b c'
    """
    return _WHITESPACE.sub(" ", text).strip()


def join_hyphenation(text: str) -> str:
    """Join words broken by a line-end hyphen (hyphen, whitespace, lower-case letter).

    >>> join_hyphenation("iudg-\\nment and Ruff- ham, not Lord- Mayor or well-known")
    'iudgment and Ruffham, not Lord- Mayor or well-known'
    """

    def join(match: re.Match[str]) -> str:
        return "" if match.group(1).islower() else match.group(0)

    return _BROKEN_WORD.sub(join, text)


def normalise(text: str, view: View = "folded", *, join_hyphens: bool = False) -> str:
    """The text as scored in one view (see the module docstring).

    >>> normalise("ſome  ﬁne\\n“words” — here", "ascii")
    'some fine "words" - here'
    """
    if view == "raw":
        return text
    text = unicodedata.normalize("NFC", text).translate(_GLYPHS)
    if join_hyphens:
        text = join_hyphenation(text)
    if view == "ascii":
        text = text.translate(_ASCII_PUNCT)
    return fold_whitespace(text)


def char_errors(hypothesis: str, gold: str) -> int:
    """Character edit distance (insertions, deletions, substitutions cost 1)."""
    return int(Levenshtein.distance(hypothesis, gold))


def cer(hypothesis: str, gold: str) -> float:
    """Character error rate of one text: edits / gold characters.

    >>> cer("kitten", "sitting")
    0.42857142857142855
    """
    return char_errors(hypothesis, gold) / max(1, len(gold))


def gold_word_hits(words: Sequence[str], gold: Sequence[str]) -> list[bool]:
    """For each gold word, whether the text has it, by word-level alignment.

    The two word sequences are aligned with a word-level Levenshtein alignment;
    a gold word counts as right when it falls in a block of equal words.

    >>> gold_word_hits("the cat sat".split(), "the hat sat".split())
    [True, False, True]
    """
    hits = [False] * len(gold)
    for op in Levenshtein.opcodes(list(words), list(gold)):
        if op.tag == "equal":
            for j in range(op.dest_start, op.dest_end):
                hits[j] = True
    return hits


@dataclass
class WordCounts:
    """Gold words right/wrong before and after correction."""

    gold_words: int = 0
    wrong_before: int = 0
    wrong_after: int = 0
    repaired: int = 0
    damaged: int = 0

    def add(self, other: WordCounts) -> None:
        self.gold_words += other.gold_words
        self.wrong_before += other.wrong_before
        self.wrong_after += other.wrong_after
        self.repaired += other.repaired
        self.damaged += other.damaged


def word_counts(before: str, after: str, gold: str) -> WordCounts:
    """Count gold words repaired (wrong before, right after) and damaged (the reverse).

    Texts are split on whitespace, so a word keeps its punctuation: "fire," and
    "fire" are different words.  Pass normalised texts.

    >>> gold = "the cat sat on the mat"
    >>> c = word_counts("teh cat sat on the mat", "the cat sat in the mat", gold)
    >>> (c.repaired, c.damaged, c.wrong_before, c.wrong_after)
    (1, 1, 1, 1)
    """
    gold_words = gold.split()
    hit_before = gold_word_hits(before.split(), gold_words)
    hit_after = gold_word_hits(after.split(), gold_words)
    return WordCounts(
        gold_words=len(gold_words),
        wrong_before=hit_before.count(False),
        wrong_after=hit_after.count(False),
        repaired=sum(1 for b, a in zip(hit_before, hit_after, strict=True) if a and not b),
        damaged=sum(1 for b, a in zip(hit_before, hit_after, strict=True) if b and not a),
    )


@dataclass(frozen=True)
class Change:
    """One place where a corrector changed text (or, for damage, broke a right word)."""

    doc_id: str
    before: str
    after: str
    context: str


def damage(before: str, after: str, gold: str, doc_id: str = "", context: int = 3) -> list[Change]:
    """Where a corrector broke gold words (right in ``before``, wrong in ``after``).

    One record per changed run of the corrected text that covers a broken
    word: ``before`` holds the gold words of the run, ``after`` what the
    corrector wrote there.

    >>> [(c.before, c.after) for c in damage("a colour b", "a color b", "a colour b")]
    [('colour', 'color')]
    >>> [(c.before, c.after) for c in damage("from ,afire", "from, afire", "from a fire,")]
    [('from a fire,', 'from, afire')]
    """
    gold_words, after_words = gold.split(), after.split()
    hit_before = gold_word_hits(before.split(), gold_words)
    hit_after = gold_word_hits(after_words, gold_words)
    broken = {j for j, (b, a) in enumerate(zip(hit_before, hit_after, strict=True)) if b and not a}
    found = []
    for s1, s2, d1, d2 in _changed_runs(after_words, gold_words):
        if not broken.intersection(range(d1, d2)):
            continue
        left = " ".join(gold_words[max(0, d1 - context) : d1])
        right = " ".join(gold_words[d2 : d2 + context])
        old, new = " ".join(gold_words[d1:d2]), " ".join(after_words[s1:s2])
        shown = f"{left} [{old} -> {new or '(deleted)'}] {right}".strip()
        found.append(Change(doc_id, old, new, shown))
    return found


def word_changes(before: str, after: str, doc_id: str = "", context: int = 4) -> list[Change]:
    """Words a corrector changed, as aligned runs of words (whitespace ignored).

    >>> [(c.before, c.after) for c in word_changes("a colour b", "a color b")]
    [('colour', 'color')]
    >>> [(c.before, c.after) for c in word_changes("x 2022-03-09 y", "x 2022 03 09 y")]
    [('2022-03-09', '2022 03 09')]
    """
    src, out = before.split(), after.split()
    changes: list[Change] = []
    for s1, s2, d1, d2 in _changed_runs(src, out):
        left = " ".join(src[max(0, s1 - context) : s1])
        right = " ".join(src[s2 : s2 + context])
        old, new = " ".join(src[s1:s2]), " ".join(out[d1:d2])
        changes.append(Change(doc_id, old, new, f"{left} [{old} -> {new}] {right}".strip()))
    return changes


def _changed_runs(src: Sequence[str], out: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """Maximal runs of non-equal alignment steps, as (src_start, src_end, out_start, out_end).

    Adjacent steps are merged so "a b -> x y z" shows as one change, not an
    insertion followed by two substitutions.
    """
    runs: list[tuple[int, int, int, int]] = []
    for op in Levenshtein.opcodes(list(src), list(out)):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            s1, _, d1, _ = runs[-1]
            runs[-1] = (s1, op.src_end, d1, op.dest_end)
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return runs


def changed_word_count(changes: Sequence[Change]) -> int:
    """Words touched by the changes: the longer side of each aligned run.

    >>> changed_word_count(word_changes("a b c d", "a x c"))
    2
    """
    return sum(max(len(c.before.split()), len(c.after.split())) for c in changes)


@dataclass
class CorpusScore:
    """Corpus-level figures of one system on one set in one view."""

    gold_chars: int = 0
    errors_before: int = 0
    errors_after: int = 0
    words: WordCounts = field(default_factory=WordCounts)

    def add(self, before: str, after: str, gold: str, *, with_words: bool = True) -> None:
        self.gold_chars += len(gold)
        self.errors_before += char_errors(before, gold)
        self.errors_after += char_errors(after, gold)
        if with_words:
            self.words.add(word_counts(before, after, gold))

    @property
    def cer_before(self) -> float:
        """Edits summed over documents / gold characters summed."""
        return self.errors_before / max(1, self.gold_chars)

    @property
    def cer_after(self) -> float:
        return self.errors_after / max(1, self.gold_chars)

    @property
    def improvement(self) -> float | None:
        """Relative CER improvement in %, positive = better; None when there was nothing to fix."""
        if self.errors_before == 0:
            return None
        return 100.0 * (self.errors_before - self.errors_after) / self.errors_before
