"""The correctors the benchmark compares: cleaner, its peers, and doing nothing.

Each system turns a list of documents into corrected documents.  Peers are
optional: a system whose package is missing is skipped with a note.

* ``identity``: returns the text unchanged (the baseline every figure is
  measured against).
* ``cleaner``: ``cleaner.clean(text)``, what ``cleaner fix`` writes.
* ``lookup_compound``: symspellpy's ``lookup_compound`` on each line, max edit
  distance 2, its bundled English unigram and bigram dictionaries, with the
  most favourable options (``transfer_casing``, ``ignore_non_words``), on
  sentences of at most 40 words (see ``phrases``).  It still drops
  punctuation and joins or splits words freely: that is how it works.
* ``naive_symspell``: each alphabetic word (letters and inner apostrophes,
  two letters or more) not in symspellpy's English dictionary is replaced by
  its best ``lookup`` suggestion (distance 2), keeping case and punctuation.
* ``pyspellchecker``: the same replacement with pyspellchecker's
  ``correction`` (distance 2).
* ``codespell``: ``codespell --write-changes`` on temporary copies: only its
  unambiguous fixes are applied.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SYSTEM_NAMES = (
    "identity",
    "cleaner",
    "lookup_compound",
    "naive_symspell",
    "pyspellchecker",
    "codespell",
)

# Whole alphabetic words with inner apostrophes ("don't"); a word glued to a
# digit ("2nd") or an underscore is not a word to spell-check.
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)*(?!\w)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PHRASE_WORDS = 40


def phrases(line: str, limit: int = PHRASE_WORDS) -> list[str]:
    """A line cut into sentences of at most ``limit`` words (longer ones cut at the limit).

    lookup_compound works on a phrase and its time grows faster than the phrase:
    an ICDAR 2017 document is one line of about 900 words, 15 s each.

    >>> phrases("One two. Three four five! Six", limit=3)
    ['One two.', 'Three four five!', 'Six']
    >>> phrases("a b c d e", limit=2)
    ['a b', 'c d', 'e']
    """
    pieces: list[str] = []
    current: list[str] = []
    for sentence in _SENTENCE_END.split(line.strip()):
        words = sentence.split()
        if current and len(current) + len(words) > limit:
            pieces.append(" ".join(current))
            current = []
        current += words
        while len(current) > limit:
            pieces.append(" ".join(current[:limit]))
            current = current[limit:]
    if current:
        pieces.append(" ".join(current))
    return pieces


def match_case(word: str, suggestion: str) -> str:
    """Give a suggestion the casing of the word it replaces.

    >>> match_case("LONDN", "london"), match_case("Londn", "london"), match_case("teh", "the")
    ('LONDON', 'London', 'the')
    """
    if len(word) > 1 and word.isupper():
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def replace_unknown_words(
    text: str, known: Callable[[str], bool], suggest: Callable[[str], str | None]
) -> str:
    """Replace each unknown word by its suggestion, leaving everything else as it is.

    >>> replace_unknown_words("Teh cat, teh 2nd.", lambda w: w != "teh", lambda w: "the")
    'The cat, the 2nd.'
    """
    cache: dict[str, str | None] = {}

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        key = word.lower().replace("’", "'")
        if len(key) < 2 or known(key):
            return word
        if key not in cache:
            cache[key] = suggest(key)
        suggestion = cache[key]
        return match_case(word, suggestion) if suggestion else word

    return _WORD.sub(fix, text)


@dataclass
class Run:
    """Outputs of one system on a list of documents and the time it took."""

    outputs: list[str]
    seconds: float  # CPU seconds of the correction
    setup_seconds: float  # CPU seconds of loading, once per process
    wall_seconds: float = 0.0


class System:
    """A corrector under test."""

    name = "system"
    # Words of input a set is cut down to for a system too slow to run on all
    # of it within the benchmark's time budget (None: the whole set).
    word_budget: int | None = None

    def missing(self) -> str | None:
        """Why the system cannot run here, or None when it can."""
        return None

    def setup(self) -> None:
        """Load dictionaries and models (timed apart from correction)."""

    def correct(self, text: str) -> str:
        raise NotImplementedError

    def correct_all(self, texts: Sequence[str]) -> list[str]:
        return [self.correct(t) for t in texts]


class Identity(System):
    name = "identity"

    def correct(self, text: str) -> str:
        return text


class Cleaner(System):
    name = "cleaner"

    def __init__(self) -> None:
        self._clean: Callable[[str], str] | None = None

    def missing(self) -> str | None:
        try:
            from cleaner import clean  # noqa: F401
        except ImportError as exc:
            return f"cannot import cleaner.clean ({exc})"
        return None

    def setup(self) -> None:
        from cleaner import clean

        self._clean = clean
        # The first call may load dictionaries lazily: keep it out of the timing.
        clean("Warm up.")

    def correct(self, text: str) -> str:
        assert self._clean is not None
        return self._clean(text)


def _symspell() -> Any:
    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    data = importlib.resources.files("symspellpy")
    sym.load_dictionary(str(data / "frequency_dictionary_en_82_765.txt"), 0, 1)
    sym.load_bigram_dictionary(str(data / "frequency_bigramdictionary_en_243_342.txt"), 0, 2)
    return sym


class _SymspellSystem(System):
    """A peer built on symspellpy's bundled English dictionaries."""

    def __init__(self) -> None:
        self._sym: Any = None

    def missing(self) -> str | None:
        return None if importlib.util.find_spec("symspellpy") else "symspellpy is not installed"

    def setup(self) -> None:
        self._sym = _symspell()


