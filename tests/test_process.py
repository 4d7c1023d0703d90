from __future__ import annotations

import concurrent.futures
import dataclasses
import functools
import io
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from cleaner import process, stream
from cleaner.config import Config
from cleaner.edits import Edit, apply_edits
from cleaner.pipeline import propose
from cleaner.process import PARALLEL_MIN_BYTES, Checked, Problem, check_paths


def _folder(root: Path) -> None:
    root.mkdir()
    body = "A line with  a doubled space and a comma ,here.\n\n" * 400  # ~20 KB
    for i in range(40):
        (root / f"page{i:02}.txt").write_text(body if i % 3 else " lead\n" + body)
    (root / "zz.txt").write_bytes(b"\0binary")


def _summary(items: list[Checked | Problem]) -> list[tuple[str, object]]:
    return [
        (i.display, [(e.start, e.rule) for e in i.edits] if isinstance(i, Checked) else i.message)
        for i in items
    ]


def test_workers_give_the_serial_results_in_order(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _folder(docs)
    assert sum(p.stat().st_size for p in docs.iterdir()) > PARALLEL_MIN_BYTES
    serial = list(check_paths([str(docs)], dataclasses.replace(Config(), jobs=1)))
    parallel = list(check_paths([str(docs)], dataclasses.replace(Config(), jobs=2)))
    assert _summary(parallel) == _summary(serial)
    assert [i.display.rsplit("/", 1)[-1] for i in parallel][:2] == ["page00.txt", "page01.txt"]
    assert isinstance(parallel[-1], Problem) and parallel[-1].skipped


def test_a_batch_sent_to_a_worker_is_cut_by_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small files go sixteen to a batch, large ones a few (so that the last
    # batch a worker takes is short), a file larger than a batch alone; the
    # results come back in order whatever the batches.
    docs = tmp_path / "docs"
    docs.mkdir()
    sizes = [1_000] * 256 + [20_000] * 10 + [300_000] + [1_000] * 3
    for i, size in enumerate(sizes):
        (docs / f"{i:03}.txt").write_bytes(b"x" * size)
    sent: list[list[str]] = []

    class Inline:
        """The pool, run in this process: what it is sent is recorded, not checked."""

        def __init__(self, max_workers: int) -> None:
            pass

        def submit(self, fn: Any, paths: list[Path], config: Config) -> Future[list[Problem]]:
            sent.append([p.name for p in paths])
            future: Future[list[Problem]] = Future()
            future.set_result([Problem(p.name, "recorded") for p in paths])
            return future

        def shutdown(self, cancel_futures: bool) -> None:
            pass

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Inline)
    config = dataclasses.replace(Config(), jobs=2, cache=False)
    found = list(check_paths([str(docs)], config))
    assert sum(sizes) >= process.PARALLEL_MIN_BYTES
    assert [r.display for r in found] == [f"{i:03}.txt" for i in range(len(sizes))]
    assert [len(batch) for batch in sent] == [16] * 16 + [3, 3, 3, 1, 1, 3]
    assert sum(sizes[:16]) <= process.BATCH_BYTES < 4 * 20_000


def test_progress_is_called_once_per_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"{i}.txt").write_text("fine\n")
    calls: list[tuple[int, int]] = []
    list(check_paths([str(docs)], Config(), progress=lambda d, t: calls.append((d, t))))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_progress_line_waits_a_second_and_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cleaner.commands import _output

    clock = iter([0.0, 0.5, 1.5, 1.55, 2.0])
    monkeypatch.setattr(_output.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(_output.sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    line = _output.ProgressLine()  # started at 0.0
    line(1, 4)  # 0.5 s: too early
    line(2, 4)  # 1.5 s: shown
    line(3, 4)  # 1.55 s: too soon after the last one
    line(4, 4)  # 2.0 s: shown (and always the last)
    line.clear()
    err = capsys.readouterr().err
    assert err.count("files/s") == 2
    assert "2/4 files" in err and "4/4 files" in err and "1/4" not in err
    assert err.endswith("\r\x1b[K")


def test_progress_line_is_silent_under_pre_commit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cleaner.commands import _output

    monkeypatch.setattr(_output.sys.stderr, "isatty", lambda: True)
    monkeypatch.setenv("PRE_COMMIT", "1")
    line = _output.ProgressLine()
    assert not line.enabled


def test_remembered_files_are_answered_without_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLEANER_NO_CACHE", raising=False)
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    docs = tmp_path / "docs"
    _folder(docs)
    assert sum(p.stat().st_size for p in docs.iterdir()) > PARALLEL_MIN_BYTES  # workers' size
    config = dataclasses.replace(Config(), jobs=2)
    first = list(check_paths([str(docs)], config))

    import concurrent.futures

    class NoPool:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("an unchanged folder needs no worker")

    with monkeypatch.context() as patched:
        patched.setattr(concurrent.futures, "ProcessPoolExecutor", NoPool)
        again = list(check_paths([str(docs)], config))
    assert _summary(again) == _summary(first)

    # One file changed: it alone is checked afresh, by a worker, and the order holds.
    (docs / "page05.txt").write_text("Just  one line.\n")
    pools: list[object] = []

    class CountedPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(self)
            super().__init__(*args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(concurrent.futures, "ProcessPoolExecutor", CountedPool)
        mixed = list(check_paths([str(docs)], config))
    assert len(pools) == 1
    serial = list(check_paths([str(docs)], dataclasses.replace(config, jobs=1, cache=False)))
    assert _summary(mixed) == _summary(serial)
    changed = mixed[5]
    assert isinstance(changed, Checked)
    assert [(e.start, e.rule) for e in changed.edits] == [(4, "spacing.double-space")]


@pytest.mark.parametrize(
    ("codec", "bom"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")]
)
def test_a_large_file_gets_the_edits_of_the_pipe_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str, bom: bytes
) -> None:
    cut = functools.partial(stream.split_text, chunk_size=200, hard_limit=4000)
    monkeypatch.setattr(process, "split_text", cut)
    seen: list[str] = []

    def spy(part: str, *args: Any, **kwargs: Any) -> list[Edit]:
        seen.append(part)
        return propose(part, *args, **kwargs)

    monkeypatch.setattr(process, "propose", spy)
    text = "".join(f"Café {i} has a stray space ,before a comma.\n\n" for i in range(30))
    path = tmp_path / "big.txt"
    path.write_bytes(bom + text.encode(codec))
    config = dataclasses.replace(Config(), cache=False)
    (checked,) = check_paths([str(path)], config)
    assert isinstance(checked, Checked)
    piped: list[tuple[int, int, str, str]] = []
    offset = 0
    data = io.BytesIO(bom + text.encode(codec))
    for chunk in stream.chunks(data, chunk_size=200, hard_limit=4000):
        assert chunk.text is not None
        found = propose(chunk.text, config)
        piped += [(e.start + offset, e.end + offset, e.before, e.after) for e in found]
        offset += len(chunk.text)
    assert offset == len(text) and len(list(cut(text, codec))) > 5
    assert seen == list(cut(text, codec))  # never the whole text at once
    assert [(e.start, e.end, e.before, e.after) for e in checked.edits] == piped
    # Every paragraph's edit, at offsets into the whole file.
    assert apply_edits(text, checked.safe_edits) == "".join(
        f"Café {i} has a stray space, before a comma.\n\n" for i in range(30)
    )


def test_large_files_come_back_unread_in_their_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    _folder(docs)
    big = docs / "page05.txt"
    big.write_text(big.read_text() * 2)
    monkeypatch.setattr(process, "STREAM_MIN_BYTES", big.stat().st_size)
    for jobs in (1, 2):
        config = dataclasses.replace(Config(), jobs=jobs)
        items = list(check_paths([str(docs)], config, stream_large=True))
        assert [i.display.rsplit("/", 1)[-1] for i in items][4:7] == [
            "page04.txt",
            "page05.txt",
            "page06.txt",
        ]
        kinds = [type(i).__name__ for i in items]
        assert kinds.count("Streamed") == 1 and isinstance(items[5], process.Streamed)
        # Without stream_large every file is read and checked.
        plain = list(check_paths([str(docs)], config))
        assert not any(isinstance(i, process.Streamed) for i in plain)


@pytest.mark.parametrize(
    ("name", "block"),
    [
        ("big.rst", "Run it::\n\n    x  =  teh ,1\n\n    y  =  2\n"),
        ("big.tex", "\\begin{verbatim}\nx  =  teh ,1\n\ny  =  2\n\\end{verbatim}\n"),
        ("big.html", "<pre>\nx  =  teh ,1\n\ny  =  2\n</pre>\n"),
    ],
)
def test_a_large_file_is_not_cut_inside_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, block: str
) -> None:
    cut = functools.partial(stream.split_text, chunk_size=200, hard_limit=4000)
    monkeypatch.setattr(process, "split_text", cut)
    prose = "A  stray space ,here.\n\n"
    # The block opens at character 184; the first blank line past 200 is inside it.
    text = prose * 8 + block + "\n" + prose * 8
    path = tmp_path / name
    path.write_text(text)
    (checked,) = check_paths([str(path)], dataclasses.replace(Config(), cache=False))
    assert isinstance(checked, Checked)
    assert len(list(cut(text, "utf-8"))) > 1
    start = text.index(block)
    inside = [e for e in checked.edits if start <= e.start < start + len(block)]
    assert inside == []
    # The prose around it is repaired.
    assert len(checked.safe_edits) == 2 * 16


def test_a_large_file_has_its_parts_proposed_by_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parts of a few hundred characters stand for the megabyte parts of a book.
    cut = functools.partial(stream.split_text, chunk_size=300, hard_limit=4000)
    monkeypatch.setattr(process, "split_text", cut)
    monkeypatch.setattr(process, "PART_PARALLEL_CHARS", 1000)
    text = "".join(
        f"Page {i}: the neighbour said ,here it is.\nA broken neigh-\nbour came.\n\n"
        for i in range(40)
    )
    path = tmp_path / "book.txt"
    path.write_text(text)
    assert len(list(cut(text, "utf-8"))) > 4
    pools: list[object] = []

    class CountedPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    config = dataclasses.replace(Config(), cache=False)
    with monkeypatch.context() as patched:
        patched.setattr(concurrent.futures, "ProcessPoolExecutor", CountedPool)
        (shared,) = check_paths([str(path)], dataclasses.replace(config, jobs=2))
    (alone,) = check_paths([str(path)], dataclasses.replace(config, jobs=1))
    assert pools == [2]  # one pool of two workers for the one file's parts
    assert isinstance(shared, Checked) and isinstance(alone, Checked)
    assert shared.edits == alone.edits
    assert apply_edits(text, shared.safe_edits) == "".join(
        f"Page {i}: the neighbour said, here it is.\nA broken neighbour\ncame.\n\n"
        for i in range(40)
    )
