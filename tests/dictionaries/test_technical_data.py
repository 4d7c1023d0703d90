"""Checks on the shipped list of technical words and on its build script."""

from __future__ import annotations

import io
import re
import sys
import tarfile
from pathlib import Path

import pytest

# dictionaries/tools is not installed: import the build script from the repository.
# Appended, not prepended, so the other tests keep importing the installed cleaner.
sys.path.append(str(Path(__file__).resolve().parents[2]))

from dictionaries.tools import build_technical

ROOT = Path(__file__).parents[2]
TECHNICAL = ROOT / "dictionaries" / "technical.txt"
LICENCE = ROOT / "dictionaries" / "technical-LICENSE.txt"
HEADER_LINES = 4


def lines() -> list[str]:
    return TECHNICAL.read_text(encoding="utf-8").splitlines()


def words() -> list[str]:
    return lines()[HEADER_LINES:]


def test_header_names_sources_licence_and_rebuild() -> None:
    header = lines()[:HEADER_LINES]
    assert all(line.startswith("# ") for line in header)
    text = "\n".join(header)
    for name in build_technical.SOURCES:
        assert name.removesuffix(".tgz") in text
    assert "MIT" in text and LICENCE.name in text and "build_technical.py" in text
    assert "Street Side Software" in LICENCE.read_text(encoding="utf-8")


def test_words_are_sorted_unique_lower_case_letters() -> None:
    listed = words()
    assert len(listed) > 5_000
    assert listed == sorted(set(listed))
    assert all(re.fullmatch(r"[a-z]{3,}", w) for w in listed)
    raw = TECHNICAL.read_bytes()
    assert raw.endswith(b"\n") and b"\r" not in raw


def test_holds_the_names_a_changelog_uses() -> None:
    listed = set(words())
    for word in ("printf", "scanf", "systemd", "musl", "libc", "lto"):
        assert word in listed, word


def test_leaves_out_lexicon_words_and_codespells_misspellings() -> None:
    script = build_technical
    listed = set(words())
    assert not listed & script.lexicon_words()
    misspellings = script.codespell_misspellings()
    assert {"splitted", "reenabled", "discoverd"} <= misspellings
    assert not listed & misspellings


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("printf", ["printf"]),
        ("GStreamer", ["gstreamer"]),
        ("~Kubernetes", ["kubernetes"]),
        ("pre+*fetch", ["prefetch"]),
        ("Visual Studio Code", ["visual", "studio", "code"]),
        ("# cspell-tools: keep-case no-split", []),
        ("!remnats", []),
        ("utf8", []),  # digits: no plain word
        ("io", []),  # under MIN_LETTERS
        ("", []),
    ],
)
def test_entry_words(line: str, expected: list[str]) -> None:
    assert list(build_technical.entry_words(line)) == expected


def test_technical_words_drops_known_words_and_misspellings() -> None:
    lists = ["printf\nsplitted\nthe\n", "# comment\nSystemd\nprintf\n"]
    got = build_technical.technical_words(lists, known={"the"}, misspellings={"splitted"})
    assert got == ["printf", "systemd"]


def _tarball(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/dict/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_a_tarball_other_than_the_recorded_one_is_refused() -> None:
    script = build_technical
    tarballs = {name: _tarball({}) for name in script.SOURCES}
    with pytest.raises(SystemExit, match="SHA-256"):
        script.read_lists(tarballs)
