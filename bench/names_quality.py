"""Names and places: how well cleaner repairs misspelt place names, and what it
changes in text that has none.

Run from the repository root (``pip install -e .`` first)::

    python bench/names_quality.py            # the report
    python bench/names_quality.py --show 20  # plus 20 examples of each outcome

Three sets of clean text, each used twice (untouched, and with typos):

* **seed**: the seed article's expected output (``fixtures/seed/*.expected.txt``),
  a real news story about Turkey, Ukraine and Russia.
* **docs**: running prose from this machine's ``/usr/share/doc`` (plain text,
  Markdown and reStructuredText files, README and NEWS files), cut into
  paragraphs by ``bench/prose.py`` and sampled with a fixed seed, about
  ``--doc-words`` words grouped into documents of about 400 words.
  Technical text full of capitalised names that no list holds.
* **synthetic**: ``--docs`` news-like documents built from the templates
  below. Each one is about one place: a city or capital of at least 100,000
  people drawn with a fixed seed from the shipped gazetteer, with a chance
  proportional to its population (news names a city of two million about
  twice as often as a city of one million), named once,
  with its country (short English name), the country's nationality
  adjective, another city of that country and two other countries, plus
  officials with real names from world news (a hand-written list of people
  no gazetteer holds, many of whom no English dictionary holds either).

Typos go into place names only: every place slot of the synthetic
documents, and, in the seed and docs sets, mid-sentence capitalised words
that the gazetteer lists as a country, capital or nationality word, or as
a place of at least 500,000 people. Each typo gives a document of its own,
with exactly one misspelt word. A typo is one of: *deletion* of a letter,
*substitution* by a neighbouring key on a QWERTY keyboard, *transposition*
of two neighbouring letters, *insertion* of a neighbouring key, or *ocr*: one
row of ``dictionaries/confusions.tsv`` applied backwards (the page had
``intended``, the OCR shows ``observed``), drawn in proportion to its
probability. The first letter is never deleted or swapped, so the word stays
capitalised. Typos that turn a name into another known word (lexicon or
gazetteer) are kept: nothing can repair them, and they count as misses.

Only the names stages run (``names`` and ``consistency``; every other stage
is disabled), with the default configuration. Measures:

* **recall**: typos that ``fix`` repairs exactly, of all typos;
* **precision**: exact repairs, of all edits that ``fix`` makes in the
  documents with typos (wrong repairs and changes elsewhere count against it);
* **changed words per 10,000** on the untouched text (what ``fix`` changes),
  and proposals per 10,000 (what ``check`` lists, safe or not);
* **added time** on a seed-sized document: the median over repeats of
  ``propose(seed)`` with only the names stages, minus the same with no stage,
  in a warm process; and their first call in a fresh process (the lexicon,
  which the spelling stage loads anyway, already loaded), with the gazetteer
  index cached on disk and without.

Everything is deterministic for a given ``--seed`` and machine; the docs set
depends on which packages installed documentation. This benchmark never reads
``../shared/data``.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import prose
from cleaner.config import Config
from cleaner.edits import Edit, apply_edits
from cleaner.gazetteer import Gazetteer, Place, fold, gazetteer_for
from cleaner.lexicon import default_lexicon
from cleaner.pipeline import propose
from cleaner.stages import STAGES
from cleaner.stages import consistency as consistency_stage
from cleaner.stages import names as names_stage

ROOT = Path(__file__).resolve().parents[1]
SEED_ARTICLE = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.expected.txt"
GAZETTEER = ROOT / "dictionaries" / "gazetteer.tsv"
CONFUSIONS = ROOT / "dictionaries" / "confusions.tsv"
DOC_ROOT = Path("/usr/share/doc")
DEFAULT_SEED = 20261128
NAME_STAGES = frozenset({"names", "consistency"})
KINDS = ("deletion", "substitution", "transposition", "insertion", "ocr")
TARGETS = {"recall": 0.85, "precision": 0.95, "changed_per_10k": 1.0, "added_ms": 50.0}

_QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbours() -> dict[str, str]:
    near: dict[str, str] = {}
    for r, row in enumerate(_QWERTY):
        for c, key in enumerate(row):
            keys = [row[c - 1] if c else "", row[c + 1] if c + 1 < len(row) else ""]
            for other in (r - 1, r + 1):
                if 0 <= other < len(_QWERTY):
                    keys += list(_QWERTY[other][max(c - 1, 0) : c + 2])
            near[key] = "".join(k for k in keys if k)
    return near


NEIGHBOURS = _neighbours()


# --- the texts ---------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """A clean document and the place mentions typos may go into: (start, end)."""

    set_name: str
    ident: str
    text: str
    places: tuple[tuple[int, int], ...]
    # Real towns held out of the gazetteer for the run: names nobody listed.
    unlisted: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Row:
    name: str
    kind: str
    country: str
    weight: int


def gazetteer_rows() -> list[Row]:
    rows = []
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, kind, country, weight = line.split("\t")
            rows.append(Row(name, kind, country, int(weight)))
    return rows


_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def natural_mentions(text: str, rows: Sequence[Row]) -> tuple[tuple[int, int], ...]:
    """Mid-sentence mentions of well-known places (see the module docstring)."""
    notable: dict[str, Row] = {}
    lexicon = default_lexicon()
    for row in rows:
        # Not regions and cities that are also everyday words ("East", "Western").
        if row.kind in {"country", "capital", "demonym"} or (
            row.weight >= 500_000 and lexicon.count(row.name) < 10_000_000
        ):
            held = notable.get(row.name)
            if held is None or row.weight > held.weight:
                notable[row.name] = row
    found = []
    for match in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group())
        before = text[: match.start()].rstrip(" \"'“‘(")
        if word in notable and before and before[-1] not in ".!?:\n" and len(word) >= 4:
            found.append((match.start(), match.start() + len(word)))
    return tuple(found)


def seed_docs(rows: Sequence[Row]) -> list[Doc]:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    return [Doc("seed", "seed", text, natural_mentions(text, rows))]


def doc_files() -> list[Path]:
    patterns = ("*.txt", "*.md", "*.rst", "README", "NEWS")
    files = {p for pattern in patterns for p in DOC_ROOT.rglob(pattern) if p.is_file()}
    return sorted(files)


def doc_docs(rows: Sequence[Row], words: int, seed: int) -> list[Doc]:
    """Prose paragraphs from /usr/share/doc, about 400 words a document."""
    paragraphs: list[str] = []
    seen: set[str] = set()
    for path in doc_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for paragraph in prose.paragraphs_of(text):
            if paragraph not in seen:
                seen.add(paragraph)
                paragraphs.append(paragraph)
    random.Random(seed).shuffle(paragraphs)
    docs: list[Doc] = []
    current: list[str] = []
    total = 0
    for paragraph in paragraphs:
        if total >= words:
            break
        current.append(paragraph)
        total += len(paragraph.split())
        if sum(len(p.split()) for p in current) >= 400:
            text = "\n\n".join(current) + "\n"
            docs.append(Doc("docs", f"docs-{len(docs):03d}", text, natural_mentions(text, rows)))
            current = []
    if current:
        text = "\n\n".join(current) + "\n"
        docs.append(Doc("docs", f"docs-{len(docs):03d}", text, natural_mentions(text, rows)))
    return docs


# Real people from world news: names that must come through untouched.
PEOPLE = [
    ("Foreign Minister", "Dmytro", "Kuleba"), ("Foreign Minister", "Sergey", "Lavrov"),
    ("Foreign Minister", "Hakan", "Fidan"), ("Foreign Minister", "Annalena", "Baerbock"),
    ("Chancellor", "Olaf", "Scholz"), ("President", "Emmanuel", "Macron"),
    ("Prime Minister", "Narendra", "Modi"), ("Minister", "Subrahmanyam", "Jaishankar"),
    ("Prime Minister", "Fumio", "Kishida"), ("Prime Minister", "Anthony", "Albanese"),
    ("Senator", "Penny", "Wong"), ("President", "Cyril", "Ramaphosa"),
    ("President", "Bola", "Tinubu"), ("President", "William", "Ruto"),
    ("Prime Minister", "Abiy", "Ahmed"), ("President", "Javier", "Milei"),
    ("President", "Gabriel", "Boric"), ("President", "Gustavo", "Petro"),
    ("President", "Claudia", "Sheinbaum"), ("Prime Minister", "Justin", "Trudeau"),
    ("Minister", "Mélanie", "Joly"), ("Prime Minister", "Keir", "Starmer"),
    ("Prime Minister", "Giorgia", "Meloni"), ("Prime Minister", "Pedro", "Sánchez"),
    ("Prime Minister", "Viktor", "Orbán"), ("Prime Minister", "Donald", "Tusk"),
    ("Prime Minister", "Petr", "Fiala"), ("Prime Minister", "Robert", "Fico"),
    ("President", "Aleksandar", "Vučić"), ("Prime Minister", "Andrej", "Plenković"),
    ("Prime Minister", "Kyriakos", "Mitsotakis"), ("Prime Minister", "Mette", "Frederiksen"),
    ("Prime Minister", "Ulf", "Kristersson"), ("President", "Alexander", "Stubb"),
    ("Prime Minister", "Kaja", "Kallas"), ("President", "Gitanas", "Nausėda"),
    ("President", "Ilham", "Aliyev"), ("Prime Minister", "Nikol", "Pashinyan"),
    ("President", "Kassym-Jomart", "Tokayev"), ("President", "Shavkat", "Mirziyoyev"),
    ("Prime Minister", "Shehbaz", "Sharif"), ("President", "Ranil", "Wickremesinghe"),
    ("President", "Prabowo", "Subianto"), ("Prime Minister", "Anwar", "Ibrahim"),
    ("Minister", "Ayman", "Safadi"), ("President", "Masoud", "Pezeshkian"),
    ("Minister", "Abbas", "Araghchi"), ("President", "Isaac", "Herzog"),
    ("Prime Minister", "Najib", "Mikati"), ("analyst", "Soner", "Çağaptay"),
    ("professor", "Berk", "Esen"), ("researcher", "Aaron", "Stein"),
    ("spokesperson", "Maria", "Zakharova"), ("spokesperson", "Oleg", "Nikolenko"),
    ("spokesperson", "Mao", "Ning"), ("economist", "Nouriel", "Roubini"),
    ("commander", "Valerii", "Zaluzhnyi"), ("mayor", "Vitali", "Klitschko"),
    ("envoy", "Rafael", "Grossi"), ("envoy", "Volker", "Türk"),
]  # fmt: skip
ORGS = [
    "the United Nations", "the European Union", "the World Bank", "the Red Cross",
    "the International Monetary Fund", "Reuters", "Agence France-Presse", "NATO",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "April", "June", "July", "September", "October", "November"]

LEADS = [
    "Officials in {place} said on {day} that talks on trade and energy with {country2} "
    "would resume next month.",
    "Thousands of people marched through {place} on {day}, the largest protest in {country} "
    "since {year}.",
    "Heavy rain flooded parts of {place} overnight, forcing hundreds of families from their "
    "homes, {demonym} authorities said.",
    "The {demonym} government will host a regional summit in {place} next week, the foreign "
    "ministry announced on {day}.",
    "A new rail line linking {place} with {other} opened on {day} after six years of "
    "construction.",
    "Police in {place} arrested 14 people on {day} after clashes near the central station, "
    "local media in {country} reported.",
    "Prices of bread and fuel in {place} rose by {n} percent in {month}, the highest rise in "
    "{country} this year.",
    "{place} will host the {demonym} national games in {year}, organisers said on {day}.",
    "Flights from {place} to {other} were cancelled on {day} as a storm moved across "
    "{country}.",
    "Doctors in {place} warned on {day} that hospitals were running short of medicines.",
]  # fmt: skip
FOLLOWS = [
    "{title} {first} {last} said the government was \"working to stop this crisis\" and "
    "called for calm.",
    "{last} is expected to meet counterparts from {country2} and {country3} later this month.",
    "{org} said it was monitoring the situation closely.",
    "{country} has faced rising prices since {year}, and the central bank raised interest "
    "rates twice this year.",
    "Residents of {other} reported power cuts lasting several hours.",
    "Analysts, however, doubt that a breakthrough will be made before the end of the year.",
    "\"We are doing everything we can,\" said {first2} {last2}, a {title2} quoted by {org}.",
    "The {demonym} economy grew by {n} percent last year, according to official figures.",
    "Trade between {country} and {country3} reached a record last year.",
    "The talks in {other} ended without an agreement, but both sides said they would meet "
    "again.",
    "Opposition leaders accused the government of ignoring the warnings.",
    "{last2} told reporters that the plan had the support of most regional governors.",
]  # fmt: skip
_PLACE_SLOTS = frozenset({"place", "other", "country", "country2", "country3", "demonym"})
_SLOT = re.compile(r"\{(\w+)\}")


# A town the gazetteer does not know, in a country the document is about.
SMALL = [
    "In {small}, a town of about {smallpop} people, residents queued for water.",
    "The mayor of {small} said the town had not yet received any aid.",
    "Farmers near {small} said the harvest was the worst in a decade.",
    "Two schools in {small} were closed after the storm.",
]


def synthetic_docs(rows: Sequence[Row], count: int, seed: int) -> list[Doc]:
    """The synthetic news-like set (see the module docstring)."""
    rng = random.Random(seed)
    gazetteer = gazetteer_for(())
    usable = [r for r in rows if not re.search(r"[\d/(,]", r.name)]
    cities = [r for r in usable if r.kind in {"city", "capital"} and r.weight >= 100_000]
    big_names = {r.name for r in cities}
    by_country: dict[str, list[Row]] = {}
    for row in cities:
        by_country.setdefault(row.country, []).append(row)
    towns: dict[str, list[Row]] = {}
    for row in usable:
        if row.kind == "city" and row.weight < 30_000 and row.name not in big_names:
            towns.setdefault(row.country, []).append(row)
    demonyms: dict[str, str] = {}
    for row in rows:
        if row.kind == "demonym" and " " not in row.name:
            demonyms.setdefault(row.country, row.name)
    countries = sorted(c for c in by_country if c in demonyms)
    docs: list[Doc] = []
    weights = [c.weight for c in cities]
    while len(docs) < count:
        # News names a city of two million about twice as often as one of a million.
        place = rng.choices(cities, weights)[0]
        if place.country not in demonyms or not towns.get(place.country):
            continue
        others = [r for r in by_country[place.country] if r.name != place.name]
        if not others:
            continue
        (title, first, last), (title2, first2, last2) = rng.sample(PEOPLE, 2)
        country2, country3 = rng.sample([c for c in countries if c != place.country], 2)
        small = rng.choice(towns[place.country])
        values = {
            "place": place.name,
            "other": rng.choice(others).name,
            "country": gazetteer.country_name(place.country),
            "country2": gazetteer.country_name(country2),
            "country3": gazetteer.country_name(country3),
            "demonym": demonyms[place.country],
            "small": small.name, "smallpop": f"{small.weight // 1000 * 1000:,}",
            "title": title, "first": first, "last": last,
            "title2": title2.lower() if title2[0].islower() else "official",
            "first2": first2, "last2": last2,
            "org": rng.choice(ORGS), "day": rng.choice(DAYS), "month": rng.choice(MONTHS),
            "year": str(rng.randint(1990, 2021)), "n": str(rng.randint(2, 19)),
        }  # fmt: skip
        sentences = [rng.choice(LEADS)]
        sentences += rng.sample(FOLLOWS, rng.randint(4, 6))
        # "{last}" alone only after the full name, as news writes it.
        if any("{last}" in s and "{first}" not in s for s in sentences):
            sentences.insert(1, FOLLOWS[0])
        if any("{last2}" in s and "{first2}" not in s for s in sentences):
            sentences.insert(1, FOLLOWS[6])
        sentences = list(dict.fromkeys(sentences))
        sentences.insert(rng.randint(1, len(sentences)), rng.choice(SMALL))
        middle = len(sentences) // 2
        text, spans = _fill(
            " ".join(sentences[:middle]) + "\n\n" + " ".join(sentences[middle:]) + "\n", values
        )
        places = tuple(span for slot, span in spans if slot in _PLACE_SLOTS)
        unlisted = tuple(span for slot, span in spans if slot == "small")
        docs.append(Doc("synthetic", f"syn-{len(docs):03d}", _capitalise(text), places, unlisted))
    return docs


def _fill(template: str, values: dict[str, str]) -> tuple[str, list[tuple[str, tuple[int, int]]]]:
    out: list[str] = []
    spans: list[tuple[str, tuple[int, int]]] = []
    pos = 0
    length = 0
    for match in _SLOT.finditer(template):
        out.append(template[pos : match.start()])
        length += match.start() - pos
        value = values[match.group(1)]
        spans.append((match.group(1), (length, length + len(value))))
        out.append(value)
        length += len(value)
        pos = match.end()
    out.append(template[pos:])
    return "".join(out), spans


def _capitalise(text: str) -> str:
    # "the United Nations said" opening a sentence.
    return re.sub(r"(^|(?<=[.!?] )|(?<=\n))the ", "The ", text)


# --- typos ------------------------------------------------------------------------


@dataclass(frozen=True)
class Typo:
    doc: Doc
    start: int
    end: int
    original: str
    typo: str
    kind: str

    @property
    def text(self) -> str:
        return self.doc.text[: self.start] + self.typo + self.doc.text[self.end :]


def ocr_rows() -> list[tuple[str, str, float]]:
    rows = []
    for line in CONFUSIONS.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) != 4:
            continue
        observed, intended, cost, _ = fields
        if intended.isalpha() and (observed == "" or observed.isalpha()):
            rows.append((observed, intended, float(cost)))
    return rows


def make_typo(
    name: str, kind: str, rng: random.Random, ocr: Sequence[tuple[str, str, float]]
) -> str:
    """``name`` with one typo of ``kind``; the name itself when none applies.

    Typos go into the capitalised words of a name ("Hong Kong", not the "de"
    of "Rio de Janeiro") and never delete or move a word's first letter.
    """
    words = [m for m in re.finditer(r"[^\W\d_]+", name) if m.group()[0].isupper()]
    letters = [i for m in words for i in range(m.start(), m.end())]
    inner = [i for m in words for i in range(m.start() + 1, m.end())]
    ends = [m.end() for m in words]
    if kind == "deletion" and inner:
        i = rng.choice(inner)
        return name[:i] + name[i + 1 :]
    if kind == "substitution" and letters:
        i = rng.choice(letters)
        keys = NEIGHBOURS.get(name[i].lower(), "")
        if keys:
            new = rng.choice(keys)
            return name[:i] + (new.upper() if name[i].isupper() else new) + name[i + 1 :]
    if kind == "transposition":
        pairs = [i for i in inner if i + 1 in inner and name[i] != name[i + 1]]
        if pairs:
            i = rng.choice(pairs)
            return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if kind == "insertion" and inner:
        i = rng.choice(inner + ends)
        keys = NEIGHBOURS.get(name[i - 1].lower(), "")
        if keys:
            return name[:i] + rng.choice(keys) + name[i:]
    if kind == "ocr":
        options = []
        for observed, intended, cost in ocr:
            for start in inner:
                if name.startswith(intended, start) and all(
                    k in inner for k in range(start, start + len(intended))
                ):
                    options.append((start, observed, intended, 10**-cost))
        if options:
            start, observed, intended, _ = rng.choices(options, [o[3] for o in options])[0]
            return name[:start] + observed + name[start + len(intended) :]
    return name


def typos_of(docs: Sequence[Doc], rng: random.Random) -> list[Typo]:
    ocr = ocr_rows()
    found = []
    for doc in docs:
        for start, end in doc.places:
            original = doc.text[start:end]
            kind = rng.choice(KINDS)
            typo = make_typo(original, kind, rng, ocr)
            if typo != original:
                found.append(Typo(doc, start, end, original, typo, kind))
    return found


# --- measuring ---------------------------------------------------------------------


class HidingGazetteer(Gazetteer):
    """The shipped gazetteer without some names: places nobody listed."""

    def __init__(self, hidden: frozenset[str]) -> None:
        super().__init__()
        self.hidden = hidden

    def lookup(self, name: str) -> list[Place]:
        return [] if fold(name) in self.hidden else super().lookup(name)


@contextlib.contextmanager
def hidden_names(docs: Sequence[Doc]) -> Iterator[None]:
    """Run the stages with the documents' unlisted towns removed from the gazetteer."""
    hidden = frozenset(fold(d.text[s:e]) for d in docs for s, e in d.unlisted)
    if not hidden:
        yield
        return
    gazetteer = HidingGazetteer(hidden)
    saved = names_stage.gazetteer_for, consistency_stage.gazetteer_for
    names_stage.gazetteer_for = consistency_stage.gazetteer_for = lambda files: gazetteer
    try:
        yield
    finally:
        names_stage.gazetteer_for, consistency_stage.gazetteer_for = saved


