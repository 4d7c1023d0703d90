"""HTML structure: the exact spans protected (fixtures/html shows the effect)."""

from __future__ import annotations

import pytest

from cleaner.document import kind_of
from cleaner.html import comments, protected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('<p class="recieve-panel">Our adress</p>', ['<p class="recieve-panel">', "</p>"]),
        ('<img alt="a dashbaord" src="x.png">', ['<img alt="a dashbaord" src="x.png">']),
        ('<a title="x > y">link</a>', ['<a title="x > y">', "</a>"]),
        ("<div\n  class='a'\n  id=b>text</div>", ["<div\n  class='a'\n  id=b>", "</div>"]),
        ("a <!-- an old coment  here --> b", ["<!-- an old coment  here -->"]),
        ("<pre>\nteh    aligned\n</pre> after", ["<pre>\nteh    aligned\n</pre>"]),
        ("<PRE>x  y</PRE>", ["<PRE>x  y</PRE>"]),
        ("<script>var a = b < c;</script>", ["<script>var a = b < c;</script>"]),
        (
            "<style>body { font-famly: serif }</style>",
            ["<style>body { font-famly: serif }</style>"],
        ),
        ("<code>lenght</code> and <kbd>Ctrl</kbd>", ["<code>lenght</code>", "<kbd>Ctrl</kbd>"]),
        ("<!DOCTYPE html><?xml version='1.0'?>", ["<!DOCTYPE html>", "<?xml version='1.0'?>"]),
        ("Q&amp;A &#39;x&#x27; &nbsp;", ["&amp;", "&#39;", "&#x27;", "&nbsp;"]),
        ("<![CDATA[ a  b ]]> c", ["<![CDATA[ a  b ]]>"]),
        ("if a < b and c > d then", []),
        ("AT&T and R&D", []),
        ("<pre>never closed\nmore", ["<pre>never closed\nmore"]),
        ("<!-- never closed\nmore", ["<!-- never closed\nmore"]),
    ],
)
def test_protected_spans(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in protected(text)] == spans


def test_comments_are_the_places_of_inline_ignores() -> None:
    text = "<p>a</p><!-- cleaner: off --><p>b</p><!--x-->"
    assert [text[s:e] for s, e in comments(text)] == ["<!-- cleaner: off -->", "<!--x-->"]


@pytest.mark.parametrize("name", ["page.html", "PAGE.HTM", "doc.xhtml", "a/b.en.html"])
def test_html_files_are_read_as_html(name: str) -> None:
    assert kind_of(name) == "html"


@pytest.mark.parametrize(("name", "kind"), [("page.xml", "text"), ("page.html.txt", "text")])
def test_other_markup_is_plain_text(name: str, kind: str) -> None:
    assert kind_of(name) == kind
