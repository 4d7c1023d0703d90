"""The noisy channel: which word the page most likely had, given what OCR shows.

Every reading of an observed token gets a score in log10 units,

    score = prior + context - cost

``prior`` is the word's frequency in the lexicon (log10 of its share of all
words), ``context`` how well it fits between its neighbours
(:meth:`cleaner.bigrams.Bigrams.association`, weighted), and ``cost`` the
error model's price of the misreading (:mod:`cleaner.channel`). The observed
token itself is one of the readings: for a word the lexicon lacks, its score
is a fixed "correct but unlisted" prior (names, jargon and rare words are
common), raised when the document repeats it. The scores, normalised, are
posterior probabilities; the stages turn the best reading into an edit and
its probability into the edit's confidence.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Callable, Container, Iterable, Set
from typing import NamedTuple

from cleaner.bigrams import Bigrams, default_bigrams
from cleaner.candidates import SymSpellIndex
from cleaner.casing import Shape, apply_shape, shape
from cleaner.channel import Alignment, ErrorModel, default_model
from cleaner.lexicon import Lexicon, default_lexicon
from cleaner.memo import Memo

# Readings scoring this far below the best are dropped (a posterior < 1e-4).
_BEAM = 4.0
# Listed patterns undone when generating cheap candidates, at most this dear.
VARIANT_COST = 4.5
# Context can say a lot, but one pair's count is not a whole sentence: each
# side contributes at most this much (log10).
CONTEXT_CAP = 3.0
CONTEXT_WEIGHT = 1.0
# The most a document's own error profile can add to a reading (log10).
ADAPT_CAP = 2.0
# The most a word's use elsewhere in the document can add to it (log10).
FAVOUR_CAP = 2.0
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Vocabulary.starts remembers its answers for beginnings up to this long.
SHORT_BEGINNING = 4


class Reading(NamedTuple):
    """One hypothesis for what the page had at a token."""

    word: str  # the lexicon word (lower case), or the token itself when kept
    surface: str  # how it is written in place of the token
    score: float
    prior: float
    context: float
    alignment: Alignment | None  # None when the token is kept as it is

    @property
    def keeps(self) -> bool:
        return self.alignment is None


class Judgement(NamedTuple):
    """All readings of one token, best first, with their posterior probabilities."""

    observed: str
    readings: tuple[Reading, ...]
    posteriors: tuple[float, ...]
    # The most any other reading could score before context and ``adapt``
    # (see Corrector.judge_unknown): with the token kept scoring more than
    # this and all they can add, no neighbours can overturn keeping it.
    ceiling: float = -math.inf

    @property
    def best(self) -> Reading:
        return self.readings[0]

    @property
    def confidence(self) -> float:
        return self.posteriors[0]

    def runner_up(self) -> Reading | None:
        return self.readings[1] if len(self.readings) > 1 else None

    def margin(self) -> float:
        """log10 of how much more likely the best reading is than the next one."""
        second = self.runner_up()
        return math.inf if second is None else self.best.score - second.score


# A rival reading of a known word: the word, its surface, alignment and prior.
_Rival = tuple[str, str, Alignment, float]


class Vocabulary:
    """A set of words that also answers "does any word begin with this?"."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words: Set[str] = words if isinstance(words, Set) else frozenset(words)
        self._sorted: list[str] | None = None
        # Answers for short beginnings, which the variant search asks about
        # over and over (most misreadings it tries to undo lie near a word's
        # start): a dict probe instead of a binary search.
        self._short: Memo[str, bool] = Memo(self._search, 100_000)

    @property
    def words(self) -> Container[str]:
        """The words, for ``in``."""
        return self._words

    def starts(self, beginning: str) -> bool:
        """Whether some word begins with ``beginning``.

        >>> v = Vocabulary(["modern", "mode"])
        >>> v.starts("mod"), v.starts("modern"), v.starts("mx")
        (True, True, False)
        """
        if len(beginning) > SHORT_BEGINNING:
            return self._search(beginning)
        return self._short[beginning]

    def _search(self, beginning: str) -> bool:
        if self._sorted is None:
            self._sorted = sorted(self._words)
        i = bisect.bisect_left(self._sorted, beginning)
        return i < len(self._sorted) and self._sorted[i].startswith(beginning)


