"""cleaner.regex: a pattern compiled on first use behaves as the compiled one."""

from __future__ import annotations

import re

import pytest

from cleaner.regex import lazy

TEXT = "Tbe cat sat; the dog, too."


def test_nothing_is_compiled_before_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    original = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    word = lazy(r"[a-z]+")
    assert compiled == [] and word.pattern == "[a-z]+"
    assert word.findall("ab cd") == ["ab", "cd"]
    assert word.search("12 ef") is not None and word.sub("x", "ab 1") == "x 1"
    assert word.groups == 0 and word.flags == re.UNICODE
    assert compiled == ["[a-z]+"]  # once, whatever is asked after


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [(r"\b[a-z]+\b", 0), (r"(t)(h?)e", re.IGNORECASE), (r"[,;]\s*", 0), (r"^\w+", re.MULTILINE)],
)
def test_every_method_answers_as_the_compiled_pattern(pattern: str, flags: int) -> None:
    made, compiled = lazy(pattern, flags), re.compile(pattern, flags)
    assert made.search(TEXT).span() == compiled.search(TEXT).span()  # type: ignore[union-attr]
    assert [m.span() for m in made.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert made.findall(TEXT) == compiled.findall(TEXT)
    assert made.sub("-", TEXT) == compiled.sub("-", TEXT)
    assert made.subn("-", TEXT) == compiled.subn("-", TEXT)
    assert made.split(TEXT) == compiled.split(TEXT)
    assert bool(made.match(TEXT)) == bool(compiled.match(TEXT))
    assert bool(made.fullmatch("the")) == bool(compiled.fullmatch("the"))
    assert (made.groups, made.flags) == (compiled.groups, compiled.flags)
