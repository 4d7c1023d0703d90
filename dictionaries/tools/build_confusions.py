#!/usr/bin/env python3
"""Build ``dictionaries/confusions.tsv``, the OCR error model of the spelling/OCR corrector.

The corrector sees OCR text and looks for the word the page had, so it needs
P(OCR shows ``observed`` | the page had ``intended``) for short character
strings. This script measures that from pairs of real OCR output and human
ground truth (the *train* splits only; the evaluation splits stay untouched so
benchmarks on them remain honest):

1. Both sides are normalised (typographic quotes and dashes, ligatures and long
   s folded) and aligned character by character; a space aligned to a space
   cuts the pair into segments of k gold words against m OCR words.
2. Segments of one gold word against one OCR word, where the gold word is an
   ordinary alphabetic word, are aligned again inside the word. Adjacent edits
   merge into blocks; blocks of at most two characters on each side are the
   confusion patterns ("rn" for "m", "" for "e", "ll" for "l", ...).
3. P(observed | intended) = count(intended read as observed) / occurrences of
   intended in the gold words; cost = -log10 of it.

It also prints (but does not ship) word-level figures telling the corrector
where its recall can come from. Run it from anywhere::

    python dictionaries/tools/build_confusions.py [--data ../shared/data/ocr] [--check]
"""

from __future__ import annotations

import argparse
import math
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rapidfuzz.distance import Levenshtein

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "ocr"
DEFAULT_OUT = REPO_ROOT / "dictionaries" / "confusions.tsv"


@dataclass(frozen=True)
class Corpus:
    folder: str
    split_column: str


CORPORA = (
    Corpus("bln600", "split_thomas2024"),
    Corpus("icdar2017-en", "split"),
)
SPLIT = "train"

# A Poisson count of 10 has a relative standard error of 1/sqrt(10) ~ 32%, about
# +-0.14 in a log10 cost: the least evidence worth shipping a row for (at 5 the
# table doubles, mostly with quirks of single books).
MIN_COUNT = 10
# Patterns seen in fewer distinct word pairs are usually one word the gold
# transcription edited throughout a book rather than a misreading.
MIN_WORD_PAIRS = 3
MAX_ROWS = 500
MAX_PATTERN = 2
# Some glyphs are never produced by the OCR (accented letters on some pages), so
# P = 1; a zero cost would still make the edit free wherever it applies.
MIN_COST = 0.01
# Word pairs further apart than this (normalised Levenshtein) are misreadings
# beyond any character model or residual misalignments; they would only add
# noise to the character counts.
MAX_PAIR_DISTANCE = 0.5

# Glyphs the gold transcriptions keep but modern text (and the corrector's
# dictionary) spells out; folding them makes "the page had" mean the modern word.
FOLD = str.maketrans(
    {
        "ſ": "s",
        "ﬀ": "ff",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "—": "-",
        "–": "-",
        "‐": "-",
        "‑": "-",
        "…": "...",
    }
)
REPLACEMENT_CHAR = "\ufffd"
# Word-edge punctuation the corrector strips before looking a word up. "|" stays:
# OCR uses it for "I" and "l" at the start of words.
EDGE_PUNCTUATION = "".join(sorted(set(string.punctuation) - {"|"})) + "«»„‚·•■"

KEY_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("d", "cl"),
    ("li", "h"),
    ("h", "li"),
    ("ii", "u"),
    ("u", "ii"),
    ("vv", "w"),
    ("w", "vv"),
    ("c", "e"),
    ("e", "c"),
    ("1", "l"),
    ("1", "I"),
    ("l", "I"),
    ("I", "l"),
    ("0", "O"),
    ("0", "o"),
    ("5", "S"),
    ("5", "s"),
    ("f", "t"),
    ("t", "f"),
    ("ſ", "s"),
    ("f", "s"),
)

Pattern = tuple[str, str]  # (observed, intended)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(FOLD)
    return " ".join(text.split())


def core(token: str) -> str:
    return token.strip(EDGE_PUNCTUATION)


def is_ordinary_word(word: str) -> bool:
    return bool(word) and word.isalpha()


