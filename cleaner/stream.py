"""Pipes and large files: text in paragraph-aligned chunks, in flat memory.

A chunk ends at a blank line once it holds ``chunk_size`` bytes (so document
context such as name consistency sees whole paragraphs and, for inputs up to
that size, the whole document), where no block of code is open (a
Markdown fence, a LaTeX verbatim environment, an HTML <pre>: see
_raw_block) and, after an indented block's line, where the next line
starts at the margin (see _opens_or_continues_block), so that no chunk
opens in the middle of code it would read as prose; failing that, at its
last blank line, or at any line end, once it holds ``hard_limit`` bytes; a line
longer than that is cut after a carriage return (old Mac line ends) or else
a space, not inside a word. The first bytes decide the encoding; a later
chunk that does not decode is passed through untouched, never dropped or
corrupted.

A large file named on the command line is cut at the same places
(:func:`split_text`), so it gets the same edits as when it is piped, and
the memory its checking needs grows with a chunk, not with the file; one
too large to hold whole (cleaner.process.STREAM_MIN_BYTES) is read by
``check`` and ``fix`` through :func:`chunks`, as a pipe is.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from cleaner import html, latex
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
    raw: bytes | None = None  # what closes the raw block open here (see _raw_block)
    # Where the chunk may end: after the blank lines past chunk_size, once the
    # next line shows it is no indented continuation; ``fallback`` is the last
    # such place, for the hard limit.
    cut: int | None = None
    fallback: int | None = None
    last = b""  # the last line that is not blank
    after_blank = True  # whether the line before was blank (or there was none)
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
            end = hard_limit
            if len(pending) >= hard_limit:
                for mark in (b"\r", b" ", b"\t"):
                    at = pending.rfind(mark, 0, hard_limit)
                    if at != -1:
                        end = at + 1
                        break
            line = bytes(pending[:end])
            del pending[:end]
            if not line:
                break
        else:
            # Deleting from the front of a bytearray is cheap in CPython; slicing
            # off the rest would copy it once per line.
            line = bytes(pending[: newline + 1])
            del pending[: newline + 1]
        blank = not line.strip()
        if cut is not None and not blank:
            # The first line after the blank ones: a block that starts at the
            # margin starts afresh; an indented one is the rest of the block
            # the blank lines stand in.
            if line[:1] not in b" \t":
                yield bytes(buffer[:cut])
                del buffer[:cut]
                fallback = None
            cut = None
        buffer += line
        # A line of tildes under a title underlines it (reStructuredText);
        # a tilde fence opens after a blank line, as in cleaner.plaintext.
        if _FENCE_RE.match(line) and (in_fence or after_blank or line.lstrip()[:1] == b"`"):
            in_fence = not in_fence
        after_blank = blank
        if raw is not None or b"<" in line or b"\\begin" in line:
            raw = _raw_block(line, raw)
        if not blank:
            last = line
        # Never cut inside a Markdown code fence, a LaTeX verbatim
        # environment or an HTML <pre>, <script> or <style> at a blank line:
        # the next chunk would see its code as prose.
        if blank and not in_fence and raw is None and len(buffer) >= chunk_size:
            if _opens_or_continues_block(last):
                cut = fallback = len(buffer)  # wait for the next line
            else:
                yield bytes(buffer)
                buffer = bytearray()
                cut = fallback = None
        if len(buffer) >= hard_limit:
            # The hard limit cuts anyway: at a blank line if there was one.
            if fallback is not None:
                yield bytes(buffer[:fallback])
                del buffer[:fallback]
            else:
                complete, tail = split_incomplete_utf8(bytes(buffer))
                yield complete
                buffer = bytearray(tail)
            cut = fallback = None
    if buffer:
        yield bytes(buffer)


def _opens_or_continues_block(line: bytes) -> bool:
    """Whether an indented block may go on after the blank lines that follow
    ``line``: a literal block, a directive's body or another indented block
    (reStructuredText, Markdown), which a chunk must not open in the middle
    of, for it would read that code as prose. Not after a line at the margin
    that opens none: a book's paragraphs may start indented.

    >>> lines = (b"    x = 1\\n", b"Run it::\\n", b".. code-block:: c\\n", b"Prose.\\n")
    >>> [_opens_or_continues_block(line) for line in lines]
    [True, True, True, False]
    """
    return line[:1] in b" \t" or line.startswith(b"..") or line.rstrip().endswith(b"::")


@functools.cache
def _raw_open_re() -> re.Pattern[bytes]:
    """What opens a block whose lines, blank ones included, are code: a LaTeX
    environment of code or math (cleaner.latex) or an HTML element kept as
    typed (cleaner.html), by its name: "\\begin{verbatim}", "<pre class=x>"."""
    environments = b"|".join(re.escape(name.encode()) for name in sorted(latex.BODY_ENVIRONMENTS))
    elements = "|".join(html.BLOCK_VERBATIM).encode()
    return re.compile(rb"\\begin\{(" + environments + rb")\}|<(?i:(" + elements + rb"))(?=[\s>/])")


def _raw_block(line: bytes, open_block: bytes | None) -> bytes | None:
    """What closes the raw block open after ``line``, given what closed the one
    open before it (None: none is open).

    >>> _raw_block(b"<pre>a</pre> and <PRE>\\n", None)
    b'</pre>'
    >>> _raw_block(b"x</pre>\\n", b"</pre>") is None
    True
    >>> _raw_block(b"\\\\begin{lstlisting}[language=C]\\n", None)
    b'\\\\end{lstlisting}'
    """
    position = 0
    while True:
        if open_block is None:
            found = _raw_open_re().search(line, position)
            if found is None:
                return None
            if found.group(1):
                open_block = b"\\end{" + found.group(1) + b"}"
            else:
                open_block = b"</" + found.group(2).lower() + b">"
            position = found.end()
        # LaTeX's names are matched as written, HTML's in any case.
        at = (line if open_block[:1] == b"\\" else line.lower()).find(open_block, position)
        if at == -1:
            return open_block
        position = at + len(open_block)
        open_block = None


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
