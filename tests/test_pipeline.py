"""Invariants of the whole pipeline, with Hypothesis: no edit means no change,
and fixing twice changes nothing more."""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean, pipeline, propose
from cleaner.config import Config
from cleaner.edits import Edit, apply_edits
from cleaner.segment import Protected, protected_spans
from cleaner.stages import LAYERS, Context

# Prose-like text with the characters the normaliser works on: spaces, tabs,
# punctuation, newlines (LF and CRLF), invisible characters, accents and
# fragments of mojibake.
_PIECES = st.sampled_from(
    [
        "a", "b", "the", "Word", "Ank", "3", "5.5", " ", "  ", "   ", "\t", ",", ".", ";", ":",
        "!", "?", "...", "\n", "\r\n", "\n\n", "'", "\u201c", "\u2019", "\u00a0", "\u00ad",
        "\u200b", "\u200d", "caf\u00c3\u00a9", "Mevl\u00c3\u00bct", "\u00e9", "-", "|", "#", "`",
        " http://x.org/a ", " me@x.org ", "p.m.", "a/b",
    ]
)  # fmt: skip
# URLs and e-mail addresses stand between spaces here: glued to other text
# ("me@x.orgcafÃ©") they stop being addresses, and what is protected shifts as
# the text is repaired.
TEXTS = st.lists(_PIECES, max_size=30).map("".join)
KINDS = st.sampled_from(["text", "markdown"])
FAST = settings(
    max_examples=int(os.environ.get("CLEANER_HYPOTHESIS_EXAMPLES", "300")),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)


@FAST
@given(TEXTS, KINDS)
def test_fixing_twice_changes_nothing_more(text: str, kind: str) -> None:
    once = clean(text, kind=kind)
    assert clean(once, kind=kind) == once


@FAST
@given(TEXTS, KINDS)
def test_applying_every_proposal_leaves_nothing_to_propose(text: str, kind: str) -> None:
    everything = apply_edits(text, propose(text, kind=kind))
    assert propose(everything, kind=kind) == []


@FAST
@given(TEXTS)
def test_rejecting_every_edit_returns_the_input(text: str) -> None:
    propose(text)
    assert apply_edits(text, []) == text


@FAST
@given(TEXTS)
def test_edits_are_sorted_non_overlapping_and_match_the_text(text: str) -> None:
    edits = propose(text)
    for a, b in itertools.pairwise(edits):
        assert a.end <= b.start and a.start < b.start
    for e in edits:
        assert text[e.start : e.end] == e.before
        assert e.reason and e.rule.count(".") == 1


def test_disabled_stage_proposes_nothing() -> None:
    text = " stray  spaces ,here"
    assert propose(text)
    assert propose(text, Config(disable=frozenset({"spacing"}))) == []


def test_min_confidence_filters() -> None:
    text = "a gap   here"  # three spaces: confidence 0.7
    assert propose(text)
    assert propose(text, Config(min_confidence=0.8)) == []


def test_seed_normaliser_removes_only_the_leading_space() -> None:
    from pathlib import Path

    seed = Path(__file__).parents[1] / "fixtures" / "seed" / "000_96fd921571c764bf.txt"
    text = seed.read_text(encoding="utf-8")
    edits = propose(text)
    spacing = [e for e in edits if e.rule.startswith(("spacing.", "invisible.", "encoding."))]
    assert [(e.start, e.end, e.after, e.rule) for e in spacing] == [
        (0, 1, "", "spacing.leading-space")
    ]


def test_a_layer_reruns_until_its_neighbours_settle() -> None:
    # "aa" reads as "an", and only then does "ot" read as "of": both come out
    # of one propose, and the second waits for a person even if sure, since
    # its evidence is a guess fix may not apply. (The second line makes the
    # page as noisy as OCR output, where two-letter readings are offered.)
    text = "ot aa\nxqzv qqrx zzkv vvbn kkwp\n"
    edits = propose(text)
    assert [(e.before, e.after) for e in edits] == [("ot", "of"), ("aa", "an")]
    assert not any(e.safe for e in edits)
    assert propose(apply_edits(text, edits)) == []


def test_fix_applies_what_its_own_repairs_make_safe() -> None:
    # "any- thiog": the hyphen join waits for the word, and the word is
    # repaired only by the spelling stage, after the boundaries stage has run.
    # fix must write the text a second fix leaves alone.
    text = (
        "The police have been unable to find any- thiog that would give credence to tbe story.\n"
        "They searcbed the honse and the garden, but notbing was fonnd there.\n"
    )
    once = clean(text)
    assert "find anything that" in once
    assert clean(once) == once
    assert not [e for e in propose(once) if e.safe]


def test_each_text_is_protected_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The spacing layer's repair makes a second text, which the later layers
    # and the round after (its repair was safe) read: its protected spans are
    # found once, and so are the first text's.
    found: list[str] = []

    def counted(text: str, kind: str) -> Protected:
        found.append(text)
        return protected_spans(text, kind)

    monkeypatch.setattr(pipeline, "protected_spans", counted)
    text = "Use ``x  =  1`` to  set it.\n"
    edits = propose(text, kind="rst")
    assert [(e.before, e.after) for e in edits] == [("  ", " ")]
    assert sorted(found) == sorted({text, apply_edits(text, edits)})