def read_split(data: Path, corpus: Corpus) -> list[str]:
    lines = (data / corpus.folder / "index.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    column = header.index(corpus.split_column)
    return [
        cells[0] for cells in (line.split("\t") for line in lines[1:]) if cells[column] == SPLIT
    ]


def read_pair(data: Path, corpus: Corpus, doc_id: str) -> tuple[str, str]:
    folder = data / corpus.folder
    ocr = (folder / f"{doc_id}.ocr.txt").read_text(encoding="utf-8")
    gold = (folder / f"{doc_id}.gold.txt").read_text(encoding="utf-8")
    return ocr, gold


def line_pairs(ocr: str, gold: str) -> Iterator[tuple[str, str]]:
    """Line i of the OCR goes with line i of the gold (BLN600 is sentence-aligned)."""
    ocr_lines, gold_lines = ocr.splitlines(), gold.splitlines()
    if len(ocr_lines) != len(gold_lines):
        raise ValueError(f"{len(ocr_lines)} OCR lines against {len(gold_lines)} gold lines")
    for ocr_line, gold_line in zip(ocr_lines, gold_lines, strict=True):
        yield normalise(ocr_line), normalise(gold_line)


def segments(ocr: str, gold: str) -> Iterator[tuple[list[str], list[str]]]:
    """Cut an aligned line wherever both sides have a space, yielding (OCR words, gold words)."""
    cuts: list[tuple[int, int]] = []
    for op in Levenshtein.opcodes(ocr, gold):
        if op.tag != "equal":
            continue
        for offset in range(op.src_end - op.src_start):
            if ocr[op.src_start + offset] == " ":
                cuts.append((op.src_start + offset, op.dest_start + offset))
    cuts.append((len(ocr), len(gold)))
    ocr_start = gold_start = 0
    for ocr_cut, gold_cut in cuts:
        yield ocr[ocr_start:ocr_cut].split(), gold[gold_start:gold_cut].split()
        ocr_start, gold_start = ocr_cut + 1, gold_cut + 1


@dataclass
class Block:
    """One run of edits inside a word: OCR shows ``observed`` where the page had ``intended``."""

    observed: str
    intended: str
    ocr_start: int
    gold_start: int


def edit_blocks(observed: str, intended: str) -> list[Block]:
    blocks: list[Block] = []
    previous_end: tuple[int, int] | None = None
    for op in Levenshtein.opcodes(observed, intended):
        if op.tag == "equal":
            previous_end = None
            continue
        piece_obs = observed[op.src_start : op.src_end]
        piece_int = intended[op.dest_start : op.dest_end]
        if blocks and previous_end == (op.src_start, op.dest_start):
            blocks[-1].observed += piece_obs
            blocks[-1].intended += piece_int
        else:
            blocks.append(Block(piece_obs, piece_int, op.src_start, op.dest_start))
        previous_end = (op.src_end, op.dest_end)
    return fuse_transpositions(blocks, observed)


def fuse_transpositions(blocks: list[Block], observed: str) -> list[Block]:
    """Levenshtein has no swap: "hte" vs "the" comes out as insert t, keep h, drop t."""
    fused: list[Block] = []
    index = 0
    while index < len(blocks):
        first = blocks[index]
        if index + 1 < len(blocks):
            second = blocks[index + 1]
            one_apart = (
                second.ocr_start == first.ocr_start + len(first.observed) + 1
                and second.gold_start == first.gold_start + len(first.intended) + 1
            )
            dropped_then_added = (
                len(first.observed) == 1
                and not first.intended
                and not second.observed
                and second.intended == first.observed
            )
            added_then_dropped = (
                len(first.intended) == 1
                and not first.observed
                and not second.intended
                and second.observed == first.intended
            )
            if one_apart and (dropped_then_added or added_then_dropped):
                kept = observed[first.ocr_start + len(first.observed)]
                obs = first.observed + kept + second.observed
                fused.append(
                    Block(
                        obs,
                        first.intended + kept + second.intended,
                        first.ocr_start,
                        first.gold_start,
                    )
                )
                index += 2
                continue
        fused.append(first)
        index += 1
    return fused


def pattern_of(block: Block, observed: str, intended: str) -> Pattern | None:
    """The table key for a block, or None when it is longer than the table models."""
    if len(block.observed) > MAX_PATTERN or len(block.intended) > MAX_PATTERN:
        return None
    if len(block.observed) == 1 and not block.intended:
        char, at = block.observed, block.ocr_start
        # A repeated neighbour makes it a doubled letter, a far likelier event
        # than the same letter appearing from nowhere.
        if char in (observed[at - 1 : at], observed[at + 1 : at + 2]):
            return char * 2, char
    if len(block.intended) == 1 and not block.observed:
        char, at = block.intended, block.gold_start
        if char in (intended[at - 1 : at], intended[at + 1 : at + 2]):
            return char, char * 2
    return block.observed, block.intended


def kind_of(pattern: Pattern) -> str:
    observed, intended = pattern
    if observed.lower() == intended.lower():
        # Small capitals and heading styles make these a typesetting matter the
        # corrector handles by matching case-insensitively, not a misreading.
        return "case"
    shape = (len(observed), len(intended))
    if shape == (2, 2) and observed == intended[::-1]:
        return "transposition"
    if shape == (1, 1):
        return "substitution"
    if shape == (0, 1) or (shape == (1, 2) and intended == observed * 2):
        return "deletion"
    if shape == (1, 0) or (shape == (2, 1) and observed == intended * 2):
        return "insertion"
    return "multi"


@dataclass
class WordStats:
    """Word-level error profile over gold words that are ordinary alphabetic words."""

    words: int = 0
    capitalised: int = 0
    errors: int = 0
    errors_capitalised: int = 0
    one_to_one: int = 0
    distance: Counter[int] = field(default_factory=Counter)
    case_only: int = 0
    real_word: int = 0
    boundary: int = 0
    boundary_space_only: int = 0
    dropped: int = 0
    spurious_ocr_words: int = 0

    def add(self, other: WordStats) -> None:
        for name, value in vars(other).items():
            mine = getattr(self, name)
            if isinstance(value, Counter):
                mine.update(value)
            else:
                setattr(self, name, mine + value)


@dataclass
class Measurements:
    patterns: Counter[Pattern] = field(default_factory=Counter)
    word_pairs_of: dict[Pattern, set[tuple[str, str]]] = field(default_factory=dict)
    # Patterns per 1:1 word error, to tell how many errors the table explains.
    error_patterns: list[list[Pattern | None]] = field(default_factory=list)
    gold_words: Counter[str] = field(default_factory=Counter)
    matched_chars: int = 0
    long_blocks: int = 0
    word_pairs: int = 0
    stats: dict[str, WordStats] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)
    ocr_long_s: int = 0


