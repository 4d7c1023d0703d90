"""``cleaner review``: a person answers each proposed edit, in a terminal.

The answers are kept by :mod:`cleaner.review`; this module reads the keys,
shows each edit in its context, writes each file when its last answer is in,
saves the words answered `i` to the allow-list, and prints a summary.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import click

from cleaner.allowlist import add_words, allowlist_file
from cleaner.commands._output import note, problem, styled
from cleaner.config import Config
from cleaner.document import can_encode, write_document
from cleaner.edits import Edit, LineIndex
from cleaner.errors import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ChangedOnDiskError,
    CleanerError,
)
from cleaner.process import Checked, check_paths, display_name
from cleaner.regex import lazy
from cleaner.report import INVISIBLE_ESCAPES, visible
from cleaner.review import CHOICE_KEYS, KEYS, QUIT, FileReview, Own, Refused, Session, Tally
from cleaner.review import choices as choices_of

PROMPT = "Apply this edit [y,n,a,d,e,i,1-9,u,s,q,?]? "
HELP = """\
y - accept this edit
n - reject this edit (this time only)
a - accept this edit and every later edit in this file
d - reject this edit and every later edit in this file
e - type your own replacement (an empty line cancels)
i - the original is right: reject, and add the word to the project's allow-list
1-9 - accept the numbered replacement (1 is the proposed one)
u - undo the previous answer
s - skip to the next file (the answers so far are written)
q - quit: write the edits accepted so far, nothing else
? - print this help"""

CONTEXT_LINES = 2  # lines shown before and after the edited line(s)
CLIP = 100  # characters of a long line shown around the edit
_WORD_CHAR = lazy(r"\w")
# Invisible characters, shown escaped inside the change markers.
_ESCAPES = str.maketrans(INVISIBLE_ESCAPES)


@dataclass(frozen=True)
class _Row:
    display: str
    tally: Tally
    status: str


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _refusal() -> str | None:
    # Under pre-commit, stdin is /dev/null or a pipe: nobody is there to answer.
    if os.environ.get("PRE_COMMIT"):
        return "review is interactive and does not run under pre-commit (PRE_COMMIT is set)"
    if not _stdin_is_terminal():
        return "review needs a terminal on standard input; 'cleaner check' lists the edits"
    return None


def run(
    paths: Sequence[str],
    config: Config,
    *,
    force_exclude: bool = False,
    config_file: Path | None = None,
) -> int:
    refusal = _refusal()
    if refusal:
        note(refusal)
        return EXIT_ERROR
    session = Session()
    rows: list[_Row] = []
    errors = False
    current: str | None = None
    try:
        for item in check_paths(paths, config, force_exclude=force_exclude):
            if not isinstance(item, Checked):
                problem(item)
                errors = errors or not item.skipped
                continue
            if not item.edits:
                continue
            current = item.display
            encodable = partial(can_encode, encoding=item.document.encoding)
            review = session.review(item.document.text, item.edits, encodable=encodable)
            _answer_all(item, review)
            status, failed = _write(item, review)
            current = None
            session.finish(review)
            failed = not _save_words(review.new_words, config_file) or failed
            errors = errors or failed
            rows.append(_Row(item.display, review.tally(), status))
            if review.quit:
                break
    except KeyboardInterrupt:
        click.echo()
        if current is not None:
            note(f"{current}: interrupted; not written")
        _summary(rows)
        return EXIT_INTERRUPTED
    if rows:
        _summary(rows)
    elif not errors:
        click.echo("No edits to review.")
    return EXIT_ERROR if errors else EXIT_OK


def _answer_all(item: Checked, review: FileReview) -> None:
    text = item.document.text
    index = LineIndex(text)
    lines = text.split("\n")
    total = len(review.edits)
    while (position := review.position) is not None:
        edit = review.edits[position]
        _show(item.display, text, index, lines, edit, position + 1, total)
        _ask(review, edit)


def _ask(review: FileReview, edit: Edit) -> None:
    """Read keys until one answer is taken (help and refused answers ask again)."""
    while True:
        click.echo(styled(PROMPT, fg="blue", bold=True), nl=False)
        key = _getkey()
        click.echo(key if key.isprintable() else "")
        if not key:
            note("end of input: quitting; only the edits accepted so far are written")
            review.answer(QUIT)
            return
        answer: str | Own
        if key == "?":
            click.echo(HELP)
            continue
        if key == "e":
            typed = _read_line(f"Replace {visible(edit.before)} with (an empty line cancels): ")
            if typed is None:
                note("end of input: quitting; only the edits accepted so far are written")
                review.answer(QUIT)
                return
            if not typed:
                continue
            answer = Own(typed)
        elif len(key) == 1 and (key in KEYS or key in CHOICE_KEYS):
            answer = key
        else:
            click.echo(f"Unknown key {key!r}; ? lists the keys.")
            continue
        try:
            review.answer(answer)
        except Refused as exc:
            click.echo(styled(str(exc), fg="yellow"))
            continue
        return


def _getkey() -> str:
    """One keypress, without Enter; "" at the end of input (which means quit, never yes)."""
    try:
        key = click.getchar()
    except EOFError:
        return ""
    # A real terminal turns these into exceptions inside getchar; other
    # inputs (a test's scripted keys) deliver the raw characters.
    if key == "\x04":
        return ""
    if key == "\x03":
        raise KeyboardInterrupt
    return key


def _read_line(prompt: str) -> str | None:
    """A typed line without its newline; None at the end of input."""
    click.echo(prompt, nl=False)
    line = sys.stdin.readline()
    if not line.endswith("\n"):
        # End of input, even after some typing: a half-typed line is not an answer.
        click.echo()
        return None
    return line.rstrip("\r\n")


def _write(item: Checked, review: FileReview) -> tuple[str, bool]:
    """Write the file with exactly the accepted edits; (status for the summary, failed)."""
    try:
        written = write_document(item.document, review.result())
    except ChangedOnDiskError:
        note(f"{item.display}: changed on disk since it was read; not written")
        return "changed on disk; not written", True
    except OSError as exc:
        note(f"{item.display}: cannot write: {exc.strerror or exc}")
        return "not written", True
    return ("written" if written else "unchanged"), False


def _save_words(words: Sequence[str], config_file: Path | None) -> bool:
    if not words:
        return True
    target = allowlist_file(Path.cwd(), config_file)
    try:
        added = add_words(target, words)
    except CleanerError as exc:
        note(str(exc))
        return False
    except OSError as exc:
        note(f"{display_name(target)}: cannot save the allow-list: {exc.strerror or exc}")
        return False
    if added:
        listed = ", ".join(repr(w) for w in added)
        click.echo(f"Added {listed} to the allow-list in {display_name(target)}")
    return True


def _summary(rows: Sequence[_Row]) -> None:
    if not rows:
        return
    click.echo(styled("Summary:", bold=True))
    for row in rows:
        t = row.tally
        left = f", {t.unanswered} unanswered" if t.unanswered else ""
        click.echo(
            f"  {row.display}: {t.accepted} accepted, {t.rejected} rejected, "
            f"{t.ignored} ignored{left} ({row.status})"
        )


# Showing an edit.


def _show(
    display: str,
    text: str,
    index: LineIndex,
    lines: Sequence[str],
    edit: Edit,
    number: int,
    total: int,
) -> None:
    """``path:line``, a few lines of context, the change marked word by word, and why."""
    first, column = index.position(edit.start)
    end_at = max(edit.start, edit.end - 1)
    last, last_column = index.position(end_at)
    block = (edit.start - column + 1, end_at - last_column + 1 + len(lines[last - 1]))
    click.echo()
    click.echo(
        styled(f"{display}:{first}", bold=True)
        + f" ({number}/{total}) "
        + styled(edit.rule, fg="cyan")
    )
    # The empty "line" after a final newline is no line to show.
    count = len(lines) - 1 if text.endswith("\n") else len(lines)
    width = len(str(min(last + CONTEXT_LINES, count)))
    for n in range(max(1, first - CONTEXT_LINES), first):
        click.echo(f"  {n:>{width}}  {_clip_end(lines[n - 1].rstrip(chr(13)))}")
    marked = _marked(text, edit, *block)
    click.echo(styled(f"> {first:>{width}}", bold=True) + f"  {marked}")
    for n in range(last + 1, min(last + CONTEXT_LINES, count) + 1):
        click.echo(f"  {n:>{width}}  {_clip_end(lines[n - 1].rstrip(chr(13)))}")
    safety = "applied by fix" if edit.safe else "review only, not applied by fix"
    click.echo(f"{visible(edit.before)} -> {visible(edit.after)}")
    click.echo(f"{edit.reason} (confidence {edit.confidence:.2f}; {safety})")
    options = choices_of(edit)
    if len(options) > 1:
        click.echo("Choices: " + "  ".join(f"{i} {visible(c)}" for i, c in enumerate(options, 1)))


def _marked(text: str, edit: Edit, block_start: int, block_end: int) -> str:
    """The edited line(s) with the change as ``[-old-]{+new+}``, widened to whole words."""
    start, end = _word_span(text, edit)
    old = text[start:end]
    new = text[start : edit.start] + edit.after + text[edit.end : end]
    before = text[block_start:start]
    after = text[end:block_end].rstrip("\r")
    if len(before) > CLIP:
        before = "…" + before[-CLIP:]
    parts = [before.translate(_ESCAPES)]
    if old:
        parts.append(styled(f"[-{old.translate(_ESCAPES)}-]", fg="red", bold=True))
    if new:
        parts.append(styled(f"{{+{new.translate(_ESCAPES)}+}}", fg="green", bold=True))
    parts.append(_clip_end(after).translate(_ESCAPES))
    return "".join(parts)


def _word_span(text: str, edit: Edit) -> tuple[int, int]:
    """The edit's span widened to whole words where it starts or ends inside one."""
    changed = edit.before or edit.after

    def word(c: str) -> bool:
        return bool(_WORD_CHAR.match(c))

    start, end = edit.start, edit.end
    if word(changed[0]):
        while start > 0 and word(text[start - 1]):
            start -= 1
    if word(changed[-1]):
        while end < len(text) and word(text[end]):
            end += 1
    return start, end


def _clip_end(line: str) -> str:
    return line if len(line) <= CLIP else line[:CLIP] + "…"
