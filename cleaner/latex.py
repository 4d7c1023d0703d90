"""LaTeX structure: which parts of a LaTeX document are not prose.

Prose is the text between commands and the text arguments of the commands
that typeset it (``\\emph{...}``, ``\\section{...}``, ``\\caption{...}``,
``\\footnote{...}``, an ``\\item``'s text, a table's cells): open to every
stage. Protected:

* comments, from an unescaped ``%`` to the end of its line (``5\\%`` is
  no comment), and what ``\\iffalse ... \\fi`` leaves out;
* every control word or symbol itself (``\\emph``, ``\\section*``, ``\\%``,
  ``\\\\``), but not the prose it takes. A word written with an accent, a
  special letter, a discretionary hyphen or an escaped underscore
  (``G\\"odel``, ``Stra\\ss{}e``, ``hy\\-phen``, ``max\\_len``) is protected
  whole: its parts are no words;
* the whole arguments of the commands that take names, keys, paths, code or
  lengths rather than prose: labels, references and citations (every
  ``\\...cite...`` command), packages and classes, files and graphics,
  URLs (``\\href``'s first argument; its second is link text, prose),
  definitions (``\\newcommand`` and kin, ``\\def`` to the end of its body),
  lengths and counters, ``\\texttt``, ``\\verb`` (any delimiter),
  ``\\lstinline``, ``\\mintinline``, ``\\path``, ``\\ensuremath``, and the
  first arguments of ``\\multicolumn``, ``\\textcolor`` and the like. So is a
  group set in typewriter type (``{\\tt ...}``, ``{\\ttfamily ...}``) and the
  argument of a one-argument command the document defines as ``\\texttt``,
  ``\\path`` or ``\\url`` of it (``\\newcommand{\\code}[1]{\\texttt{#1}}``);
* math: ``$...$``, ``$$...$$``, ``\\(...\\)``, ``\\[...\\]``;
* the whole body of the environments of code and math (``verbatim``,
  ``lstlisting``, ``minted``, ``comment``, ``equation``, ``align``,
  ``gather``, ``tikzpicture`` and kin), ``\\begin{...}`` with the options
  after it (a table's column spec ``{lll}``, a figure's ``[t]``; a
  theorem's ``[title]`` too: options are mostly keys), and ``\\end{...}``;
* alignment: the whitespace on either side of an unescaped ``&`` (LaTeX
  writes a prose ampersand ``\\&``, so a bare one is a table's or an
  alignment's column break) and before a ``\\\\`` row end: the padding that
  lines a table's columns up in the source. The words of its cells are prose.

A document is read with a small scanner, not a parser: what is protected
only has to be found, not understood. Braces are balanced by counting, and
everything left open (math, an environment, an argument) protects to the
end of the text: losing an edit is cheap, editing code is not. The scan is
linear: each character is looked at a bounded number of times.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Generator, Iterator

from cleaner.regex import lazy

Span = tuple[int, int]


def _names(words: str) -> list[str]:
    """The names in ``words``, written apart by spaces."""
    return words.split()


# The scanner yields what it protects; a command's scan returns where it ends.
_Scan = Generator[Span, None, int]

# Where the scanner must look: a command, a comment, math, an alignment tab.
_MARK_RE = lazy(r"[\\%$&]")
# A control word with its star, or a control symbol ("\\" with its star).
_CONTROL_RE = lazy(r"\\(?:([A-Za-z@]+)\*?|\\\*?|.|\Z)", re.DOTALL)
# Math closed by a delimiter, or to the end of the text. A backslash takes
# the next character with it ("\$" is no closing dollar, "\\" no "\]").
_DOLLAR_RE = lazy(r"\$(?:[^$\\]++|\\.|\\\Z)*+(?:\$|\Z)", re.DOTALL)
_DISPLAY_DOLLAR_RE = lazy(r"\$\$(?:[^$\\]++|\\.|\\\Z|\$(?!\$))*+(?:\$\$|\Z)", re.DOTALL)
_PAREN_MATH_RE = lazy(r"\\\((?:[^\\]++|\\[^)]|\\\Z)*+(?:\\\)|\Z)")
_BRACKET_MATH_RE = lazy(r"\\\[(?:[^\\]++|\\[^\]]|\\\Z)*+(?:\\\]|\Z)")
_REST_OF_LINE_RE = lazy(r"[^\r\n]*")
_BLANKS_RE = lazy(r"[ \t]*")
# The space TeX skips before an argument: one line break at most (a blank
# line ends a paragraph, and no argument runs over it).
_SPACE_RE = lazy(r"[ \t]*(?:(?:\r\n?|\n)[ \t]*)?")
_GROUP_MARK_RE = lazy(r"[{}\\%]")
_VERBATIM_GROUP_MARK_RE = lazy(r"[{}]")
_BRACKET_MARK_RE = lazy(r"[{}\]\\%]")
_ENVIRONMENT_RE = lazy(r"[ \t]*\{([^{}\\\r\n]*)\}")
# A file name given without braces ("\input chapter1").
_FILE_NAME_RE = lazy(r"[^\s{}%\\]+")
# A conditional's opening (\ifx, \ifdefined, \if@twocolumn; not LaTeX's
# \ifthenelse, a command) or its closing \fi.
_CONDITIONAL_RE = lazy(r"\\(?:(if(?!thenelse)[A-Za-z@]*)|fi)(?![A-Za-z@])")
# One-argument commands the document defines as code: their argument is code.
_CODE_MACRO_RE = lazy(
    r"\\(?:re)?newcommand\*?[ \t]*(?:\{\\([A-Za-z@]+)\}|\\([A-Za-z@]+))[ \t]*\[1\][ \t]*"
    r"\{\\(?:texttt|path|url|lstinline|verb)\{#1\}\}"
)

# What each command takes that is not prose, in order: "*" an optional star,
# "o" an optional [...], "p" an optional (...), "m" a mandatory {...} (or a
# control sequence: "\newcommand\foo"), "v" a verbatim argument ({...} taken
# as typed, or |...| with any delimiter), "f" a file name (braced or not).
# Its arguments after these are prose ("\href{url}{link text}").
_ARGUMENTS = {
    **dict.fromkeys(
        _names(
            "label ref eqref pageref autoref nameref vref Vref cref Cref cpageref Cpageref"
            " labelcref zref include includeonly bibliography bibliographystyle graphicspath"
            " subfile usetikzlibrary tikzset pgfplotsset hypersetup hyperlink hypertarget"
            " pagestyle thispagestyle pagenumbering geometry newgeometry linespread newlength"
            " stepcounter refstepcounter theoremstyle lstset ensuremath texttt index glossary"
            " special usemintedstyle cline ce pu orcid"
            # What the doc, ltxdoc and l3doc classes of package manuals name
            # code with: a command, a primitive, a package, a class, an
            # environment, an option, a file, an argument's form.
            " cs tn cmd pkg cls env opt file marg oarg parg hologo"
        ),
        "m",
    ),
    **dict.fromkeys(
        _names(
            "setlength addtolength settowidth settoheight settodepth setcounter addtocounter"
            " numberwithin import subimport crefrange fontsize pgfmathsetmacro"
        ),
        "mm",
    ),
    **dict.fromkeys(("url", "nolinkurl", "path", "doi"), "v"),
    **dict.fromkeys(("usepackage", "RequirePackage", "documentclass", "LoadClass"), "omo"),
    **dict.fromkeys(("ProvidesPackage", "ProvidesClass", "NeedsTeXFormat", "newcounter"), "mo"),
    **dict.fromkeys(
        ("newcommand", "renewcommand", "providecommand", "DeclareRobustCommand"), "*moom"
    ),
    **dict.fromkeys(("newenvironment", "renewenvironment"), "*moomm"),
    **dict.fromkeys(("hspace", "vspace"), "*m"),
    **dict.fromkeys(("includegraphics",), "*oom"),
    **dict.fromkeys(("includepdf", "includesvg", "includestandalone", "addbibresource"), "om"),
    **dict.fromkeys(("lstinputlisting", "captionsetup", "setminted", "bibitem"), "om"),
    **dict.fromkeys(("color", "textcolor", "colorbox", "rotatebox", "si", "num", "unit"), "om"),
    **dict.fromkeys(("SI", "qty", "inputminted", "newacronym"), "omm"),
    **dict.fromkeys(("definecolor",), "mmm"),
    **dict.fromkeys(("input",), "f"),
    **dict.fromkeys(("printbibliography", "hyperref", "footnotemark"), "o"),
    **dict.fromkeys(("href",), "ov"),
    **dict.fromkeys(("lstinline",), "ov"),
    **dict.fromkeys(("mintinline",), "omv"),
    **dict.fromkeys(("DeclareMathOperator",), "*mm"),
    **dict.fromkeys(("newtheorem",), "momo"),
    **dict.fromkeys(("captionof", "scalebox"), "m"),
    **dict.fromkeys(("multicolumn",), "mm"),
    **dict.fromkeys(("multirow",), "omom"),
    **dict.fromkeys(("resizebox",), "*mm"),
    **dict.fromkeys(("makebox", "framebox"), "oo"),
    **dict.fromkeys(("parbox",), "ooom"),
    **dict.fromkeys(("raisebox",), "moo"),
    **dict.fromkeys(("rule",), "omm"),
    **dict.fromkeys(("cmidrule",), "opm"),
    **dict.fromkeys(("end",), "m"),
    # Acronyms and glossary entries are named by their keys.
    **dict.fromkeys(
        _names(
            "ac acs acl acf acp acsp aclp acfp Ac Acs Acl Acf Acp acrshort acrlong acrfull"
            " acrshortpl acrlongpl acrfullpl Acrshort Acrlong Acrfull"
        ),
        "om",
    ),
}
# \def and kin: a control sequence, its parameter text, then its body.
_DEFINITIONS = frozenset({"def", "gdef", "edef", "xdef"})
# Environments whose whole body is code or math, to their \end (cleaner.stream
# cuts no chunk inside one).
BODY_ENVIRONMENTS = frozenset(
    _names(
        "verbatim verbatim* Verbatim Verbatim* BVerbatim LVerbatim spverbatim alltt lstlisting"
        " minted comment filecontents filecontents* equation equation* align align* alignat"
        " alignat* flalign flalign* xalignat gather gather* multline multline* eqnarray"
        " eqnarray* math displaymath dmath dmath* tikzpicture tikzcd pgfpicture picture"
    )
)
# What \begin{name} takes after the name; any other environment, its options.
_ENVIRONMENT_ARGUMENTS = {
    **dict.fromkeys(("tabular", "longtable", "array", "supertabular", "xtabular"), "om"),
    **dict.fromkeys(("tabular*", "tabularx", "tabulary"), "mom"),
    **dict.fromkeys(("minipage",), "ooom"),
    **dict.fromkeys(("wrapfigure", "wraptable"), "omom"),
    **dict.fromkeys(("multicols", "multicols*"), "mo"),
    **dict.fromkeys(("thebibliography", "adjustbox"), "m"),
    **dict.fromkeys(("subfigure", "subtable"), "om"),
}
# Accents (their argument is a letter) and letters written as commands: the
# word they stand in is protected whole, its parts being no words.
_ACCENT_SYMBOLS = frozenset("'\"^`~=.")
_ACCENT_WORDS = frozenset(_names("u v H c k r d b t"))
_LETTER_WORDS = frozenset(_names("ss SS o O ae AE oe OE aa AA l L i j"))
# Control symbols that join the parts of one word: a discretionary hyphen
# ("hy\-phen"), an escaped underscore ("max\_len": an identifier).
_JOINING_SYMBOLS = frozenset("-_")
# Font switches whose group is typewriter text: {\tt ...}, {\ttfamily ...}.
_TYPEWRITER = frozenset({"tt", "ttfamily"})


def protected(text: str) -> Iterator[Span]:
    """Comments, commands, non-prose arguments, math and code of a LaTeX document.

    >>> text = r"The \\emph{recieve} path (\\cite{adress}) costs $a  +b$. % teh  note"
    >>> [text[s:e] for s, e in protected(text)]
    ['\\\\emph', '\\\\cite{adress}', '$a  +b$', ' % teh  note']
    >>> text = "\\\\begin{verbatim}\\nteh  code\\n\\\\end{verbatim}\\nA  b & c  \\\\\\\\"
    >>> [text[s:e] for s, e in protected(text)]
    ['\\\\begin{verbatim}\\nteh  code\\n\\\\end{verbatim}', ' & ', '  \\\\\\\\']
    """
    if "\\" not in text and "%" not in text and "$" not in text and "&" not in text:
        return
    for start, end in _scan(text):
        if end > start:
            yield start, end


def _scan(text: str) -> Iterator[Span]:
    """Everything protected in ``text``, in the order it is found."""
    code_macros = _code_macros(text) if "newcommand" in text else frozenset()
    search = _MARK_RE.search
    pos = 0
    while (mark := search(text, pos)) is not None:
        start = mark.start()
        char = text[start]
        if char == "%":
            # The blanks before a comment line it up with the others
            # ("\vbadness=1400  % accept slightly empty columns").
            end = _end(_REST_OF_LINE_RE, text, start)
            yield _blanks_before(text, start), end
        elif char == "$":
            math = _DISPLAY_DOLLAR_RE.match(text, start) or _DOLLAR_RE.match(text, start)
            end = math.end() if math else len(text)
            yield start, end
        elif char == "&":
            end = _end(_BLANKS_RE, text, start + 1)
            yield _blanks_before(text, start), end
        else:
            end = yield from _command(text, start, code_macros)
        pos = max(end, start + 1)


def _command(text: str, start: int, code_macros: frozenset[str]) -> _Scan:
    """Protect the command at ``start`` (a backslash) and what it takes that is
    not prose; return where the scan goes on."""
    control = _CONTROL_RE.match(text, start)
    if control is None:  # never: the pattern matches any backslash
        return start + 1
    end = control.end()
    name = control.group(1)
    if name is None:
        return (yield from _symbol(text, start, end))
    if name == "begin":
        return (yield from _begin(text, start, end))
    if name == "verb":
        end = _delimited(text, end)
    elif name == "iffalse":
        end = _conditional_end(text, end)
    elif name in _DEFINITIONS:
        end = _definition(text, end)
    elif name in _ARGUMENTS:
        end = _arguments(text, end, _ARGUMENTS[name])
    elif "cite" in name.lower():
        end = _arguments(text, end, "*oom")
        if name.endswith("cites"):  # biblatex's multi-citations: \cites{a}[p.~2]{b}
            while end < len(text) and text[end] in "[{":
                end = _bracket_end(text, end) if text[end] == "[" else _group_end(text, end)
    elif name in code_macros:
        end = _arguments(text, end, "m")
    elif name in _ACCENT_WORDS or name in _LETTER_WORDS:
        return (yield from _in_word(text, start, end, accent=name in _ACCENT_WORDS))
    elif name in _TYPEWRITER:
        group = _blanks_before(text, start) - 1
        if group >= 0 and text[group] == "{" and (group == 0 or text[group - 1] != "\\"):
            start, end = group, _group_end(text, group)
    yield start, end
    return end


def _symbol(text: str, start: int, end: int) -> _Scan:
    """A control symbol: math it opens, a row end with its padding, a letter
    of a word, or just itself."""
    symbol = text[start + 1 : start + 2]
    if symbol == "(":
        end = _end(_PAREN_MATH_RE, text, start)
    elif symbol == "[":
        end = _end(_BRACKET_MATH_RE, text, start)
    elif symbol == "\\":
        if text.startswith("[", end):
            end = _bracket_end(text, end)
        start = _blanks_before(text, start)
    elif symbol in _ACCENT_SYMBOLS or symbol in _JOINING_SYMBOLS:
        return (yield from _in_word(text, start, end, accent=symbol in _ACCENT_SYMBOLS))
    yield start, end
    return end


def _in_word(text: str, start: int, end: int, *, accent: bool) -> _Scan:
    """An accent (with its letter), a letter command or a joining symbol, and
    the word around it."""
    if accent:
        # A control word eats the spaces after it ("\\v c"); a symbol does not.
        arg = _end(_BLANKS_RE, text, end) if text[end - 1].isalpha() else end
        if text.startswith("{", arg):
            end = _group_end(text, arg)
        elif text.startswith(("\\i", "\\j"), arg) and not text[arg + 2 : arg + 3].isalpha():
            end = _after_letter_word(text, arg + 2)  # 'na\"\i ve'
        elif arg < len(text) and text[arg].isalpha():
            end = arg + 1
        elif text[start + 1 : start + 2] in _ACCENT_SYMBOLS:
            # No letter follows: "\=" and "\'" set tab stops in tabbing.
            yield start, end
            return end
    elif text[end - 1].isalpha():
        end = _after_letter_word(text, end)
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    yield start, end
    return end


def _after_letter_word(text: str, end: int) -> int:
    """Where a word goes on after a letter written as a control word, which
    ends at ``end``: after its ``{}`` ("Stra\\ss{}e"), or after the spaces the
    control word eats when a letter follows them ("Bj\\o rn" is one word)."""
    if text.startswith("{}", end):
        return end + 2
    blanks = _end(_BLANKS_RE, text, end)
    return blanks if blanks < len(text) and text[blanks].isalpha() else end


def _begin(text: str, start: int, end: int) -> _Scan:
    """``\\begin{name}``: the whole environment when its body is code or math,
    else the command with the options after it."""
    environment = _ENVIRONMENT_RE.match(text, end)
    if environment is None:
        yield start, end
        return end
    name = environment.group(1).strip()
    end = environment.end()
    if name in BODY_ENVIRONMENTS:
        closing = text.find("\\end{" + name + "}", end)
        end = len(text) if closing < 0 else closing + len(name) + 6
    else:
        end = _arguments(text, end, _ENVIRONMENT_ARGUMENTS.get(name, "o"))
    yield start, end
    return end


def _arguments(text: str, pos: int, spec: str) -> int:
    """The end of the arguments ``spec`` describes (see _ARGUMENTS) after ``pos``."""
    size = len(text)
    for kind in spec:
        if kind == "*":
            if text.startswith("*", pos):
                pos += 1
            continue
        if kind in "op":
            at = _end(_BLANKS_RE, text, pos)
            if kind == "o" and text.startswith("[", at):
                pos = _bracket_end(text, at)
            elif kind == "p" and text.startswith("(", at):
                close = text.find(")", at)
                pos = size if close < 0 else close + 1
            continue
        at = _end(_SPACE_RE, text, pos)
        if at >= size:
            return pos
        char = text[at]
        if char == "{":
            pos = _group_end(text, at, verbatim=kind == "v")
        elif kind == "m" and char == "\\":
            pos = _end(_CONTROL_RE, text, at)
        elif kind == "v" and at == pos and not char.isspace():
            pos = _delimited(text, at)
        elif (
            kind == "f" and at == _end(_BLANKS_RE, text, pos) and _end(_FILE_NAME_RE, text, at) > at
        ):
            pos = _end(_FILE_NAME_RE, text, at)  # "\\input chapter1", on its line
        else:
            return pos  # a mandatory argument missing: what follows is not it
    return pos


def _group_end(text: str, start: int, *, verbatim: bool = False) -> int:
    """The end of the group opened by the brace at ``start``, braces balanced
    (escaped ones and those in comments not counted, unless ``verbatim``), or
    the end of the text."""
    pattern = _VERBATIM_GROUP_MARK_RE if verbatim else _GROUP_MARK_RE
    return _balanced_end(text, start, pattern, "}")


def _bracket_end(text: str, start: int) -> int:
    """The end of the optional argument opened at ``start``: its first ``]``
    outside braces, or the end of the text."""
    return _balanced_end(text, start + 1, _BRACKET_MARK_RE, "]")


def _balanced_end(text: str, pos: int, marks: re.Pattern[str], closer: str) -> int:
    """The end of what ``closer`` closes, searching from ``pos`` for ``marks``:
    braces counted (a ``}`` closer is the brace that brings them back to
    none), a backslash taking the next character with it, a comment skipped
    to its line's end; or the end of the text."""
    depth = 0
    while (mark := marks.search(text, pos)) is not None:
        at = mark.start()
        char = text[at]
        if char == "\\":
            pos = at + 2
            continue
        if char == "%":
            pos = _end(_REST_OF_LINE_RE, text, at)
            continue
        if char == closer == "]" and depth <= 0:
            return at + 1
        if char != "]":
            depth += 1 if char == "{" else -1
            if closer == "}" and depth == 0:
                return at + 1
        pos = at + 1
    return len(text)


