"""Typing slips in correct prose: what each checker flags, what it would fix,
and what else it flags.

The editor's case (a README, a page of documentation, an article under git):
the text is right but for a slip or two, and a checker should point at the
slips and leave every other word alone. Each paragraph of the clean set
(correct modern prose from Debian's documentation, ``bench/build_clean.py``)
gets one slip, in a word of four letters or more, lower case, that the
project's lexicon holds: one of

* *deletion* of a letter ("mediaton"),
* *substitution* by a neighbouring key on a QWERTY keyboard ("functuons"),
* *transposition* of two neighbouring letters ("recieve"),
* *insertion* of a key that neighbours the letter before ("documnents"),
* *doubling* of a letter ("commmand"),

never at the word's first letter (deletion, transposition). A slip that
makes another word, or a form the paragraph already holds, is drawn again:
a real-word slip ("form" for "from") is another problem, which no checker
here looks for outside OCR pages.

For each system, over the paragraphs with their slip:

* **flagged**: slips the system points at (any proposal at the slip);
* **right reading**: slips whose first proposal is the word as it was;
* **applied right / applied wrong**: what the system's fix mode changes at
  the slip (cleaner: ``fix``, its safe edits; codespell and typos: their
  ``--write-changes``, which apply only a word their lists map to one
  correction; hunspell has no fix mode);
* **other flags / 10k**: proposals anywhere else, per 10,000 words (false
  alarms: the paragraphs are otherwise correct), and **other applied**, what
  the fix mode changes elsewhere.

Systems: ``cleaner`` (``cleaner check --format json``, every stage, default
configuration), ``codespell`` and ``typos`` (their lists of common
misspellings), ``hunspell`` (Debian's ``hunspell`` with ``hunspell-en-us``,
``hunspell -a``: every word its dictionary lacks, with its first
suggestion). A system that is not installed is skipped with a note.

Run from the repository root (``pip install -e . -r bench/requirements.txt``;
``apt-get install hunspell hunspell-en-us`` for hunspell)::

    python bench/slips.py [--seed N] [--show 20] [--json out.json]

Deterministic for a given seed and clean set.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpora  # noqa: E402
from bench.names_quality import NEIGHBOURS  # noqa: E402
from cleaner.lexicon import default_lexicon  # noqa: E402

DEFAULT_SEED = 20261203
KINDS = ("deletion", "substitution", "transposition", "insertion", "doubling")
SYSTEMS = ("cleaner", "codespell", "typos", "hunspell")
MIN_LETTERS = 4
# A word to slip in: lower case letters alone, between spaces or plain marks
# (not part of a hyphenated word, a contraction or a path).
_WORD_RE = re.compile(rf"(?<![\w'’/.\-])[a-z]{{{MIN_LETTERS},}}(?![\w'’/\-])")
_TOKEN_RE = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Slip:
    doc: str  # the paragraph's id
    start: int
    original: str
    typo: str
    kind: str

    @property
    def end(self) -> int:
        return self.start + len(self.typo)


@dataclass(frozen=True)
class Flag:
    """One proposal a system makes: where, what it reads, and whether its fix applies it."""

    start: int
    end: int
    before: str
    after: str | None
    applied: bool


@dataclass
class Tally:
    slips: int = 0
    flagged: int = 0
    right_reading: int = 0
    applied_right: int = 0
    applied_wrong: int = 0
    other_flags: int = 0
    other_applied: int = 0
    words: int = 0
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)


def make_slip(word: str, kind: str, rng: random.Random) -> str:
    """``word`` with one slip of ``kind`` (``word`` itself when none applies)."""
    inner = range(1, len(word))
    if kind == "deletion":
        i = rng.choice(inner)
        return word[:i] + word[i + 1 :]
    if kind == "substitution":
        i = rng.randrange(len(word))
        return word[:i] + rng.choice(NEIGHBOURS[word[i]]) + word[i + 1 :]
    if kind == "transposition":
        pairs = [i for i in inner if i + 1 < len(word) and word[i] != word[i + 1]]
        if not pairs:
            return word
        i = rng.choice(pairs)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "insertion":
        i = rng.choice(range(1, len(word) + 1))
        return word[:i] + rng.choice(NEIGHBOURS[word[i - 1]]) + word[i:]
    if kind == "doubling":
        i = rng.randrange(len(word))
        return word[: i + 1] + word[i:]
    raise ValueError(kind)


def slips_of(docs: Sequence[corpora.Document], seed: int) -> list[Slip]:
    """One slip per paragraph that has a word to slip (see the module docstring)."""
    lexicon = default_lexicon()
    slips = []
    for doc in docs:
        rng = random.Random(f"{seed}-{doc.id}")
        words = [m for m in _WORD_RE.finditer(doc.ocr) if m.group() in lexicon]
        forms = {m.group().lower() for m in _TOKEN_RE.finditer(doc.ocr)}
        for _ in range(50):
            if not words:
                break
            match = rng.choice(words)
            kind = rng.choice(KINDS)
            typo = make_slip(match.group(), kind, rng)
            if typo != match.group() and typo not in lexicon and typo not in forms:
                slips.append(Slip(doc.id, match.start(), match.group(), typo, kind))
                break
    return slips


def slipped_text(doc: corpora.Document, slip: Slip) -> str:
    return doc.ocr[: slip.start] + slip.typo + doc.ocr[slip.start + len(slip.original) :]


# --- the systems ---------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [m.end() for m in re.finditer("\n", text)]
    return starts


def _word_flags(text: str, line: int, word: str, after: str | None, applied: bool) -> list[Flag]:
    """Flags for each whole ``word`` on the 1-based ``line`` of ``text``."""
    begin = _line_starts(text)[line - 1]
    finish = text.find("\n", begin)
    body = text[begin : finish if finish >= 0 else len(text)]
    return [
        Flag(begin + m.start(), begin + m.end(), word, after, applied)
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", body)
    ]


def run_cleaner(folder: Path, texts: dict[str, str]) -> dict[str, list[Flag]]:
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "check", "--no-cache", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"cleaner check failed: {result.stderr.strip()}")
    flags: dict[str, list[Flag]] = {name: [] for name in texts}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        name = Path(row["path"]).stem
        flags[name].append(Flag(row["start"], row["end"], row["before"], row["after"], row["safe"]))
    return flags


def run_codespell(folder: Path, texts: dict[str, str]) -> dict[str, list[Flag]]:
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    flags: dict[str, list[Flag]] = {name: [] for name in texts}
    # "path:12: teh ==> the" or "path:12: wich ==> which, witch"
    for line in result.stdout.splitlines():
        match = re.match(r"(.*?):(\d+): (\S+) ==> (.*)$", line)
        if match is None:
            continue
        name = Path(match.group(1)).stem
        readings = [r.strip() for r in match.group(4).split(",") if r.strip()]
        after = readings[0] if readings else None
        flags[name] += _word_flags(
            texts[name], int(match.group(2)), match.group(3), after, len(readings) == 1
        )
    return flags


def run_typos(folder: Path, texts: dict[str, str]) -> dict[str, list[Flag]]:
    result = subprocess.run(
        [shutil.which("typos") or "typos", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    flags: dict[str, list[Flag]] = {name: [] for name in texts}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        if row.get("type") != "typo":
            continue
        name = Path(row["path"]).stem
        text = texts[name]
        line_start = _line_starts(text)[row["line_num"] - 1]
        prefix = text[line_start:].encode("utf-8")[: row["byte_offset"]].decode("utf-8", "ignore")
        start = line_start + len(prefix)
        corrections = row.get("corrections") or []
        after = corrections[0] if corrections else None
        flags[name].append(
            Flag(start, start + len(row["typo"]), row["typo"], after, len(corrections) == 1)
        )
    return flags


def run_hunspell(folder: Path, texts: dict[str, str]) -> dict[str, list[Flag]]:
    flags: dict[str, list[Flag]] = {name: [] for name in texts}
    for name, text in texts.items():
        lines = text.split("\n")
        # "^" before each line: hunspell -a reads the rest as text, never a command.
        result = subprocess.run(
            ["hunspell", "-a", "-d", "en_US"],
            input="".join("^" + line + "\n" for line in lines),
            capture_output=True,
            text=True,
            check=True,
        )
        starts = _line_starts(text)
        number = 0
        for out in result.stdout.splitlines()[1:]:
            if not out:
                number += 1  # a blank line ends each input line's answers
                continue
            if out[0] not in "&#":
                continue
            head, _, suggestions = out.partition(": ")
            fields = head.split()
            word, offset = fields[1], int(fields[-1]) - 1  # offsets count the "^"
            after = suggestions.split(", ")[0] if out[0] == "&" and suggestions else None
            start = starts[number] + offset
            flags[name].append(Flag(start, start + len(word), word, after, False))
    return flags


RUNNERS = {
    "cleaner": run_cleaner,
    "codespell": run_codespell,
    "typos": run_typos,
    "hunspell": run_hunspell,
}


def missing(system: str) -> str | None:
    if system == "codespell":
        import importlib.util

        return None if importlib.util.find_spec("codespell_lib") else "codespell is not installed"
    if system in ("typos", "hunspell") and shutil.which(system) is None:
        return f"{system} is not installed"
    if system == "hunspell" and not Path("/usr/share/hunspell/en_US.dic").exists():
        return "hunspell-en-us is not installed"
    return None


# --- scoring -------------------------------------------------------------------


def score(
    slips: Sequence[Slip], texts: dict[str, str], flags: dict[str, list[Flag]], words: int
) -> Tally:
    tally = Tally(slips=len(slips), words=words)
    by_doc = {slip.doc: slip for slip in slips}
    for name, text in texts.items():
        slip = by_doc[name]
        at = [f for f in flags[name] if f.start < slip.end and slip.start < f.end]
        others = [f for f in flags[name] if f not in at]
        tally.other_flags += len(others)
        tally.other_applied += sum(f.applied for f in others)
        tally.alarms += [f"{f.before!r} -> {f.after!r}" for f in others]
        context = text[max(0, slip.start - 30) : slip.end + 30].replace("\n", " ")
        if not at:
            tally.missed.append(f"{slip.typo!r} ({slip.original}, {slip.kind}): ...{context}...")
            continue
        tally.flagged += 1
        first = at[0]
        # What the proposal leaves of the text it and the slip cover, against
        # that text as it was (a proposal that takes a neighbour with it must
        # give it back).
        begin, finish = min(first.start, slip.start), max(first.end, slip.end)
        was = text[begin : slip.start] + slip.original + text[slip.end : finish]
        fixed = None
        if first.after is not None:
            fixed = text[begin : first.start] + first.after + text[first.end : finish]
        right = fixed is not None and fixed.lower() == was.lower()
        tally.right_reading += right
        if any(f.applied for f in at):
            if right:
                tally.applied_right += 1
            else:
                tally.applied_wrong += 1
                tally.wrong.append(f"{slip.typo!r} -> {fixed!r} (was {was!r})")
        elif not right:
            tally.wrong.append(f"{slip.typo!r} -> {fixed!r} proposed (was {was!r})")
    return tally


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--show", type=int, default=0, help="examples of each outcome")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)

    docs = corpora.load("clean").docs
    slips = slips_of(docs, args.seed)
    by_id = {doc.id: doc for doc in docs}
    texts = {slip.doc: slipped_text(by_id[slip.doc], slip) for slip in slips}
    words = sum(len(text.split()) for text in texts.values())
    kinds = {kind: sum(s.kind == kind for s in slips) for kind in KINDS}
    print(
        f"typing slips in clean prose (seed {args.seed}): {len(slips)} paragraphs, "
        f"{words:,} words, one slip each ({', '.join(f'{k} {n}' for k, n in kinds.items())})\n"
    )
    header = (
        f"{'system':10} {'flagged':>8} {'right':>8} {'applied':>8} {'wrong':>6}"
        f" {'other flags/10k':>16} {'other applied':>14} {'seconds':>8}"
    )
    print(header)
    print("-" * len(header))
    figures: dict[str, object] = {"seed": args.seed, "slips": len(slips), "words": words}
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-slips-") as tmp:
        folder = Path(tmp)
        for name, text in texts.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        for system in args.systems.split(","):
            why = missing(system)
            if why is not None:
                print(f"{system:10} skipped: {why}")
                continue
            began = time.perf_counter()
            flags = RUNNERS[system](folder, texts)
            tally = score(slips, texts, flags, words)
            tally.seconds = time.perf_counter() - began
            print(
                f"{system:10} {pct(tally.flagged, tally.slips):>8} "
                f"{pct(tally.right_reading, tally.slips):>8} "
                f"{pct(tally.applied_right, tally.slips):>8} {tally.applied_wrong:>6} "
                f"{10_000 * tally.other_flags / words:>16.1f} {tally.other_applied:>14} "
                f"{tally.seconds:>8.1f}"
            )
            figures[system] = {
                key: value
                for key, value in vars(tally).items()
                if key not in ("missed", "wrong", "alarms")
            }
            if args.show:
                for what in ("missed", "wrong", "alarms"):
                    shown = getattr(tally, what)[: args.show]
                    if shown:
                        print(f"   {what} ({len(getattr(tally, what))}):")
                        for line in shown:
                            print(f"      {line}")
    print(
        "\nflagged, right, applied: share of the slips; wrong: slips read as another"
        " word by the fix mode;\nother flags: proposals elsewhere in the otherwise"
        " correct paragraphs (false alarms)"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
