"""Markdown structure: exactly which spans are protected, robustness, and the seed as .md.

The fixture cases (fixtures/markdown) show what the stages then do; these tests
pin the spans themselves, including constructs no current stage would edit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.cli import cli
from cleaner.markdown import comments, protected

SEED = Path(__file__).parents[1] / "fixtures" / "seed" / "000_96fd921571c764bf.txt"


def _protected(text: str) -> list[str]:
    return [text[start:end] for start, end in protected(text)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("a `b` c\n", ["`b`"]),
        ("a ``b ` c`` d\n", ["``b ` c``"]),
        ("```py\nx\n```\nafter\n", ["```py\nx\n```\n"]),
        ("para\n\n    code\n", ["    code\n"]),
        (
            "see <https://x.org/a> and <a.b@example.com>\n",
            ["<https://x.org/a>", "<a.b@example.com>"],
        ),
        ('[text](/u "t") [two](<a b>)\n', ['(/u "t")', "(<a b>)"]),
        ("[text][lab] x\n\n[lab]: /u\n", ["[lab]", "[lab]: /u\n"]),
        ("[Lab] x\n\n[lab]: /u\n", ["[Lab]", "[lab]: /u\n"]),
        ("![alt](i.png) and [![alt2](j.png)](/k)\n", ["(i.png)", "(j.png)", "(/k)"]),
        ('a <b class="c">d</b> <!-- e -->\n', ['<b class="c">', "</b>", "<!-- e -->"]),
        ("<div>\nx\n</div>\n\ny\n", ["<div>\nx\n</div>\n"]),
        ("a &amp; b \\* c\n", ["&amp;", "\\*"]),
        ("---\nt: x\n---\nbody\n", ["---\nt: x\n---\n"]),
        ("- item\n\n  more\n", ["  "]),
        ("# Title\n\n| a | b |\n|---|---|\n| c | d |\n", []),
        ("> quote `q`\n> more\n", ["`q`"]),
        ("line `a\r\nb` end\r\n", ["`a\r\nb`"]),
    ],
)
def test_protected_spans(text: str, spans: list[str]) -> None:
    assert _protected(text) == spans


def test_prose_inside_structures_is_open() -> None:
    text = "# Head\n\n- item [link text](/u) ![alt text](i.png)\n\n| cell text |\n|---|\n"
    covered = {i for start, end in protected(text) for i in range(start, end)}
    for words in ("Head", "item", "link text", "alt text", "cell text"):
        start = text.index(words)
        assert not covered & set(range(start, start + len(words))), words


def test_a_token_the_scan_cannot_place_protects_the_rest_of_its_block() -> None:
    # The parser turns NUL into U+FFFD, so the first text token is not in the
    # source: the scan gives up on this paragraph and protects all of it.
    text = "ok\0 then `a  b` more  words\n\nnext  paragraph\n"
    spans = list(protected(text))
    assert spans == [(0, text.index("\n\n") + 1)]
    assert clean(text, kind="markdown") == text.replace("next  paragraph", "next paragraph")


def test_comments_are_real_html_only() -> None:
    text = "<!-- a -->\n\n```\n<!-- b -->\n```\n\nx <!-- c --> `<!-- d -->`\n"
    assert [text[s:e] for s, e in comments(text)] == ["<!-- a -->", "<!-- c -->"]


_PIECES = st.sampled_from(
    [
        "word", " ", "  ", "\n", "\n\n", "`", "``", "```", "~~~", "    ", "> ", "- ", "1. ", "#",
        "[", "]", "(", ")", "<", ">", "!", "*", "_", "\\", "&amp;", "<!--", "-->", "|", ":",
        "---", "http://x.y", '"', "\t", "\r\n", "<b>", "</b>",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_gives_sorted_spans_inside_it(text: str) -> None:
    spans = list(protected(text))
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert spans == sorted(spans)


_PROSE = st.sampled_from(["The  talks ,then", "a word", "Kuleba , Lavrov", "end ."])
_CODE = st.sampled_from(["x  =  f(a ,b)", "teh  speling ,x", "a ,b  c"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PROSE, _CODE, st.sampled_from(["inline", "fence", "link"])), max_size=6))
def test_code_and_targets_survive_cleaning_byte_for_byte(
    parts: list[tuple[str, str, str]],
) -> None:
    blocks = []
    kept = []
    for prose, code, form in parts:
        if form == "inline":
            piece = f"`{code}`"
            blocks.append(f"{prose} {piece} {prose}\n")
        elif form == "fence":
            piece = f"```\n{code}\n```\n"
            blocks.append(f"{prose}\n\n{piece}")
        else:
            piece = f'(/{code.replace(" ", "_")} "{code}")'
            blocks.append(f"{prose} [{prose}]{piece}\n")
        kept.append(piece)
    text = "\n".join(blocks)
    cleaned = clean(text, kind="markdown")
    position = 0
    for piece in kept:
        found = cleaned.find(piece, position)
        assert found >= 0, piece
        position = found + len(piece)


def test_seed_as_markdown_comes_out_as_the_pipe_makes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    piped = runner.invoke(cli, ["fix", "-"], input=SEED.read_bytes(), catch_exceptions=False)
    page = tmp_path / "seed.md"
    page.write_bytes(SEED.read_bytes())
    result = runner.invoke(cli, ["fix", "seed.md"], catch_exceptions=False)
    assert result.stdout == "Fixing seed.md\n"
    assert page.read_bytes() == piped.stdout_bytes
    # The stray space before the first paragraph is gone, as in plain text.
    assert piped.stdout_bytes.startswith(b"date 2022-03-09")
