"""The CLI with names: the seed's repairs, and user gazetteers given with --gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import cli

ROOT = Path(__file__).parents[1]
EXPECTED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.expected.txt"
TEXT = "The ferry from Qarnavl was late again.\n"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # no project config from the repository leaks in
    return CliRunner()


def test_fix_with_a_user_gazetteer_repairs_a_name_only_it_knows(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "places.txt").write_text("# our harbours\nQarnaval\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["fix", "--gazetteer", "places.txt", "-"], input=TEXT, catch_exceptions=False
    )
    assert (result.exit_code, result.stdout) == (0, "The ferry from Qarnaval was late again.\n")
    # Without the file nothing knows the name, and nothing changes.
    plain = runner.invoke(cli, ["fix", "-"], input=TEXT, catch_exceptions=False)
    assert plain.stdout == TEXT


def test_check_names_the_users_gazetteer(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "places.txt").write_text("Qarnaval\tport\tGB\t5000\n", encoding="utf-8")
    (tmp_path / "page.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(
        cli, ["check", "--gazetteer", "places.txt", "page.txt"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.stdout == (
        'page.txt:1:16: names.gazetteer: "Qarnavl" -> "Qarnaval" '
        "(gazetteer: Qarnaval (port); listed in places.txt)\n"
    )


def test_gazetteers_from_the_config_file_are_read_from_its_folder(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "places.txt").write_text("Qarnaval\n", encoding="utf-8")
    (tmp_path / "cleaner.toml").write_text('gazetteers = ["names/places.txt"]\n')
    result = runner.invoke(cli, ["fix", "docs/page.txt"], catch_exceptions=False)
    assert result.exit_code == 0
    assert (tmp_path / "docs" / "page.txt").read_text() == TEXT.replace("Qarnavl", "Qarnaval")


def test_missing_gazetteer_is_exit_2_in_one_line(runner: CliRunner) -> None:
    for command in ("fix", "check", "diff"):
        result = runner.invoke(
            cli, [command, "--gazetteer", "nope.txt", "-"], input=TEXT, catch_exceptions=False
        )
        assert result.exit_code == 2, command
        assert result.stderr == "cleaner: nope.txt: cannot read gazetteer: no such file\n"


def test_malformed_gazetteer_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "places.txt").write_text("Qarnaval\tport\tGB\tmany\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["check", "--gazetteer", "places.txt", "-"], input=TEXT, catch_exceptions=False
    )
    assert result.exit_code == 2
    assert result.stderr == "cleaner: places.txt:1: weight 'many' is not a positive integer\n"


def test_check_on_the_seeds_expected_output_finds_nothing(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", str(EXPECTED)], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")