def names_only() -> Config:
    """The default configuration with every stage but the names stages disabled."""
    return Config(disable=frozenset(STAGES) - NAME_STAGES)


def changed_words(text: str, edits: Sequence[Edit]) -> int:
    return sum(max(1, len(_WORD.findall(e.before))) for e in edits)


@dataclass
class Tally:
    typos: int = 0
    repaired: int = 0
    review: int = 0
    wrong: int = 0
    missed: int = 0
    known_word: int = 0
    changes: int = 0  # edits fix makes in the documents with typos
    by_kind: Counter[str] = field(default_factory=Counter)
    repaired_by_kind: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    # (confidence, safe, right) of every names edit proposed in the documents with typos.
    proposals: list[tuple[float, bool, bool]] = field(default_factory=list)

    def note(self, outcome: str, example: str) -> None:
        self.examples.setdefault(outcome, []).append(example)


def score_typos(typos: Sequence[Typo], config: Config) -> Tally:
    tally = Tally()
    lexicon = default_lexicon()
    gazetteer = gazetteer_for(config.gazetteers)
    for typo in typos:
        text = typo.text
        edits = propose(text, config)
        safe = [e for e in edits if e.safe]
        end = typo.start + len(typo.typo)
        here = [e for e in safe if e.start < end and typo.start < e.end]
        tally.typos += 1
        tally.by_kind[typo.kind] += 1
        tally.changes += len(safe)
        for e in edits:
            right = (e.start, e.before, e.after) == (typo.start, typo.typo, typo.original)
            tally.proposals.append((e.confidence, e.safe, right))
        example = f"{typo.doc.ident}: {typo.original!r} -> {typo.typo!r} ({typo.kind})"
        core = typo.typo.split()[-1] if " " not in typo.original else typo.typo
        if core in lexicon or core in gazetteer:
            tally.known_word += 1
        lo = min([typo.start, *(e.start for e in here)])
        region = text[lo : max([end, *(e.end for e in here)])]
        repaired = apply_edits(region, [e.shifted(-lo) for e in here]) if here else None
        expected = typo.doc.text[lo : lo + len(region) - len(typo.typo) + len(typo.original)]
        if repaired is not None and repaired == expected:
            tally.repaired += 1
            tally.repaired_by_kind[typo.kind] += 1
            tally.note("repaired", example)
        elif here:
            tally.wrong += 1
            tally.note("wrong", f"{example} => {repaired!r}")
        elif any(
            e.after == typo.original and e.start <= typo.start and end <= e.end
            for e in edits
            if not e.safe
        ):
            tally.review += 1
            tally.note("review", example)
        else:
            tally.missed += 1
            tally.note("missed", example)
    return tally