def dictionary_words() -> set[str]:
    """symspellpy's bundled English frequency list, the corrector's own vocabulary."""
    text = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
    return {
        line.split()[0].lower() for line in text.read_text(encoding="utf-8").splitlines() if line
    }


def measure(data: Path) -> Measurements:
    vocabulary = dictionary_words()
    result = Measurements()
    for corpus in CORPORA:
        stats = WordStats()
        doc_ids = read_split(data, corpus)
        result.documents[corpus.folder] = len(doc_ids)
        for doc_id in doc_ids:
            ocr, gold = read_pair(data, corpus, doc_id)
            result.ocr_long_s += ocr.count("ſ")
            for ocr_line, gold_line in line_pairs(ocr, gold):
                for ocr_words, gold_words in segments(ocr_line, gold_line):
                    measure_segment(ocr_words, gold_words, stats, result, vocabulary)
        result.stats[corpus.folder] = stats
    return result


def measure_segment(
    ocr_words: list[str],
    gold_words: list[str],
    stats: WordStats,
    result: Measurements,
    vocabulary: set[str],
) -> None:
    gold_cores = [core(word) for word in gold_words]
    if not all(is_ordinary_word(word) for word in gold_cores):
        return
    # Stray marks ("~", a lone dash) are not words the corrector would look up.
    ocr_cores = [word for word in (core(token) for token in ocr_words) if word]
    # Which side of a dropped or added word keeps the space is a tie for the
    # aligner, so equal words at a segment's edges are correct words of their own.
    for edge in (0, -1):
        while (
            gold_cores
            and ocr_cores
            and len(gold_cores) + len(ocr_cores) > 2
            and ocr_cores[edge] == gold_cores[edge]
        ):
            measure_word(ocr_cores.pop(edge), gold_cores.pop(edge), stats, result, vocabulary)
    if not gold_cores:
        stats.spurious_ocr_words += len(ocr_cores)
        return
    if len(gold_cores) == 1 and len(ocr_cores) == 1:
        measure_word(ocr_cores[0], gold_cores[0], stats, result, vocabulary)
        return
    capitalised = sum(word[0].isupper() for word in gold_cores)
    stats.words += len(gold_cores)
    stats.capitalised += capitalised
    stats.errors += len(gold_cores)
    stats.errors_capitalised += capitalised
    if not ocr_cores:
        stats.dropped += len(gold_cores)
        return
    stats.boundary += len(gold_cores)
    if "".join(ocr_cores) == "".join(gold_cores):
        stats.boundary_space_only += len(gold_cores)


