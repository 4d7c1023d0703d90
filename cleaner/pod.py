"""POD (Perl's Plain Old Documentation) structure: which parts are not prose.

A POD document is cut into paragraphs by blank lines (perlpodspec). Protected:

* what lies outside POD: before the first command paragraph, and from
  ``=cut`` up to the next command (Perl code, in a module that holds both);
* verbatim paragraphs, whose first line is indented: code and its output;
* command paragraphs, except the text of ``=head1`` ... ``=head6`` and
  ``=item``, which is prose (only the command, an item's ``*`` or number and
  the blanks after them are markup): ``=over 4``, ``=back``, ``=encoding utf8``;
* ``=begin FORMAT`` ... ``=end FORMAT`` regions and ``=for FORMAT``
  paragraphs, which hold another format's content (HTML, LaTeX, a comment);
* the formatting codes that hold code or names rather than prose:
  ``C<...>`` (code), ``F<...>`` (a file name), ``L<...>`` (a link),
  ``X<...>`` (an index entry), ``E<...>`` (an escape) and ``Z<>``, in the
  single and the multi-bracket form (``C<< $a <=> $b >>``). ``I<...>``,
  ``B<...>`` and ``S<...>`` hold prose and stay open; a code inside one is
  protected like any other (``S<C<$x . "a">>``).

The scan is by lines and by characters, like cleaner.rst's: Pod::Simple
would parse it too, but it reports no offsets for the codes.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.regex import lazy
from cleaner.regex import lines as split_lines

Span = tuple[int, int]

# A command paragraph's first line: "=head1 NAME", "=over 4", "=cut".
_COMMAND_RE = lazy(r"=([a-zA-Z]\w*)")
# A command whose text is prose (a heading, an item), with an item's mark
# and the blanks after them, which POD needs there: up to where the text starts.
_TITLE_RE = lazy(r"(?m)^=(?:head[1-6]|item)\b(?:[ \t]+(?:\*|\d+\.?)(?=\s|$))?[ \t]*")
# A formatting code opening: a capital letter and "<" ("C<", "L<<").
_CODE_OPEN_RE = lazy(r"[A-Z]<")
# The codes whose content is not prose.
_CODE_LETTERS = frozenset("CFLXEZ")


def protected(text: str) -> Iterator[Span]:
    """The spans of a POD document that no stage may edit.

    >>> text = ("=head1 NAME\\n\\nperlfoo - a  page\\n\\n=over 4\\n\\n=item * Use C<$x . \\"a\\">"
    ...         " here\\n\\n    my $x  =  1 ;\\n\\n=back\\n\\n=cut\\n\\nsub x { 1 ; }\\n")
    >>> [text[s:e] for s, e in protected(text)]
    ['=head1 ', '=over 4\\n', '=item * ', 'C<$x . "a">', '    my $x  =  1 ;\\n', '=back\\n', \
'=cut\\n', 'sub x { 1 ; }\\n']
    """
    lines = split_lines(text)
    inside = False  # in POD: after a command, before "=cut"
    region = False  # in a "=begin" region, before its "=end"
    number = 0
    while number < len(lines):
        start, line = lines[number]
        if not line.strip():
            number += 1
            continue
        # A paragraph: up to the next blank line.
        last = number + 1
        while last < len(lines) and lines[last][1].strip():
            last += 1
        end = lines[last - 1][0] + len(lines[last - 1][1])
        command = _COMMAND_RE.match(line)
        name = command.group(1) if command else ""
        if command is None and not inside:
            yield start, end  # Perl code, outside POD
        elif name == "cut":
            inside = region = False
            yield start, end
        elif region:
            region = name != "end"
            yield start, end
        elif command is not None:
            inside = True
            if name == "begin":
                region = True
                yield start, end
            elif (title := _TITLE_RE.match(line)) is not None:
                yield start, start + title.end()
                yield from _codes(text, start + title.end(), end)
            else:
                yield start, end  # "=over 4", "=back", "=for html ...", "=encoding utf8"
        elif line[:1] in (" ", "\t"):
            yield start, end  # verbatim
        else:
            yield from _codes(text, start, end)
        number = last


def title_starts(text: str) -> set[int]:
    """Where the text of each heading and item starts, after its command
    (the word there opens it, as a sentence's first word does).

    >>> text = "=head2 Recieving data\\n\\n=item * Seperate\\n\\n=item2 x\\n"
    >>> sorted(text[i : i + 4] for i in title_starts(text))
    ['Reci', 'Sepe']
    """
    return {title.end() for title in _TITLE_RE.finditer(text)}


def _codes(text: str, start: int, end: int) -> Iterator[Span]:
    """The formatting codes in ``text[start:end]`` whose content is not prose.

    >>> text = "B<Use> C<< $a <=> $b >>, I<see L<perlop/\\"Shift Operators\\">> and C<$x-E<gt>y>."
    >>> [text[s:e] for s, e in _codes(text, 0, len(text))]
    ['C<< $a <=> $b >>', 'L<perlop/"Shift Operators">', 'C<$x-E<gt>y>']
    """
    position = start
    while True:
        opening = _CODE_OPEN_RE.search(text, position, end)
        if opening is None:
            return
        letter = opening.start()
        close = _code_end(text, letter, end)
        if text[letter] in _CODE_LETTERS:
            yield letter, close
            position = close
        else:
            position = opening.end()  # prose inside: its own codes are read next


def _code_end(text: str, letter: int, end: int) -> int:
    """Where the formatting code whose letter is at ``letter`` ends (or ``end``,
    the paragraph's, when nothing closes it)."""
    brackets = letter + 1
    while brackets < end and text[brackets] == "<":
        brackets += 1
    count = brackets - letter - 1
    if count > 1 and brackets < end and text[brackets].isspace():
        # "C<< $a <=> $b >>": closed by whitespace and as many ">".
        closing = text.find(">" * count, brackets, end)
        while closing >= 0 and not text[closing - 1].isspace():
            closing = text.find(">" * count, closing + 1, end)
        return end if closing < 0 else closing + count
    depth = 0
    position = letter + 1
    while position < end:
        character = text[position]
        if character == "<" and text[position - 1].isupper():
            depth += 1
        elif character == ">":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    return end
