"""The noisy channel over the shipped lexicon, bigrams and confusion table."""

from __future__ import annotations

from collections.abc import KeysView
from pathlib import Path
from typing import Never

import pytest

from cleaner import corrector as corrector_module
from cleaner.bigrams import default_bigrams
from cleaner.channel import Alignment, default_model
from cleaner.corrector import Corrector, Reading, _normalise, default_corrector
from cleaner.lexicon import Lexicon, default_lexicon
from cleaner.resources import dictionary_path


def test_a_classic_misreading_of_a_common_word_wins() -> None:
    judgement = default_corrector().judge_unknown("tbe", -6.0)
    assert judgement.best.surface == "the"
    assert judgement.confidence > 0.99
    assert judgement.best.alignment is not None and judgement.best.alignment.listed()


def test_an_unknown_technical_word_is_kept() -> None:
    for word in ("reflog", "worktree", "stdin"):
        judgement = default_corrector().judge_unknown(word, -6.0, deep=True)
        assert judgement.best.keeps, (word, judgement.best.surface)


def test_cheap_candidates_reach_two_listed_misreadings() -> None:
    # Two "b" for "h": two edits, found without the symspellpy index; and one
    # "li" for "h" (two letter edits) in a four-letter word.
    corrector = default_corrector()
    assert "which" in corrector.candidates("wbicb", deep=False)
    assert "the" in corrector.candidates("tlie", deep=False)


def test_case_pattern_is_carried_over() -> None:
    judgement = default_corrector().judge_unknown("Tbe", -6.0, surfaces=("title",))
    assert judgement.best.surface == "The"


def test_min_count_keeps_rare_words_out() -> None:
    judgement = default_corrector().judge_unknown("Anara", -6.0, min_count=10_000_000)
    assert judgement.best.keeps


def test_context_decides_between_close_readings() -> None:
    corrector = default_corrector()
    assert corrector.context("he", "said", "had") > corrector.context("be", "said", "had")


def test_a_real_word_needs_context_to_lose() -> None:
    corrector = default_corrector()
    alone = corrector.judge_known("bad", left=None, right=None, max_cost=3.5)
    assert alone is not None and alone.best.keeps
    between = corrector.judge_known("bad", left="he", right="been", max_cost=3.5)
    assert between is not None and between.best.surface == "had"


def test_a_page_that_shares_the_misreading_makes_a_real_word_likelier_misread() -> None:
    corrector = default_corrector()

    def shares_li_for_h(alignment: Alignment) -> float:
        return sum(1.0 for s in alignment.steps if (s.observed, s.intended) == ("li", "h"))

    plain = corrector.judge_known("lie", left="and", right="said", max_cost=3.5)
    adapted = corrector.judge_known(
        "lie", left="and", right="said", max_cost=3.5, adapt=shares_li_for_h
    )
    assert plain is not None and adapted is not None
    assert plain.best.surface == adapted.best.surface == "he"
    assert adapted.confidence > plain.confidence
    # The word as written needs no misreading: its score is the same either way.
    kept = [r.score for j in (plain, adapted) for r in j.readings if r.keeps]
    assert kept[0] == kept[1]


def test_a_per_step_bonus_adds_for_each_misreading() -> None:
    corrector = default_corrector()
    plain = corrector.judge_unknown("wbicb", -6.0)
    helped = corrector.judge_unknown("wbicb", -6.0, per_step=1.0)
    which = {r.word: r for r in plain.readings}["which"]
    assert which.alignment is not None and len(which.alignment.steps) == 2
    assert {r.word: r for r in helped.readings}["which"].score == pytest.approx(which.score + 2.0)
    # Kept as written, a word has no misreading to gain by.
    assert next(r for r in helped.readings if r.keeps).score == -6.0


def test_a_per_step_bonus_helps_a_real_word_rival_that_replaces_letters_only() -> None:
    corrector = default_corrector()

    def scores(left: str, word: str, right: str, per_step: float) -> dict[str, float]:
        judgement = corrector.judge_known(
            word, left=left, right=right, max_cost=3.5, per_step=per_step
        )
        assert judgement is not None
        return {r.word: r.score for r in judgement.readings}

    # "li" read for "h" replaces letters: the rival gains the bonus once.
    helped, plain = scores("and", "lie", "said", 1.0), scores("and", "lie", "said", 0.0)
    assert helped["he"] == pytest.approx(plain["he"] + 1.0)
    assert helped["lie"] == plain["lie"]
    # A dropped "s" adds a letter: a word is often meant without it.
    assert (
        scores("the", "order", "of", 1.0)["orders"] == scores("the", "order", "of", 0.0)["orders"]
    )
    with pytest.raises(ValueError, match="free"):
        corrector.judge_known(
            "lie", left="and", right="said", max_cost=3.5, per_step=corrector.min_cost
        )


def test_a_per_step_bonus_may_not_make_a_misreading_free() -> None:
    corrector = default_corrector()
    with pytest.raises(ValueError, match="free"):
        corrector.judge_unknown("wbicb", -6.0, per_step=corrector.min_cost)


def test_a_favoured_word_gains_at_most_the_cap() -> None:
    corrector = default_corrector()
    plain = corrector.judge_unknown("rnessages", -5.0)
    favoured = corrector.judge_unknown(
        "rnessages", -5.0, favour=lambda word: 10.0 if word == "messages" else 0.0
    )
    before = {r.word: r.score for r in plain.readings}
    after = {r.word: r.score for r in favoured.readings}
    assert after["messages"] == pytest.approx(before["messages"] + corrector_module.FAVOUR_CAP)
    assert plain.best.keeps and favoured.best.word == "messages"
    assert after["rnessages"] == before["rnessages"]