@dataclass
class Clean:
    words: int = 0
    changed: int = 0
    proposed: int = 0
    unlisted: int = 0
    unlisted_changed: int = 0
    changed_elsewhere: int = 0  # words changed outside the held-out towns
    examples: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # what fix changed, one line each
    proposals: list[tuple[float, bool, bool]] = field(default_factory=list)


def score_clean(docs: Sequence[Doc], config: Config) -> Clean:
    result = Clean()
    for doc in docs:
        edits = propose(doc.text, config)
        safe = [e for e in edits if e.safe]
        result.words += len(_WORD.findall(doc.text))
        result.changed += changed_words(doc.text, safe)
        result.proposed += changed_words(doc.text, edits)
        result.unlisted += len(doc.unlisted)
        result.unlisted_changed += sum(
            any(e.start < end and start < e.end for e in safe) for start, end in doc.unlisted
        )
        elsewhere = [
            e for e in safe if not any(e.start < end and s < e.end for s, end in doc.unlisted)
        ]
        result.changed_elsewhere += changed_words(doc.text, elsewhere)
        for e in edits:
            line = f"{doc.ident}: {e.before!r} -> {e.after!r} ({e.reason})"
            (result.changes if e.safe else result.examples).append(line)
            result.proposals.append((e.confidence, e.safe, False))
    return result