def _delimited(text: str, pos: int) -> int:
    """The end of ``|...|`` (any delimiter) at ``pos``, as \\verb reads it: on
    one line, or to the line's end when it is not closed."""
    if pos >= len(text) or text[pos] in "\r\n":
        return pos
    # The closing delimiter or the line's end, whichever comes first: a long
    # line of many \verb is not read to its end for each of them.
    close = _closing(text[pos]).search(text, pos + 1)
    if close is None:
        return len(text)
    return close.end() if close.group() == text[pos] else close.start()


@functools.cache
def _closing(delimiter: str) -> re.Pattern[str]:
    """What ends an argument opened by ``delimiter``: itself or a line break."""
    return re.compile(r"[\r\n]|" + re.escape(delimiter))


def _definition(text: str, pos: int) -> int:
    """The end of ``\\def\\name<parameters>{body}`` after ``\\def`` at ``pos``."""
    at = _end(_SPACE_RE, text, pos)
    if not text.startswith("\\", at):
        return pos
    body = text.find("{", _end(_CONTROL_RE, text, at))
    return len(text) if body < 0 else _group_end(text, body)


def _conditional_end(text: str, pos: int) -> int:
    """The end of the ``\\fi`` that closes a conditional open at ``pos``
    (conditionals inside it counted), or the end of the text."""
    depth = 1
    for match in _CONDITIONAL_RE.finditer(text, pos):
        depth += 1 if match.group(1) else -1
        if depth == 0:
            return match.end()
    return len(text)


def _blanks_before(text: str, pos: int) -> int:
    """Where the spaces and tabs just before ``pos`` start."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where ``pattern`` matched at ``pos`` ends (``pos`` when it does not match)."""
    match = pattern.match(text, pos)
    return pos if match is None else match.end()


def _code_macros(text: str) -> frozenset[str]:
    """The one-argument commands ``text`` defines as code (``\\texttt{#1}``)."""
    return frozenset(m.group(1) or m.group(2) for m in _CODE_MACRO_RE.finditer(text))
