"""POD structure: the exact spans protected (fixtures/pod shows the effect)."""

from __future__ import annotations

import pytest

from cleaner.document import kind_of
from cleaner.pod import protected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # Before the first command and after "=cut": Perl code.
        ("use strict ;\n\n=head1 NAME\n\nFoo\n", ["use strict ;\n", "=head1 "]),
        ("=pod\n\nProse.\n\n=cut\n\nx ( 1 ) ;\n", ["=pod\n", "=cut\n", "x ( 1 ) ;\n"]),
        # A heading's and an item's text is prose; the command and the mark are not.
        ("=head2 The  end\n", ["=head2 "]),
        ("=item * Use it\n", ["=item * "]),
        ("=item 2. Then\n", ["=item 2. "]),
        ("=item Why  not ?\n", ["=item "]),
        # The blanks after the command too: POD needs one there.
        ("=head2  Two\n", ["=head2  "]),
        ("=item !!! NOTES !!!\n", ["=item "]),
        ("=over 4\n\n=back\n", ["=over 4\n", "=back\n"]),
        # Verbatim paragraphs, to the blank line.
        ("=pod\n\n  a  = 1 ;\n  b\n\nProse  here.\n", ["=pod\n", "  a  = 1 ;\n  b\n"]),
        # Other formats.
        (
            "=begin html\n\n<b>x  ,y</b>\n\n=end html\n\nProse.\n",
            ["=begin html\n", "<b>x  ,y</b>\n", "=end html\n"],
        ),
        ("=for comment\nNot  prose ,here\n\nProse.\n", ["=for comment\nNot  prose ,here\n"]),
        # Formatting codes: code, file, link, index, escape; prose codes stay open.
        (
            "=pod\n\nUse C<a . b>, F<x.pl>, E<gt> and Z<>.\n",
            ["=pod\n", "C<a . b>", "F<x.pl>", "E<gt>", "Z<>"],
        ),
        ("=pod\n\nB<Bold  text> and I<see L<perlop>>.\n", ["=pod\n", "L<perlop>"]),
        ('=pod\n\nS<C<chr(28) . "I<X>">> for X.\n', ["=pod\n", 'C<chr(28) . "I<X>">']),
        (
            "=pod\n\nC<< $a <=> $b >> and C<<< x >> y >>>.\n",
            ["=pod\n", "C<< $a <=> $b >>", "C<<< x >> y >>>"],
        ),
        # A code that nothing closes runs to its paragraph's end, not beyond.
        ("=pod\n\nC<open  here\n\nNext  one.\n", ["=pod\n", "C<open  here\n"]),
        # A less-than sign that opens no code is prose.
        ("=pod\n\nWhen a < b, then  go.\n", ["=pod\n"]),
    ],
)
def test_protected_spans(text: str, spans: list[str]) -> None:
    assert sorted(text[s:e] for s, e in protected(text)) == sorted(spans)


def test_crlf_lines_keep_their_offsets() -> None:
    text = "=pod\r\n\r\nSee C<x ; y> now.\r\n\r\n    code  ;\r\n"
    assert sorted(text[s:e] for s, e in protected(text)) == sorted(
        ["=pod\r\n", "C<x ; y>", "    code  ;\r\n"]
    )


@pytest.mark.parametrize("name", ["perlfaq9.pod", "README.POD", "Foo/Bar.pm", "run.pl"])
def test_pod_files_are_read_as_pod(name: str) -> None:
    assert kind_of(name) == "pod"


def test_a_modules_code_is_left_and_its_pod_read() -> None:
    text = (
        "package Foo ;\nuse strict ;\n\n=head1 NAME\n\nFoo - a  module\n\n=cut\n\n"
        "sub new { return bless {} , shift ; }\n\n1 ;\n"
    )
    spans = [text[s:e] for s, e in protected(text)]
    assert spans == [
        "package Foo ;\nuse strict ;\n",
        "=head1 ",
        "=cut\n",
        "sub new { return bless {} , shift ; }\n",
        "1 ;\n",
    ]


def test_cut_inside_a_region_ends_it() -> None:
    text = "=begin html\n\n<b>x</b>\n\n=cut\n\ncode ;\n\n=head1 Prose  here\n"
    spans = [text[s:e] for s, e in protected(text)]
    assert spans == ["=begin html\n", "<b>x</b>\n", "=cut\n", "code ;\n", "=head1 "]
