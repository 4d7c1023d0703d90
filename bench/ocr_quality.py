"""Accuracy benchmark: how much cleaner and its peers repair OCR, and what they break.

    python bench/ocr_quality.py [--sets bln600,icdar,modern,clean] [--limit N]
        [--systems cleaner,lookup_compound,naive_symspell,pyspellchecker,codespell,identity]
        [--json out.json]

For each set and system: corpus CER before and after (in three views, see
``scoring``), the relative improvement, gold words repaired and damaged,
throughput; on the clean set, changed words per 10,000 (all false positives)
and the first changes.  See bench/README.md for what the figures mean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import sys
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: make the repository's bench package importable.  Appended,
    # so an installed cleaner (pip install -e .) is the one measured.
    sys.path.append(str(Path(__file__).resolve().parents[1]))

from bench import corpora, scoring, systems
from bench.corpora import BenchSet, Document

EXAMPLES = 20
VIEW_TITLES = {
    "folded": "folded",
    "raw": "raw",
    "ascii": "ascii quotes/dashes (Thomas et al. 2024)",
}


@dataclass
class Task:
    """One system on one set (possibly a subsample of it)."""

    set_name: str
    system: str
    docs: tuple[Document, ...]
    subsample: str | None = None


@dataclass
class Outcome:
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    setup_seconds: float = 0.0
    wall_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def subsample(
    docs: tuple[Document, ...], budget: int | None
) -> tuple[tuple[Document, ...], str | None]:
    """Every k-th document (in id order, from the first) when the set exceeds the word budget.

    Deterministic, and spread over the whole set rather than its first part.
    """
    words = sum(d.words for d in docs)
    if budget is None or words <= budget:
        return docs, None
    step = math.ceil(words / budget)
    kept = docs[::step]
    note = (
        f"subsample: every {ordinal(step)} document ({len(kept)} of {len(docs)} docs, "
        f"{sum(d.words for d in kept):,} of {words:,} words), too slow for the whole set"
    )
    return kept, note


def ordinal(n: int) -> str:
    """
    >>> ordinal(2), ordinal(3), ordinal(11), ordinal(21)
    ('2nd', '3rd', '11th', '21st')
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def run_task(system: str, texts: list[str]) -> Outcome:
    """Worker side: run one system, keeping going past a document it fails on."""
    outcome = Outcome()
    try:
        run = systems.run(system, texts)
        outcome.outputs, outcome.seconds, outcome.setup_seconds = (
            run.outputs,
            run.seconds,
            run.setup_seconds,
        )
        outcome.wall_seconds = run.wall_seconds
    except Exception:
        # Find the documents it fails on; those keep their input, as for a user.
        outcome.outputs = []
        for i, text in enumerate(texts):
            try:
                one = systems.run(system, [text])
                outcome.outputs.append(one.outputs[0])
                outcome.seconds += one.seconds
                outcome.wall_seconds += one.wall_seconds
                outcome.setup_seconds = max(outcome.setup_seconds, one.setup_seconds)
            except Exception as exc:
                outcome.outputs.append(text)
                outcome.errors.append(f"doc {i}: {type(exc).__name__}: {exc}")
    return outcome


def score_ocr(task: Task, outcome: Outcome, bench: BenchSet) -> dict[str, Any]:
    views = {v: scoring.CorpusScore() for v in scoring.VIEWS}
    damaged: list[scoring.Change] = []
    for doc, out in zip(task.docs, outcome.outputs, strict=True):
        for view, score in views.items():
            before, after, gold = (
                scoring.normalise(t, view, join_hyphens=bench.join_hyphens)
                for t in (doc.ocr, out, doc.gold)
            )
            score.add(before, after, gold, with_words=view == "folded")
            if view == "folded" and len(damaged) < EXAMPLES and after != before:
                damaged += scoring.damage(before, after, gold, doc.id)[: EXAMPLES - len(damaged)]
    folded = views["folded"]
    return {
        "views": {
            view: {
                "cer_before": s.cer_before,
                "cer_after": s.cer_after,
                "improvement_pct": s.improvement,
                "errors_before": s.errors_before,
                "errors_after": s.errors_after,
                "gold_chars": s.gold_chars,
            }
            for view, s in views.items()
        },
        "words": asdict(folded.words),
        "damage_examples": [asdict(c) for c in damaged],
    }


