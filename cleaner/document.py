"""Documents: bytes decoded faithfully, and encoded back exactly as they were.

The decoded text keeps its line endings as they were (LF, CRLF, CR or mixed):
nothing translates newlines, so offsets, diffs and writes all see the same
characters. What decoding removes (a byte-order mark) is remembered and put
back by :func:`encode`.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cleaner.errors import BinaryFileError, ChangedOnDiskError, InputError
from cleaner.regex import lazy

# A NUL byte in the first 8 KB marks a binary file (git uses the same test).
BINARY_SNIFF = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    # UTF-32 LE starts with the UTF-16 LE mark, but UTF-32 text files are too
    # rare to guess at: a UTF-16 LE decode of one fails and is reported.
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})
RST_SUFFIXES = frozenset({".rst"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
LATEX_SUFFIXES = frozenset({".tex", ".ltx"})
# POD, and Perl modules and scripts, whose POD is read and whose code is not.
POD_SUFFIXES = frozenset({".pod", ".pm", ".pl"})


@dataclass(frozen=True)
class Encoding:
    """How a document's bytes were encoded: the codec and the BOM bytes (or b"")."""

    codec: str
    bom: bytes = b""

    def describe(self) -> str:
        return f"{self.codec} with BOM" if self.bom else self.codec


