"""Plain text's code: the exact spans protected (fixtures/plaintext shows the effect)."""

from __future__ import annotations

import pytest

from cleaner.plaintext import protected

_ASCIIDOC = "[verse]\n'git add' <path>\n\n"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # Backtick fences: closed by a fence at least as long, or by the end.
        ("Run:\n```\nls  .\n```\nDone .\n", ["```\nls  .\n```\n"]),
        ("Run:\n````\na\n```\nb\n````\nc .\n", ["````\na\n```\nb\n````\n"]),
        ("Run:\n```sh\nls  .\n", ["```sh\nls  .\n"]),
        ("Use ```a``` here .\n", ["```a```"]),  # inline code, not a fence
        # Tilde fences: only after a blank line, and only when closed.
        ("Run:\n\n~~~\nls  .\n~~~\n", ["~~~\nls  .\n~~~\n"]),
        ("Title\n~~~~~\nText  .\n\nMore\n~~~~\nText .\n", []),
        ("\n~~~\nno closing fence .\n", []),
        # AsciiDoc blocks: in an AsciiDoc text, after a blank line, "+" or attributes.
        (_ASCIIDOC + "----\nexport A=b .\n----\n", ["----\nexport A=b .\n----\n"]),
        (_ASCIIDOC + "item\n+\n....\nraw  text\n....\n", ["....\nraw  text\n....\n"]),
        (_ASCIIDOC + "[source,c]\n----\nf(a ,b);\n----\n", ["----\nf(a ,b);\n----\n"]),
        (_ASCIIDOC + "Title\n-----\nProse .\n\nOther\n-----\n", []),
        (_ASCIIDOC + "----\n\nProse between rules .\n\n----\n", []),
        (_ASCIIDOC + "----\nnever closed .\n", []),
        ("Notes\n\n----\nProse .\n----\n", []),
        # Commands after a prompt, whatever else the text holds.
        ("Then:\n$ make install\nDone .\n", ["$ make install"]),
        ("$ ./configure .\n", ["$ ./configure ."]),
        ("Costs:\n$ 5 a month .\n", []),
        ("Then:\n    $ make  install\n", ["    $ make  install"]),
        ("$ [ -f a ] ; echo ok\n", ["$ [ -f a ] ; echo ok"]),
        # groff's hyphen at the end, where it breaks a word of the command, is not.
        ("  $ create exam\u2010\n     ple_cluster\n", ["  $ create exam"]),
        # Root's prompt: a command given an option, not a heading or a comment.
        ("Restart:\n\n# exportfs -ra\n", ["# exportfs -ra"]),
        ("# semanage user -l\n", ["# semanage user -l"]),
        ("# Install\n\nRun it .\n", []),
        ("# set the path so it includes bin\n", []),
        ("# the three of us -- and more\n", []),
    ],
)
def test_protected_spans(text: str, spans: list[str]) -> None:
    assert sorted(text[s:e] for s, e in protected(text)) == sorted(spans)


def test_crlf_blocks_end_with_their_line_break() -> None:
    text = "Run:\r\n\r\n```\r\nls  .\r\n```\r\nDone .\r\n"
    assert [text[s:e] for s, e in protected(text)] == ["```\r\nls  .\r\n```\r\n"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Use ``c ? x : y`` here .\n", ["``c ? x : y``"]),
        ("Run `pip  cache` now.\n", ["`pip  cache`"]),
        ("GNU quotes `foo' and `bar' are prose .\n", []),
        ("A ` lone backtick and ` another .\n", []),
        ("Code `split\nover lines` is not .\n", []),
    ],
)
def test_inline_code(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in protected(text)] == spans
