"""The typing-slip benchmark's slips and its scoring, on hand-made paragraphs."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

# bench/ is not part of the installed package: import it from the repository.
sys.path.append(str(Path(__file__).resolve().parents[2]))

from bench import slips
from bench.corpora import Document
from cleaner.lexicon import default_lexicon


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one insertion, deletion, substitution or
    swap of neighbours apart."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


@pytest.mark.parametrize("kind", slips.KINDS)
def test_each_kind_is_one_edit_that_keeps_the_first_letter(kind: str) -> None:
    rng = random.Random(7)
    for word in ("document", "release", "interest", "they"):
        for _ in range(20):
            typo = slips.make_slip(word, kind, rng)
            assert typo != word and _one_edit(word, typo), (word, typo)
            if kind in ("deletion", "transposition"):
                assert typo[0] == word[0]
            if kind == "doubling":
                assert len(typo) == len(word) + 1 and any(
                    typo[i] == typo[i + 1] == word[min(i, len(word) - 1)]
                    for i in range(len(typo) - 1)
                )
            if kind == "substitution":
                (i,) = [i for i in range(len(word)) if word[i] != typo[i]]
                assert typo[i] in slips.NEIGHBOURS[word[i]]


def test_slips_make_no_word_and_no_form_the_paragraph_has() -> None:
    lexicon = default_lexicon()
    docs = [
        Document(f"{n:04d}", text, text)
        for n, text in enumerate(
            [
                "The committee will publish its report on the new library next week.",
                "Some words are here twice: form form from from; and there.",
                "A b c.",  # nothing of four letters to slip
            ]
        )
    ]
    made = slips.slips_of(docs, seed=1)
    assert [s.doc for s in made] == ["0000", "0001"]
    for slip in made:
        text = docs[int(slip.doc)].ocr
        assert text[slip.start : slip.start + len(slip.original)] == slip.original
        assert slip.original in lexicon and slip.typo not in lexicon
        assert slip.typo.lower() not in text.lower().split()
        changed = slips.slipped_text(docs[int(slip.doc)], slip)
        assert changed[slip.start : slip.end] == slip.typo
    # The same seed, the same slips.
    assert slips.slips_of(docs, seed=1) == made


def test_score_counts_flags_at_the_slip_and_elsewhere() -> None:
    text = "We will reprot the results and the rest."
    slip = slips.Slip("a", text.index("reprot"), "report", "reprot", "transposition")
    other = "Send the esults to me."
    slip_b = slips.Slip("b", other.index("esults"), "results", "esults", "deletion")
    third = "Nothing here is found by anyone."
    slip_c = slips.Slip("c", third.index("found"), "found", "fuond", "transposition")
    texts = {"a": text, "b": other, "c": third.replace("found", "fuond")}
    at = slip.start
    flags = {
        # applied right at the slip, and a false alarm elsewhere that fix applies
        "a": [
            slips.Flag(at, at + 6, "reprot", "report", True),
            slips.Flag(0, 2, "We", "Me", True),
        ],
        # proposed with the wrong reading, not applied
        "b": [slips.Flag(slip_b.start, slip_b.end, "esults", "insults", False)],
        "c": [],  # missed
    }
    tally = slips.score([slip, slip_b, slip_c], texts, flags, words=20)
    assert (tally.slips, tally.flagged, tally.right_reading) == (3, 2, 1)
    assert (tally.applied_right, tally.applied_wrong) == (1, 0)
    assert (tally.other_flags, tally.other_applied) == (1, 1)
    assert len(tally.missed) == 1 and "fuond" in tally.missed[0]
    assert tally.wrong == ["'esults' -> 'insults' proposed (was 'results')"]


def test_score_reads_a_proposal_that_covers_more_than_the_slip() -> None:
    # A boundary edit that joins the slip to the next word is read as the
    # words it leaves, against the word as it was: wrong here.
    text = "It was in the ofice yesterday."
    start = text.index("ofice")
    slip = slips.Slip("a", start, "office", "ofice", "deletion")
    flag = slips.Flag(start, start + len("ofice yesterday"), "ofice yesterday", "office", True)
    tally = slips.score([slip], {"a": text}, {"a": [flag]}, words=5)
    assert (tally.flagged, tally.right_reading, tally.applied_wrong) == (1, 0, 1)


def test_word_flags_find_each_whole_word_on_its_line() -> None:
    text = "first line\nteh cat and teh dog, tehran\nteh"
    found = slips._word_flags(text, 2, "teh", "the", True)
    assert [text[f.start : f.end] for f in found] == ["teh", "teh"]
    assert [f.start for f in found] == [11, 23]