UTF8 = Encoding("utf-8")


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` looks binary: a NUL byte in its first 8 KB, and no UTF-16 BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\0" in data[:BINARY_SNIFF]


def detect(data: bytes) -> Encoding:
    """The encoding of ``data``, or :class:`InputError` when it is ambiguous.

    UTF-8 and UTF-16 are told by their byte-order marks, then strict UTF-8 is
    tried. Bytes that are not UTF-8 are taken as Windows-1252 (a superset of
    Latin-1's printable range) when every byte is defined there: then decoding
    and encoding round-trip exactly. Anything else is refused, never guessed.

    >>> detect("café".encode()).codec, detect("café".encode("cp1252")).codec
    ('utf-8', 'cp1252')
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Encoding(codec, bom)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return UTF8
    try:
        text = data[:LEGACY_SNIFF].decode("cp1252")
        data[LEGACY_SNIFF:].decode("cp1252")  # one byte a character: any cut is one
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode: not UTF-8, and byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start} is undefined in Windows-1252"
        ) from None
    high = sum(1 for c in text if c > "\x7f")
    letters = high + sum(1 for c in text if c.isascii() and c.isalpha())
    in_runs = sum(map(len, _HIGH_RUN_RE.findall(text))) if high >= LEGACY_MIN_HIGH else 0
    if high >= LEGACY_MIN_HIGH and (
        high > LEGACY_SHARE * letters or in_runs >= LEGACY_RUN_SHARE * high
    ):
        # Russian in Windows-1251 or KOI8-R, Greek, Big5, EUC-KR: every byte
        # is defined in Windows-1252 too, but read so the words are runs of
        # accented letters and signs ("Ïðèâåò"), and an edit there (a
        # no-break space, a soft hyphen, "mojibake") would change a letter of
        # the real text. Latin text keeps most of its letters in ASCII.
        raise InputError(
            "cannot decode: not UTF-8, and read as Windows-1252 it is no Latin text"
            f" ({high} characters outside ASCII among {letters} letters, {in_runs} of them"
            " in runs of three or more): another legacy encoding (Cyrillic, Greek, CJK...)?"
            " Convert it to UTF-8 first"
        )
    return Encoding("cp1252")


# How much of a file that is not UTF-8 is read to tell Windows-1252 from
# another legacy encoding (see detect): when at least LEGACY_MIN_HIGH of its
# characters are outside ASCII, and they are more than LEGACY_SHARE of its
# letters (those and ASCII letters) or LEGACY_RUN_SHARE of them stand in
# runs of three or more, it is no Latin text. French or German text in
# Windows-1252 has a few accented letters in twenty, one or two together
# ("été", "größe"); Russian in Windows-1251, read so, has nearly all its
# letters outside ASCII, and a page of Big5 or EUC-KR inside HTML markup,
# whose tags are ASCII, has its characters in runs.
LEGACY_SNIFF = 1 << 16
LEGACY_MIN_HIGH = 16
LEGACY_SHARE = 0.3
LEGACY_RUN_SHARE = 0.5
_HIGH_RUN_RE = lazy(r"[^\x00-\x7f]{3,}")


def decode(data: bytes, encoding: Encoding | None = None) -> tuple[str, Encoding]:
    """Decode ``data`` (detecting the encoding unless given), keeping newlines as they are."""
    enc = encoding or detect(data)
    body = data[len(enc.bom) :]
    try:
        return body.decode(enc.codec), enc
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode as {enc.describe()}: {exc.reason} at byte {exc.start}"
        ) from None


def encode(text: str, encoding: Encoding) -> bytes:
    """Encode ``text`` exactly as it was read: same codec, same BOM."""
    return encoding.bom + text.encode(encoding.codec)


def can_encode(text: str, encoding: Encoding) -> bool:
    """Whether ``text`` is representable in ``encoding`` (cp1252 cannot hold 'ğ')."""
    try:
        text.encode(encoding.codec)
    except UnicodeEncodeError:
        return False
    return True


def kind_of(path: str | os.PathLike[str] | None) -> str:
    """The document kind, from the file name: ``markdown``, ``rst``, ``html``,
    ``latex``, ``pod`` or ``text``."""
    if path is None:
        return "text"
    suffixes = [s.lower() for s in Path(path).suffixes[-2:]]
    suffix = suffixes[-1] if suffixes else ""
    if suffixes == [".rst", ".txt"]:
        return "rst"  # Sphinx publishes its sources as page.rst.txt
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in RST_SUFFIXES:
        return "rst"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in LATEX_SUFFIXES:
        return "latex"
    if suffix in POD_SUFFIXES:
        return "pod"
    return "text"


@dataclass(frozen=True)
class Document:
    """A file's decoded text and what is needed to write it back faithfully."""

    path: Path
    text: str
    encoding: Encoding
    raw: bytes
    mode: int

    @property
    def kind(self) -> str:
        return kind_of(self.path)


def read_document(path: Path) -> Document:
    """Read and decode a file; :class:`BinaryFileError` for binary files."""
    try:
        with path.open("rb") as handle:
            raw = handle.read()
            mode = os.fstat(handle.fileno()).st_mode
    except OSError as exc:
        raise unreadable(path, exc) from None
    if looks_binary(raw):
        raise BinaryFileError(f"{path}: binary file, skipped")
    try:
        text, encoding = decode(raw)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    return Document(path, text, encoding, raw, stat.S_IMODE(mode))


def unreadable(path: Path, exc: OSError) -> InputError:
    """What to report when ``path`` cannot be opened or read."""
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{path}: is a directory")
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: no such file or directory")
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: permission denied")
    return InputError(f"{path}: cannot read: {exc.strerror or exc}")


def write_document(doc: Document, text: str) -> bool:
    """Write ``text`` over ``doc``'s file, encoded as it was read; False if unchanged.

    The write is atomic (a temporary file in the same folder, flushed to disk,
    then renamed over the original, keeping the file's mode) and is refused
    with :class:`ChangedOnDiskError` when the file changed since it was read.
    """
    data = encode(text, doc.encoding)
    if data == doc.raw:
        return False
    try:
        current = doc.path.read_bytes()
    except OSError as exc:
        raise changed_on_disk(doc.path, exc) from None
    if current != doc.raw:
        raise changed_on_disk(doc.path)
    write_atomic(doc.path, data, doc.mode)
    return True


def changed_on_disk(path: Path, error: OSError | None = None) -> ChangedOnDiskError:
    """What to raise when ``path`` changed since it was read, or can no longer be
    looked at (``error``): it is not written."""
    if error is not None:
        return ChangedOnDiskError(f"{path}: changed since it was read ({error})")
    return ChangedOnDiskError(f"{path}: changed on disk since it was read; not written")


def write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, whole."""
    replace_atomic(path, mode, lambda handle: handle.write(data) >= 0)


def replace_atomic(path: Path, mode: int, write: Callable[[BinaryIO], bool]) -> bool:
    """Replace ``path`` with what ``write`` writes to a temporary file beside it,
    if it returns True (else the file stays as it was); whether it was replaced.

    A crash leaves the old or the new file, whole.
    """
    import tempfile  # only when needed: a check's start-up does without it

    # Write through a symlink to its target, so the link itself survives.
    target = path.resolve()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            keep = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if not keep:
            Path(tmp).unlink()
            return False
        Path(tmp).chmod(mode)
        Path(tmp).replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise
    return True