class LexiconVocabulary(Vocabulary):
    """Every word of the lexicon, in its alphabetical order (Lexicon.alphabetical).

    Until the lexicon is parsed into a dict (see SEARCHES_BEFORE_DICT), that
    list answers both questions by binary search: a document with a few
    unknown words then costs neither the parse (about 60 ms) nor a sort of
    the dict's words (35 ms), most of a pre-commit run's time otherwise.
    Once parsed, the dict's words answer ``in``.

    >>> v = LexiconVocabulary(default_lexicon())
    >>> "modern" in v.words, "mxq" in v.words, v.starts("moder"), v.starts("mxq")
    (True, False, True, False)
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._sorted = lexicon.alphabetical
        self._short = Memo(self._search, 100_000)

    @property
    def words(self) -> Container[str]:
        if self._lexicon.parsed:
            return self._lexicon.words()
        return _Sorted(self._lexicon.alphabetical)


class _Sorted:
    """``in`` for a sorted list of words, by binary search."""

    def __init__(self, words: list[str]) -> None:
        self._list = words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        i = bisect.bisect_left(self._list, word)
        return i < len(self._list) and self._list[i] == word


def _normalise(observed: str, readings: Iterable[Reading], ceiling: float = -math.inf) -> Judgement:
    # Equal scores are ranked by spelling: candidates come from sets, whose
    # order changes from one process to the next.
    ranked = sorted(readings, key=lambda r: (-r.score, r.surface))
    top = ranked[0].score
    kept = [r for r in ranked if r.score >= top - _BEAM]
    weights = [10 ** (r.score - top) for r in kept]
    total = sum(weights)
    return Judgement(observed, tuple(kept), tuple(w / total for w in weights), ceiling)


class Corrector:
    """Scores readings of tokens against a lexicon, bigrams and an error model.

    The bigram list and the symspellpy index load on first use only, so that a
    document whose words are all known costs nothing but lexicon lookups.
    """

    def __init__(
        self,
        lexicon: Lexicon,
        model: ErrorModel,
        bigrams: Callable[[], Bigrams],
        index: Callable[[], SymSpellIndex],
    ) -> None:
        self.lexicon = lexicon
        self.model = model
        self._bigrams = bigrams
        self._index = index
        self._vocabularies: dict[int, Vocabulary] = {}
        # An unknown word's candidates take about 1.1 KB, a known word's
        # rivals 0.7 KB: at 50,000 each they could hold 85 MB in a long run on
        # OCR pages; 20,000 checked BLN600 no slower.
        self._candidates: Memo[tuple[str, bool, int], frozenset[str]] = Memo(
            lambda key: self._find_candidates(*key), 20_000
        )
        # A known word's rivals depend on it alone, and common words ("the",
        # "to") are asked about again and again.
        self._rivals: Memo[tuple[str, float], tuple[_Rival, ...]] = Memo(
            lambda key: self._find_rivals(*key), 20_000
        )
        # The cheapest way any misreading can cost (plain letters only): a
        # candidate whose prior is too low to beat a score by that much is
        # never worth aligning.
        self.min_cost = model.min_cost()

    @functools.cached_property
    def total(self) -> int:
        """The lexicon's word count (the denominator of every prior)."""
        return self.lexicon.total

    @functools.cached_property
    def _log_total(self) -> float:
        return math.log10(self.total)

    def vocabulary(self, min_count: int = 0) -> Vocabulary:
        """The lexicon words at least ``min_count`` common.

        Built on first use for each threshold: a document whose unknown words
        are all names needs only the few thousand common words.
        """
        found = self._vocabularies.get(min_count)
        if found is None:
            if min_count <= 0:
                found = LexiconVocabulary(self.lexicon)
            else:
                found = Vocabulary(self.lexicon.words_at_least(min_count))
            self._vocabularies[min_count] = found
        return found

    def bigrams(self) -> Bigrams:
        """The word-pair list (loaded on first use)."""
        return self._bigrams()

    def prior(self, word: str) -> float:
        """log10 share of ``word`` among all words (-inf when unknown)."""
        count = self.lexicon.count(word)
        return math.log10(count) - self._log_total if count else -math.inf

    def context(self, word: str, left: str | None, right: str | None) -> float:
        """How well ``word`` fits between known neighbours (log10, weighted)."""
        if left is None and right is None:
            return 0.0
        bigrams = self._bigrams()
        value = 0.0
        if left is not None:
            value += _clip(bigrams.association(left, word))
        if right is not None:
            value += _clip(bigrams.association(word, right))
        return CONTEXT_WEIGHT * value

    def candidates(self, observed: str, *, deep: bool, min_count: int = 0) -> frozenset[str]:
        """Lexicon words (at least ``min_count`` common) the page may have had
        where OCR shows ``observed``.

        Cheap ones always: listed confusions undone (up to two) and every
        single-letter edit. With ``deep``, also every word within two edits
        (one for words of four letters or fewer) from the symspellpy index.
        """
        return self._candidates[observed, deep, min_count]

    def _find_candidates(self, observed: str, deep: bool, min_count: int) -> frozenset[str]:
        lower = observed.lower()
        vocabulary = self.vocabulary(min_count)
        words = vocabulary.words
        found = {
            w
            for w in self.model.variants(lower, VARIANT_COST, prefix_ok=vocabulary.starts)
            if w in words
        }
        if observed != lower:
            # Capital patterns ("J" read for "l") apply to the token as written.
            # A title-case token differs from its lower case in its first letter
            # only: a search that undoes nothing there repeats the one above.
            found.update(
                w.lower()
                for w in self.model.variants(
                    observed,
                    VARIANT_COST,
                    prefix_ok=lambda s: vocabulary.starts(s.lower()),
                    first_at_start=observed[1:].islower(),
                )
                if w.lower() in words
            )
        found.update(w for w in edits1(lower, vocabulary.starts) if w in words)
        if deep:
            distance = 1 if len(lower) <= 4 else 2
            found.update(w for w, _ in self._index().lookup(lower, distance) if w in words)
        # The word as written is no reading of itself; its lower case is one
        # when capitals inside it are the misreading ("waS": was).
        found.discard(observed if shape(observed) == "mixed" else lower)
        return frozenset(found)

    def judge_unknown(
        self,
        observed: str,
        keep_score: float,
        *,
        left: str | None = None,
        right: str | None = None,
        surfaces: Iterable[Shape] | None = None,
        deep: bool = False,
        min_count: int = 0,
        adapt: Callable[[Alignment], float] | None = None,
        per_step: float = 0.0,
        favour: Callable[[str], float] | None = None,
    ) -> Judgement:
        """Readings of a token the lexicon does not know; the token kept scores ``keep_score``.

        ``surfaces`` are the case patterns a candidate may be written in
        (default: the token's own); ``min_count`` ignores rarer candidates;
        ``adapt`` adds to a reading's score for its misreadings (a document's
        own error profile, see the spelling stage); ``per_step`` adds to it
        for each misreading (a page that misreads much makes each likelier).
        It must stay below the cheapest misreading (``min_cost``), so that a
        reading never gains by one more. ``favour`` adds to a candidate's
        prior (at most FAVOUR_CAP): what the document's own words say of it.

        The judgement's ``ceiling`` bounds what any reading but the token
        kept scored before context and ``adapt``, dropped readings included.
        """
        if per_step >= self.min_cost:
            raise ValueError(f"per_step {per_step} would make a misreading free")
        patterns = tuple(surfaces) if surfaces is not None else (shape(observed),)
        readings = [Reading(observed, observed, keep_score, keep_score, 0.0, None)]
        floor = keep_score - _BEAM
        ceiling = -math.inf
        # Context can add at most this much: readings that cannot reach the
        # floor even so are dropped before the bigram list is consulted.
        reach = self.reach(left, right, adapt is not None)
        for word in self.candidates(observed, deep=deep, min_count=min_count):
            prior = math.log10(self.lexicon.count(word)) - self._log_total
            if favour is not None:
                prior += min(FAVOUR_CAP, favour(word))
            # No reading gains by a misreading (per_step < min_cost): this is
            # the most the word can score before context and adapt.
            bound = prior - self.min_cost + per_step
            if bound + reach < floor:
                ceiling = max(ceiling, bound)
                continue
            best: Reading | None = None
            for pattern in patterns:
                surface = apply_shape(word, pattern)
                alignment = self.model.cost(observed, surface)
                score = prior - alignment.cost + per_step * len(alignment.steps)
                ceiling = max(ceiling, score)
                if adapt is not None:
                    score += min(ADAPT_CAP, adapt(alignment))
                if best is None or score > best.score:
                    best = Reading(word, surface, score, prior, 0.0, alignment)
            if best is None or best.score + reach < floor:
                continue
            fit = self.context(word, left, right)
            if best.score + fit >= floor:
                readings.append(_rescored(best, fit))
        return _normalise(observed, readings, ceiling)

    @staticmethod
    def reach(left: str | None, right: str | None, adapt: bool) -> float:
        """The most context and a document's profile can add to a reading (log10)."""
        sides = (left is not None) + (right is not None)
        return sides * CONTEXT_WEIGHT * CONTEXT_CAP + (ADAPT_CAP if adapt else 0.0)

    def judge_known(
        self,
        observed: str,
        *,
        left: str | None,
        right: str | None,
        max_cost: float,
        adapt: Callable[[Alignment], float] | None = None,
        per_step: float = 0.0,
    ) -> Judgement | None:
        """Readings of a token that is itself a word: only listed confusions compete.

        Without context no other word can beat the word as written (its own
        prior needs no misreading), so neighbours are what can tip it, and
        ``adapt`` and ``per_step`` (as for :meth:`judge_unknown`): a page that
        misreads "h" as "li" elsewhere may well have done so in "lie", and a
        page that misreads much may have. ``per_step`` counts only the steps
        that replace letters: a rival that adds or drops one ("order" for
        "orders") gains nothing by it.
        """
        if per_step >= self.min_cost:
            raise ValueError(f"per_step {per_step} would make a misreading free")
        rivals = self._rivals[observed, max_cost]
        if not rivals:
            return None
        prior = self.prior(observed)
        fit = self.context(observed, left, right)
        readings = [Reading(observed.lower(), observed, prior + fit, prior, fit, None)]
        for word, surface, alignment, cand_prior in rivals:
            cand_fit = self.context(word, left, right)
            score = cand_prior + cand_fit - alignment.cost
            score += per_step * sum(1 for s in alignment.steps if s.observed and s.intended)
            if adapt is not None:
                score += min(ADAPT_CAP, adapt(alignment))
            readings.append(Reading(word, surface, score, cand_prior, cand_fit, alignment))
        return _normalise(observed, readings)

    def _find_rivals(self, observed: str, max_cost: float) -> tuple[_Rival, ...]:
        """The words a known token may be a listed misreading of, with how each is
        written there, its alignment and its prior (none of it depends on the
        neighbours).
        """
        pattern = shape(observed)
        rivals = []
        for word in {w.lower() for w in self.model.variants(observed, max_cost, max_steps=1)}:
            if word == observed.lower() or word not in self.lexicon:
                continue
            surface = apply_shape(word, pattern)
            alignment = self.model.cost(observed, surface)
            if alignment.cost > max_cost or not alignment.listed():
                continue
            rivals.append((word, surface, alignment, self.prior(word)))
        return tuple(rivals)


