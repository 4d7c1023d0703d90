"""``cleaner review`` in-process (click's CliRunner): scripted keys in, files and summary out.

CliRunner's input feeds ``click.getchar`` one character at a time, and the
line typed after ``e``. Its stdin is not a terminal, so the tests that answer
edits stand in for the terminal check; one test keeps the real check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from cleaner import pipeline
from cleaner.cli import cli
from cleaner.commands import review as review_command
from cleaner.edits import Edit
from cleaner.errors import ConfigError
from cleaner.stages import Context, Stage

PROMPT = "Apply this edit [y,n,a,d,e,i,1-9,u,s,q,?]? "
# Two spacing edits: " ," at offset 8 and "  " at offset 17.
TWO = "see here ,now and  then\n"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    (tmp_path / ".git").mkdir()  # a project root: the allow-list goes here, nothing leaks in
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return CliRunner()


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand in for a terminal on stdin (CliRunner's stdin is a pipe)."""
    monkeypatch.setattr(review_command, "_stdin_is_terminal", lambda: True)


_WORDS = {"Anara": ("Ankara", ("Anapa",)), "teh": ("the", ())}


def _words_stage(context: Context) -> Iterator[Edit]:
    for m in re.finditer(r"\b(?:Anara|teh)\b", context.text):
        after, alternatives = _WORDS[m.group()]
        yield Edit(
            m.start(), m.end(), m.group(), after, "spelling.test", 0.8, "a test proposal",
            False, alternatives,
        )  # fmt: skip


def _only_character_stages_and(monkeypatch: pytest.MonkeyPatch, name: str, stage: Stage) -> None:
    """The character stages, then ``stage`` as the only word stage: the tests decide
    exactly which word edits exist, whatever word stages the package has."""
    layers = [
        layer for layer in pipeline.LAYERS if set(layer) <= {"encoding", "invisible", "spacing"}
    ]
    monkeypatch.setattr(pipeline, "LAYERS", [*layers, {name: stage}])