class LookupCompound(_SymspellSystem):
    name = "lookup_compound"

    def correct(self, text: str) -> str:
        lines = []
        for line in text.split("\n"):
            # It returns nothing useful for a line without letters or digits.
            if not any(ch.isalnum() for ch in line):
                lines.append(line)
                continue
            lines.append(" ".join(self._compound(piece) for piece in phrases(line)))
        return "\n".join(lines)

    def _compound(self, phrase: str) -> str:
        found = self._sym.lookup_compound(
            phrase, max_edit_distance=2, ignore_non_words=True, transfer_casing=True
        )
        return str(found[0].term) if found else phrase


class NaiveSymspell(_SymspellSystem):
    name = "naive_symspell"

    def _known(self, word: str) -> bool:
        return word in self._sym.words

    def _suggest(self, word: str) -> str | None:
        from symspellpy import Verbosity

        found = self._sym.lookup(word, Verbosity.TOP, max_edit_distance=2)
        return str(found[0].term) if found else None

    def correct(self, text: str) -> str:
        return replace_unknown_words(text, self._known, self._suggest)


class PySpellChecker(System):
    name = "pyspellchecker"
    # About 0.15 s per distinct unknown word: the OCR sets are cut to every
    # k-th document so that a full run stays within its time budget.
    word_budget = 12_000

    def __init__(self) -> None:
        self._spell: Any = None
        self._cache: dict[str, str | None] = {}

    def missing(self) -> str | None:
        if importlib.util.find_spec("spellchecker") is None:
            return "pyspellchecker is not installed"
        return None

    def setup(self) -> None:
        from spellchecker import SpellChecker

        self._spell = SpellChecker(language="en", distance=2)

    def _known(self, word: str) -> bool:
        return word in self._spell

    def _suggest(self, word: str) -> str | None:
        # Shared across documents: the same garbled word costs once.
        if word not in self._cache:
            found = self._spell.correction(word)
            self._cache[word] = str(found) if found else None
        return self._cache[word]

    def correct(self, text: str) -> str:
        return replace_unknown_words(text, self._known, self._suggest)


class Codespell(System):
    name = "codespell"

    def missing(self) -> str | None:
        if importlib.util.find_spec("codespell_lib") is None:
            return "codespell is not installed"
        return None

    def correct(self, text: str) -> str:
        return self.correct_all([text])[0]

    def correct_all(self, texts: Sequence[str]) -> list[str]:
        with tempfile.TemporaryDirectory(prefix="cleaner-bench-codespell-") as tmp:
            paths = [Path(tmp) / f"{i:05d}.txt" for i in range(len(texts))]
            for path, text in zip(paths, texts, strict=True):
                path.write_text(text, encoding="utf-8")
            # Exit status 65 means "found misspellings": expected, not an error.
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "codespell_lib",
                    "--write-changes",
                    "--quiet-level",
                    "3",
                    tmp,
                ],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            return [p.read_text(encoding="utf-8") for p in paths]


REGISTRY: dict[str, type[System]] = {
    cls.name: cls
    for cls in (Identity, Cleaner, LookupCompound, NaiveSymspell, PySpellChecker, Codespell)
}

_loaded: dict[str, System] = {}


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (codespell runs as one).

    Throughput is measured in CPU time, not wall time, so that other work on a
    shared machine does not make a system look slower than it is.
    """
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run(name: str, texts: Sequence[str]) -> Run:
    """Run one system on texts, loading it once per process; time the correction alone."""
    setup = 0.0
    if name not in _loaded:
        system = REGISTRY[name]()
        start = cpu_seconds()
        system.setup()
        setup = cpu_seconds() - start
        _loaded[name] = system
    system = _loaded[name]
    start, wall = cpu_seconds(), time.perf_counter()
    outputs = system.correct_all(texts)
    return Run(outputs, cpu_seconds() - start, setup, time.perf_counter() - wall)