def score_clean(task: Task, outcome: Outcome, examples: int) -> dict[str, Any]:
    changes: list[scoring.Change] = []
    changed_words = char_edits = chars = docs_changed = 0
    for doc, out in zip(task.docs, outcome.outputs, strict=True):
        chars += len(doc.ocr)
        if out == doc.ocr:
            continue
        docs_changed += 1
        char_edits += scoring.char_errors(out, doc.ocr)
        found = scoring.word_changes(doc.ocr, out, doc.id)
        changed_words += scoring.changed_word_count(found)
        # A change of whitespace alone leaves the words equal: still list it.
        if not found:
            found = [scoring.Change(doc.id, "(whitespace)", "(whitespace)", "whitespace only")]
        changes += found
    words = sum(d.words for d in task.docs)
    return {
        "changed_words": changed_words,
        "changed_per_10k": 10_000 * changed_words / max(1, words),
        "docs_changed": docs_changed,
        "char_edits": char_edits,
        "chars": chars,
        "changes": [asdict(c) for c in changes[:examples]],
        "changes_total": len(changes),
    }


def fmt_rate(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def fmt_pct(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:+.1f}%" if signed else f"{value:.2%}"


def print_ocr_table(bench: BenchSet, results: dict[str, dict[str, Any]], notes: list[str]) -> None:
    words = bench.words
    head = f"{bench.title}: {len(bench.docs)} docs, {words:,} OCR words"
    print(f"\n== {bench.name} == {head}")
    print(
        "   CER (folded view) = edits summed over docs / gold chars summed; "
        "words: gold words wrong->right (repaired), right->wrong (damaged)"
    )
    cols = (
        f"{'system':<17}{'docs':>5}{'CER before':>12}{'CER after':>11}{'improv.':>9}"
        f"{'repaired':>10}{'damaged':>9}{'net':>8}{'words/s':>10}"
    )
    print(cols)
    print("-" * len(cols))
    for name, r in results.items():
        v = r["views"]["folded"]
        w = r["words"]
        star = "*" if r["subsample"] else " "
        print(
            f"{name + star:<17}{r['docs']:>5}{fmt_pct(v['cer_before']):>12}"
            f"{fmt_pct(v['cer_after']):>11}{fmt_pct(v['improvement_pct'], True):>9}"
            f"{w['repaired']:>10,}{w['damaged']:>9,}{w['repaired'] - w['damaged']:>+8,}"
            f"{fmt_rate(r['words_per_s']):>10}"
        )
    print("   other views, CER before -> after (improvement):")
    for name, r in results.items():
        parts = []
        for view in ("raw", "ascii"):
            v = r["views"][view]
            parts.append(
                f"{VIEW_TITLES[view]}: {fmt_pct(v['cer_before'])} -> "
                f"{fmt_pct(v['cer_after'])} ({fmt_pct(v['improvement_pct'], True)})"
            )
        print(f"   {name:<16} " + "; ".join(parts))
    print_notes(results, notes)


def print_notes(results: dict[str, dict[str, Any]], notes: list[str]) -> None:
    """What stands under a table: subsamples, failures, the set's notes."""
    for name, r in results.items():
        if r["subsample"]:
            print(f"   * {name}: {r['subsample']}")
        if r["errors"]:
            print(f"   ! {name} failed on {len(r['errors'])} docs (input kept): {r['errors'][0]}")
    for note in notes:
        print(f"   - {note}")


def print_clean_table(
    bench: BenchSet, results: dict[str, dict[str, Any]], notes: list[str], examples: int
) -> None:
    print(f"\n== {bench.name} == {bench.title}: {len(bench.docs)} docs, {bench.words:,} words")
    cols = (
        f"{'system':<17}{'docs':>5}{'words':>8}{'changed words':>15}{'per 10k':>9}"
        f"{'docs changed':>14}{'char edits':>12}{'words/s':>10}"
    )
    print(cols)
    print("-" * len(cols))
    for name, r in results.items():
        star = "*" if r["subsample"] else " "
        print(
            f"{name + star:<17}{r['docs']:>5}{r['words']:>8,}{r['changed_words']:>15,}"
            f"{r['changed_per_10k']:>9.1f}{r['docs_changed']:>14,}{r['char_edits']:>12,}"
            f"{fmt_rate(r['words_per_s']):>10}"
        )
    print_notes(results, notes)
    for name, r in results.items():
        if not r["changes"]:
            continue
        print(
            f"   first {min(examples, r['changes_total'])} of {r['changes_total']} "
            f"changes by {name} (each a false positive):"
        )
        for c in r["changes"]:
            print(f"     {c['doc_id']}: {c['context']}")


def parse_list(value: str, allowed: Sequence[str], what: str) -> list[str]:
    items = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in items if v not in allowed]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown {what}: {', '.join(unknown)} (choose from {', '.join(allowed)})"
        )
    return items


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--sets",
        default=",".join(corpora.SET_NAMES),
        type=lambda v: parse_list(v, corpora.SET_NAMES, "set"),
    )
    parser.add_argument(
        "--systems",
        default=",".join(systems.SYSTEM_NAMES),
        type=lambda v: parse_list(v, systems.SYSTEM_NAMES, "system"),
    )
    parser.add_argument("--limit", type=int, default=None, help="at most N documents per set")
    parser.add_argument("--json", type=Path, default=None, help="write all figures here")
    parser.add_argument(
        "--data",
        type=Path,
        default=corpora.DEFAULT_DATA,
        help="folder with bln600/ and icdar2017-en/ (default ../shared/data/ocr)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=corpora.CACHE,
        help="where the built sets are kept (default bench/.cache)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="worker processes (each runs one system on one set at a time)",
    )
    parser.add_argument(
        "--full", action="store_true", help="no subsampling of slow peers (much longer run)"
    )
    parser.add_argument(
        "--examples", type=int, default=EXAMPLES, help="clean-set changes to list per system"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

    notes: dict[str, list[str]] = {}
    sets: dict[str, BenchSet] = {}
    for name in args.sets:
        try:
            sets[name] = corpora.load(name, data=args.data, cache=args.cache).limited(args.limit)
        except corpora.SetUnavailable as exc:
            print(f"skipping set {name}: {exc}", file=sys.stderr)
            notes.setdefault("_", []).append(f"set {name} skipped: {exc}")

    available: list[str] = []
    for name in args.systems:
        reason = systems.REGISTRY[name]().missing()
        if reason:
            print(f"skipping system {name}: {reason}", file=sys.stderr)
            notes.setdefault("_", []).append(f"system {name} skipped: {reason}")
        else:
            available.append(name)

    tasks: list[Task] = []
    for bench in sets.values():
        for name in available:
            budget = None if args.full else systems.REGISTRY[name].word_budget
            docs, note = subsample(bench.docs, budget)
            tasks.append(Task(bench.name, name, docs, note))
    # Longest first so the two workers finish together.
    tasks.sort(
        key=lambda t: (
            -sum(d.words for d in t.docs)
            * (
                50
                if t.system == "pyspellchecker"
                else 5
                if t.system in ("lookup_compound", "cleaner")
                else 1
            )
        )
    )

    print(f"running {len(tasks)} system/set pairs on {args.jobs} workers ...", file=sys.stderr)
    outcomes: dict[tuple[str, str], Outcome] = {}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures: dict[tuple[str, str], Future[Outcome]] = {
            (t.set_name, t.system): pool.submit(run_task, t.system, [d.ocr for d in t.docs])
            for t in tasks
        }
        for key, future in futures.items():
            outcomes[key] = future.result()
            print(
                f"  done: {key[1]} on {key[0]} ({outcomes[key].seconds:.1f} CPU s)", file=sys.stderr
            )

    report: dict[str, Any] = {
        "benchmark": "ocr_quality",
        "date": stamp,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "notes": notes.get("_", []),
        "sets": {},
    }
    for bench in sets.values():
        results: dict[str, dict[str, Any]] = {}
        for task in (t for t in tasks if t.set_name == bench.name):
            outcome = outcomes[(bench.name, task.system)]
            words = sum(d.words for d in task.docs)
            size = sum(len(d.ocr.encode("utf-8")) for d in task.docs)
            entry: dict[str, Any] = {
                "docs": len(task.docs),
                "words": words,
                "subsample": task.subsample,
                "cpu_seconds": outcome.seconds,
                "wall_seconds": outcome.wall_seconds,
                "setup_cpu_seconds": outcome.setup_seconds,
                # None: too fast to time (the identity).
                "words_per_s": words / outcome.seconds if outcome.seconds > 1e-3 else None,
                "kb_per_s": size / 1024 / outcome.seconds if outcome.seconds > 1e-3 else None,
                "errors": outcome.errors,
            }
            if bench.kind == "ocr":
                entry |= score_ocr(task, outcome, bench)
            else:
                entry |= score_clean(task, outcome, args.examples)
            results[task.system] = entry
        results = {name: results[name] for name in available if name in results}
        set_notes = [bench.note] if bench.note else []
        manifest = corpora.read_cache_manifest(
            args.cache / {"modern": "modern-ocr"}.get(bench.name, bench.name)
        )
        if bench.name in ("modern", "clean") and manifest:
            set_notes.append(
                "built: "
                + ", ".join(
                    f"{k}={manifest[k]}"
                    for k in ("prose", "seed", "pages", "documents", "tesseract", "ocr_cer_folded")
                    if k in manifest
                )
            )
        if bench.kind == "ocr":
            print_ocr_table(bench, results, set_notes)
        else:
            print_clean_table(bench, results, set_notes, args.examples)
        report["sets"][bench.name] = {
            "title": bench.title,
            "kind": bench.kind,
            "docs": len(bench.docs),
            "words": bench.words,
            "join_hyphens": bench.join_hyphens,
            "notes": set_notes,
            "systems": results,
        }
    elapsed = time.perf_counter() - started
    report["seconds"] = elapsed
    for note in report["notes"]:
        print(f"note: {note}")
    print(f"\ntotal {elapsed:.0f}s on {args.jobs} workers")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
