"""The pair list answers the same mapped from its file as read into a text."""

from __future__ import annotations

import random

from cleaner.bigrams import Bigrams, default_bigrams
from cleaner.lexicon import default_lexicon
from cleaner.resources import dictionary_path


def test_the_mapped_list_counts_as_the_text_does() -> None:
    text = dictionary_path("bigrams.txt").read_text("utf-8")
    read = Bigrams.from_text(text, default_lexicon())
    mapped = default_bigrams()
    assert not isinstance(mapped._lines, str)  # the file's mapped bytes
    assert mapped.floor == read.floor > 0
    lines = text.splitlines()[1:]
    sample = [lines[0], lines[-1], *random.Random(3).sample(lines, 2000)]
    for line in sample:
        first, second, count = line.split(" ")
        assert mapped.count(first, second) == read.count(first, second) == int(count)
    # Pairs the list lacks, before its first line, after its last and between.
    for first, second in (
        ("0", "x"),
        ("a", "aaaaa"),
        ("zzzz", "zzzz"),
        ("xylophone", "quantum"),
        ("Kuleba", "said"),
    ):
        assert mapped.count(first, second) == read.count(first, second) == 0
    assert mapped.association("the", "the") == read.association("the", "the") < 0
    assert mapped.association("it", "is") == read.association("it", "is") > 1
