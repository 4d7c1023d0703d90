"""Speed and memory: cleaner against codespell and typos, run side by side.

Measures, in one run, interleaved (cleaner, codespell, typos, cleaner, ...):

1. a pre-commit-sized file: `check` on about 1 KB of prose (the seed article's
   first paragraphs), as it is and with two typing slips in it ("teh",
   "mediaton"): what a hook is there to catch, and what makes the corrector
   look words up; and five such files in one run, as pre-commit passes a
   commit's changed files (each a different slip);
2. a folder: `check` on a tree of real documentation (Debian's python3.11-doc
   reST sources and git-doc text pages, copied into bench/.cache/speed/docs);
3. a pipe: `cleaner fix -` on generated prose of --pipe-mb megabytes, for
   throughput and peak memory (flat memory is the claim).

Times are wall-clock medians over --repeats runs; memory is the peak of the
summed RSS of the whole process tree (workers included), sampled every 10 ms.
Each tool runs once untimed first, with PYTHONDONTWRITEBYTECODE removed from
its environment: Python writes its bytecode and cleaner its index caches, as
they are on any machine after the first run. cleaner's timed runs of the
targets use CLEANER_NO_CACHE=1, so every file is checked afresh; the
"again" row is the same folder checked again with the remembered results
(cleaner.results) that a previous run left: what re-checking an unchanged
folder costs.
Run from the repository root:

    apt-get install -y python3.11-doc git-doc      # the documentation tree
    pip install -e . -r bench/requirements.txt      # cleaner, codespell, typos, psutil
    python bench/speed.py [--repeats 5] [--pipe-mb 200] [--json out.json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache" / "speed"
SEED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.expected.txt"
SOURCES = (
    (Path("/usr/share/doc/python3.11/html/_sources"), "*.txt", "python3.11-doc"),
    (Path("/usr/share/doc/git"), "*.txt", "git-doc"),
)


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    peak_rss: list[int] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.seconds)

    def peak_mib(self) -> float:
        return max(self.peak_rss) / 2**20


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is not installed: pip install -r bench/requirements.txt")
    return found


def build_tree() -> tuple[Path, int, int]:
    """Copy the documentation sources into the cache; return (folder, files, bytes)."""
    tree = CACHE / "docs"
    if not tree.exists():
        staging = CACHE / "docs.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        for source, pattern, package in SOURCES:
            if not source.is_dir():
                raise SystemExit(f"{source} is missing: apt-get install -y {package}")
            for path in sorted(source.rglob(pattern)):
                target = staging / package / path.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        staging.rename(tree)
    files = [p for p in tree.rglob("*") if p.is_file()]
    return tree, len(files), sum(p.stat().st_size for p in files)


def small_file() -> Path:
    """About 1 KB of prose, cut at a line end."""
    path = CACHE / "small.txt"
    if not path.exists():
        text = SEED.read_text(encoding="utf-8")
        cut = text.index("\n", 1000) + 1
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(text[:cut], encoding="utf-8")
    return path


def small_file_with_typos() -> Path:
    """The small file with two typing slips."""
    path = CACHE / "small-typos.txt"
    if not path.exists():
        text = small_file().read_text(encoding="utf-8")
        slipped = text.replace(" the southern", " teh southern", 1).replace(
            "mediation", "mediaton", 1
        )
        assert slipped.count("teh") == 1 and "mediaton" in slipped
        path.write_text(slipped, encoding="utf-8")
    return path


def five_small_files() -> list[Path]:
    """Five copies of the small file, each with another slip, in one folder."""
    folder = CACHE / "five"
    slips = [
        ("teh", "the"),
        ("recieved", "received"),
        ("goverment", "government"),
        ("wich", "which"),
        ("beleive", "believe"),
    ]
    paths = [folder / f"note{i}.txt" for i in range(1, len(slips) + 1)]
    if not all(p.exists() for p in paths):
        folder.mkdir(parents=True, exist_ok=True)
        text = small_file().read_text(encoding="utf-8")
        for path, (slip, word) in zip(paths, slips, strict=True):
            path.write_text(f"{text}The {slip} is here, not the {word}.\n", encoding="utf-8")
    return paths


def _peak_tree_rss(process: psutil.Process, stop: threading.Event, out: list[int]) -> None:
    peak = 0
    while not stop.is_set():
        try:
            members = [process, *process.children(recursive=True)]
            total = 0
            for member in members:
                with contextlib.suppress(psutil.Error):  # a worker may have just exited
                    total += member.memory_info().rss
            peak = max(peak, total)
        except psutil.Error:
            break
        stop.wait(0.01)
    out.append(peak)


def environment(**extra: str) -> dict[str, str]:
    """The tools' environment: bytecode written as usual, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("CLEANER_NO_CACHE", None)
    # cleaner's caches (indexes, remembered results) in a folder of the benchmark's own.
    env["CLEANER_CACHE_DIR"] = str(CACHE / "cleaner-cache")
    return env | extra


