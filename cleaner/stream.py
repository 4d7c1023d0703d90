"""Pipes and large files: text in paragraph-aligned chunks, in flat memory.

A chunk ends at a blank line once it holds ``chunk_size`` bytes (so document
context such as name consistency sees whole paragraphs and, for inputs up to
that size, the whole document), or at any line end once it holds
``hard_limit`` bytes; a line longer than that is cut after a carriage
return (old Mac line ends) or else a space, not inside a word. The first
bytes decide the encoding; a later chunk that does not decode is passed
through untouched, never dropped or corrupted.

A large file named on the command line is cut at the same places
(:func:`split_text`), so it gets the same edits as when it is piped, and
the memory its checking needs grows with a chunk, not with the file; one
too large to hold whole (cleaner.process.STREAM_MIN_BYTES) is read by
``check`` and ``fix`` through :func:`chunks`, as a pipe is.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from cleaner.document import UTF8, Encoding, decode, detect, looks_binary
from cleaner.errors import InputError

CHUNK_SIZE = 1 << 20
_FENCE_RE = re.compile(rb" {0,3}(?:```|~~~)")
# Text with no blank lines (an index, OCR output with one line per printed
# line) is cut at a line end here: checking a chunk takes about 100 MB per MB,
# so a 5 MB run of such lines needed 573 MiB when this was 8 MB, 276 MiB now.
HARD_LIMIT = 2 << 20


class Chunk(NamedTuple):
    """A piece of the stream: decoded text, or raw bytes that must pass through as they are.

    ``prefix`` holds bytes to write before the chunk's text (a BOM).
    """

    text: str | None
    raw: bytes
    encoding: Encoding
    prefix: bytes = b""


def chunks(
    stream: BinaryIO, chunk_size: int = CHUNK_SIZE, hard_limit: int = HARD_LIMIT
) -> Iterator[Chunk]:
    """Split ``stream`` into decoded chunks (see the module docstring)."""
    head = stream.read(min(8192, hard_limit))
    if not head:
        return
    if looks_binary(head) or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Binary input is passed through; UTF-16 cannot be split on b"\n".
        yield from _whole(head + stream.read(), binary=looks_binary(head))
        return
    encoding = _sniff(head)
    prefix = encoding.bom
    pending = bytearray(head[len(prefix) :])
    for piece in _pieces(stream, pending, chunk_size, hard_limit):
        yield _decode_piece(piece, encoding, prefix)
        prefix = b""


def split_text(
    text: str,
    codec: str,
    chunk_size: int = CHUNK_SIZE,
    hard_limit: int = HARD_LIMIT,
    *,
    encoded: bytes | None = None,
) -> Iterator[str]:
    """``text`` in the pieces :func:`chunks` would cut its ``codec`` bytes into,
    one at a time. ``encoded`` is those bytes, when the caller holds them
    (a file's, without a BOM): the text is then not encoded again.

    UTF-16 text is not split (the pipe takes it whole too).

    >>> list(split_text("One.\\n\\nTwo.\\n\\nThree.\\n", "utf-8", chunk_size=5))
    ['One.\\n\\n', 'Two.\\n\\n', 'Three.\\n']
    """
    if codec.startswith("utf-16") or len(text) < chunk_size // 4:
        yield text  # a UTF-8 character is at most 4 bytes: one chunk
        return
    data = text.encode(codec) if encoded is None else encoded
    if len(data) < chunk_size:
        yield text
        return
    for piece in _pieces(io.BytesIO(data), bytearray(), chunk_size, hard_limit):
        yield piece.decode(codec)


def _whole(data: bytes, *, binary: bool) -> Iterator[Chunk]:
    if binary:
        yield Chunk(None, data, UTF8)
        return
    try:
        text, encoding = decode(data)
    except InputError:
        yield Chunk(None, data, UTF8)
        return
    yield Chunk(text, data, Encoding(encoding.codec), encoding.bom)


def _sniff(head: bytes) -> Encoding:
    # Trim a possibly cut multi-byte character before deciding.
    complete, _ = split_incomplete_utf8(head)
    try:
        return detect(complete)
    except InputError:
        return UTF8  # undefined in cp1252 too: chunks pass through raw


def _pieces(
    stream: BinaryIO, pending: bytearray, chunk_size: int, hard_limit: int
) -> Iterator[bytes]:
    buffer = bytearray()
    in_fence = False
    while True:
        newline = pending.find(b"\n", 0, hard_limit)
        if newline == -1:
            if len(pending) < hard_limit:
                more = stream.read(65536)
                if more:
                    pending += more
                    continue
            # A line longer than the hard limit (or the last line): cut it,
            # after a carriage return (old Mac line ends) or else a space or
            # tab if it has one, so that no word is cut in two.
            cut = hard_limit
            if len(pending) >= hard_limit:
                for mark in (b"\r", b" ", b"\t"):
                    at = pending.rfind(mark, 0, hard_limit)
                    if at != -1:
                        cut = at + 1
                        break
            line = bytes(pending[:cut])
            del pending[:cut]
            if not line:
                break
        else:
            # Deleting from the front of a bytearray is cheap in CPython; slicing
            # off the rest would copy it once per line.
            line = bytes(pending[: newline + 1])
            del pending[: newline + 1]
        buffer += line
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        blank = not line.strip()
        # Never cut inside a Markdown code fence at a blank line: the next
        # chunk would see its code as prose. (The hard limit still applies.)
        if (blank and not in_fence and len(buffer) >= chunk_size) or len(buffer) >= hard_limit:
            complete, tail = split_incomplete_utf8(bytes(buffer))
            yield complete
            buffer = bytearray(tail)
    if buffer:
        yield bytes(buffer)


def _decode_piece(piece: bytes, encoding: Encoding, prefix: bytes) -> Chunk:
    plain = Encoding(encoding.codec)
    try:
        return Chunk(piece.decode(encoding.codec), piece, plain, prefix)
    except UnicodeDecodeError:
        return Chunk(None, piece, plain, prefix)


def split_incomplete_utf8(data: bytes) -> tuple[bytes, bytes]:
    """Split off a UTF-8 sequence cut at the end of ``data``.

    >>> split_incomplete_utf8("aé".encode()[:-1])
    (b'a', b'\\xc3')
    """
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data, b""
        if byte >= 0xC0:
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return (data[:-back], data[-back:]) if need > back else (data, b"")
    return data, b""
