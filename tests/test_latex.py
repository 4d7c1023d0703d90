"""LaTeX structure: the exact spans protected (fixtures/latex shows the effect)."""

from __future__ import annotations

import pytest

from cleaner.document import kind_of
from cleaner.latex import protected
from cleaner.segment import protected_spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # Comments, and a "%" that opens none.
        ("a % teh  note\nb", [" % teh  note"]),
        # The blanks that line a comment up with others are the comment's.
        ("\\vbadness=1400  % accept\nok  ", ["\\vbadness", "  % accept"]),
        (r"5\% of it", [r"\%"]),
        ("a\\\\% c", ["\\\\", "% c"]),
        (
            "a \\iffalse old  text \\ifx\\a\\b\\fi \\fi b",
            ["\\iffalse old  text \\ifx\\a\\b\\fi \\fi"],
        ),
        ("\\ifthenelse{a}{b}{c}", ["\\ifthenelse"]),
        # A prose command is protected, its text is not.
        (r"\emph{recieve} it", [r"\emph"]),
        (r"\section*{The  recieve path}", [r"\section*"]),
        (r"\footnote{See  teh code.}", [r"\footnote"]),
        (r"\item The recieve path", [r"\item"]),
        (r"\href{http://x.org/a%20b}{the recieve link}", [r"\href{http://x.org/a%20b}"]),
        (r"\textcolor{red}{warm  text}", [r"\textcolor{red}"]),
        (r"\multicolumn{2}{c|}{The  heading}", [r"\multicolumn{2}{c|}"]),
        # Names, keys and code are protected whole, nested braces balanced.
        (r"\label{a{b}c} and \ref{x}", [r"\label{a{b}c}", r"\ref{x}"]),
        (r"\label {sec:recieve}", [r"\label {sec:recieve}"]),
        (r"\cite{adress} \citep[see][p.~3]{a,b}", [r"\cite{adress}", r"\citep[see][p.~3]{a,b}"]),
        (r"\parencites[x]{a}[y]{b} \nocite{*}", [r"\parencites[x]{a}[y]{b}", r"\nocite{*}"]),
        (r"\usepackage[utf8]{inputenc}", [r"\usepackage[utf8]{inputenc}"]),
        (
            r"\includegraphics[width=.5\linewidth]{f.pdf}",
            [r"\includegraphics[width=.5\linewidth]{f.pdf}"],
        ),
        (r"\texttt{lenght  x} \url{a%b}", [r"\texttt{lenght  x}", r"\url{a%b}"]),
        (r"\verb|x  y| and \verb*+a b+", [r"\verb|x  y|", r"\verb*+a b+"]),
        (r"\lstinline[language=C]{a  b}", [r"\lstinline[language=C]{a  b}"]),
        (r"\mintinline{python}|a  b|", [r"\mintinline{python}|a  b|"]),
        (r"\newcommand{\R}[1]{\mathbb{#1}} x", [r"\newcommand{\R}[1]{\mathbb{#1}}"]),
        (r"\def\foo#1#2{a {b} c} x", [r"\def\foo#1#2{a {b} c}"]),
        (r"\setlength{\parskip}{1em} x", [r"\setlength{\parskip}{1em}"]),
        (r"\hspace*{2cm}x", [r"\hspace*{2cm}"]),
        ("{\\tt some  code} and", ["{\\tt some  code}"]),
        (
            "\\newcommand{\\code}[1]{\\texttt{#1}}\n\\code{a  b}",
            ["\\newcommand{\\code}[1]{\\texttt{#1}}", "\\code{a  b}"],
        ),
        # Words written with commands are protected whole.
        (r"G\"odel, Stra\ss{}e, Bj\o rn", [r"G\"odel", r"Stra\ss{}e", r"Bj\o rn"]),
        (r"max\_len and hy\-phen", [r"max\_len", r"hy\-phen"]),
        # Math.
        ("costs $a  +b$ .", ["$a  +b$"]),
        (r"$\$5$ and \$6", [r"$\$5$", r"\$"]),
        (r"\( a  b \) and \[ x \\ y \]", [r"\( a  b \)", r"\[ x \\ y \]"]),
        ("$$ a $ b $$ c", ["$$ a $ b $$"]),
        # Environments: code and math whole, others only their head and options.
        (
            "\\begin{verbatim}\nteh  code\n\\end{verbatim}\nafter",
            ["\\begin{verbatim}\nteh  code\n\\end{verbatim}"],
        ),
        ("\\begin{align*}\na &= b\n\\end{align*}", ["\\begin{align*}\na &= b\n\\end{align*}"]),
        (
            "\\begin{figure}[t]\n\\caption{The  text}\n\\end{figure}",
            ["\\begin{figure}[t]", "\\caption", "\\end{figure}"],
        ),
        (
            "\\begin{tabular}{|l|p{3cm}|}\nName  & Value  \\\\\nteh  cell & 2\\\\[2pt]\n",
            ["\\begin{tabular}{|l|p{3cm}|}", "  & ", "  \\\\", " & ", "\\\\[2pt]"],
        ),
        # Left open: protected to the end of the text.
        ("cost $a + b\n\nnext", ["$a + b\n\nnext"]),
        ("\\begin{lstlisting}\nx  = 1\n", ["\\begin{lstlisting}\nx  = 1\n"]),
        (r"\label{open and more", [r"\label{open and more"]),
        ("\\verb|open\nnext", ["\\verb|open"]),
        # Nothing to protect.
        ("The recieve path is  documented , really.", []),
        ("AT\\&T", ["\\&"]),
    ],
)
def test_protected_spans(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in protected(text)] == spans


def test_a_percent_sign_opens_a_comment_only_outside_code_and_escapes() -> None:
    text = "a % cleaner: off\n5\\% b \\verb|%x| % c\n\\begin{verbatim}\n% no\n\\end{verbatim}"
    assert [text[s:e] for s, e in protected(text)] == [
        " % cleaner: off",
        "\\%",
        "\\verb|%x|",
        " % c",
        "\\begin{verbatim}\n% no\n\\end{verbatim}",
    ]


def test_inline_ignores_are_comment_lines() -> None:
    text = "keep\n% cleaner: off\nteh  x\n% cleaner: on\nafter  this\n"
    spans = protected_spans(text, "latex")
    off = text.index("% cleaner: off")
    assert spans.covers(off, text.index("after"))
    assert not spans.touches(text.index("after  "), len(text))


def test_pathological_openers_and_long_runs_are_scanned() -> None:
    # Unclosed openers and long runs are where a backtracking pattern explodes:
    # a quadratic scan would not finish here in any time a test run allows.
    text = "$" + "\\a" * 50_000 + "{" * 50_000 + " & " * 50_000 + "\\-" * 50_000
    assert sum(end - start for start, end in protected(text)) <= len(text)
    text = "a\\verb|x " * 50_000 + "\\label{" * 20_000
    assert list(protected(text))


@pytest.mark.parametrize("name", ["paper.tex", "PAPER.TEX", "doc.ltx", "a/b.en.tex"])
def test_latex_files_are_read_as_latex(name: str) -> None:
    assert kind_of(name) == "latex"


@pytest.mark.parametrize(
    ("name", "kind"), [("style.sty", "text"), ("refs.bib", "text"), ("paper.tex.txt", "text")]
)
def test_other_tex_files_are_plain_text(name: str, kind: str) -> None:
    assert kind_of(name) == kind
