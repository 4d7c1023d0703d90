"""Rebuild dictionaries/lexicon.txt from the installed symspellpy package.

The lexicon starts as symspellpy's English frequency list (82,765 words with
counts, derived by its author from Google Books Ngram data, MIT licence),
copied unchanged: one ``word count`` pair per line, most frequent first, all
lower case. Run from the repository root::

    python dictionaries/tools/build_lexicon.py [--check]
"""

from __future__ import annotations

import argparse
import importlib.resources
import sys
from pathlib import Path

OUTPUT = Path(__file__).parents[1] / "lexicon.txt"


def build() -> bytes:
    source = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    lines = source.read_bytes().decode("utf-8").splitlines()
    return ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped file differs")
    args = parser.parse_args()
    data = build()
    if args.check:
        return 0 if OUTPUT.read_bytes() == data else 1
    OUTPUT.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
