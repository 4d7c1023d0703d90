from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.stream import chunks, split_incomplete_utf8, split_text


def _join(data: bytes, **sizes: int) -> tuple[list[str | None], bytes]:
    parts = list(chunks(io.BytesIO(data), **sizes))
    rebuilt = b"".join(
        c.prefix + (c.text.encode(c.encoding.codec) if c.text is not None else c.raw) for c in parts
    )
    return [c.text for c in parts], rebuilt


def test_chunks_split_at_blank_lines_and_rebuild_exactly() -> None:
    data = "".join(
        f"Paragraph {i} with ünïcode.\r\nSecond line.\r\n\r\n" for i in range(200)
    ).encode()
    texts, rebuilt = _join(data, chunk_size=500, hard_limit=4000)
    assert rebuilt == data
    assert len(texts) > 5
    assert all(t is not None and t.endswith("\r\n\r\n") for t in texts[:-1])


def test_long_line_is_cut_without_breaking_characters() -> None:
    data = ("é" * 5000).encode()
    texts, rebuilt = _join(data, chunk_size=100, hard_limit=1001)
    assert rebuilt == data
    assert all(t is not None for t in texts)


def test_bom_is_kept_once() -> None:
    data = b"\xef\xbb\xbfa\n\nb\n"
    parts = list(chunks(io.BytesIO(data), chunk_size=1, hard_limit=100))
    assert parts[0].prefix == b"\xef\xbb\xbf"
    assert all(p.prefix == b"" for p in parts[1:])
    assert "".join(p.text or "" for p in parts) == "a\n\nb\n"


def test_later_undecodable_chunk_passes_through_raw() -> None:
    data = b"good text\n\n" * 20 + b"bad \xff\xfe\x81 bytes\n"
    texts, rebuilt = _join(data, chunk_size=50, hard_limit=1000)
    assert rebuilt == data
    assert texts[-1] is None


def test_binary_input_passes_through() -> None:
    data = b"\x00\x01binary"
    texts, rebuilt = _join(data)
    assert texts == [None]
    assert rebuilt == data


def test_empty_input_gives_no_chunks() -> None:
    assert list(chunks(io.BytesIO(b""))) == []


def test_split_incomplete_utf8() -> None:
    euro = "€".encode()
    assert split_incomplete_utf8(b"a" + euro[:2]) == (b"a", euro[:2])
    assert split_incomplete_utf8(b"a" + euro) == (b"a" + euro, b"")


def test_chunks_never_cut_inside_a_code_fence() -> None:
    code = "```\nx  =  1\n\n\ny  =  2\n```\n"
    data = ("Prose.\n\n" * 30 + code + "\nMore prose.\n\n" * 30).encode()
    # The fence opens at byte 240; its blank lines come after the 250-byte mark.
    parts = [c.text or "" for c in chunks(io.BytesIO(data), chunk_size=250, hard_limit=100_000)]
    assert "".join(parts).encode() == data
    assert any(code in part for part in parts)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "".join(f"Paragraph {i} with ünïcode.\r\nSecond line.\r\n\r\n" for i in range(200)),
            "utf-8",
        ),
        (
            "Prose.\n\n" * 30 + "```\nx  =  1\n\n\ny  =  2\n```\n" + "\nMore prose.\n\n" * 30,
            "utf-8",
        ),
        ("é" * 5000 + "\n\n" + "ü" * 3000, "utf-8"),
        ("Café crème.\n\n" * 300, "cp1252"),
        ("no blank lines\n" * 400, "utf-8"),
    ],
)
def test_split_text_cuts_where_the_pipe_cuts(text: str, codec: str) -> None:
    sizes = {"chunk_size": 250, "hard_limit": 1001}
    piped = [c.text for c in chunks(io.BytesIO(text.encode(codec)), **sizes)]
    parts = list(split_text(text, codec, **sizes))
    assert parts == piped
    assert "".join(parts) == text
    assert len(parts) > 1


def test_split_text_keeps_small_and_utf16_text_whole() -> None:
    assert list(split_text("Short.\n\nText.\n", "utf-8", chunk_size=1000)) == ["Short.\n\nText.\n"]
    text = "Para.\n\n" * 500
    assert list(split_text(text, "utf-16-le", chunk_size=10)) == [text]


def test_a_line_over_the_hard_limit_is_cut_between_words() -> None:
    words = " ".join(f"word{i}" for i in range(400))
    parts = [
        c.text or "" for c in chunks(io.BytesIO(words.encode()), chunk_size=10, hard_limit=100)
    ]
    assert "".join(parts) == words
    assert len(parts) > 10
    assert all(part.endswith(" ") for part in parts[:-1])
    # A chunk is cut once it holds the hard limit: two cut lines at most.
    assert all(len(part.encode()) <= 200 for part in parts)


