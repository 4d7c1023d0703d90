"""How much a string of letters reads like the words of a list: letter-trigram models.

Two lists teach one: the gazetteer's names ("Wutan" reads like a place name,
"Chjad" does not; the names stage) and the lexicon's common words. OCR garbles
letters into sequences English does not have ("rbsiding", "amonnkt",
"brougbt"), while a rare word a person wrote, an old spelling or a dialect
form keeps English's letter patterns ("libellous", "soone"); the spelling
stage lowers the prior that an unknown word of a noisy page is right as
written when its letters read unlike English.

The lexicon's model is counted from the installed lexicon the first time a
document needs it, and kept in the on-disk cache (:mod:`cleaner.cache`).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable

from cleaner import cache
from cleaner.lexicon import default_lexicon
from cleaner.resources import dictionary_path

# How the probability of a letter mixes the trigram, bigram, single-letter and
# uniform estimates. Names back off to shorter contexts: a name from another
# language is still a name. Words hardly do: a sequence English never has is
# the point ("gbt" in "brougbt"), and backing off to "bt" would hide it.
NAME_WEIGHTS = (0.6, 0.3, 0.09, 0.01)
WORD_WEIGHTS = (0.97, 0.0, 0.0, 0.03)
# Lexicon words at least this common teach the word model: rarer entries of
# the frequency list include misspellings and fragments.
MIN_COUNT = 1000
# Bumped when the cached counts change meaning.
_FORMAT = 1


class LetterModel:
    """A letter-trigram model of a list of strings.

    Counts are of strings padded as ``^^string$``; probabilities mix the
    trigram, bigram, single-letter and uniform estimates with fixed ``weights``.
    """

    def __init__(
        self, counts: dict[str, int], weights: tuple[float, float, float, float] = NAME_WEIGHTS
    ) -> None:
        # "3abc": trigram; "2bc": bigram; "1c": letter; "c2ab", "c1b", "c0": their contexts.
        self._counts = counts
        self._letters = max(1, sum(1 for key in counts if key[0] == "1"))
        self._weights = weights

    @staticmethod
    def count(strings: Iterable[str]) -> dict[str, int]:
        trigrams: Counter[str] = Counter()
        for string in strings:
            padded = f"^^{string}$"
            trigrams.update(padded[i : i + 3] for i in range(len(padded) - 2))
        counts: Counter[str] = Counter()
        for tri, n in trigrams.items():
            counts["3" + tri] += n
            counts["c2" + tri[:2]] += n
            counts["2" + tri[1:]] += n
            counts["c1" + tri[1]] += n
            counts["1" + tri[2]] += n
            counts["c0"] += n
        return dict(counts)

    def log10_probability(self, string: str) -> float:
        """log10 P(``string``) under the model, end included.

        >>> model = LetterModel(LetterModel.count(["ankara", "antalya", "adana"]))
        >>> model.log10_probability("ankara") > model.log10_probability("akrana")
        True
        """
        get = self._counts.get
        w3, w2, w1, w0 = self._weights
        total = 0.0
        padded = f"^^{string}$"
        letters = get("c0", 0) or 1
        for i in range(2, len(padded)):
            a, b, c = padded[i - 2], padded[i - 1], padded[i]
            context2 = get("c2" + a + b, 0)
            context1 = get("c1" + b, 0)
            p = w3 * get("3" + a + b + c, 0) / context2 if context2 else 0.0
            p += w2 * get("2" + b + c, 0) / context1 if context1 else 0.0
            p += w1 * get("1" + c, 0) / letters + w0 / self._letters
            total += math.log10(p)
        return total

    def per_letter(self, string: str) -> float:
        """The mean log10 probability of each letter of ``string`` and of its end.

        Comparable across lengths: with the lexicon's model common English
        words score about -0.95, OCR garble -1.1 to -1.8.
        """
        return self.log10_probability(string) / (len(string) + 1)


@functools.cache
def word_model() -> LetterModel:
    """The model of the shipped lexicon's common words (lower case, letters only)."""
    resource = dictionary_path("lexicon.txt")
    key = f"letters {_FORMAT} {MIN_COUNT} {cache.version(resource.resolve())}"

    def count() -> dict[str, int]:
        words = default_lexicon().words_at_least(MIN_COUNT)
        return LetterModel.count(w for w in words if w.isalpha())

    return LetterModel(cache.marshalled("letters", key, count), WORD_WEIGHTS)