def measure_word(
    observed: str, intended: str, stats: WordStats, result: Measurements, vocabulary: set[str]
) -> None:
    """One OCR word against one gold word."""
    capitalised = int(intended[0].isupper())
    stats.words += 1
    stats.capitalised += capitalised
    stats.one_to_one += 1
    patterns = measure_pair(observed, intended, result)
    if observed == intended:
        return
    stats.errors += 1
    stats.errors_capitalised += capitalised
    stats.distance[Levenshtein.distance(observed, intended)] += 1
    if observed.lower() == intended.lower():
        stats.case_only += 1
    elif observed.lower() in vocabulary:
        stats.real_word += 1
    if patterns is not None:
        result.error_patterns.append(patterns)


def measure_pair(observed: str, intended: str, result: Measurements) -> list[Pattern | None] | None:
    """Count the character edits of one OCR word against its gold word (None: pair not used)."""
    usable = (
        observed
        and REPLACEMENT_CHAR not in observed  # encoding damage, not a misreading
        and "-" not in observed  # a line-break hyphen left inside the word
        and Levenshtein.normalized_distance(observed, intended) <= MAX_PAIR_DISTANCE
        # An elision the transcription spelled out ("lov'd" for "loved") is an
        # editorial choice, not a misreading the corrector should undo.
        and not ("'" in observed and observed.replace("'", "e") == intended)
    )
    if not usable:
        return None
    result.word_pairs += 1
    result.gold_words[intended] += 1
    patterns: list[Pattern | None] = []
    edited = 0
    for block in edit_blocks(observed, intended):
        edited += len(block.intended)
        pattern = pattern_of(block, observed, intended)
        patterns.append(pattern)
        if pattern is None:
            result.long_blocks += 1
        else:
            result.patterns[pattern] += 1
            result.word_pairs_of.setdefault(pattern, set()).add((observed, intended))
    result.matched_chars += len(intended) - edited
    return patterns


@dataclass(frozen=True)
class Opportunities:
    """How often each intended string occurs in the gold words (the estimate's denominator)."""

    substrings: Counter[str]
    chars: int
    slots: int

    @classmethod
    def count(cls, gold_words: Counter[str]) -> Opportunities:
        substrings: Counter[str] = Counter()
        chars = slots = 0
        for word, times in gold_words.items():
            chars += len(word) * times
            slots += (len(word) + 1) * times
            for size in range(1, MAX_PATTERN + 1):
                for start in range(len(word) - size + 1):
                    substrings[word[start : start + size]] += times
        return cls(substrings, chars, slots)

    def of(self, intended: str) -> int:
        # OCR can add a character at any slot between, before or after letters.
        return self.substrings[intended] if intended else self.slots


@dataclass(frozen=True)
class Row:
    observed: str
    intended: str
    cost: float
    count: int


@dataclass(frozen=True)
class Fallback:
    kind: str
    cost: float
    events: int
    opportunities: int


FALLBACK_KINDS = ("substitution", "deletion", "insertion", "transposition", "case")


def cost_of(events: int, opportunities: int) -> float:
    return -math.log10(events / opportunities)


