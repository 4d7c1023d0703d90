"""The CLI in-process (click's CliRunner): commands, formats, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import process
from cleaner.cli import cli, main
from cleaner.stages import STAGES

ROOT = Path(__file__).parents[1]
SEED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.txt"
EXPECTED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.expected.txt"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # no project config from the repository leaks in
    monkeypatch.delenv("NO_COLOR", raising=False)
    return CliRunner()


def test_fix_stdin_to_stdout_on_the_seed(runner: CliRunner) -> None:
    # The normaliser alone (every word stage disabled) removes the stray
    # leading space and nothing else; the next test runs every stage.
    words = sorted(set(STAGES) - {"encoding", "invisible", "spacing"})
    disable = [arg for name in words for arg in ("--disable", name)]
    result = runner.invoke(
        cli, ["fix", *disable, "-"], input=SEED.read_bytes(), catch_exceptions=False
    )
    assert result.exit_code == 0
    out = result.stdout_bytes
    assert out == SEED.read_bytes()[1:]


def test_disable_takes_a_comma_separated_list(runner: CliRunner) -> None:
    words = ",".join(sorted(set(STAGES) - {"encoding", "invisible", "spacing"}))
    result = runner.invoke(cli, ["fix", "--disable", words, "-"], input=SEED.read_bytes())
    assert result.exit_code == 0 and result.stdout_bytes == SEED.read_bytes()[1:]
    bad = runner.invoke(cli, ["check", "--disable", "spelling,speling", "-"], input=b"x\n")
    assert bad.exit_code == 2
    assert "unknown stage 'speling'" in bad.output and "spelling" in bad.output


def test_fix_seed_matches_expected_byte_for_byte(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["fix", "-"], input=SEED.read_bytes(), catch_exceptions=False)
    assert result.stdout_bytes == EXPECTED.read_bytes()


def test_fix_in_place_prints_fixing_and_exits_zero(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"one  two\r\n")
    result = runner.invoke(cli, ["fix", str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == "Fixing page.txt\n"  # shown relative to the working folder
    assert page.read_bytes() == b"one two\r\n"
    again = runner.invoke(cli, ["fix", "--exit-nonzero-on-fix", str(page)], catch_exceptions=False)
    assert again.exit_code == 0 and again.stdout == ""


def test_exit_nonzero_on_fix(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("one  two\n")
    result = runner.invoke(cli, ["fix", "--exit-nonzero-on-fix", str(page)], catch_exceptions=False)
    assert result.exit_code == 1


def test_check_lists_edits_and_changes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("ok\nsee here ,now\n")
    result = runner.invoke(cli, ["check", "page.txt"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == (
        'page.txt:2:9: spacing.space-before-punctuation: " ," -> ", " '
        "(space before a comma instead of after it)\n"
    )
    assert page.read_text() == "ok\nsee here ,now\n"


def test_check_clean_file_exits_zero(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("All is well.\n")
    result = runner.invoke(cli, ["check", "page.txt"], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")


def test_check_json_lines(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("a  b\nc ,de\n")
    result = runner.invoke(cli, ["check", "--format", "json", "page.txt"], catch_exceptions=False)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["line"], r["column"], r["start"], r["rule"]) for r in records] == [
        (1, 2, 1, "spacing.double-space"),
        (2, 2, 6, "spacing.space-before-punctuation"),
    ]
    assert set(records[0]) >= {
        "path", "line", "column", "start", "end", "before", "after", "rule", "confidence",
        "reason", "safe",
    }  # fmt: skip


def test_check_stdin_json_offsets_span_chunks(runner: CliRunner) -> None:
    text = "x  y\n\n" * 3
    result = runner.invoke(
        cli, ["check", "--format", "json", "-"], input=text, catch_exceptions=False
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["path"], r["line"], r["start"]) for r in records] == [
        ("stdin", 1, 1), ("stdin", 3, 7), ("stdin", 5, 13),
    ]  # fmt: skip


def test_diff_equals_what_fix_writes(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(" lead\n\nkeep\nmid  dle\n")
    result = runner.invoke(cli, ["diff", "page.txt"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/page.txt\n+++ b/page.txt\n@@ -1,4 +1,4 @@\n")
    assert "-mid  dle\n+mid dle\n" in result.stdout
    assert page.read_text() == " lead\n\nkeep\nmid  dle\n"


def test_diff_nothing_exits_zero(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("fine\n")
    result = runner.invoke(cli, ["diff", "page.txt"], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")


def test_folder_recursion_skips_binary_with_a_note(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("a  b\n")
    (tmp_path / "docs" / "b.txt").write_bytes(b"\0\1\2 binary")
    result = runner.invoke(cli, ["check", "docs"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.startswith("docs/a.txt:1:2: spacing.double-space")
    assert "docs/b.txt: binary file, skipped" in result.stderr


def test_missing_path_is_exit_2_without_traceback(runner: CliRunner) -> None:
    for command in ("fix", "check", "diff"):
        result = runner.invoke(cli, [command, "nope.txt"], catch_exceptions=False)
        assert result.exit_code == 2, command
        assert result.stderr == "cleaner: nope.txt: no such file or directory\n"


def test_undecodable_file_is_exit_2_and_untouched(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    data = b"caf\xe9  \x81\x8d text"
    bad.write_bytes(data)
    result = runner.invoke(cli, ["fix", "bad.txt"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "bad.txt: cannot decode" in result.stderr
    assert bad.read_bytes() == data


def test_russian_in_windows_1251_is_exit_2_and_untouched(runner: CliRunner, tmp_path: Path) -> None:
    # Read as Windows-1252 its letters are "Ìîñêâà" and its no-break spaces
    # and soft hyphens would be "repaired": refused, byte for byte as it was.
    page = tmp_path / "page.txt"
    data = (
        "Москва\xa0— столица России, крупней\xadший по численности населения город. "
        "В городе работают театры,  музеи и библиотеки.\n"
    ).encode("cp1251")
    page.write_bytes(data)
    result = runner.invoke(cli, ["fix", "page.txt"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "page.txt: cannot decode" in result.stderr
    assert "another legacy encoding" in result.stderr
    assert page.read_bytes() == data


def test_latin1_file_is_fixed_and_stays_latin1(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes("Café  au lait , s’il vous plaît\r\n".encode("cp1252"))
    result = runner.invoke(cli, ["fix", "page.txt"], catch_exceptions=False)
    assert result.exit_code == 0
    assert page.read_bytes() == "Café au lait, s’il vous plaît\r\n".encode("cp1252")


def test_bom_crlf_no_final_newline_round_trip(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"\xef\xbb\xbf one\r\n\r\ntwo  three")
    runner.invoke(cli, ["fix", "page.txt"], catch_exceptions=False)
    assert page.read_bytes() == b"\xef\xbb\xbfone\r\n\r\ntwo three"


def test_utf16_file_round_trip(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"\xff\xfe" + "a  b\r\n".encode("utf-16-le"))
    runner.invoke(cli, ["fix", "page.txt"], catch_exceptions=False)
    assert page.read_bytes() == b"\xff\xfe" + "a b\r\n".encode("utf-16-le")


def test_empty_file_stays_empty(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "empty.txt"
    page.write_bytes(b"")
    assert runner.invoke(cli, ["check", "empty.txt"]).exit_code == 0
    assert runner.invoke(cli, ["fix", "empty.txt"]).exit_code == 0
    assert page.read_bytes() == b""
    assert runner.invoke(cli, ["fix", "-"], input=b"").stdout_bytes == b""


def test_binary_stdin_passes_through(runner: CliRunner) -> None:
    data = b"\0\1\2 binary  data"
    result = runner.invoke(cli, ["fix", "-"], input=data, catch_exceptions=False)
    assert result.stdout_bytes == data
    assert "not text" in result.stderr


def test_stdin_filename_sets_markdown(runner: CliRunner) -> None:
    text = "Line with break  \nnext\n"
    as_md = runner.invoke(cli, ["fix", "--stdin-filename", "a.md", "-"], input=text)
    as_txt = runner.invoke(cli, ["fix", "-"], input=text)
    assert as_md.stdout == text
    assert as_txt.stdout == "Line with break\nnext\n"


def test_an_html_file_keeps_its_markup(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<p class="adress">We recieve  mail &amp; parcels.</p>\n', encoding="utf-8")
    result = runner.invoke(cli, ["fix", str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    assert page.read_text(encoding="utf-8") == (
        '<p class="adress">We receive mail &amp; parcels.</p>\n'
    )


def test_dash_with_other_paths_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-", "x.txt"])
    assert result.exit_code == 2
    assert "cannot be combined" in result.stderr


def test_review_is_listed_and_needs_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    # The review keys are tested in tests/commands/test_review.py.
    (tmp_path / "a.txt").write_text("x ,y")
    assert "review" in runner.invoke(cli, ["--help"]).stdout
    result = runner.invoke(cli, ["review", "a.txt"], input="y")
    assert result.exit_code == 2
    assert "review needs a terminal" in result.stderr
    assert (tmp_path / "a.txt").read_text() == "x ,y"


def test_help_documents_exit_codes(runner: CliRunner) -> None:
    for args in (["--help"], ["fix", "--help"], ["check", "--help"], ["diff", "--help"]):
        out = runner.invoke(cli, args).stdout
        assert "Exit codes:" in out and "130" in out


def test_colour_only_when_asked(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("a  b\n")
    plain = runner.invoke(cli, ["check", "a.txt"], color=True)
    assert "\x1b[" not in plain.stdout  # not a terminal, no --color
    forced = runner.invoke(cli, ["--color", "check", "a.txt"], color=True)
    assert "\x1b[" in forced.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in runner.invoke(cli, ["check", "a.txt"], color=True).stdout


def test_project_config_and_flags(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\ndisable = ["spacing"]\n')
    (tmp_path / "a.txt").write_text("a  b\n")
    assert runner.invoke(cli, ["check", "a.txt"]).exit_code == 0
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner]\nbogus = 1\n")
    result = runner.invoke(cli, ["check", "a.txt"])
    assert result.exit_code == 2
    assert "unknown key 'bogus'" in result.stderr


def test_main_returns_exit_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("a  b\n")
    assert main(["check", "a.txt"]) == 1
    assert main(["fix", "a.txt"]) == 0
    assert main(["check", "a.txt"]) == 0
    assert main(["check", "missing.txt"]) == 2
    assert main(["--bogus"]) == 2


def _large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes) -> Path:
    """A file that counts as too large to hold whole (the streaming threshold lowered)."""
    monkeypatch.setattr(process, "STREAM_MIN_BYTES", 100)
    path = tmp_path / name
    path.write_bytes(data)
    assert len(data) >= 100
    return path


def test_large_files_are_checked_and_fixed_as_a_pipe_is(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = b"\xef\xbb\xbf" + b"".join(
        f"Paragraph {i} has a stray space ,before a comma.\r\n\r\n".encode() for i in range(40)
    )
    piped_check = runner.invoke(cli, ["check", "--format", "json", "-"], input=data)
    piped_fix = runner.invoke(cli, ["fix", "-"], input=data)
    path = _large(tmp_path, monkeypatch, "big.txt", data)
    path.chmod(0o640)
    spy: list[Path] = []
    real = process.read_document
    monkeypatch.setattr(process, "read_document", lambda p: spy.append(p) or real(p))
    checked = runner.invoke(cli, ["check", "--format", "json", str(path)])
    assert checked.exit_code == 1
    records = [json.loads(line) for line in checked.output.splitlines()]
    expected = [json.loads(line) for line in piped_check.output.splitlines()]
    assert len(records) == 40
    assert [{**r, "path": "-"} for r in records] == [{**r, "path": "-"} for r in expected]
    fixed = runner.invoke(cli, ["fix", str(path)])
    assert fixed.exit_code == 0 and "Fixing" in fixed.output
    assert path.read_bytes() == piped_fix.stdout_bytes
    assert path.read_bytes().startswith(b"\xef\xbb\xbfParagraph 0 has a stray space, before")
    assert path.stat().st_mode & 0o777 == 0o640
    assert spy == []  # never read whole
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]  # no temporary file left
    again = runner.invoke(cli, ["fix", str(path)])
    assert again.exit_code == 0 and again.output == ""
    assert path.read_bytes() == piped_fix.stdout_bytes


def test_a_large_binary_file_is_skipped_and_left_alone(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = b"\0binary" * 40
    path = _large(tmp_path, monkeypatch, "blob.txt", data)
    for command in ("check", "fix"):
        result = runner.invoke(cli, [command, str(path)])
        assert result.exit_code == 0
        assert "binary file, skipped" in result.output
    assert path.read_bytes() == data