def test_old_mac_line_ends_are_cut_at_a_line_end() -> None:
    text = "".join(f"Line {i} of text.\r" for i in range(300))
    parts = [c.text or "" for c in chunks(io.BytesIO(text.encode()), chunk_size=10, hard_limit=100)]
    assert "".join(parts) == text
    assert all(part.endswith("\r") for part in parts)
    assert list(split_text(text, "utf-8", chunk_size=10, hard_limit=100)) == parts


@pytest.mark.parametrize(
    "block",
    [
        # reStructuredText's literal block and Markdown's indented code block:
        # indented, with blank lines inside.
        "Example::\n\n    x  =  1\n\n    y  =  2\n\n    z  =  3\n",
        # LaTeX's verbatim and HTML's pre: code at the margin.
        "\\begin{verbatim}\nx  =  1\n\ny  =  2\n\\end{verbatim}\n",
        '<pre class="code">\nx  =  1\n\ny  =  2\n</PRE>\n',
        "<script>\nvar x  =  1;\n\nvar y  =  2;\n</script>\n",
        # Any environment cleaner.latex protects whole, math and drawings too.
        "\\begin{tikzpicture}\n\\draw (0,0)  --  (1,1);\n\n\\end{tikzpicture}\n",
    ],
)
def test_chunks_never_cut_inside_a_block_of_code(block: str) -> None:
    text = "Prose.\n\n" * 30 + block + "\nMore prose.\n\n" * 30
    # The block opens at byte 240; its blank lines come after the 250-byte mark.
    piped = [c.text or "" for c in chunks(io.BytesIO(text.encode()), chunk_size=250)]
    assert "".join(piped) == text
    assert any(block in part for part in piped)
    assert len(piped) > 1
    assert list(split_text(text, "utf-8", chunk_size=250)) == piped


def test_a_long_indented_block_is_cut_at_its_last_blank_line_at_the_hard_limit() -> None:
    text = "Run it::\n\n" + "".join(f"    step {i}\n\n" for i in range(100)) + "Done.\n"
    parts = [c.text or "" for c in chunks(io.BytesIO(text.encode()), chunk_size=50, hard_limit=400)]
    assert "".join(parts) == text
    assert len(parts) > 3
    assert all(part.endswith("\n\n") and len(part) <= 400 for part in parts[:-1])
    # Not at the first blank line past the chunk size: where the limit came.
    assert all(len(part) > 300 for part in parts[:3])
    assert parts[-1] == "Done.\n"


def test_paragraphs_that_start_indented_are_cut_as_soon_as_a_chunk_is_full() -> None:
    # A book's paragraphs: the first line indented, the last at the margin.
    text = "".join(f"    Paragraph {i} opens here,\nand ends here.\n\n" for i in range(60))
    parts = [c.text or "" for c in chunks(io.BytesIO(text.encode()), chunk_size=200)]
    assert "".join(parts) == text
    assert all(200 <= len(part) < 250 for part in parts[:-1])


def test_a_raw_block_closed_on_its_opening_line_opens_nothing() -> None:
    block = "<pre>x  =  1</pre> then prose.\n\n"
    text = "Prose.\n\n" * 30 + block + "More prose.\n\n" * 30
    parts = [c.text or "" for c in chunks(io.BytesIO(text.encode()), chunk_size=250)]
    assert "".join(parts) == text
    assert parts[0] == "Prose.\n\n" * 30 + block


@pytest.mark.parametrize(
    "opening",
    [
        "Title\n~~~~~\n\n",  # reStructuredText's underline, no Markdown fence
        "See :ref:`the rules <pre-init-safe>`.\n\n",  # a link target, no <pre> tag
    ],
)
def test_what_only_looks_like_a_block_of_code_keeps_chunks_small(opening: str) -> None:
    text = opening + "A paragraph of prose.\n\n" * 60
    parts = [c.text or "" for c in chunks(io.BytesIO(text.encode()), chunk_size=200)]
    assert "".join(parts) == text
    assert len(parts) > 5
    assert all(len(part) < 250 for part in parts)


# Lines of every kind the cutting rules look at.
_LINES = st.sampled_from(
    [
        "\n",
        "  \n",
        "Prose at the margin, café.\n",
        "    indented code\n",
        "Run it::\n",
        ".. note::\n",
        "```\n",
        "~~~\n",
        "Title\n",
        "<pre>\n",
        "</pre>\n",
        "\\begin{verbatim}\n",
        "\\end{verbatim}\n",
        "no line end, a long run of words " * 3,
    ]
)


@given(st.lists(_LINES, max_size=60), st.integers(20, 200))
def test_chunks_rebuild_the_input_and_split_text_cuts_alike(lines: list[str], size: int) -> None:
    text = "".join(lines)
    sizes = {"chunk_size": size, "hard_limit": 4 * size}
    piped = [c.text for c in chunks(io.BytesIO(text.encode()), **sizes)]
    assert "".join(part or "" for part in piped) == text
    assert all(piped)  # no empty chunk
    if text:
        assert list(split_text(text, "utf-8", **sizes)) == piped