def fallbacks(
    counts: Counter[Pattern], kept: set[Pattern], opportunities: Opportunities
) -> dict[str, Fallback]:
    """Pooled estimate over the single edits too rare to list: what an unlisted edit costs."""
    events: Counter[str] = Counter()
    chances: Counter[str] = Counter()
    for pattern, count in counts.items():
        kind = kind_of(pattern)
        if kind == "multi" or pattern in kept:
            continue
        events[kind] += count
        chances[kind] += opportunities.of(pattern[1])
    result: dict[str, Fallback] = {}
    for kind in FALLBACK_KINDS:
        if not events[kind]:
            # Nothing unlisted of this kind was seen: bound it by one event in all characters.
            events[kind], chances[kind] = 1, opportunities.chars
        result[kind] = Fallback(
            kind, cost_of(events[kind], chances[kind]), events[kind], chances[kind]
        )
    return result


def build_table(result: Measurements) -> tuple[list[Row], dict[str, Fallback], Fallback]:
    opportunities = Opportunities.count(result.gold_words)
    correct = Fallback(
        "correct",
        cost_of(result.matched_chars, opportunities.chars),
        result.matched_chars,
        opportunities.chars,
    )
    counts = result.patterns
    # Every pattern with enough evidence is listed, including those rarer than
    # the pooled fallback: a measured rate beats the average of the rare ones.
    kept = sorted(
        (
            pattern
            for pattern, count in counts.items()
            if count >= MIN_COUNT
            and len(result.word_pairs_of[pattern]) >= MIN_WORD_PAIRS
            and kind_of(pattern) != "case"
            # A row starting with "#" would read as a comment line.
            and not pattern[0].startswith("#")
        ),
        key=lambda pattern: (-counts[pattern], pattern),
    )[:MAX_ROWS]
    rows = [
        Row(
            observed,
            intended,
            max(
                MIN_COST, round(cost_of(counts[observed, intended], opportunities.of(intended)), 2)
            ),
            counts[observed, intended],
        )
        for observed, intended in kept
    ]
    rows.sort(key=lambda row: (row.intended, row.observed))
    return rows, fallbacks(counts, set(kept), opportunities), correct


def render(
    rows: list[Row], fallback: dict[str, Fallback], correct: Fallback, result: Measurements
) -> str:
    documents = ", ".join(f"{name} {count}" for name, count in result.documents.items())
    lines = [
        "# OCR confusion table: the error model (noisy channel) of the OCR/spelling corrector.",
        "# Row: observed<TAB>intended<TAB>cost<TAB>count, sorted by (intended, observed).",
        "#   observed = what the OCR shows, intended = what the page had. Either may be empty:",
        "#   empty intended = the OCR added characters, empty observed = it dropped them.",
        "#   Case-sensitive; applies inside a word once its edge punctuation is stripped.",
        "#   cost = -log10 P(OCR shows observed | page had intended), 2 decimals, at least",
        f"#   {MIN_COST}; P = count / occurrences of intended in the transcribed words (for an",
        "#   empty intended: character slots, word length + 1). count = times measured.",
        "# Source: OCR output against human transcriptions, train splits only (documents:",
        f"#   {documents}); {result.word_pairs} word pairs whose transcription is an ordinary",
        f"#   alphabetic word, {correct.opportunities} characters. Typographic quotes and dashes,",
        "#   ligatures and long s are folded first (long s counts as s). Listed: count >=",
        f"#   {MIN_COUNT}, seen in >= {MIN_WORD_PAIRS} distinct word pairs, not a change of case",
        "#   alone.",
        "# Rebuild: python dictionaries/tools/build_confusions.py [--data ../shared/data/ocr]",
        "# Costs of edits no row lists, pooled over the measured edits too rare to list, as",
        "# '# cost<TAB>kind<TAB>cost<TAB>events<TAB>opportunities' (4 decimals):",
        "#   substitution = a character read as one specific other character; deletion = a",
        "#   character dropped; insertion = one specific character added; transposition = two",
        "#   neighbours swapped; case = a letter read in the other case; correct = no error,",
        "#   per character: P(OCR shows the character the page had).",
    ]
    for item in [*(fallback[kind] for kind in FALLBACK_KINDS), correct]:
        lines.append(f"# cost\t{item.kind}\t{item.cost:.4f}\t{item.events}\t{item.opportunities}")
    lines.extend(f"{row.observed}\t{row.intended}\t{row.cost:.2f}\t{row.count}" for row in rows)
    return "\n".join(lines) + "\n"


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


