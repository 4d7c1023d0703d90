"""The form of dictionaries/function_words.txt (see dictionaries/README.md)."""

from __future__ import annotations

from pathlib import Path

from cleaner.lexicon import default_lexicon

PATH = Path(__file__).parents[2] / "dictionaries" / "function_words.txt"


def _lists() -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {}
    for line in PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        code, *words = line.split(" ")
        assert code not in lists, f"{code} twice"
        lists[code] = words
    return lists


def test_each_line_is_a_language_code_and_lower_case_words() -> None:
    lists = _lists()
    assert next(iter(lists)) == "en"
    for code, words in lists.items():
        assert len(code) == 2 and code.isascii() and code.islower(), code
        assert words and all(word.isalpha() and word.islower() for word in words), code
        assert len(set(words)) == len(words), f"{code}: a word twice"


def test_no_other_language_lists_a_common_english_word() -> None:
    # Lower-case English words as common as "very" would count English prose
    # as another language's. (The names' particles "de", "la", "der" are
    # commoner and stay: they stand in front of capitals, and the English
    # words around them far outnumber them.)
    lexicon = default_lexicon()
    lists = _lists()
    english = set(lists.pop("en"))
    particles = {"de", "la", "der", "les", "los", "las", "est", "que", "non"}
    common = {
        word
        for words in lists.values()
        for word in words
        if word not in english
        and word not in particles
        and lexicon.count(word) > lexicon.count("very") // 20
    }
    assert not common