def _rescored(reading: Reading, context: float) -> Reading:
    return Reading(
        reading.word,
        reading.surface,
        reading.score + context,
        reading.prior,
        context,
        reading.alignment,
    )


def _clip(value: float) -> float:
    return max(-CONTEXT_CAP, min(CONTEXT_CAP, value))


def edits1(word: str, prefix_ok: Callable[[str], bool] | None = None) -> Iterable[str]:
    """Every string one deletion, transposition, substitution or insertion away.

    With ``prefix_ok``, edits stop at the first beginning of ``word`` it
    refuses: every string an edit further right makes starts so, and none
    is wanted. For a word misspelt near its end that is most of them.

    >>> "the" in set(edits1("tbe")), "the" in set(edits1("te")), "the" in set(edits1("hte"))
    (True, True, True)
    >>> after_x = set(edits1("xyz", prefix_ok=lambda s: s == "x"))
    >>> "xz" in after_x, "yz" in after_x, "xy" in after_x  # "xy": an edit after "xy", refused
    (True, True, False)
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if a and prefix_ok is not None and not prefix_ok(a):
            return
        if b:
            yield a + b[1:]
            if len(b) > 1:
                yield a + b[1] + b[0] + b[2:]
            for c in _LETTERS:
                yield a + c + b[1:]
        for c in _LETTERS:
            yield a + c + b


@functools.cache
def default_corrector() -> Corrector:
    """The corrector over the shipped lexicon, bigrams and confusion table."""
    lexicon = default_lexicon()
    return Corrector(
        lexicon,
        default_model(),
        default_bigrams,
        functools.cache(lambda: SymSpellIndex(lexicon)),
    )
