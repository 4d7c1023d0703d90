"""Checks on the shipped list of common misspellings and on its build script."""

from __future__ import annotations

import io
import re
import sys
import tarfile
from functools import cache
from pathlib import Path

import pytest

# dictionaries/tools is not installed: import the build script from the repository.
# Appended, not prepended, so the other tests keep importing the installed cleaner.
sys.path.append(str(Path(__file__).resolve().parents[2]))

from dictionaries.tools import build_misspellings

ROOT = Path(__file__).parents[2]
MISSPELLINGS = ROOT / "dictionaries" / "misspellings.txt"
LICENCE = ROOT / "dictionaries" / "misspellings-LICENSE.txt"
HEADER_LINES = 4


@cache
def rows() -> list[tuple[str, str]]:
    lines = MISSPELLINGS.read_text(encoding="utf-8").splitlines()[HEADER_LINES:]
    found = []
    for line in lines:
        assert re.fullmatch(r"[a-z]+ [a-z]+", line), line
        wrong, right = line.split(" ")
        found.append((wrong, right))
    return found


def test_header_names_source_licence_and_rebuild() -> None:
    header = MISSPELLINGS.read_text(encoding="utf-8").splitlines()[:HEADER_LINES]
    assert all(line.startswith("# ") for line in header)
    text = "\n".join(header)
    assert "dict-en-common-misspellings 2.2.6" in text and "CC BY-SA 4.0" in text
    assert LICENCE.name in text and "build_misspellings.py" in text
    assert "Attribution-ShareAlike 4.0" in LICENCE.read_text(encoding="utf-8")


def test_pairs_are_sorted_by_misspelling_without_duplicates() -> None:
    # cleaner.misspellings finds a pair by binary search over the lines.
    wrong = [w for w, _ in rows()]
    assert len(wrong) > 50_000
    assert wrong == sorted(set(wrong))
    raw = MISSPELLINGS.read_bytes()
    assert raw.endswith(b"\n") and b"\r" not in raw


def test_corrections_are_known_and_misspellings_are_not() -> None:
    script = build_misspellings
    known = script._words(script.LEXICON)
    right = script._words(script.TECHNICAL)
    for wrong, correction in rows():
        assert correction in known, correction
        assert wrong not in known and wrong not in right, wrong


def test_pairs_keeps_one_plain_correction_only() -> None:
    lines = [
        "accomodate->accommodate",
        "wich->which, witch",  # two corrections: the list cannot choose
        "teh->the",
        "recieve->receive",  # correction not known here: left out
        "the->teh",  # a known word is never a misspelling
        "printf->prints",  # a technical word is right
        "colour->color",
        "naïve->naive",  # not plain letters
    ]
    # "teh" and "colour" are known here: a known word is never a misspelling.
    known = {"accommodate", "which", "witch", "the", "teh", "prints", "color", "colour", "naive"}
    got = build_misspellings.pairs(lines, known, right={"printf"})
    assert got == [("accomodate", "accommodate")]


def test_pairs_leaves_out_a_misspelling_that_reads_another_way() -> None:
    lines = [
        "youre->your",  # "you're" with its apostrophe left out
        "inbetween->between",  # "in between" run together
        "witha->with",  # "with a" run together
        "intoto->into",  # "to" repeats the end of "into": a slip
        "aand->and",  # "a" repeats the start of "and"
        "accomodate->accommodate",
    ]
    known = {"your", "you're", "between", "with", "into", "and", "accommodate", "in", "a", "to"}
    paired = {("in", "between"), ("with", "a"), ("into", "to"), ("a", "and")}
    got = build_misspellings.pairs(lines, known, set(), paired)
    assert got == [("aand", "and"), ("accomodate", "accommodate"), ("intoto", "into")]
    assert build_misspellings.pairs(lines, known, set()) == [
        ("aand", "and"),
        ("accomodate", "accommodate"),
        ("inbetween", "between"),
        ("intoto", "into"),
        ("witha", "with"),
    ]


def test_the_shipped_list_holds_no_misspelling_that_reads_another_way() -> None:
    script = build_misspellings
    known = script._words(script.LEXICON)
    paired = script._pairs(script.BIGRAMS)
    assert [(w, r) for w, r in rows() if script.ambiguous(w, r, known, paired)] == []
    assert not {"youre", "whos", "hed", "inbetween", "witha"} & {w for w, _ in rows()}


def test_a_tarball_other_than_the_recorded_one_is_refused() -> None:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz"):
        pass
    with pytest.raises(SystemExit, match="SHA-256"):
        build_misspellings.entries(out.getvalue())