def calibration(proposals: Sequence[tuple[float, bool, bool]]) -> list[str]:
    """Right and wrong proposals by confidence: how well confidence predicts correctness."""
    bins = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01]
    lines = []
    for lo, hi in itertools.pairwise(bins):
        inside = [p for p in proposals if lo <= p[0] < hi]
        right = sum(p[2] for p in inside)
        safe = sum(p[1] for p in inside)
        if inside:
            lines.append(
                f"  confidence {lo:.2f}-{min(hi, 1):.2f}: {len(inside):5} proposed, "
                f"{right:5} right ({pct(right, len(inside))}), {safe:5} applied by fix"
            )
    return lines


def added_time(repeats: int) -> dict[str, float]:
    """Milliseconds that the names stages add to ``propose`` on the seed article.

    Only these stages run (``names_only``) against no stage at all, so the
    figure does not move with the speed of the other stages.
    """
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    without = Config(disable=frozenset(STAGES))
    with_names = names_only()
    propose(text, with_names)
    propose(text, without)
    on: list[float] = []
    off: list[float] = []
    for _ in range(repeats):
        t = time.perf_counter()
        propose(text, without)
        off.append(time.perf_counter() - t)
        t = time.perf_counter()
        propose(text, with_names)
        on.append(time.perf_counter() - t)
    return {"warm_added_ms": 1000 * (statistics.median(on) - statistics.median(off))}


