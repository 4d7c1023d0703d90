"""The installed tool, as a user meets it: the console script in a subprocess,
and the wheel carrying the shipped dictionaries."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SEED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.txt"


def _cleaner() -> str:
    beside = Path(sys.executable).parent / "cleaner"
    found = str(beside) if beside.exists() else shutil.which("cleaner")
    assert found, "the cleaner console script is not installed"
    return found


def test_console_script_pipes_the_seed(tmp_path: Path) -> None:
    result = subprocess.run(
        [_cleaner(), "fix", "-"], input=SEED.read_bytes(), capture_output=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == SEED.read_bytes()[1:]


def test_console_script_reads_a_pipe_without_dash(tmp_path: Path) -> None:
    result = subprocess.run(
        [_cleaner(), "check"], input=b"a  b\n", capture_output=True, cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stdout.startswith(b"stdin:1:2: spacing.double-space")


def test_missing_path_message_has_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run([_cleaner(), "check", "nope.txt"], capture_output=True, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == b"cleaner: nope.txt: no such file or directory\n"


def test_pipe_streams_in_flat_memory(tmp_path: Path) -> None:
    # 40 MB through the pipe must not need memory in proportion to it.
    paragraph = (SEED.read_bytes()[1:] + b"\n\n") * 100
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        for _ in range(100):
            handle.write(paragraph)
    size = big.stat().st_size
    with big.open("rb") as source, (tmp_path / "out.txt").open("wb") as sink:
        subprocess.run([_cleaner(), "fix", "-"], stdin=source, stdout=sink, check=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert (tmp_path / "out.txt").read_bytes() == big.read_bytes()
    assert size > 35_000_000
    assert peak < size, f"peak RSS {peak / 1e6:.0f} MB for {size / 1e6:.0f} MB of input"


def test_installed_package_carries_its_dictionaries(tmp_path: Path) -> None:
    code = (
        "import importlib.resources as r, cleaner;"
        "names = sorted(p.name for p in r.files('cleaner.dictionaries').iterdir());"
        "print(cleaner.__file__); print(names)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "gazetteer.tsv" in result.stdout and "confusions.tsv" in result.stdout


@pytest.mark.slow
def test_wheel_contains_dictionaries_and_no_build_tools(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    (wheel,) = tmp_path.glob("cleaner-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"cleaner/dictionaries/gazetteer.tsv", "cleaner/dictionaries/confusions.tsv",
            "cleaner/dictionaries/README.md", "cleaner/py.typed", "cleaner/cli.py"} <= names  # fmt: skip
    assert not any(n.startswith("cleaner/dictionaries/tools/") for n in names)
