"""HTML structure: which parts of an HTML page are not prose.

Protected: tags with their attributes (a class name, a URL, alt and title
text alike), comments, CDATA sections and declarations, character
references (``&amp;`` stays as written: decoding it would change the page),
and the whole content of the elements whose text is code or kept as typed
(``script``, ``style``, ``pre``, ``code``, ``kbd``, ``samp``, ``var``,
``tt``, ``textarea``). The text between tags is prose, open to every stage.

A page is read with patterns, not a parser: what is protected only has to
be found, not understood, and an element left open protects to the end of
the page (losing an edit is cheap, editing code is not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleaner.regex import lazy

Span = tuple[int, int]

# Elements whose content is not prose, protected from the start tag to the
# matching end tag (or the end of the page): blocks, which may hold blank
# lines (cleaner.stream cuts no chunk inside one), and inline code.
BLOCK_VERBATIM = ("script", "style", "pre", "textarea", "xmp", "listing", "plaintext")
_VERBATIM = "|".join((*BLOCK_VERBATIM, "code", "kbd", "samp", "var", "tt"))
_PROTECTED_RE = lazy(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    # (A name ends where the tag's name does: <code-example> is no <code>.)
    rf"|<(?P<verbatim>{_VERBATIM})(?![\w-])(?:\"[^\"]*\"|'[^']*'|[^'\">])*>.*?(?:</(?P=verbatim)\s*>|\Z)"
    # A tag: a name right after "<" (so "a < b" is no tag), quoted attribute
    # values may hold ">", and a tag may run over lines.
    r"|</?[A-Za-z][\w:.-]*(?:\"[^\"]*\"|'[^']*'|[^'\"<>])*>"
    r"|<[!?][^>]*>"
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
    re.DOTALL | re.IGNORECASE,
)
_COMMENT_RE = lazy(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def protected(text: str) -> Iterator[Span]:
    """Tags, comments, character references and verbatim elements of an HTML page.

    >>> text = '<p class="recieve">Our  adress</p><pre>a  b</pre> &amp; x'
    >>> [text[s:e] for s, e in protected(text)]
    ['<p class="recieve">', '</p>', '<pre>a  b</pre>', '&amp;']
    >>> text = "<code-example>x</code-example> Our  adress"
    >>> [text[s:e] for s, e in protected(text)]
    ['<code-example>', '</code-example>']
    """
    if "<" not in text and "&" not in text:
        return
    for match in _PROTECTED_RE.finditer(text):
        yield match.span()


def comments(text: str) -> Iterator[Span]:
    """The comments of an HTML page, where its inline ignores are written.

    >>> text = "a <!-- cleaner: off --> b"
    >>> [text[s:e] for s, e in comments(text)]
    ['<!-- cleaner: off -->']
    """
    if "<!--" not in text:
        return
    for match in _COMMENT_RE.finditer(text):
        yield match.span()