def report(
    result: Measurements, rows: list[Row], fallback: dict[str, Fallback], correct: Fallback
) -> None:
    total = WordStats()
    for stats in result.stats.values():
        total.add(stats)
    print(f"table: {len(rows)} rows")
    for item in [*(fallback[kind] for kind in FALLBACK_KINDS), correct]:
        print(f"  cost {item.kind:13} {item.cost:.4f}  ({item.events} / {item.opportunities})")
    print(f"  blocks longer than {MAX_PATTERN} characters (not modelled): {result.long_blocks}")
    listed = {(row.observed, row.intended): row for row in rows}
    print("key confusions (observed -> intended):")
    for pattern in KEY_CONFUSIONS:
        row = listed.get(pattern)
        measured = result.patterns[pattern]
        state = f"cost {row.cost:.2f}" if row else "NOT SUPPORTED"
        print(f"  {pattern[0]!r:6} -> {pattern[1]!r:6} count {measured:5}  {state}")
    print(f"long s in the OCR output: {result.ocr_long_s}")
    explained = sum(
        all(pattern in listed for pattern in patterns if pattern is not None)
        and None not in patterns
        for patterns in result.error_patterns
    )
    usable = len(result.error_patterns)
    print(f"1:1 word errors whose every edit is a row: {share(explained, usable)} of {usable}")
    for name, stats in [*result.stats.items(), ("all train", total)]:
        print_stats(name, stats)


def print_stats(name: str, stats: WordStats) -> None:
    errors = stats.errors
    one_to_one_errors = sum(stats.distance.values())
    within_1 = stats.distance[1]
    within_2 = within_1 + stats.distance[2]
    print(
        f"word errors, {name}: {errors} of {stats.words} gold words ({share(errors, stats.words)})"
    )
    print(f"  single word for single word : {share(one_to_one_errors, errors)}")
    print(
        f"  within edit distance 1      : {share(within_1, errors)}"
        f"  (of single-word errors: {share(within_1, one_to_one_errors)})"
    )
    print(
        f"  within edit distance 2      : {share(within_2, errors)}"
        f"  (of single-word errors: {share(within_2, one_to_one_errors)})"
    )
    print(
        f"  word-boundary (split/merge) : {share(stats.boundary, errors)}"
        f"  (spaces alone: {share(stats.boundary_space_only, errors)})"
    )
    print(f"  gold word missing in OCR    : {share(stats.dropped, errors)}")
    print(
        f"  real-word errors            : {share(stats.real_word, errors)}"
        f"  (of single-word errors: {share(stats.real_word, one_to_one_errors)})"
    )
    print(f"  case-only errors            : {share(stats.case_only, errors)}")
    print(
        f"  capitalised gold word       : {share(stats.errors_capitalised, errors)}"
        f"  (capitalised among all gold words: {share(stats.capitalised, stats.words)};"
        f" error rate capitalised {share(stats.errors_capitalised, stats.capitalised)},"
        f" lower-case {share(errors - stats.errors_capitalised, stats.words - stats.capitalised)})"
    )
    print(f"  OCR words with no gold word : {stats.spurious_ocr_words}")


def parse_args(argv: Iterable[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder holding the OCR corpora"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="table to write")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the table is stale"
    )
    return parser.parse_args(None if argv is None else list(argv))


def main(argv: Iterable[str] | None = None) -> int:
    args = parse_args(argv)
    data: Path = args.data
    if not (data / CORPORA[0].folder / "index.tsv").is_file():
        print(f"no OCR corpora under {data}", file=sys.stderr)
        return 1
    result = measure(data)
    rows, fallback, correct = build_table(result)
    out: Path = args.out
    text = render(rows, fallback, correct, result)
    report(result, rows, fallback, correct)
    if args.check:
        current = out.read_text(encoding="utf-8") if out.is_file() else None
        if current != text:
            print(f"{out} is stale: rebuild it", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
