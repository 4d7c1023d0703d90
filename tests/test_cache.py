"""The on-disk cache: entries are trusted only when whole, current and intact."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

from cleaner import cache


def test_round_trip(tmp_path: Path) -> None:
    assert cache.write(tmp_path / "entry", "key-1", b"payload")
    assert cache.read(tmp_path / "entry", "key-1") == b"payload"


def test_missing_entry(tmp_path: Path) -> None:
    assert cache.read(tmp_path / "nothing", "key") is None


def test_stale_key_is_not_trusted(tmp_path: Path) -> None:
    cache.write(tmp_path / "entry", "lexicon-a", b"payload")
    assert cache.read(tmp_path / "entry", "lexicon-b") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-3],  # truncated by a crash mid-write
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # a flipped bit
        lambda data: b"not a cache file",
        lambda data: b"",
    ],
    ids=["truncated", "flipped-bit", "foreign", "empty"],
)
def test_damaged_entry_is_not_trusted(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "entry"
    cache.write(path, "key", b"payload " * 100)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert cache.read(path, "key") is None


def test_unwritable_folder_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not cache.write(blocker / "entry", "key", b"payload")


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    cache.write(tmp_path / "entry", "key", b"payload")
    assert [p.name for p in tmp_path.iterdir()] == ["entry"]


def test_entries_for_other_keys_live_side_by_side(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    for key in ("install-a", "install-b"):
        assert cache.write(cache.entry("index", key), key, key.encode())
    assert cache.read(cache.entry("index", "install-a"), "install-a") == b"install-a"
    assert cache.read(cache.entry("index", "install-b"), "install-b") == b"install-b"


def test_prune_keeps_the_newest_and_the_recent_entries_of_one_kind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    paths = _installs(6, apart=6 * 24 * 3600)  # paths[0] written today, paths[1] 6 days ago, ...
    cache.write(cache.entry("other", "k"), "k", b"y")
    cache.prune("index", keep=1)
    # The newest, and the one written this week (an install still in use), stay.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [paths[0].name, paths[1].name, cache.entry("other", "k").name]
    )


def test_prune_bounds_the_entries_of_one_kind_however_recent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Twenty installs in one day (a CI runner, say): only the newest stay.
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    paths = _installs(20, apart=60)  # paths[0] the newest, a minute apart
    cache.prune("index", keep=2, most=5)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths[:5])


def _installs(count: int, apart: float) -> list[Path]:
    """Entries of kind "index" for ``count`` installs, each ``apart`` seconds older."""
    paths = [cache.entry("index", f"version-{n}") for n in range(count)]
    now = time.time()
    for age, path in enumerate(paths):
        cache.write(path, path.name, b"x")
        os.utime(path, (now, now - age * apart))
    return paths


def test_cache_dir_can_be_chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    assert cache.cache_dir() == tmp_path


def _writer(args: tuple[str, int]) -> None:
    path, n = args
    for _ in range(20):
        cache.write(Path(path), "key", bytes([n]) * 200_000)


def test_concurrent_writers_leave_one_whole_entry(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_writer, [(str(path), 1), (str(path), 2)])
    payload = cache.read(path, "key")
    assert payload in (bytes([1]) * 200_000, bytes([2]) * 200_000)


def test_marshalled_builds_once_and_rebuilds_a_corrupt_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"a": 1}

    assert cache.marshalled("kind", "key 1", build) == {"a": 1}
    assert cache.marshalled("kind", "key 1", build) == {"a": 1}
    assert len(builds) == 1
    (stored,) = tmp_path.glob("kind-*.bin")
    stored.write_bytes(stored.read_bytes()[:-3])  # cut short
    assert cache.marshalled("kind", "key 1", build) == {"a": 1}
    assert cache.marshalled("kind", "key 2", build) == {"a": 1}  # another version
    assert len(builds) == 3