_FIRST_CALL = """
import sys, time
from cleaner.config import Config
from cleaner.lexicon import default_lexicon
from cleaner.pipeline import propose
from cleaner.stages import STAGES
text = open(sys.argv[1], encoding="utf-8").read()
default_lexicon()  # loaded for the spelling stage anyway: not counted here
propose(text, Config(disable=frozenset(STAGES)))
t = time.perf_counter()
propose(text, Config(disable=frozenset(STAGES) - {"names", "consistency"}))
print(time.perf_counter() - t)
"""


def first_call(repeats: int) -> dict[str, float]:
    """The names stages' first call in a fresh process, with the gazetteer index
    cached on disk and without (the median of ``repeats`` processes each)."""
    results: dict[str, list[float]] = {"cold_cached_ms": [], "cold_uncached_ms": []}
    with tempfile.TemporaryDirectory() as folder:
        for i in range(repeats):
            for label, cache in (("cold_uncached_ms", f"{folder}/{i}"), ("cold_cached_ms", folder)):
                env = dict(os.environ, CLEANER_CACHE_DIR=cache)
                out = subprocess.run(
                    [sys.executable, "-c", _FIRST_CALL, str(SEED_ARTICLE)],
                    capture_output=True, text=True, env=env, check=True,
                )  # fmt: skip
                results[label].append(1000 * float(out.stdout))
    return {k: statistics.median(v) for k, v in results.items()}


