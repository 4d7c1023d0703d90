"""Where the shipped lists are, and how a searched one is opened."""

from __future__ import annotations

from pathlib import Path

from cleaner.resources import dictionary_path, mapped


def test_a_mapped_file_answers_as_its_bytes_do() -> None:
    path = dictionary_path("misspellings.txt")
    data, read = mapped(path), path.read_bytes()
    assert not isinstance(data, bytes)  # mapped, not read
    assert len(data) == len(read)
    at = read.index(b"\nrecieve ")
    assert data.find(b"\nrecieve ") == at and data[at : at + 20] == read[at : at + 20]
    assert data.rfind(b"\n", 0, at + 1) == read.rfind(b"\n", 0, at + 1)


def test_an_empty_file_is_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert mapped(empty) == b""  # an empty file cannot be mapped
