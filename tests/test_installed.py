"""The installed tool, as a user meets it: the console script in a subprocess,
and the wheel carrying the shipped dictionaries."""

from __future__ import annotations

import os
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
    # The three repairs the seed needs (see fixtures/seed), byte for byte.
    assert result.stdout == SEED.with_name("000_96fd921571c764bf.expected.txt").read_bytes()


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


def test_run_flushes_what_main_left_buffered_and_keeps_its_code(tmp_path: Path) -> None:
    # The console script leaves by os._exit, which flushes nothing itself.
    script = (
        "import sys; from cleaner import cli;"
        "cli.main = lambda: (sys.stdout.write('left in the buffer'), 3)[1];"
        "cli.run()"
    )
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=tmp_path, env=buffered
    )
    assert (result.returncode, result.stdout, result.stderr) == (3, b"left in the buffer", b"")


def test_a_reader_that_leaves_early_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "many.txt").write_text("a b  c\n" * 5000)
    with subprocess.Popen(
        [_cleaner(), "check", "many.txt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # `cleaner check many.txt | head -1`
        errors = process.stderr.read()
        code = process.wait()
    assert first.startswith(b"many.txt:1:4: spacing.double-space")
    assert (code, errors) == (0, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_exit_2_not_edits_found(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a  b\n")
    with Path("/dev/full").open("wb") as full:  # every write fails: "No space left on device"
        result = subprocess.run(
            [_cleaner(), "check", "a.txt"], stdout=full, stderr=subprocess.PIPE, cwd=tmp_path
        )
    assert result.returncode == 2
    assert result.stderr == b"cleaner: cannot write the output: No space left on device\n"


def _peak_rss_piping(path: Path, out: Path) -> int:
    """Peak RSS in bytes of `cleaner fix -` reading ``path``."""
    # A parent of its own, so the peak is cleaner's alone (RUSAGE_CHILDREN is
    # the largest child a process ever waited for, mypy included).
    measure = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdin=sys.stdin, stdout=sys.stdout);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
    )
    with path.open("rb") as source, out.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-c", measure, _cleaner(), "fix", "-"],
            stdin=source, stdout=sink, stderr=subprocess.PIPE, check=True,
        )  # fmt: skip
    return int(done.stderr.split()[-1]) * 1024


def test_pipe_streams_in_flat_memory(tmp_path: Path) -> None:
    # Five times the input must not need more memory: the pipe holds a chunk
    # (about 1 MB), not the input. Holding it all would add ~3 bytes per byte.
    paragraph = (SEED.read_bytes()[1:] + b"\n\n") * 100
    peaks = []
    for copies in (15, 75):
        big = tmp_path / f"big{copies}.txt"
        big.write_bytes(paragraph * copies)
        out = tmp_path / "out.txt"
        peaks.append(_peak_rss_piping(big, out))
        assert out.read_bytes() == big.read_bytes()
    growth = peaks[1] - peaks[0]
    assert growth < 8_000_000, f"peak RSS grew {growth / 1e6:.1f} MB for 23 MB more input"


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