# --- report --------------------------------------------------------------------------


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--docs", type=int, default=300, help="synthetic documents")
    parser.add_argument("--doc-words", type=int, default=40_000, help="words of doc prose")
    parser.add_argument("--repeats", type=int, default=30, help="timing repeats")
    parser.add_argument("--show", type=int, default=0, help="examples of each outcome")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)

    rows = gazetteer_rows()
    sets = {
        "seed": seed_docs(rows),
        "docs": doc_docs(rows, args.doc_words, args.seed) if DOC_ROOT.is_dir() else [],
        "synthetic": synthetic_docs(rows, args.docs, args.seed),
    }
    config = names_only()
    figures: dict[str, object] = {"seed": args.seed}
    total = Tally()
    proposals: list[tuple[float, bool, bool]] = []
    words = changed = unlisted = unlisted_changed = 0
    print(f"names benchmark (seed {args.seed}; stages: names, consistency)\n")
    print("           ---------- typos ----------------------------   -- untouched text ----")
    print(f"{'set':10} {'docs':>5} {'typos':>6} {'recall':>7} {'review':>7} {'wrong':>6} "
          f"{'precision':>9}   {'words':>7} {'changed/10k':>11} {'listed/10k':>10}")  # fmt: skip
    for name, docs in sets.items():
        typos = typos_of(docs, random.Random(f"{args.seed}-{name}"))
        with hidden_names(docs):
            tally = score_typos(typos, config)
            clean = score_clean(docs, config)
        proposals += tally.proposals + clean.proposals
        words += clean.words
        changed += clean.changed
        unlisted += clean.unlisted
        unlisted_changed += clean.unlisted_changed
        per10k = 10_000 * clean.changed / clean.words if clean.words else math.nan
        listed10k = 10_000 * clean.proposed / clean.words if clean.words else math.nan
        print(f"{name:10} {len(docs):>5} {tally.typos:>6} {pct(tally.repaired, tally.typos):>7} "
              f"{pct(tally.review, tally.typos):>7} {tally.wrong:>6} "
              f"{pct(tally.repaired, tally.changes):>9}   {clean.words:>7} {per10k:>11.2f} "
              f"{listed10k:>10.2f}")  # fmt: skip
        for line in clean.changes:
            print(f"    changed in untouched text: {line}")
        figures[name] = {
            "docs": len(docs), "words": clean.words, "typos": tally.typos,
            "repaired": tally.repaired, "review": tally.review, "wrong": tally.wrong,
            "missed": tally.missed, "typo_is_known_word": tally.known_word,
            "edits_in_typo_docs": tally.changes, "clean_changed_words": clean.changed,
            "clean_proposed_words": clean.proposed, "unlisted_towns": clean.unlisted,
            "unlisted_towns_changed": clean.unlisted_changed,
            "clean_changed_words_outside_towns": clean.changed_elsewhere,
        }  # fmt: skip
        for key in ("typos", "repaired", "review", "wrong", "missed", "known_word", "changes"):
            setattr(total, key, getattr(total, key) + getattr(tally, key))
        total.by_kind.update(tally.by_kind)
        total.repaired_by_kind.update(tally.repaired_by_kind)
        for outcome, examples in tally.examples.items():
            total.examples.setdefault(outcome, []).extend(examples)
        for line in clean.examples[: args.show]:
            print(f"    listed for review in untouched text: {line}")
    recall = total.repaired / total.typos
    precision = total.repaired / total.changes if total.changes else 1.0
    news_words = sum(figures[k]["words"] for k in ("seed", "synthetic"))  # type: ignore[index]
    news_changed = sum(
        figures[k]["clean_changed_words_outside_towns"]  # type: ignore[index]
        for k in ("seed", "synthetic")
    )
    print()
    print(f"all typos: {total.typos}; repaired exactly {total.repaired} (recall {recall:.1%}), "
          f"for review {total.review}, wrong {total.wrong}, missed {total.missed}; "
          f"precision {precision:.1%} of {total.changes} edits fix made")  # fmt: skip
    print(f"  typos that are themselves a known word (left alone by design): {total.known_word}; "
          f"recall on the rest {pct(total.repaired, total.typos - total.known_word)}")  # fmt: skip
    print("  recall by kind: " + ", ".join(
        f"{k} {pct(total.repaired_by_kind[k], total.by_kind[k])} of {total.by_kind[k]}"
        for k in KINDS))  # fmt: skip
    print(f"untouched text: {changed} words changed in {words} "
          f"({10_000 * changed / words:.2f} per 10,000)")  # fmt: skip
    print(f"  real towns held out of the gazetteer (one per synthetic document, its country "
          f"named): {unlisted_changed} of {unlisted} changed")  # fmt: skip
    print(f"  news-like text (seed, synthetic) outside those towns: {news_changed} words in "
          f"{news_words} ({10_000 * news_changed / news_words:.2f} per 10,000)")  # fmt: skip
    print("calibration (names edits in all documents, with and without typos):")
    print("\n".join(calibration(proposals)))
    timing = added_time(args.repeats) | first_call(max(3, args.repeats // 6))
    print(
        f"time on the seed article: the names stages add {timing['warm_added_ms']:.1f} ms "
        f"(median of {args.repeats}, warm); first call in a fresh process "
        f"{timing['cold_cached_ms']:.1f} ms with the gazetteer index cached, "
        f"{timing['cold_uncached_ms']:.1f} ms building it"
    )
    figures["timing"] = timing
    checks = [
        ("recall", recall >= TARGETS["recall"]),
        ("precision", precision >= TARGETS["precision"]),
        ("changed/10k news-like", 10_000 * news_changed / news_words <= TARGETS["changed_per_10k"]),
        ("added ms", timing["warm_added_ms"] <= TARGETS["added_ms"]),
    ]
    print("targets: " + ", ".join(f"{k} {'met' if ok else 'MISSED'}" for k, ok in checks))
    for outcome in ("wrong", "review", "missed", "repaired"):
        for line in total.examples.get(outcome, [])[: args.show]:
            print(f"    {outcome}: {line}")
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