def test_a_new_round_never_makes_a_safe_repair_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    # An earlier layer judges "sat" only once a later one has repaired "tbe"
    # (as boundaries meets "any- thing" only after spelling): sure of "sat" ->
    # "sits", unsure of "the" -> "she". The sure edit joins the repair; the
    # unsure one, which would fold the repair into a guess that waits for a
    # person, is dropped.
    def words(context: Context) -> list[Edit]:
        if not context.text.startswith("the cat"):
            return []
        found = [Edit(0, 3, "the", "she", "test.word", 0.6, "unsure", False)]
        if context.text.endswith(" sat"):
            found.append(Edit(8, 11, "sat", "sits", "test.word", 0.99, "sure", True))
        return found

    def letters(context: Context) -> list[Edit]:
        if not context.text.startswith("tbe"):
            return []
        return [Edit(0, 3, "tbe", "the", "test.letter", 0.99, "sure", True)]

    monkeypatch.setattr(pipeline, "LAYERS", [{"words": words}, {"letters": letters}])
    # One round is enough: the repair is kept as it is, not taken back.
    monkeypatch.setattr(pipeline, "_MAX_SAFE_ROUNDS", 1)
    edits = propose("tbe cat sat")
    assert [(e.before, e.after, e.safe) for e in edits] == [
        ("tbe", "the", True),
        ("sat", "sits", True),
    ]
    assert clean("tbe cat sat") == "the cat sits"
    assert [e.after for e in propose("the cat sits")] == ["she"]


def test_later_rounds_judge_the_page_as_noisy_as_it_was_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Repairing a page's misreadings makes it read cleaner than the OCR page
    # it is: the rounds after the first see the noise of the page as first
    # read (after character repairs), not the repaired text's own.
    # The technical floor is the same with words of software writing taken
    # as right (spelling.ocr_page_beside_technical).
    floors: list[tuple[str, float, float]] = []

    def words(context: Context) -> list[Edit]:
        floors.append((context.text, context.noise_floor, context.technical_floor))
        if context.text == "tbe cat":
            return [Edit(0, 3, "tbe", "the", "test.word", 0.99, "sure", True)]
        if context.text == "the cat" and context.noise_floor == 0.2:
            return [Edit(4, 7, "cat", "car", "test.word", 0.99, "sure on a noisy page", True)]
        return []

    measured: list[tuple[str, bool]] = []

    def noise_of(
        text: str, config: Config, *, kind: str = "text", beside_technical: bool = False
    ) -> float:
        measured.append((text, beside_technical))
        if text == "tbe cat":
            return 0.15 if beside_technical else 0.2
        return 0.05

    monkeypatch.setattr(pipeline, "LAYERS", [{"words": words}])
    monkeypatch.setattr(pipeline, "noise_of", noise_of)
    assert clean("tbe cat") == "the car"
    assert measured[:2] == [("tbe cat", False), ("tbe cat", True)]
    assert floors[0] == ("tbe cat", 0.0, 0.0)
    assert ("the cat", 0.2, 0.15) in floors
    # The repaired text's own noise has the last word: fix writes what a
    # second fix, which reads only that, leaves alone.
    assert floors[-1] == ("the car", 0.0, 0.0)
    assert clean("the car") == "the car"


def test_a_repair_the_repaired_texts_own_noise_allows_is_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A rule that acts only on clean-reading pages (spacing before a comma is
    # left alone in OCR output) finds nothing while the floor holds; the check
    # on the text's own noise finds it, so a second fix has nothing to do.
    def words(context: Context) -> list[Edit]:
        if context.text == "tbe cat ,":
            return [Edit(0, 3, "tbe", "the", "test.word", 0.99, "sure", True)]
        if context.text == "the cat ," and context.noise_floor == 0.0:
            return [Edit(7, 9, " ,", ",", "test.space", 0.99, "clean page", True)]
        return []

    monkeypatch.setattr(pipeline, "LAYERS", [{"words": words}])
    monkeypatch.setattr(
        pipeline, "noise_of", lambda text, config, **_: 0.2 if "tbe" in text else 0.0
    )
    assert clean("tbe cat ,") == "the cat,"
    assert clean("the cat,") == "the cat,"


def test_what_a_person_decides_is_read_at_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    # The check on the text's own noise adds its repairs, but the readings
    # left for review stay those of the page as it was read: a cleaner-reading
    # page would drop a likely misreading ("cat" -> "cot") from review.
    def words(context: Context) -> list[Edit]:
        if context.text == "tbe cat ,":
            return [Edit(0, 3, "tbe", "the", "test.word", 0.99, "sure", True)]
        if context.text == "the cat ," and context.noise_floor:
            return [Edit(4, 7, "cat", "cot", "test.word", 0.9, "noisy page", False)]
        if context.text == "the cat ,":
            return [Edit(7, 9, " ,", ",", "test.space", 0.99, "clean page", True)]
        return []

    monkeypatch.setattr(pipeline, "LAYERS", [{"words": words}])
    monkeypatch.setattr(
        pipeline, "noise_of", lambda text, config, **_: 0.2 if "tbe" in text else 0.0
    )
    edits = propose("tbe cat ,")
    assert [(e.before, e.after, e.safe) for e in edits] == [
        ("tbe", "the", True),
        ("cat", "cot", False),
        (" ,", ",", True),
    ]


def test_automatic_collection_is_paused_while_a_text_is_proposed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def probe(context: Context) -> Iterator[Edit]:
        seen.append(gc.isenabled())
        return iter(())

    monkeypatch.setitem(LAYERS[-1], "probe", probe)
    propose("Tbe cat sat on tbe mat.")
    assert seen and not any(seen)
    assert gc.isenabled()  # and on again after it
    gc.disable()
    try:
        propose("Tbe cat sat on tbe mat, again.")
        assert not gc.isenabled()  # a caller who turned it off keeps it off
    finally:
        gc.enable()