@pytest.fixture
def words_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word-level stage proposing Anara -> Ankara (or Anapa) and teh -> the."""
    _only_character_stages_and(monkeypatch, "words", _words_stage)


def _review(runner: CliRunner, keys: str, *paths: str, args: tuple[str, ...] = ()) -> Result:
    return runner.invoke(cli, [*args, "review", *paths], input=keys, catch_exceptions=False)


def test_yes_then_no_writes_exactly_the_accepted_edit(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("ok\n" + TWO)
    result = _review(runner, "yn", "page.txt")
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == b"ok\nsee here, now and  then\n"
    assert result.stdout.count(PROMPT) == 2
    assert result.stdout.endswith(
        "Summary:\n  page.txt: 1 accepted, 1 rejected, 0 ignored (written)\n"
    )


def test_an_edit_is_shown_with_its_line_context_and_reason(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    (tmp_path / "page.txt").write_text("one\ntwo\nthree\nsee here ,now\nfive\nsix\nseven\n")
    result = _review(runner, "n", "page.txt")
    shown = result.stdout.split(PROMPT)[0]
    assert shown == (
        "\n"
        "page.txt:4 (1/1) spacing.space-before-punctuation\n"
        "  2  two\n"
        "  3  three\n"
        "> 4  see here[- ,-]{+, +}now\n"
        "  5  five\n"
        "  6  six\n"
        '" ," -> ", "\n'
        "space before a comma instead of after it (confidence 0.90; applied by fix)\n"
    )
    assert "\x1b[" not in result.stdout  # no colour when stdout is not a terminal


def test_colour_marks_the_change_and_the_markers_stay(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    (tmp_path / "page.txt").write_text(TWO)
    result = _review(runner, "nn", "page.txt", args=("--color",))
    assert "\x1b[31m\x1b[1m[- ,-]\x1b[0m\x1b[32m\x1b[1m{+, +}\x1b[0m" in result.stdout


def test_change_is_widened_to_whole_words(
    runner: CliRunner, tmp_path: Path, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An edit of two letters inside a word is shown as the whole word changing.
    def ocr(context: Context) -> list[Edit]:
        # Like a real stage, it proposes nothing once the word is repaired.
        start = context.text.find("rnodern")
        if start == -1:
            return []
        return [Edit(start, start + 2, "rn", "m", "spelling.ocr", 0.9, "rn for m", False)]

    _only_character_stages_and(monkeypatch, "ocr", ocr)
    (tmp_path / "page.txt").write_text("a rnodern view\n")
    result = _review(runner, "y", "page.txt")
    assert "> 1  a [-rnodern-]{+modern+} view\n" in result.stdout
    assert (tmp_path / "page.txt").read_text() == "a modern view\n"


def test_help_and_unknown_keys_ask_again_and_change_nothing(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TWO)
    result = _review(runner, "?x\nn", "page.txt")  # Enter is not an answer either
    assert "u - undo the previous answer\n" in result.stdout
    assert "Unknown key 'x'; ? lists the keys.\n" in result.stdout
    assert "Unknown key '\\n'; ? lists the keys.\n" in result.stdout
    assert result.stdout.count(PROMPT) == 5  # ?, x, Enter, n on the first edit; eof on the second
    assert page.read_text() == TWO


def test_undo_then_answer_again(runner: CliRunner, tmp_path: Path, terminal: None) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TWO)
    result = _review(runner, "uyuny", "page.txt")
    assert "nothing to undo in this file" in result.stdout
    # y on the first, undo, n on the first, y on the second.
    assert page.read_text() == "see here ,now and then\n"
    # Shown first, and again after the undo (a refused answer only asks again).
    assert result.stdout.count("(1/2)") == 2 and result.stdout.count("(2/2)") == 2


def test_own_text_with_e(runner: CliRunner, tmp_path: Path, terminal: None) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TWO)
    result = _review(runner, "e\ne;\nn", "page.txt")
    # The empty line cancels; then "; " ... typed as ";" replaces " ,".
    assert result.stdout.count('Replace " ," with (an empty line cancels): ') == 2
    assert page.read_text() == "see here;now and  then\n"
    assert "1 accepted, 1 rejected" in result.stdout


def test_own_text_the_encoding_cannot_hold_is_refused(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes("café here ,now\r\n".encode("cp1252"))
    result = _review(runner, "eğ\ne—\n", "page.txt")
    assert "'ğ' cannot be written in this file's encoding" in result.stdout
    assert page.read_bytes() == "café here—now\r\n".encode("cp1252")  # cp1252, CRLF kept


def test_accept_rest_and_reject_rest(runner: CliRunner, tmp_path: Path, terminal: None) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TWO + TWO)
    second.write_text(TWO + TWO)
    result = _review(runner, "nayd", "a.txt", "b.txt")
    assert first.read_text() == "see here ,now and then\nsee here, now and then\n"
    assert second.read_text() == "see here, now and  then\n" + TWO
    assert result.stdout.count(PROMPT) == 4
    assert "  a.txt: 3 accepted, 1 rejected, 0 ignored (written)\n" in result.stdout
    assert "  b.txt: 1 accepted, 3 rejected, 0 ignored (written)\n" in result.stdout


def test_skip_to_the_next_file_writes_what_was_answered(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TWO)
    second.write_text(TWO)
    result = _review(runner, "ysnn", "a.txt", "b.txt")
    assert first.read_text() == "see here, now and  then\n"
    assert second.read_text() == TWO
    assert "  a.txt: 1 accepted, 0 rejected, 0 ignored, 1 unanswered (written)\n" in result.stdout
    assert "  b.txt: 0 accepted, 2 rejected, 0 ignored (unchanged)\n" in result.stdout


def test_quit_in_the_middle_writes_what_was_accepted_and_nothing_else(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    pages = [tmp_path / f"{name}.txt" for name in "abc"]
    for page in pages:
        page.write_text(TWO)
    result = _review(runner, "yyyq", "a.txt", "b.txt", "c.txt")
    assert result.exit_code == 0
    assert pages[0].read_text() == "see here, now and then\n"
    assert pages[1].read_text() == "see here, now and  then\n"
    assert pages[2].read_text() == TWO  # never reached
    assert "c.txt" not in result.stdout


def test_end_of_input_means_quit_never_accept(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TWO)
    second.write_text(TWO)
    result = _review(runner, "y", "a.txt", "b.txt")
    assert result.exit_code == 0
    assert first.read_text() == "see here, now and  then\n"  # only the answered yes
    assert second.read_text() == TWO
    assert "end of input: quitting" in result.stderr
    # At the very first prompt: nothing at all is written.
    first.write_text(TWO)
    assert _review(runner, "", "a.txt").exit_code == 0
    assert first.read_text() == TWO
    # Ctrl-D as a key, and end of input while typing a replacement, are the same.
    assert _review(runner, "\x04", "a.txt").exit_code == 0
    assert _review(runner, "eabc", "a.txt").exit_code == 0
    assert first.read_text() == TWO


def test_no_terminal_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TWO)
    result = _review(runner, "yy", "page.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        "cleaner: review needs a terminal on standard input; 'cleaner check' lists the edits\n"
    )
    assert result.stdout == ""
    assert page.read_text() == TWO


def test_pre_commit_is_refused(
    runner: CliRunner, tmp_path: Path, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRE_COMMIT", "1")
    page = tmp_path / "page.txt"
    page.write_text(TWO)
    result = _review(runner, "yy", "page.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        "cleaner: review is interactive and does not run under pre-commit (PRE_COMMIT is set)\n"
    )
    assert result.stdout == ""
    assert page.read_text() == TWO


def test_standard_input_is_not_a_path_to_review(runner: CliRunner, terminal: None) -> None:
    result = runner.invoke(cli, ["review", "-"], input="yy")
    assert result.exit_code == 2
    assert "cannot read standard input" in result.stderr


def test_a_file_changed_on_disk_during_review_is_not_written(
    runner: CliRunner, tmp_path: Path, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TWO)
    second.write_text(TWO)
    keys = iter("yyyy")

    def getchar(echo: bool = False) -> str:
        key = next(keys)
        if key == "y" and first.read_text() == TWO:
            first.write_text("someone else's edit\n")
        return key

    monkeypatch.setattr(click, "getchar", getchar)
    result = _review(runner, "", "a.txt", "b.txt")
    assert result.exit_code == 2
    assert first.read_text() == "someone else's edit\n"
    assert "cleaner: a.txt: changed on disk since it was read; not written\n" in result.stderr
    assert "  a.txt: 2 accepted, 0 rejected, 0 ignored (changed on disk; not written)\n" in (
        result.stdout
    )
    assert second.read_text() == "see here, now and then\n"  # the next file goes on


def test_ctrl_c_keeps_finished_files_and_writes_nothing_for_the_current_one(
    runner: CliRunner, tmp_path: Path, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TWO)
    second.write_text(TWO)
    keys = iter("yyy")

    def getchar(echo: bool = False) -> str:
        for key in keys:
            return key
        raise KeyboardInterrupt

    monkeypatch.setattr(click, "getchar", getchar)
    result = _review(runner, "", "a.txt", "b.txt")
    assert result.exit_code == 130
    assert first.read_text() == "see here, now and then\n"
    assert second.read_text() == TWO  # its "y" is not written
    assert "cleaner: b.txt: interrupted; not written\n" in result.stderr
    assert "  a.txt: 2 accepted, 0 rejected, 0 ignored (written)\n" in result.stdout
    assert "b.txt:" not in result.stdout.partition("Summary:")[2]


def test_ctrl_c_as_a_raw_key(runner: CliRunner, tmp_path: Path, terminal: None) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TWO)
    result = _review(runner, "y\x03", "page.txt")
    assert result.exit_code == 130
    assert page.read_text() == TWO


def test_ignore_saves_the_word_and_later_runs_do_not_propose_it(
    runner: CliRunner, tmp_path: Path, terminal: None, words_stage: None
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Anara and teh Anara ,ok\n")
    second.write_text("Anara again\n")
    # a.txt: i on Anara (the second Anara is not asked), n on teh, y on " ,".
    result = _review(runner, "iny", "a.txt", "b.txt")
    assert result.exit_code == 0, result.output
    assert first.read_text() == "Anara and teh Anara, ok\n"
    assert second.read_text() == "Anara again\n"  # nothing left to ask there
    assert result.stdout.count(PROMPT) == 3
    assert "Added 'Anara' to the allow-list in .cleaner.toml\n" in result.stdout
    assert "  a.txt: 1 accepted, 1 rejected, 2 ignored (written)\n" in result.stdout
    assert (tmp_path / ".cleaner.toml").read_text() == 'allow = ["Anara"]\n'
    check = runner.invoke(cli, ["check", "a.txt", "b.txt"], catch_exceptions=False)
    assert check.stdout == (
        'a.txt:1:11: spelling.test: "teh" -> "the" (a test proposal; '
        "review: confidence 0.80, not applied by fix)\n"
    )


def test_ignore_writes_into_the_projects_pyproject(
    runner: CliRunner, tmp_path: Path, terminal: None, words_stage: None
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "site"  # keep me\n')
    (tmp_path / "a.txt").write_text("Anara\n")
    result = _review(runner, "i", "a.txt")
    assert "Added 'Anara' to the allow-list in pyproject.toml\n" in result.stdout
    assert pyproject.read_text() == (
        '[project]\nname = "site"  # keep me\n\n[tool.cleaner]\nallow = ["Anara"]\n'
    )


def test_undo_of_ignore_saves_nothing(
    runner: CliRunner, tmp_path: Path, terminal: None, words_stage: None
) -> None:
    (tmp_path / "a.txt").write_text("Anara Anara teh\n")
    # i on the first Anara skips the second; u brings both back.
    result = _review(runner, "iunnn", "a.txt")
    assert result.stdout.count(PROMPT) == 5
    assert result.stdout.count("(2/3)") == 1
    assert not (tmp_path / ".cleaner.toml").exists()
    assert "0 accepted, 3 rejected, 0 ignored" in result.stdout


def test_ignore_on_a_spacing_edit_is_refused(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TWO)
    result = _review(runner, "inn", "page.txt")
    assert "the allow-list cannot stop it (answer n or d)" in result.stdout
    assert not (tmp_path / ".cleaner.toml").exists()
    assert page.read_text() == TWO


def test_numbered_choices(
    runner: CliRunner, tmp_path: Path, terminal: None, words_stage: None
) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Anara, Anara, Anara\n")
    result = _review(runner, "2913", "a.txt")
    assert 'Choices: 1 "Ankara"  2 "Anapa"\n' in result.stdout
    assert "no choice 9: this edit has 2" in result.stdout
    assert page.read_text() == "Anapa, Ankara, Anara\n"  # the 3 is refused; then end of input


def test_nothing_to_review(runner: CliRunner, tmp_path: Path, terminal: None) -> None:
    (tmp_path / "page.txt").write_text("All is well.\n")
    result = _review(runner, "", "page.txt")
    assert (result.exit_code, result.stdout) == (0, "No edits to review.\n")


def test_rejecting_everything_leaves_the_bytes_alone(
    runner: CliRunner, tmp_path: Path, terminal: None
) -> None:
    page = tmp_path / "page.txt"
    data = "\ufeffsee here ,now\r\nand  then".encode("utf-16-le")
    page.write_bytes(b"\xff\xfe" + data[2:])  # UTF-16 LE with its BOM
    page.chmod(0o640)
    before = page.stat()
    result = _review(runner, "nn", "page.txt")
    assert "0 accepted, 2 rejected, 0 ignored (unchanged)" in result.stdout
    assert page.read_bytes() == b"\xff\xfe" + data[2:]
    assert page.stat().st_mtime_ns == before.st_mtime_ns  # not even rewritten


def test_an_allow_list_that_cannot_be_saved_is_reported_and_the_file_still_written(
    runner: CliRunner,
    tmp_path: Path,
    terminal: None,
    words_stage: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def add_words(path: Path, words: object) -> list[str]:
        raise ConfigError(f"{path.name}: invalid TOML, allow-list not saved: bad")

    monkeypatch.setattr(review_command, "add_words", add_words)
    (tmp_path / "a.txt").write_text("Anara teh\n")
    result = _review(runner, "iy", "a.txt")
    assert result.exit_code == 2
    assert "cleaner: .cleaner.toml: invalid TOML, allow-list not saved: bad\n" in result.stderr
    assert (tmp_path / "a.txt").read_text() == "Anara the\n"
