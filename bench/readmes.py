"""What `fix` would change in technical documentation: READMEs as Debian ships them.

Clean prose (``build_clean.py``) measures false positives on running text.
Technical files are harder: lists of commands and codes, tables drawn with
box characters, justified text, contributor lists, identifiers. This script
gathers the plain-text documentation of the installed Debian packages
(``/usr/share/doc/*/README*``, ``*.txt``, ``*.md``, gzipped or not; not
``python3.11-doc`` or ``git-doc``, which the other sets use), runs the
pipeline on each file and prints what ``fix`` would apply, by rule, with every
applied word edit in context, for a person to judge: these files have real
typos too ("availible"), so a change is not wrong by definition.

    python bench/readmes.py                 # counts by rule, word edits listed
    python bench/readmes.py --review        # also count edits left for review
    python bench/readmes.py --review --list-review   # and list the word edits left for review
    python bench/readmes.py --tree DIR ...  # every file under DIR instead (as `cleaner check DIR`)
    python bench/readmes.py --changelogs    # changelogs, NEWS, copyright and AUTHORS files instead
    python bench/readmes.py --quotes        # quotations and a hackers' glossary instead

``--changelogs`` reads the other text Debian ships with every package: change
logs and release notes (subsystem labels, identifiers, CamelCase names) and
credits (names with e-mail addresses, copyright lines). Each file is cut to its
first CHANGELOG_CHARS characters (the newest entries), at a line end.

``--quotes`` reads text of another kind: the quotations of the fortune files
(Debian's ``fortunes``: jokes, verse, chat logs, each credited on a line that
opens with a dash; cut into files of QUOTES_PER_FILE) and the Jargon File
(``jargon-text``: coined words, its index an alphabetised list of them; cut
into files of JARGON_LINES lines), and books of the King James Bible
(``bible-kjv``: old spelling, lists of names no gazetteer holds; BIBLE_BOOKS,
wrapped at 78 columns). ``apt-get install fortunes jargon-text bible-kjv``
first.

The set depends on the packages installed; its size and file count are
printed. Files are copied (decompressed) into ``bench/.cache/readmes/``.
``--tree`` reads a folder as it stands: ``bench/speed.py`` leaves the Python
and Git documentation tree it times in ``bench/.cache/speed/docs``, so
``--tree bench/.cache/speed/docs`` shows what ``fix`` would do to it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.append(str(Path(__file__).resolve().parents[1]))

from bench.corpora import CACHE
from cleaner.document import read_document
from cleaner.pipeline import propose

DOC_ROOT = Path("/usr/share/doc")
# Packages whose documentation the other sets read.
SKIPPED = ("python3.11-doc", "git-doc", "git")
PATTERNS = ("README*", "*.txt", "*.txt.gz", "*.md", "*.md.gz")
# Whitespace rules: their edits are listed by count only.
LAYOUT = frozenset({"spacing.trailing-whitespace", "spacing.double-space"})
MAX_BYTES = 1_000_000
CHANGELOG_PATTERNS = (
    "changelog*", "NEWS*", "copyright", "AUTHORS*", "THANKS*", "TODO*", "FAQ*"
)  # fmt: skip
CHANGELOG_CHARS = 60_000
FORTUNES = Path("/usr/share/games/fortunes")
JARGON = DOC_ROOT / "jargon-text" / "jargon.txt.gz"
QUOTES_PER_FILE = 40
JARGON_LINES = 400
BIBLE = Path("/usr/bin/bible")
BIBLE_BOOKS = (
    "gen", "exo", "ruth", "1sam", "job", "ps", "prov", "eccl",
    "isa", "mat", "mark", "luke", "john", "acts", "rom", "rev",
)  # fmt: skip


def gather(
    root: Path = DOC_ROOT,
    out: Path | None = None,
    patterns: tuple[str, ...] = PATTERNS,
    head: int | None = None,
) -> list[Path]:
    """Copy the documentation files matching ``patterns`` (decompressed, each
    content once, cut to ``head`` characters at a line end) into ``out``;
    return them, sorted."""
    out = CACHE / "readmes" if out is None else out
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    contents: set[bytes] = set()  # the same README ships with many packages
    for package in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in SKIPPED):
        seen: set[Path] = set()
        for pattern in patterns:
            for source in sorted(package.glob(pattern)):
                if source in seen or not source.is_file() or source.stat().st_size > MAX_BYTES:
                    continue
                seen.add(source)
                data = source.read_bytes()
                name = source.name
                if name.endswith(".gz"):
                    data, name = gzip.decompress(data), name[:-3]
                digest = hashlib.sha256(data).digest()
                if len(data) > MAX_BYTES or b"\0" in data or digest in contents:
                    continue
                contents.add(digest)
                if head is not None and len(data) > head:
                    data = _head(data, head)
                # Keep a known suffix, so Markdown is read as Markdown.
                suffix = "" if Path(name).suffix in (".md", ".txt", ".rst") else ".txt"
                target = out / f"{package.name}__{name}{suffix}"
                target.write_bytes(data)
                files.append(target)
    return sorted(files)


def gather_quotes(out: Path | None = None) -> list[Path]:
    """Copy the fortune files, QUOTES_PER_FILE quotations a file, and the
    Jargon File, JARGON_LINES lines a file, into ``out``; return them, sorted."""
    out = CACHE / "quotes" if out is None else out
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    sources = sorted(p for p in FORTUNES.iterdir() if p.is_file() and not p.suffix)
    for source in sources if FORTUNES.is_dir() else []:
        quotes = source.read_bytes().split(b"\n%\n")
        for i in range(0, len(quotes), QUOTES_PER_FILE):
            target = out / f"{source.name}-{i // QUOTES_PER_FILE:03d}.txt"
            target.write_bytes(b"\n%\n".join(quotes[i : i + QUOTES_PER_FILE]) + b"\n")
            files.append(target)
    if JARGON.is_file():
        lines = gzip.decompress(JARGON.read_bytes()).splitlines(keepends=True)
        for i in range(0, len(lines), JARGON_LINES):
            target = out / f"jargon-{i // JARGON_LINES:03d}.txt"
            target.write_bytes(b"".join(lines[i : i + JARGON_LINES]))
            files.append(target)
    for book in BIBLE_BOOKS if BIBLE.is_file() else []:
        # Chapters 1-60 of the book, each verse without its reference, wrapped.
        verses = subprocess.run(
            [str(BIBLE), "-f", f"{book}1:1-{book}60:99"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        text = "\n".join(
            textwrap.fill(line.split(" ", 1)[1], 78) for line in verses.splitlines() if " " in line
        )
        target = out / f"kjv-{book}.txt"
        target.write_text(text + "\n", encoding="utf-8")
        files.append(target)
    return sorted(files)


def _head(data: bytes, size: int) -> bytes:
    """The first ``size`` characters of UTF-8 ``data`` (bytes as they are if
    it is not UTF-8), cut after the last line end.

    >>> _head("ab\\ncd\\nef".encode(), 7)
    b'ab\\ncd\\n'
    """
    try:
        text = data.decode("utf-8")[:size]
    except UnicodeDecodeError:
        return data[:size]
    return text[: text.rfind("\n") + 1 or len(text)].encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DOC_ROOT)
    parser.add_argument("--tree", type=Path, help="check every file under this folder instead")
    parser.add_argument(
        "--changelogs",
        action="store_true",
        help="changelogs, NEWS, copyright and AUTHORS files instead of READMEs",
    )
    parser.add_argument(
        "--quotes",
        action="store_true",
        help="the fortune files' quotations, the Jargon File and books of the King James "
        "Bible instead (Debian's fortunes, jargon-text and bible-kjv)",
    )
    parser.add_argument("--review", action="store_true", help="count review edits too")
    parser.add_argument(
        "--list-review", action="store_true", help="list the word edits left for review too"
    )
    parser.add_argument("--context", type=int, default=30)
    args = parser.parse_args(argv)
    root = args.tree or args.root
    if not root.is_dir():
        print(f"{root}: no such folder", file=sys.stderr)
        return 2
    if args.tree:
        files = sorted(p for p in root.rglob("*") if p.is_file())
    elif args.changelogs:
        files = gather(root, CACHE / "changelogs", CHANGELOG_PATTERNS, CHANGELOG_CHARS)
    elif args.quotes:
        files = gather_quotes()
        if not files:
            print(
                "nothing to read: apt-get install fortunes jargon-text bible-kjv",
                file=sys.stderr,
            )
            return 2
    else:
        files = gather(root)
    applied: Counter[str] = Counter()
    review: Counter[str] = Counter()
    listed: list[str] = []
    unsure: list[str] = []
    size = 0
    for path in files:
        try:
            document = read_document(path)
        except Exception:  # undecodable or binary: the CLI skips these too
            continue
        text = document.text
        size += len(text)
        name = str(path.relative_to(root)) if args.tree else path.name
        for edit in propose(text, kind=document.kind):
            (applied if edit.safe else review)[edit.rule] += 1
            if edit.rule in LAYOUT or edit.rule.startswith(("spacing.", "invisible.")):
                continue
            left = text[max(0, edit.start - args.context) : edit.start]
            right = text[edit.end : edit.end + args.context]
            line = (
                f"  {name[-40:]:40} {edit.rule:18} {left!r} [{edit.before!r} -> "
                f"{edit.after!r}] {right!r}"
            )
            (listed if edit.safe else unsure).append(line)
    source = "fortunes, the Jargon File, the Bible" if args.quotes and not args.tree else root
    print(f"{len(files)} files, {size / 1e6:.1f} million characters, from {source}")
    print("applied by fix, by rule:")
    for rule, count in sorted(applied.items()):
        print(f"  {rule:34} {count:6}")
    if args.review:
        print("for review, by rule:")
        for rule, count in sorted(review.items()):
            print(f"  {rule:34} {count:6}")
    print("word edits fix would apply (judge each):")
    print("\n".join(listed))
    if args.list_review:
        print("word edits left for review:")
        print("\n".join(unsure))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
