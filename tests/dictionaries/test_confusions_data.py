"""The shipped OCR confusion table is well-formed and says what the corrector relies on."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

TABLE = Path(__file__).parents[2] / "dictionaries" / "confusions.tsv"
FALLBACK_KINDS = ("substitution", "deletion", "insertion", "transposition", "case", "correct")

# Classic OCR confusions, keyed observed -> intended as the corrector looks them up.
KEY_CONFUSIONS = (
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("d", "cl"),
    ("li", "h"),
    ("h", "li"),
    ("ii", "u"),
    ("vv", "w"),
    ("c", "e"),
    ("e", "c"),
    ("1", "l"),
    ("1", "I"),
    ("l", "I"),
    ("I", "l"),
    ("0", "O"),
    ("0", "o"),
    ("5", "S"),
    ("f", "t"),
    ("t", "f"),
    ("f", "s"),
)
# The measured data supports these, so losing one means the build went wrong.
REQUIRED = (("rn", "m"), ("m", "rn"), ("li", "h"), ("c", "e"), ("e", "c"), ("f", "s"))


@dataclass(frozen=True)
class Row:
    observed: str
    intended: str
    cost: float
    count: int


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[Row]
    raw_rows: list[list[str]]
    fallback: dict[str, float]


@cache
def load() -> Table:
    header: list[str] = []
    rows: list[Row] = []
    raw_rows: list[list[str]] = []
    fallback: dict[str, float] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            assert not rows, f"comment after the rows began: {line!r}"
            header.append(line)
            if line.startswith("# cost\t"):
                _, kind, cost, _events, _chances = line.split("\t")
                fallback[kind] = float(cost)
            continue
        cells = line.split("\t")
        raw_rows.append(cells)
        observed, intended, cost, count = cells
        rows.append(Row(observed, intended, float(cost), int(count)))
    return Table(header, rows, raw_rows, fallback)


def test_table_has_a_header_and_a_few_hundred_rows() -> None:
    table = load()
    assert any("train" in line for line in table.header)
    assert any("build_confusions.py" in line for line in table.header)
    assert 50 <= len(table.rows) <= 500


def test_header_is_date_free_so_rebuilds_are_reproducible() -> None:
    for line in load().header:
        assert not re.search(r"\b(19|20)\d\d-\d\d-\d\d\b", line), line


def test_rows_are_well_formed() -> None:
    for cells in load().raw_rows:
        assert len(cells) == 4, cells
        observed, intended, cost, count = cells
        assert len(observed) <= 2 and len(intended) <= 2, cells
        assert observed or intended, cells
        assert observed != intended, cells
        assert not any(char.isspace() for char in observed + intended), cells
        assert re.fullmatch(r"\d+\.\d\d", cost), cells
        assert re.fullmatch(r"[1-9]\d*", count), cells


def test_costs_are_positive_finite_and_counts_positive() -> None:
    for row in load().rows:
        assert math.isfinite(row.cost) and row.cost > 0, row
        assert row.count > 0, row


def test_rows_sorted_by_intended_then_observed_without_duplicates() -> None:
    keys = [(row.intended, row.observed) for row in load().rows]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_long_s_is_folded_into_s() -> None:
    assert all("ſ" not in row.observed + row.intended for row in load().rows)


def test_no_row_is_a_mere_change_of_case() -> None:
    for row in load().rows:
        assert row.observed.lower() != row.intended.lower(), row


@pytest.mark.parametrize("kind", FALLBACK_KINDS)
def test_fallback_costs_present(kind: str) -> None:
    cost = load().fallback[kind]
    assert math.isfinite(cost) and cost > 0


def test_reading_a_character_right_is_far_likelier_than_any_error() -> None:
    fallback = load().fallback
    assert fallback["correct"] < 0.1
    assert all(fallback["correct"] < fallback[kind] for kind in FALLBACK_KINDS[:-1])
    assert all(fallback["correct"] < row.cost for row in load().rows)


@pytest.mark.parametrize("pattern", REQUIRED)
def test_well_attested_confusions_are_listed(pattern: tuple[str, str]) -> None:
    assert pattern in {(row.observed, row.intended) for row in load().rows}


def test_listed_key_confusions_beat_a_generic_substitution() -> None:
    by_key = {(row.observed, row.intended): row for row in load().rows}
    generic = load().fallback["substitution"]
    listed = [pattern for pattern in KEY_CONFUSIONS if pattern in by_key]
    assert len(listed) >= len(REQUIRED)
    for pattern in listed:
        assert by_key[pattern].cost < generic, pattern
