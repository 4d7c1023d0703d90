"""Words a text mentions rather than uses: a misspelling it corrects itself.

Changelogs, style guides and errata name the wrong form beside the right one:
"Fix typo: recieve -> receive", 'Rename "Drente" to "Drenthe"', "write
'receive', not 'recieve'", or alone: "Fix typos in tree.c (errror)". There
the wrong form is what the text means to say, and repairing it turns the
entry into nonsense ("receive -> receive").
The pipeline drops any word edit whose replacement the text itself sets
beside the word in such a pair (:func:`corrected_in_place`), and any of a
slip that a line speaking of slips names (:func:`about_a_slip`).
"""

from __future__ import annotations

import re

from cleaner.regex import lazy

# Quotes that may wrap either word of a pair.
_QUOTES = "\"'`“”‘’«»"
# Two forms quoted side by side, in either order: '"Cavuşoğlu" beside
# "Çavuşoğlu"', '"Ezy-sur-Eure" for "Ézy-sur-Eure"', "'colour' or 'color'".
# Unquoted, these words join ordinary phrases ("wait for the bus").
_SIDE = rf"[{_QUOTES}]\s*(?:for|beside|or|and|vs\.?|versus)\s*[{_QUOTES}]"
# wrong CONNECTOR right: "recieve -> receive" (in Markdown "-\>" too),
# '"Drente" to "Drenthe"',
# "replace recieve with receive", "s/recieve/receive/"; or side by side.
# "selecion" should be "selection".
_FORWARD = lazy(
    rf"[{_QUOTES}]?\s*(?:-+\\?>|=+>|→|⇒|\bto\b|\binto\b|\bwith\b|\bby\b|\bshould\s+be\b|/)"
    rf"\s*[{_QUOTES}]?|{_SIDE}",
    re.IGNORECASE,
)
# right CONNECTOR wrong: "receive, not recieve", "receive (not recieve)",
# "receive instead of recieve", "receive <- recieve"; or side by side.
_BACKWARD = lazy(
    rf"(?:[{_QUOTES}]?\s*(?:<-+|←|,?\s*\(?\s*not|instead\s+of|rather\s+than)\s*[{_QUOTES}]?"
    rf"|{_SIDE})\Z",
    re.IGNORECASE,
)
# What a line that speaks of a slip says of it: "Fix typos in tree.c
# (errror)", "spelling-error-in-description shoudl should", 'Using
# "seesion" looks like a mistake'.
_ABOUT_SPELLING = lazy(r"\b(?:typo|misspel|spelling|mistake)", re.IGNORECASE)
# How far back a pair's right word may start (its length plus a connector).
_REACH = 40
_EDGE = lazy(r"^\W+|\W+$")


def corrected_in_place(text: str, start: int, end: int, after: str) -> bool:
    """Whether the text sets ``after`` beside ``text[start:end]`` as its correction.

    >>> def pair(text, wrong, right):
    ...     start = text.index(wrong)
    ...     return corrected_in_place(text, start, start + len(wrong), right)
    >>> pair("Fix typo: recieve -> receive.", "recieve", "receive")
    True
    >>> pair('Rename "Drente" to "Drenthe".', "Drente", "Drenthe")
    True
    >>> pair("Write 'receive', not 'recieve'.", "recieve", "receive")
    True
    >>> pair("s/teh/the/g", "teh", "the")
    True
    >>> pair('Elsewhere ("Cavuşoğlu" beside "Çavuşoğlu").', "Cavuşoğlu", "Çavuşoğlu")
    True
    >>> pair("Write 'colour' or 'color'.", "color", "colour")
    True
    >>> pair('typo in gtkprint.c, "selecion" should be "selection"', "selecion", "selection")
    True

    A correction that only happens to stand nearby is no pair:

    >>> pair("tbe cat went to the mat", "tbe", "the")
    False
    >>> pair("I recieve mail, and receive it gladly.", "recieve", "receive")
    False
    >>> pair("tbe for the rest", "tbe", "the")
    False
    """
    word = _EDGE.sub("", after)
    if not word:
        return False
    following = _FORWARD.match(text, end)
    if following is not None and _starts_with_word(text, following.end(), word):
        return True
    if _quoted_pair(text, start, end, word):
        return True
    window = text[max(0, start - len(word) - _REACH) : start]
    preceding = _BACKWARD.search(window)
    if preceding is None:
        return False
    head = window[: preceding.start()]
    return head.lower().endswith(word.lower()) and not _word_char_before(head, len(word))


def about_a_slip(text: str, start: int, end: int, after: str) -> bool:
    """Whether the word at ``start:end`` is a slip its line names: the word
    stands alone in brackets or quotes on a line that speaks of a slip or a
    mistake, or the line speaks of one before the word and its correction
    ``after`` follows it (lintian's "spelling-error-in-description shoudl
    should"). A word of the sentence itself is still a word ("Fix spelling
    of a Sewdish region": "Swedish"), and so is one a line that speaks of
    none doubles ("she ohad had money", a misreading of an OCR page).

    >>> def named(text, word, after):
    ...     return about_a_slip(text, text.index(word), text.index(word) + len(word), after)
    >>> text = "Fix typos in {tree,xpath}.c (errror)\\nMinor typo 'specificiation' fixed"
    >>> named(text, "errror", "error"), named(text, "specificiation", "specification")
    (True, True)
    >>> named("  * spelling-error-in-description shoudl should", "shoudl", "should")
    True
    >>> named('Problem: Using "seesion" looks like a mistake.', "seesion", "session")
    True
    >>> text = "Fix spelling of a Sewdish region (Jämtland)\\n(recieve) path; she ohad had"
    >>> pairs = (("Sewdish", "Swedish"), ("recieve", "receive"), ("ohad", "had"))
    >>> [named(text, wrong, right) for wrong, right in pairs]
    [False, False, False]
    """
    line = text.rfind("\n", 0, start) + 1
    if start and _ENCLOSING.get(text[start - 1]) == text[end : end + 1]:
        # Named alone, the slip may come before what the line says of it:
        # 'Using "seesion" looks like a mistake.'
        stop = text.find("\n", end)
        return _ABOUT_SPELLING.search(text, line, len(text) if stop < 0 else stop) is not None
    if _ABOUT_SPELLING.search(text, line, start) is None:
        return False
    following = _BLANKS_RE.match(text, end)
    word = _EDGE.sub("", after)
    return following is not None and bool(word) and _starts_with_word(text, following.end(), word)


