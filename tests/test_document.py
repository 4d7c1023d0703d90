from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cleaner.document import (
    Encoding,
    decode,
    detect,
    encode,
    read_document,
    write_document,
)
from cleaner.errors import BinaryFileError, ChangedOnDiskError, InputError


@pytest.mark.parametrize(
    ("data", "codec", "bom"),
    [
        ("café\n".encode(), "utf-8", b""),
        (b"\xef\xbb\xbfcaf\xc3\xa9\r\n", "utf-8", b"\xef\xbb\xbf"),
        (b"\xff\xfe" + "café\r\n".encode("utf-16-le"), "utf-16-le", b"\xff\xfe"),
        (b"\xfe\xff" + "café\n".encode("utf-16-be"), "utf-16-be", b"\xfe\xff"),
        ("café “quoted”\n".encode("cp1252"), "cp1252", b""),
        (b"", "utf-8", b""),
    ],
)
def test_round_trip_is_byte_exact(data: bytes, codec: str, bom: bytes) -> None:
    text, encoding = decode(data)
    assert encoding == Encoding(codec, bom)
    assert encode(text, encoding) == data


def test_newlines_are_kept_as_they_are() -> None:
    text, _ = decode(b"a\r\nb\nc\rd")
    assert text == "a\r\nb\nc\rd"


def test_undefined_cp1252_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="undefined in Windows-1252"):
        detect(b"caf\xe9 \x81")


RUSSIAN = (
    "Москва - столица России, крупнейший по численности населения город страны. "
    "В городе работают театры, музеи и библиотеки, а по его улицам ходят трамваи.\n"
)


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "iso-8859-5", "cp855"])
def test_another_legacy_encoding_is_refused_not_read_as_cp1252(codec: str) -> None:
    # Read as Windows-1252 (where the text's bytes are defined there, as
    # they are in Windows-1251) the words are runs of accented letters:
    # refused, never "repaired".
    data = RUSSIAN.encode(codec)
    with pytest.raises(InputError, match="cannot decode"):
        detect(data)


def test_a_page_of_big5_in_ascii_markup_is_refused() -> None:
    # The tags are ASCII letters, so most letters are; but read as
    # Windows-1252 the Chinese text is runs of signs and accented letters.
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
        '<link rel="stylesheet" type="text/css" href="/style/default/main.css">'
        '<title>blog</title></head><body><div class="entry"><p>'
        "明天就要唱決賽了，今天仍然忙著我手邊的工作。"
        '</p></div><div class="footer"><a href="http://example.org/archives/">'
        "archives</a></div></body></html>\n"
    )
    data = page.encode("big5")
    data.decode("cp1252")  # every byte defined: only the reading tells
    with pytest.raises(InputError, match="no Latin text"):
        detect(data)


def test_latin_text_in_cp1252_is_still_read() -> None:
    french = (
        "Le café était fermé ; nous sommes allés à la brasserie d'à côté, où l'on "
        "sert une crème brûlée célèbre dans toute la région, et des crêpes.\n"
    ) * 3
    assert detect(french.encode("cp1252")).codec == "cp1252"


def test_binary_file_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"abc\0def")
    with pytest.raises(BinaryFileError):
        read_document(path)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_document(path)


def test_write_keeps_encoding_bom_newlines_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfone  two\r\nthree")
    path.chmod(0o640)
    doc = read_document(path)
    assert write_document(doc, doc.text.replace("  ", " "))
    assert path.read_bytes() == b"\xef\xbb\xbfone two\r\nthree"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


def test_unchanged_text_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("same")
    before = path.stat().st_mtime_ns
    doc = read_document(path)
    assert not write_document(doc, doc.text)
    assert path.stat().st_mtime_ns == before


def test_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one  two")
    doc = read_document(path)
    path.write_text("someone else's edit")
    with pytest.raises(ChangedOnDiskError):
        write_document(doc, "one two")
    assert path.read_text() == "someone else's edit"


def test_write_through_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("a  b")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    doc = read_document(link)
    write_document(doc, "a b")
    assert link.is_symlink()
    assert target.read_text() == "a b"
