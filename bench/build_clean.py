"""Build the clean set: correct modern prose on which every change is a false positive.

Sources, none of them used by the modern OCR set (which takes the Python docs):

* Git's documentation as Debian ships it in ``git-doc``
  (``/usr/share/doc/git-doc/**/*.txt``, AsciiDoc): manuals, guides, howtos;
* the licence texts in ``/usr/share/common-licenses`` (``base-files``, on every
  Debian system): GPL, LGPL, GFDL, Apache, MPL, Artistic...; duplicates
  (``GPL`` is ``GPL-3``) are kept once;
* the seed article's expected output, whole and byte for byte, since it is the
  text ``cleaner fix`` must leave untouched.

Paragraphs are taken with ``prose.paragraphs_of`` (running prose only, lines
joined, whitespace folded), a seeded sample of about ``--words`` words, one
paragraph a document.  Technical words (rebase, SHA-1, refs) stay in: real
modern text has them, and a corrector must leave them alone.

Output: ``bench/.cache/clean/NNNN.txt``, ``index.tsv`` and ``manifest.json``.
Needs ``apt-get install -y git-doc``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make the repository's bench package importable.  Appended,
    # so an installed cleaner (pip install -e .) is the one measured.
    sys.path.append(str(Path(__file__).resolve().parents[1]))

from bench import prose
from bench.corpora import CACHE, SEED_ARTICLE, SetUnavailable

BUILDER_VERSION = 1
DEFAULT_SEED = 20261127
DEFAULT_WORDS = 30_000
GIT_DOC = Path("/usr/share/doc/git-doc")
LICENSES = Path("/usr/share/common-licenses")


def source_paragraphs() -> list[prose.Paragraph]:
    if not GIT_DOC.is_dir():
        raise SetUnavailable("git-doc is not installed: apt-get install -y git-doc")
    found = [
        prose.Paragraph(f"git-doc/{p.source}", p.index, p.text)
        for p in prose.collect(sorted(GIT_DOC.rglob("*.txt")), GIT_DOC)
    ]
    if LICENSES.is_dir():
        files = sorted(p for p in LICENSES.iterdir() if p.is_file() and not p.is_symlink())
        found += [
            prose.Paragraph(f"common-licenses/{p.source}", p.index, p.text)
            for p in prose.collect(files, LICENSES)
        ]
    # Several licences share paragraphs (GFDL-1.2/1.3, LGPL-2/2.1): keep each once.
    seen: set[str] = set()
    unique = []
    for paragraph in found:
        if paragraph.text not in seen:
            seen.add(paragraph.text)
            unique.append(paragraph)
    return unique


def build(
    folder: Path,
    *,
    seed: int = DEFAULT_SEED,
    words: int = DEFAULT_WORDS,
    seed_article: Path = SEED_ARTICLE,
) -> Path:
    pool = source_paragraphs()
    random.Random(seed).shuffle(pool)
    chosen: list[prose.Paragraph] = []
    total = 0
    for paragraph in pool:
        if total >= words:
            break
        chosen.append(paragraph)
        total += paragraph.words
    chosen.sort(key=lambda p: (p.source, p.index))

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rows: list[dict[str, str]] = []
    if seed_article.is_file():
        # Byte for byte, missing final newline included.
        text = seed_article.read_bytes().decode("utf-8")
        rows.append({"id": "0000", "source": f"seed/{seed_article.name}", "text": text})
    for number, paragraph in enumerate(chosen, 1):
        rows.append(
            {
                "id": f"{number:04d}",
                "source": f"{paragraph.source}#{paragraph.index}",
                "text": paragraph.text + "\n",
            }
        )
    with (folder / "index.tsv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["id", "source", "words"], delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            (folder / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
            writer.writerow(
                {"id": row["id"], "source": row["source"], "words": len(row["text"].split())}
            )
    manifest = {
        "builder_version": BUILDER_VERSION,
        "seed": seed,
        "target_words": words,
        "documents": len(rows),
        "words": sum(len(r["text"].split()) for r in rows),
        "sources": [str(GIT_DOC), str(LICENSES), str(seed_article)],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(
        f"clean: {manifest['documents']} documents, {manifest['words']} words -> {folder}",
        file=sys.stderr,
    )
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=CACHE / "clean")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS)
    parser.add_argument("--seed-article", type=Path, default=SEED_ARTICLE)
    args = parser.parse_args(argv)
    try:
        build(args.out, seed=args.seed, words=args.words, seed_article=args.seed_article)
    except SetUnavailable as exc:
        print(f"clean: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