def test_the_ceiling_bounds_every_other_reading_even_dropped_ones() -> None:
    corrector = default_corrector()
    scored = corrector.judge_unknown("tbe", -6.0)
    assert scored.best.surface == "the"
    assert scored.ceiling == pytest.approx(max(r.score for r in scored.readings if not r.keeps))
    # Kept far above every reading: all are dropped, most before they are
    # aligned, yet the ceiling still bounds what "the" scored.
    dropped = corrector.judge_unknown("tbe", 5.0)
    assert len(dropped.readings) == 1 and dropped.best.keeps
    assert scored.best.score <= dropped.ceiling < 5.0


def test_no_context_overturns_a_token_kept_by_more_than_the_reach() -> None:
    corrector = default_corrector()
    ceiling = corrector.judge_unknown("tbe", -6.0).ceiling
    reach = corrector.reach("of", "same", adapt=False)
    assert reach == 2 * corrector_module.CONTEXT_WEIGHT * corrector_module.CONTEXT_CAP
    # "of the same" fits "the" by about 2.4: enough for it to win over a
    # token kept by 1 more than "the" scores alone ...
    assert corrector.context("the", "of", "same") > 2.0
    near = corrector.judge_unknown("tbe", ceiling + 1.0, left="of", right="same")
    assert near.best.surface == "the"
    # ... and never from above it, whatever the neighbours.
    far = ceiling + reach + 0.01
    for left, right in (("of", "same"), ("in", "first"), ("at", "end")):
        assert corrector.judge_unknown("tbe", far, left=left, right=right).best.keeps
    assert corrector.reach(None, "same", adapt=True) == (
        corrector_module.CONTEXT_WEIGHT * corrector_module.CONTEXT_CAP + corrector_module.ADAPT_CAP
    )


def test_posteriors_sum_to_one() -> None:
    judgement = default_corrector().judge_unknown("cbarges", -6.0, left="the", deep=True)
    assert sum(judgement.posteriors) == pytest.approx(1.0)
    assert list(judgement.posteriors) == sorted(judgement.posteriors, reverse=True)


def test_association_signs() -> None:
    bigrams = default_bigrams()
    assert bigrams.association("it", "is") > 1
    assert bigrams.association("of", "of") < 0  # both common, never together
    assert bigrams.association("kuleba", "said") == 0  # unknown word: no evidence
    assert bigrams.count("It", "IS") == bigrams.count("it", "is") > 0


def test_a_small_custom_pair_list() -> None:
    from cleaner.bigrams import Bigrams
    from cleaner.lexicon import Lexicon

    lexicon = Lexicon({"night": 100, "long": 100, "day": 100})
    bigrams = Bigrams.from_pairs({("night", "long"): 50, ("day", "long"): 1}, lexicon)
    assert bigrams.count("Night", "LONG") == 50 and bigrams.count("long", "night") == 0
    assert bigrams.association("night", "long") > 0 > bigrams.association("day", "long")


def test_whole_lexicon_vocabulary_shares_the_lexicons_words() -> None:
    # Every word of the lexicon, once it is a dict, as a view of it (not a
    # copy of 83,000 strings in every worker); the common words are among them.
    corrector = default_corrector()
    corrector.lexicon.words()  # parsed
    vocabulary = corrector.vocabulary(0)
    assert isinstance(vocabulary.words, KeysView)
    assert len(vocabulary.words) == len(corrector.lexicon)
    word = next(iter(corrector.lexicon.words()))
    assert word in vocabulary.words and vocabulary.starts(word[:2])
    common = corrector.vocabulary(10_000_000)
    assert all(w in common.words for w in corrector.lexicon.words_at_least(10_000_000))
    assert all(w in vocabulary.words for w in corrector.lexicon.words_at_least(10_000_000))


def test_a_few_unknown_words_are_judged_without_parsing_the_lexicon(fresh_cache: Path) -> None:
    # A pre-commit-sized file with a slip in it: the lexicon answers from its
    # alphabetical copy, with the same candidates as the parsed lexicon gives.
    searched = default_lexicon()
    full = Lexicon.from_text(dictionary_path("lexicon.txt").read_text("utf-8"))

    def unused() -> Never:
        raise AssertionError("candidates without deep need no bigrams or index")

    lazy = Corrector(searched, default_model(), unused, unused)
    whole = Corrector(full, default_model(), unused, unused)
    for token in ("teh", "mediaton", "rnodern", "Tbe", "Kuleba", "zzqx"):
        assert lazy.candidates(token, deep=False) == whole.candidates(token, deep=False)
    assert "the" in lazy.candidates("teh", deep=False)
    assert not searched.parsed
    assert searched.alphabetical == sorted(full.words())


def test_readings_with_equal_scores_rank_the_same_in_any_order() -> None:
    # Candidates come from sets, whose order changes between processes: ties
    # must not decide the proposal, its reason or its alternatives.
    readings = [
        Reading(word, word, score, score, 0.0, None)
        for word, score in (("used", -5.0), ("send", -5.0), ("sell", -4.0), ("red", -5.5))
    ]
    first = _normalise("sed", readings)
    again = _normalise("sed", list(reversed(readings)))
    assert [r.surface for r in first.readings] == ["sell", "send", "used", "red"]
    assert first == again
