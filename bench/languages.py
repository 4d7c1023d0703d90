"""Text in other languages: is it set apart, and what would `fix` change in it?

cleaner's lexicon, gazetteer and spacing rules are English; a paragraph in
another language is left to the repairs right in any language
(``cleaner/language.py``). This script reads translations Debian installs
with three packages, each beside its English original:

- the Vim tutor (``vim-runtime``): ``/usr/share/vim/vim90/tutor/tutor*.utf-8``
  and ``tutor``; the function-word lists and thresholds were set with these
  at hand;
- gnupg's help texts (``gnupg``): ``/usr/share/gnupg/help*.txt``;
- systemd's message catalogues (``systemd``): ``/usr/lib/systemd/catalog/*.catalog``;

and prints, for each file (``--list``): its language (from its name), whether its letters
are mostly Latin, the share of it set apart as another language's, and how
many edits the pipeline proposes in it (applied by `fix`, and for review).
A text shipped under three names or more (gnupg ships an older English help
text as ten translations) counts as English. Run from the repository root:

    apt-get install -y vim-runtime gnupg systemd
    python bench/languages.py [--list]

Run with ``PYTHONPATH`` set to a checkout of another revision, it measures
that one (before ``cleaner/language.py`` existed, nothing is set apart).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.append(str(Path(__file__).resolve().parents[1]))

from cleaner import pipeline
from cleaner.pipeline import propose


def _no_spans(text: str) -> tuple[tuple[int, int], ...]:
    return ()


# What the pipeline sets apart: paragraphs in other languages and alphabetised
# lists (cleaner.apart); before lists were, the paragraphs alone. A revision
# from before paragraphs in other languages were set apart has neither (an
# editable install may still find today's modules: its pipeline does not use them).
apart_spans: Callable[[str], tuple[tuple[int, int], ...]] = getattr(
    pipeline, "set_apart", getattr(pipeline, "foreign_spans", _no_spans)
)


SOURCES = (
    ("vim tutor", Path("/usr/share/vim/vim90/tutor"), "tutor*.utf-8", "tutor"),
    ("gnupg help", Path("/usr/share/gnupg"), "help*.txt", "help.txt"),
    ("systemd catalogue", Path("/usr/lib/systemd/catalog"), "*.catalog", "systemd.catalog"),
)


@dataclass
class Row:
    source: str
    name: str
    language: str
    latin: bool
    set_apart: float
    applied: int
    review: int
    applied_rules: Counter[str]


def _language(name: str, original: str) -> str:
    """The language code a file's name gives ("tutor.fr.utf-8" -> "fr"), "en" for the original."""
    if name == original:
        return "en"
    parts = name.replace(".utf-8", "").split(".")
    return parts[1] if len(parts) > 1 and parts[1] not in ("txt", "catalog", "utf-8") else "en"


def _latin(text: str) -> bool:
    """Whether ``text`` is written in the Latin script: a fifth of its letters
    at most in another (a catalogue in Chinese has English field names and
    addresses in ASCII, and each Chinese character is one letter)."""
    letters = [c for c in text if c.isalpha()]
    other = sum(1 for c in letters if not c.isascii() and "LATIN" not in unicodedata.name(c, ""))
    return bool(letters) and other <= 0.2 * len(letters)


def rows() -> list[Row]:
    found = []
    for source, folder, pattern, original in SOURCES:
        if not folder.is_dir():
            print(f"{folder} is missing: skipped", file=sys.stderr)
            continue
        paths = sorted(p for p in {*folder.glob(pattern), folder / original} if p.is_file())
        contents = {path: path.read_bytes() for path in paths}
        # A text shipped under three names or more is an untranslated copy
        # (gnupg ships ten of an older English help text so).
        copies = Counter(contents.values())
        for path, data in contents.items():
            text = data.decode("utf-8", errors="replace")
            language = "en" if copies[data] >= 3 else _language(path.name, original)
            spans = apart_spans(text)
            edits = propose(text)
            found.append(
                Row(
                    source,
                    path.name,
                    language,
                    _latin(text),
                    sum(end - start for start, end in spans) / max(len(text), 1),
                    sum(1 for e in edits if e.safe),
                    sum(1 for e in edits if not e.safe),
                    Counter(e.rule for e in edits if e.safe),
                )
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="one line per file")
    args = parser.parse_args()
    table = rows()
    if args.list:
        for r in table:
            print(
                f"{r.source:18} {r.name:26} {r.language:6} {'latin' if r.latin else 'other':5} "
                f"set apart {r.set_apart:4.0%}  applied {r.applied:4}  review {r.review:4}"
            )
    rules = sum((r.applied_rules for r in table if r.language != "en" and r.latin), Counter())
    print("applied in translations in the Latin script, by rule:", dict(rules.most_common()))
    for source, *_ in SOURCES:
        mine = [r for r in table if r.source == source]
        if not mine:
            continue
        english = [r for r in mine if r.language == "en"]
        latin = [r for r in mine if r.language != "en" and r.latin]
        other = [r for r in mine if r.language != "en" and not r.latin]
        whole = sum(1 for r in latin if r.set_apart >= 0.99)
        print(f"{source}: {len(mine)} files")
        print(
            f"  English ({len(english)}): set apart in {sum(r.set_apart > 0 for r in english)}; "
            f"applied {sum(r.applied for r in english)}, review {sum(r.review for r in english)}"
        )
        print(
            f"  other languages, Latin script ({len(latin)}): set apart whole {whole}, "
            f"partly {sum(1 for r in latin if 0 < r.set_apart < 0.99)}; "
            f"applied {sum(r.applied for r in latin)}, review {sum(r.review for r in latin)}"
        )
        print(
            f"  other scripts ({len(other)}): applied {sum(r.applied for r in other)}, "
            f"review {sum(r.review for r in other)}"
        )


if __name__ == "__main__":
    main()