def run(
    command: list[str],
    stdin_bytes: Iterator[bytes] | None = None,
    env: dict[str, str] | None = None,
) -> tuple[float, int]:
    """Wall seconds and peak tree RSS of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env if env is not None else environment(),
    )
    stop = threading.Event()
    peaks: list[int] = []
    watcher = threading.Thread(
        target=_peak_tree_rss, args=(psutil.Process(process.pid), stop, peaks)
    )
    watcher.start()
    if stdin_bytes is not None:
        assert process.stdin is not None
        for block in stdin_bytes:
            process.stdin.write(block)
        process.stdin.close()
    process.wait()
    elapsed = time.perf_counter() - start
    stop.set()
    watcher.join()
    return elapsed, peaks[0] if peaks else 0


def prose_stream(megabytes: int) -> Iterator[bytes]:
    paragraph = (SEED.read_text(encoding="utf-8") + "\n\n").encode()
    block = paragraph * max(1, (1 << 20) // len(paragraph))
    sent = 0
    while sent < megabytes << 20:
        yield block
        sent += len(block)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--pipe-mb", type=int, default=200, help="size of the piped input (0 to skip)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    tree, files, size = build_tree()
    small = small_file()
    typos = small_file_with_typos()
    five = five_small_files()
    systems = {
        "cleaner": [tool("cleaner"), "check"],
        "codespell": [tool("codespell")],
        "typos": [tool("typos")],
    }
    results: dict[str, dict[str, Sample]] = {
        name: {"small": Sample(), "typos": Sample(), "five": Sample(), "tree": Sample()}
        for name in systems
    }
    fresh = environment(CLEANER_NO_CACHE="1")
    for command in systems.values():  # untimed: bytecode and caches written
        run([*command, str(small)])
    run([*systems["cleaner"], str(tree)])  # leaves the remembered results for "again"
    again = Sample()
    for _ in range(args.repeats):
        runs = (("small", [small]), ("typos", [typos]), ("five", five), ("tree", [tree]))
        for target, paths in runs:
            for name, command in systems.items():
                seconds, peak = run([*command, *map(str, paths)], env=fresh)
                results[name][target].seconds.append(seconds)
                results[name][target].peak_rss.append(peak)
        seconds, peak = run([*systems["cleaner"], str(tree)])
        again.seconds.append(seconds)
        again.peak_rss.append(peak)

    report: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "tree": {"files": files, "bytes": size},
        "small_bytes": small.stat().st_size,
        "cleaner_tree_again": {"median_s": again.median(), "peak_mib": again.peak_mib()},
        "repeats": args.repeats,
        "systems": {
            name: {
                target: {"median_s": sample.median(), "peak_mib": sample.peak_mib()}
                for target, sample in targets.items()
            }
            for name, targets in results.items()
        },
    }
    print(f"{report['machine']}; {args.repeats} interleaved repeats; medians")
    print(f"small file: {small.stat().st_size} bytes; tree: {files} files, {size / 1e6:.1f} MB\n")
    print(
        f"{'system':<10} {'1 KB file':>10} {'with slips':>11} {'5 files':>8} {'tree':>9}"
        f" {'tree MB/s':>10} {'tree peak RSS':>14}"
    )
    for name, samples in results.items():
        tree_s = samples["tree"].median()
        print(
            f"{name:<10} {samples['small'].median():>9.3f}s {samples['typos'].median():>10.3f}s"
            f" {samples['five'].median():>7.3f}s {tree_s:>8.2f}s {size / 1e6 / tree_s:>10.1f}"
            f" {samples['tree'].peak_mib():>10.0f} MiB"
        )
    print(
        f"{'  again':<10} {'':>10} {'':>11} {'':>8} {again.median():>8.2f}s"
        f" {size / 1e6 / again.median():>10.1f} {again.peak_mib():>10.0f} MiB"
        "   (cleaner, the tree unchanged since its last check)"
    )
    for target in ("small", "typos", "five", "tree"):
        ours = results["cleaner"][target].median()
        ratios = ", ".join(
            f"{ours / results[peer][target].median():.2f}x {peer}"
            for peer in ("codespell", "typos")
        )
        print(f"cleaner / peers on the {target} target: {ratios} (below 1 = faster)")

    if args.pipe_mb:
        seconds, peak = run([tool("cleaner"), "fix", "-"], prose_stream(args.pipe_mb))
        report["pipe"] = {"megabytes": args.pipe_mb, "seconds": seconds, "peak_mib": peak / 2**20}
        print(
            f"\npipe: cleaner fix - on {args.pipe_mb} MB: {seconds:.1f}s "
            f"({args.pipe_mb / seconds:.1f} MB/s), peak RSS {peak / 2**20:.0f} MiB"
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
