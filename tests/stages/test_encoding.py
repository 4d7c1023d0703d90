"""The encoding stage's repairs beyond ftfy: character references, lost closing quotes."""

from __future__ import annotations

import pytest

from cleaner import clean, propose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It&#39;s here and Lloyd&rsquo;s too.", "It's here and Lloyd’s too."),
        ("She said &quot;not yet&quot; twice.", 'She said "not yet" twice.'),
        ("They said &ldquo;soon&rdquo;.", "They said “soon”."),
        ("It&amp;#39;s escaped twice.", "It's escaped twice."),
        ("It&amp;amp;amp;#39;s escaped four times.", "It's escaped four times."),
        ("Smith &amp; Sons and R&amp;D at AT&amp;T.", "Smith & Sons and R&D at AT&T."),
        (
            "The drought&mdash;the worst&hellip; in 1990&ndash;1995",
            "The drought—the worst… in 1990–1995",
        ),
        ("a walk of 10&nbsp;km", "a walk of 10\N{NO-BREAK SPACE}km"),
    ],
)
def test_references_a_page_was_scraped_with_are_decoded(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "avoid generating &quot; (fix in libxml2)",  # one on its own: a mention
        "a buffer overflow in &amp; management",
        "Convert -> & <- to &rarr; & &larr;",  # no reference of a quote or an ampersand
        "<p>It&#39;s &quot;here&quot;</p>",  # HTML
        '<L section="Data">\n  &#34;Member Data&#34;\n</L>',  # beside a tag
        "she said &quot; and &quot; again",  # marks around no words
        "use &nbsp; to keep words together, or &mdash; for a dash",
    ],
)
def test_references_that_are_the_texts_subject_stay(text: str) -> None:
    assert propose(text) == []


def test_references_in_markdown_are_its_markup() -> None:
    text = "It&#39;s &quot;fine&quot; at Smith &amp; Sons.\n"
    assert propose(text, kind="markdown") == []
    assert propose(text, kind="rst") != []


def test_a_lost_closing_quote_after_an_open_one_is_safe() -> None:
    text = "He said \u00e2\u20ac\u0153soon\u00e2\u20ac and left.\n"
    assert clean(text) == "He said “soon” and left.\n"


def test_a_lost_closing_quote_alone_is_for_review() -> None:
    text = "and then soon\u00e2\u20ac. He left.\n"
    [edit] = propose(text)
    assert (edit.before, edit.after, edit.safe) == ("\u00e2\u20ac", "”", False)


def test_a_byte_lost_after_a_tilde_at_a_words_end_offers_both_letters() -> None:
    text = "Lo escrib\u00c3 ayer y lo dej\u00c3\u00a9 as\u00ed.\n"
    [lost, sure] = [e for e in propose(text) if e.rule == "encoding.mojibake"]
    assert (lost.after, lost.alternatives, lost.safe) == ("escrib\u00e0", ("escrib\u00ed",), False)
    assert (sure.after, sure.safe) == ("dej\u00e9", True)
    # A no-break space still after the "Ã" is its byte: "à", sure.
    [kept, _] = propose("Il est l\u00c3\u00a0 et dej\u00c3\u00a9.\n")
    assert (kept.before, kept.after, kept.safe) == ("l\u00c3\u00a0", "l\u00e0", True)