# The marks that enclose a word named alone, and the mark that closes each;
# the spaces between a slip and its correction.
_ENCLOSING = {"(": ")", "[": "]", '"': '"', "'": "'", "`": "`", "“": "”", "‘": "’"}
_BLANKS_RE = lazy(r"[ \t]+")
# Between the two forms of a quoted pair: spaces, or a line break (a list
# quoted as it is laid out).
_GAP_RE = lazy(r"(?=\s)[ \t]*\n?[ \t]*(?=\S)")


def _starts_with_word(text: str, at: int, word: str) -> bool:
    """Whether ``word`` starts at ``at`` in ``text`` and ends there as a word."""
    stop = at + len(word)
    if text[at:stop].lower() != word.lower():
        return False
    return stop >= len(text) or not (text[stop].isalnum() or text[stop] == "_")


def _quoted_pair(text: str, start: int, end: int, word: str) -> bool:
    """Whether one pair of quotes holds the wrong form and ``word`` after it, and
    nothing else: a line of a list of misspellings quoted ('"accomodate
    accommodate"'). Outside quotes a word beside its correction is a
    misreading the page doubled ("she ohad had money").

    >>> text = 'lines such as "accomodate accommodate"'
    >>> start = text.index("accomodate")
    >>> _quoted_pair(text, start, start + 10, "accommodate")
    True
    >>> text = 'lines such as "accomodate accommodate it"'
    >>> _quoted_pair(text, start, start + 10, "accommodate")
    False
    """
    closing = _ENCLOSING.get(text[start - 1]) if start else None
    blanks = _GAP_RE.match(text, end)
    if closing is None or blanks is None or not _starts_with_word(text, blanks.end(), word):
        return False
    return text.startswith(closing, blanks.end() + len(word))


def _word_char_before(head: str, length: int) -> bool:
    """Whether the last ``length`` characters of ``head`` continue a longer word."""
    at = len(head) - length - 1
    return at >= 0 and (head[at].isalnum() or head[at] == "_")


def _emphasised(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone between Markdown's marks of
    emphasis ("*", "_", or either doubled), no word touching them."""
    for mark in ("**", "__", "*", "_"):
        opening = start - len(mark)
        if (
            text.startswith(mark, opening)
            and text.startswith(mark, end)
            and not _touches(text, opening - 1, mark)
            and not _touches(text, end + len(mark), mark)
        ):
            return True
    return False


def _touches(text: str, at: int, mark: str) -> bool:
    """Whether ``text[at]`` is a word's letter or digit, or the mark again."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] in mark)


# An opening quote: a double or typographic one, or a straight single quote
# that starts a word; the closing one mirrors it.
_OPENING = lazy(r"""(?:["“«]|(?<![\w'’])['‘])(?!\s)[^"“”«»‘’\n]*\Z""")
_CLOSING = lazy(r"""[^"“”«»‘’\n]*?(?<=\S)(?:["”»]|['’](?!\w))""")
# Small words a name of several words may hold ("Saint Eustatius and Saba").
_JOINERS = frozenset({"and", "of", "the", "de", "la", "le", "del", "da", "van", "von", "&"})


def quoted_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in quotes that hold a name and nothing
    else, or is set alone in Markdown's emphasis.

    A name in quotes is mentioned as written: a former name, a nickname, an
    entry of a list ('"Ben Slimane" for Morocco'). Quotes around words of a
    sentence are a quotation or scare quotes, and say nothing of the name in
    them (the "Ribbentrop of his time"). A name in emphasis alone is one the
    writer shows, as written ("- *Smali* by Dennis Titze", a language a
    release adds; "__Smali__").

    >>> def inside(text, word):
    ...     start = text.index(word)
    ...     return quoted_name(text, start, start + len(word))
    >>> inside('the name "Ben Slimane" for Morocco', "Slimane")
    True
    >>> inside("Frederik 'Freso' Olesen", "Freso")
    True
    >>> inside("from “Saint Eustatius and Saba” to", "Saint Eustatius")
    True
    >>> inside('described Lavrov as the "Ribbentrop of his time"', "Ribbentrop")
    False
    >>> inside("to Hawke's Bay, and to Anara's port", "Anara")
    False
    >>> inside("- *Smali* by", "Smali"), inside("* __Smali__ (#2419)", "Smali")
    (True, True)
    >>> inside("*Smali by Dennis*", "Smali"), inside("2*Smali*3", "Smali")
    (False, False)
    """
    if _emphasised(text, start, end):
        return True
    line = text.rfind("\n", 0, start) + 1
    opening = _OPENING.search(text, line, start)
    if opening is None:
        return False
    stop = text.find("\n", end)
    closing = _CLOSING.match(text, end, len(text) if stop < 0 else stop)
    if closing is None:
        return False
    words = text[opening.start() + 1 : closing.end() - 1].split()
    return all(w[:1].isupper() or w.lower() in _JOINERS for w in words)
