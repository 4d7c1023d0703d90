"""The benchmark sets: where their documents come from and how they are read.

* ``bln600``: BLN600 (19th-century British Library newspapers), the ``test``
  split of Thomas et al. (2024), 120 documents, one aligned sentence a line.
* ``icdar``: ICDAR 2017 post-OCR correction, English, the ``eval`` split
  (282 chunks of monographs and periodicals, 1700s-1900s).
* ``modern``: modern prose rendered, degraded and read by tesseract here
  (``build_modern_ocr.py``), cached under ``bench/.cache/modern-ocr``.
* ``clean``: correct modern prose (``build_clean.py``), cached under
  ``bench/.cache/clean``: every change a corrector makes there is a false positive.

The shared OCR data is read in place and never copied into the project.  The
train splits of BLN600 and ICDAR 2017 are for tuning and never scored here.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "ocr"
SEED_ARTICLE = REPO_ROOT.parent / "shared" / "seed" / "000_96fd921571c764bf.expected.txt"
CACHE = REPO_ROOT / "bench" / ".cache"

SET_NAMES = ("bln600", "icdar", "modern", "clean")


@dataclass(frozen=True)
class Document:
    """One document: what the corrector is given and what the page says."""

    id: str
    ocr: str
    gold: str

    @property
    def words(self) -> int:
        return len(self.ocr.split())


@dataclass(frozen=True)
class BenchSet:
    """A scored set of documents and how to score it."""

    name: str
    title: str
    kind: Literal["ocr", "clean"]
    docs: tuple[Document, ...]
    # Whether the gold keeps the page's line-break hyphens ("Ruff- ham"), so
    # both sides are joined before scoring (see scoring.join_hyphenation).
    join_hyphens: bool = False
    note: str = ""

    @property
    def words(self) -> int:
        return sum(d.words for d in self.docs)

    def limited(self, limit: int | None) -> BenchSet:
        if limit is None or limit >= len(self.docs):
            return self
        return BenchSet(
            self.name, self.title, self.kind, self.docs[:limit], self.join_hyphens, self.note
        )


class SetUnavailable(Exception):
    """A set cannot be loaded or built on this machine; the message says why."""


def _read_index(folder: Path) -> list[dict[str, str]]:
    index = folder / "index.tsv"
    if not index.is_file():
        raise SetUnavailable(f"{index} not found (pass --data to point at the OCR data)")
    with index.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _read_pairs(folder: Path, ids: list[str]) -> tuple[Document, ...]:
    return tuple(
        Document(
            id=i,
            ocr=(folder / f"{i}.ocr.txt").read_text(encoding="utf-8"),
            gold=(folder / f"{i}.gold.txt").read_text(encoding="utf-8"),
        )
        for i in ids
    )


def load_bln600(data: Path = DEFAULT_DATA) -> BenchSet:
    folder = data / "bln600"
    ids = [r["id"] for r in _read_index(folder) if r["split_thomas2024"] == "test"]
    return BenchSet(
        "bln600",
        "BLN600, test split (Thomas et al. 2024)",
        "ocr",
        _read_pairs(folder, ids),
        # The gold joins broken words ("staircase") where the OCR has
        # "stair- ease": that is an error for the corrector to fix, not a
        # convention to normalise away.
        join_hyphens=False,
        note="gold has typographic quotes and dashes; see the ascii view",
    )


def load_icdar(data: Path = DEFAULT_DATA) -> BenchSet:
    folder = data / "icdar2017-en"
    ids = [r["id"] for r in _read_index(folder) if r["split"] == "eval"]
    docs = _read_pairs(folder, ids)
    # '@' (gap) and '#' (no ground truth) were removed when the pairs were
    # extracted; a '#' left in the OCR is a real character.
    for doc in docs:
        if "@" in doc.gold or "#" in doc.gold:
            raise SetUnavailable(f"icdar {doc.id}: alignment marker in the gold; re-extract")
    return BenchSet(
        "icdar",
        "ICDAR 2017 English, eval split",
        "ocr",
        docs,
        # The gold keeps line-break hyphens as "Ruff- ham" and "iudg-\nment".
        join_hyphens=True,
        note="gold keeps long s, ligatures and historical spelling; glyphs folded",
    )


def read_cache_manifest(folder: Path) -> dict[str, object] | None:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return None
    data = json.loads(manifest.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


def is_current(folder: Path, version: int) -> bool:
    """Whether ``folder`` holds a whole build by builder ``version``
    (the manifest is written last)."""
    manifest = read_cache_manifest(folder)
    return manifest is not None and manifest.get("builder_version") == version


def ensure_built(folder: Path, version: int, build: Callable[[Path], object]) -> Path:
    """``folder``, built first when missing or built by another builder version."""
    if not is_current(folder, version):
        build(folder)
    return folder


def load_modern(cache: Path = CACHE) -> BenchSet:
    try:
        from bench import build_modern_ocr
    except ImportError as exc:
        raise SetUnavailable(f"{exc}: pip install -r bench/requirements.txt") from exc

    folder = ensure_built(
        cache / "modern-ocr", build_modern_ocr.BUILDER_VERSION, build_modern_ocr.build
    )
    ids = [r["id"] for r in _read_index(folder)]
    return BenchSet(
        "modern",
        "Modern OCR (rendered, degraded, tesseract)",
        "ocr",
        _read_pairs(folder, ids),
        note="dev set: scored, but tune on other prose",
    )


def load_clean(cache: Path = CACHE) -> BenchSet:
    from bench import build_clean

    folder = ensure_built(cache / "clean", build_clean.BUILDER_VERSION, build_clean.build)
    docs = []
    for row in _read_index(folder):
        text = (folder / f"{row['id']}.txt").read_text(encoding="utf-8")
        docs.append(Document(row["id"], text, text))
    return BenchSet(
        "clean",
        "Clean modern prose (every change is a false positive)",
        "clean",
        tuple(docs),
    )


def load(name: str, *, data: Path = DEFAULT_DATA, cache: Path = CACHE) -> BenchSet:
    if name == "bln600":
        return load_bln600(data)
    if name == "icdar":
        return load_icdar(data)
    if name == "modern":
        return load_modern(cache)
    if name == "clean":
        return load_clean(cache)
    raise ValueError(f"unknown set {name!r}; choose from {', '.join(SET_NAMES)}")
