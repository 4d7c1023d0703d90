"""Rebuild dictionaries/lexicon.txt and dictionaries/bigrams.txt from the installed symspellpy.

``lexicon.txt`` (after a ``# total N`` line: the counts summed) is
symspellpy's English frequency list (82,765 words with
counts, derived by its author from Google Books Ngram data, MIT licence): one
``word count`` pair per line, all lower case, without the entries listed in
``DROPPED`` (misreadings that Google Books' own OCR made common enough to
enter the list). The list lacks most American spellings ("neighbor",
"analyze", "theater"), so words of pyspellchecker's English list (MIT
licence; frequencies from OpenSubtitles 2018) that it lacks are added when
they are common there (``SUPPLEMENT_MIN`` occurrences), at least four
letters long and plain words (letters, or a contraction such as "mightn't"),
with their counts put on the symspellpy scale. The whole list is sorted most
frequent first (ties keep symspellpy's order, added words after), so that the
words at least N times common are a prefix a reader finds by binary search.

``bigrams.txt`` is symspellpy's bigram list (243,342 word pairs), one
``first second count`` line per pair, keeping the pairs whose two words are
both in the lexicon. Its counts come from a larger corpus than the unigram
counts, so they are divided by the factor ``scale`` estimates (rounded, at
least 1) to put both lists on one scale: ``bigram(a, b) / count(a)`` then
estimates P(b follows a). A first line ``# smallest count N`` gives the
smallest count; the pair lines follow sorted as strings, so that a reader can
find a pair by binary search without building a table. Run from the
repository root::

    python dictionaries/tools/build_lexicon.py [--check]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.resources
import json
import re
import statistics
import sys
from pathlib import Path

LEXICON = Path(__file__).parents[1] / "lexicon.txt"
BIGRAMS = Path(__file__).parents[1] / "bigrams.txt"

# Entries of the frequency list that are OCR misreadings, not English words:
# in the OCR training data each is read where the page had the word on the
# right far more often than it is meant, and no dictionary lists it.
DROPPED: dict[str, str] = {
    "aud": "and",
}


SUPPLEMENT_MIN = 300
_PLAIN_WORD = re.compile(r"[a-z]{4,}(?:'(?:t|ve|ll|re|d|m))?")


def _read(name: str) -> list[str]:
    source = importlib.resources.files("symspellpy") / name
    return [line for line in source.read_bytes().decode("utf-8").splitlines() if line.strip()]


def supplement(known: dict[str, int]) -> list[tuple[str, int]]:
    """Common words of pyspellchecker's English list that symspellpy's list lacks.

    Counts are scaled by the median ratio of the two lists' counts over the
    words both hold that pyspellchecker saw at least 1,000 times.
    """
    source = importlib.resources.files("spellchecker") / "resources" / "en.json.gz"
    counts: dict[str, int] = json.loads(gzip.decompress(source.read_bytes()))
    factor = statistics.median(known[w] / c for w, c in counts.items() if c >= 1000 and w in known)
    added = [
        (w, round(c * factor))
        for w, c in counts.items()
        if c >= SUPPLEMENT_MIN and w not in known and w not in DROPPED and _PLAIN_WORD.fullmatch(w)
    ]
    added.sort(key=lambda pair: (-pair[1], pair[0]))
    return added


def build_lexicon() -> list[tuple[str, int]]:
    entries = []
    for line in _read("frequency_dictionary_en_82_765.txt"):
        word, count = line.split()
        if word not in DROPPED:
            entries.append((word, int(count)))
    # A stable sort: ties keep their order, added words after the original ones.
    return sorted(entries + supplement(dict(entries)), key=lambda entry: -entry[1])


def scale(unigrams: dict[str, int], pairs: list[tuple[str, str, int]]) -> float:
    """How many times larger the bigram counts run than the unigram counts.

    For a very common word nearly every pair it starts is listed, so the sum
    of its pairs' counts over its own count estimates the ratio of the two
    corpora; the median over the ten most common words is taken. (A word's
    pairs can never occur more often than the word.)
    """
    following: dict[str, int] = {}
    for first, _second, count in pairs:
        following[first] = following.get(first, 0) + count
    top = sorted(unigrams, key=unigrams.__getitem__, reverse=True)[:10]
    return statistics.median(following.get(w, 0) / unigrams[w] for w in top)


def build_bigrams(unigrams: dict[str, int]) -> tuple[float, list[tuple[str, str, int]]]:
    pairs = []
    for line in _read("frequency_bigramdictionary_en_243_342.txt"):
        first, second, count = line.split()
        if first in unigrams and second in unigrams:
            pairs.append((first, second, int(count)))
    factor = scale(unigrams, pairs)
    return factor, [(a, b, max(1, round(c / factor))) for a, b, c in pairs]


def render() -> tuple[bytes, bytes]:
    entries = build_lexicon()
    total = sum(count for _, count in entries)
    lexicon = f"# total {total}\n" + "".join(f"{word} {count}\n" for word, count in entries)
    factor, pairs = build_bigrams(dict(entries))
    lines = sorted(f"{a} {b} {c}\n" for a, b, c in pairs)
    bigrams = f"# smallest count {min(c for _, _, c in pairs)}\n" + "".join(lines)
    print(f"lexicon: {len(entries)} words; bigrams: {len(pairs)} pairs, counts / {factor:.2f}")
    return lexicon.encode("utf-8"), bigrams.encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if a shipped file differs")
    args = parser.parse_args()
    lexicon, bigrams = render()
    if args.check:
        same = LEXICON.read_bytes() == lexicon and BIGRAMS.read_bytes() == bigrams
        return 0 if same else 1
    LEXICON.write_bytes(lexicon)
    BIGRAMS.write_bytes(bigrams)
    return 0


if __name__ == "__main__":
    sys.exit(main())
