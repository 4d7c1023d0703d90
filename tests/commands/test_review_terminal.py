"""``cleaner review`` in a real pseudo-terminal: the installed command, single keypresses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).parents[2]
SEED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.txt"
PROMPT = "Apply this edit [y,n,a,d,e,i,1-9,u,s,q,?]? "
TWO = b"see here ,now and  then\n"


def _cleaner() -> str:
    beside = Path(sys.executable).parent / "cleaner"
    assert beside.exists(), "the cleaner console script is not installed beside python"
    return str(beside)


def _environment(*, colour: bool = False) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PRE_COMMIT", "NO_COLOR"}}
    if not colour:
        env["NO_COLOR"] = "1"
    return env


def _spawn(folder: Path, *args: str, colour: bool = False) -> pexpect.spawn:
    return pexpect.spawn(
        _cleaner(), ["review", *args], cwd=str(folder), env=_environment(colour=colour),
        encoding="utf-8", timeout=30, dimensions=(50, 250),
    )  # fmt: skip


def _ask(child: pexpect.spawn) -> str:
    """Wait for the prompt and for the terminal in raw mode; return what was shown before it."""
    child.expect_exact(PROMPT)
    shown = str(child.before)
    # Entering raw mode discards keys typed before it (click's getchar flushes
    # input), so a key sent too early would be lost: wait for echo to go off.
    assert child.waitnoecho(timeout=10)
    return shown


def _finish(child: pexpect.spawn) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    rest = str(child.before)
    child.close()
    return child.exitstatus, rest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # a project root: the allow-list is written here
    return tmp_path


def test_y_then_n_on_spacing_edits(project: Path) -> None:
    page = project / "page.txt"
    page.write_bytes(TWO)
    child = _spawn(project, "page.txt", colour=True)
    shown = _ask(child)
    assert "\x1b[1mpage.txt:1\x1b[0m (1/2)" in shown
    # Colour on a terminal, around the markers.
    assert "\x1b[31m\x1b[1m[- ,-]\x1b[0m\x1b[32m\x1b[1m{+, +}\x1b[0m" in shown
    child.send("y")
    assert "spacing.double-space" in _ask(child)
    child.send("n")
    status, rest = _finish(child)
    assert status == 0, rest
    assert page.read_bytes() == b"see here, now and  then\n"
    assert "page.txt: 1 accepted, 1 rejected, 0 ignored (written)" in rest


def test_no_color_enter_and_own_text(project: Path) -> None:
    page = project / "page.txt"
    page.write_bytes(TWO)
    child = _spawn(project, "page.txt")
    shown = _ask(child)
    assert "> 1  see here[- ,-]{+, +}now and  then" in shown
    assert "\x1b[" not in shown  # NO_COLOR
    child.send("\r")  # Enter alone is not an answer
    assert "Unknown key '\\r'; ? lists the keys." in _ask(child)
    child.send("e")
    child.expect_exact('Replace " ," with (an empty line cancels): ')
    child.sendline(";")
    _ask(child)
    child.send("y")
    status, rest = _finish(child)
    assert status == 0, rest
    assert page.read_bytes() == b"see here;now and then\n"


def test_ctrl_c_writes_nothing_for_the_file_in_progress(project: Path) -> None:
    first, second = project / "a.txt", project / "b.txt"
    first.write_bytes(TWO)
    second.write_bytes(TWO)
    child = _spawn(project, "a.txt", "b.txt")
    for _ in range(3):
        _ask(child)
        child.send("y")
    _ask(child)
    child.sendintr()
    status, rest = _finish(child)
    assert status == 130
    assert "b.txt: interrupted; not written" in rest
    assert first.read_bytes() == b"see here, now and then\n"
    assert second.read_bytes() == TWO


def test_ctrl_d_at_the_prompt_quits_without_accepting(project: Path) -> None:
    page = project / "page.txt"
    page.write_bytes(TWO)
    child = _spawn(project, "page.txt")
    _ask(child)
    child.sendeof()
    status, rest = _finish(child)
    assert status == 0
    assert "end of input: quitting" in rest
    assert page.read_bytes() == TWO


def test_seed_article_y_n_i(project: Path) -> None:
    article = project / "article.txt"
    shutil.copyfile(SEED, article)
    child = _spawn(project, "article.txt")
    assert "> 1  [- -]date 2022-03-09" in _ask(child)
    child.send("y")
    assert "[-Cavuşoğlu-]{+Çavuşoğlu+}" in _ask(child)
    child.send("n")
    assert "[-Anara-]{+Ankara+}" in _ask(child)
    child.send("i")
    status, rest = _finish(child)
    assert status == 0, rest
    assert "article.txt: 1 accepted, 1 rejected, 1 ignored (written)" in rest
    # Only the first edit is in the file.
    assert article.read_bytes() == SEED.read_bytes()[1:]
    # A later run proposes the rejected fix again, and nothing about Anara.
    check = subprocess.run(
        [_cleaner(), "check", "--format", "json", "article.txt"],
        cwd=project, capture_output=True, text=True, env=_environment(),
    )  # fmt: skip
    assert check.returncode == 1, check.stderr
    records = [json.loads(line) for line in check.stdout.splitlines()]
    assert len(records) == 1
    text = article.read_text(encoding="utf-8")
    (record,) = records
    fixed = text[: record["start"]] + record["after"] + text[record["end"] :]
    assert fixed == text.replace("Cavuşoğlu", "Çavuşoğlu")
