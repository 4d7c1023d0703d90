"""The pipeline: run every enabled stage on a text and resolve their proposals.

This is the one place where proposals meet: protected spans, the allow-list,
the confidence floor and overlaps are all settled here, so every view (fix,
check, diff, review, the hook) reads the same list of edits.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterator

from cleaner.apart import set_apart
from cleaner.config import DEFAULT, Config
from cleaner.edits import Edit, apply_edits, clear_of, overlaps, rebase, resolve
from cleaner.language import in_any_language
from cleaner.memo import last_call
from cleaner.mentions import about_a_slip, corrected_in_place
from cleaner.regex import lazy
from cleaner.segment import Protected, protected_spans
from cleaner.stages import LAYERS, Context, Stage
from cleaner.stages.spelling import CLEAN_NOISE, noise_of

# Rule families that repair characters and spacing, not words: the
# allow-list (a list of words that are right) does not apply to them.
_CHARACTER_RULES = ("spacing.", "invisible.", "encoding.")
_WORD_RE = lazy(r"[^\W_][\w'’-]*")


def propose(
    text: str,
    config: Config = DEFAULT,
    *,
    kind: str = "text",
    encodable: Callable[[str], bool] | None = None,
) -> list[Edit]:
    """All edits proposed for ``text``, non-overlapping, in position order.

    ``kind`` is ``text``, ``markdown`` or ``rst`` (it decides what is
    protected); ``encodable`` drops edits whose replacement the file's
    encoding cannot hold.

    The safe edits are what ``fix`` writes, and the text it writes should
    have no safe edit left, so that a second ``fix`` changes nothing.
    Repairing the safe edits alone can make others safe (a word read by a
    neighbour that was misread, a word an earlier layer judges once a later
    one repaired it: "any- thiog"), so the text is proposed again with them
    applied, and the new safe edits join them, until none is new (at most
    ``_MAX_SAFE_ROUNDS`` times).
    """
    with _collection_paused():
        return _propose(text, config, kind, encodable)


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause Python's automatic cycle collection while one text is proposed.

    A text makes objects by the hundred thousand (a token each word, a
    judgement each unknown form) and most die when it is done. Collected as
    they are made, each pass of the collector walks the living ones again:
    about a second in the 16 of the docs tree of bench/speed.py on one core.
    Paused, what is left of them is collected after the text as usual (the
    collector counts the objects made meanwhile), so memory stays bounded by
    one text; a pipe's parts are texts of their own. A caller who turned
    collection off keeps it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _propose(
    text: str, config: Config, kind: str, encodable: Callable[[str], bool] | None
) -> list[Edit]:
    # What each layer proposed for each text it saw: a layer shown the same
    # text in a later round (most are, when the repairs were all safe and
    # from one layer) is not run again.
    seen: dict[tuple[int, _Floors, str], list[Edit]] = {}
    # The protected spans of each text a layer was run on: a later round runs
    # the first layers on the text a layer of the round before made.
    spans: dict[str, Protected] = {}
    edits = _propose_layers(text, config, kind, encodable, seen, spans, _NO_FLOOR)
    # The later rounds judge the repaired text as noisy as the page read
    # before its words were repaired (see Context.noise_floor): a page whose
    # misreadings were repaired reads cleaner than the OCR page it still is.
    # A round that finds nothing more so is checked once more on the text's
    # own noise, which is what the next run on the repaired text will see.
    floor: _Floors | None = None
    for _ in range(_MAX_SAFE_ROUNDS):
        safe = [e for e in edits if e.safe]
        if not safe:
            break
        repaired = apply_edits(text, safe)
        lifted = _NO_FLOOR  # no word repaired yet: the page reads as noisy as it did
        if any(not e.rule.startswith(_CHARACTER_RULES) for e in safe):
            if floor is None:
                characters = [e for e in edits if e.rule.startswith(_CHARACTER_RULES)]
                first = apply_edits(text, characters)
                floor = (
                    noise_of(first, config, kind=kind),
                    noise_of(first, config, kind=kind, beside_technical=True),
                )
            # A floor the repaired text reaches by itself changes nothing, and
            # one of clean prose (a typo repaired in a manual) too little.
            if floor[0] > CLEAN_NOISE and floor[0] > noise_of(repaired, config, kind=kind):
                lifted = floor
        again = _propose_layers(repaired, config, kind, encodable, seen, spans, lifted)
        # The repaired text read at its own noise, as the next run on what
        # fix writes reads it.
        own = again
        if lifted != _NO_FLOOR and not any(e.safe for e in again):
            own = _propose_layers(repaired, config, kind, encodable, seen, spans, _NO_FLOOR)
            # Its repairs join; what a person decides is still read at the floor.
            again = resolve([e for e in own if e.safe] + again)
        if not any(e.safe for e in again):
            # Nothing more to repair. What the repaired text proposes at its
            # own noise joins what a person decides, where it overlaps
            # nothing proposed before the repairs (evidence a repair took
            # away stays: a mojibake that reads consistent once its
            # neighbour is repaired), so that applying every proposal leaves
            # nothing more to propose.
            later = clear_of(safe, [e for e in own if not e.safe])
            edits = _beside(edits, [e for e in rebase(text, safe, later) if not e.safe])
            break
        # The new round's unsure edits replace the old ones, except where
        # they would make a safe repair wait for a person.
        unsure = clear_of(safe, [e for e in again if not e.safe])
        edits = resolve(rebase(text, safe, [e for e in again if e.safe] + unsure))
    return edits


def _beside(first: list[Edit], more: list[Edit]) -> list[Edit]:
    """``first`` (apart, in position order) and the edits of ``more`` that
    overlap none of them, in position order.

    >>> e = lambda s, t, after: Edit(s, t, "x" * (t - s), after, "r", 0.6, "", False)
    >>> [x.after for x in _beside([e(2, 4, "a")], [e(0, 1, "b"), e(3, 5, "c"), e(5, 6, "d")])]
    ['b', 'a', 'd']
    """
    starts = [edit.start for edit in first]
    kept = [
        edit
        for edit in more
        if not any(
            overlaps(edit, other)
            for other in first[max(0, bisect.bisect_left(starts, edit.start) - 1) :][:2]
        )
    ]
    return sorted(first + kept, key=lambda edit: (edit.start, edit.end))


# The noise floor and the technical floor of a later round (see Context).
_Floors = tuple[float, float]
_NO_FLOOR: _Floors = (0.0, 0.0)

# Rounds of safe repairs before the last is taken as it stands.
_MAX_SAFE_ROUNDS = 3


def _propose_layers(
    text: str,
    config: Config,
    kind: str,
    encodable: Callable[[str], bool] | None,
    seen: dict[tuple[int, _Floors, str], list[Edit]],
    spans: dict[str, Protected],
    floors: _Floors,
) -> list[Edit]:
    """Every layer's edits for ``text``, each layer run again on its own result
    (``floors``: see Context.noise_floor and Context.technical_floor; ``seen``
    and ``spans``: what was found for each text before)."""
    edits: list[Edit] = []
    current = text
    for number, layer in enumerate(LAYERS):
        # A layer runs again on its own result until it proposes nothing more,
        # so that applying every proposal leaves nothing to propose: a word
        # judged by its neighbours may read differently once a neighbour is
        # repaired ("ba aa": "aa" -> "an", then "ba an" -> "be an").
        for attempt in range(_MAX_PASSES):
            found = seen.get((number, floors, current))
            if found is None:
                # Most layers change nothing, so the spans of one text serve many.
                protected = spans.get(current)
                if protected is None:
                    protected = spans[current] = protected_spans(current, kind)
                context = Context(current, kind, config, protected, *floors)
                found = seen[number, floors, current] = _layer_edits(layer, context, encodable)
            kept = found
            if not kept:
                break
            if attempt:
                # Found only because earlier guesses were applied: fix may not
                # apply those, so these wait for a person too.
                kept = [dataclasses.replace(e, safe=False) for e in kept]
            edits = resolve(rebase(text, edits, resolve(kept)))
            current = apply_edits(text, edits)
    return edits


_MAX_PASSES = 3


def _layer_edits(
    layer: dict[str, Stage],
    context: Context,
    encodable: Callable[[str], bool] | None,
) -> list[Edit]:
    """What one layer's enabled stages propose for the context's text, after the central filters."""
    config = context.config
    apart = _apart(context.text)
    return [
        edit
        for name, stage in layer.items()
        if name not in config.disable
        for edit in stage(context)
        if edit.confidence >= config.min_confidence
        and not context.protected.touches(edit.start, edit.end)
        and _stands_in(apart, edit, context.text)
        and not allowed(edit, config)
        and not mentioned(edit, context.text)
        and (encodable is None or encodable(edit.after))
    ]


@last_call  # asked by every layer of the same text, most of which change nothing
def _apart(text: str) -> Protected | None:
    """The paragraphs of ``text`` in another language and its alphabetised
    lists (see cleaner.apart), if any."""
    spans = set_apart(text)
    return Protected(spans) if spans else None


def _stands_in(apart: Protected | None, edit: Edit, text: str) -> bool:
    """Whether ``edit`` may stand: it touches no text set apart (a paragraph
    in another language, an alphabetised list), or it repairs what is damage
    in any language."""
    if apart is None or in_any_language(edit, text):
        return True
    return not apart.touches(edit.start, edit.end)


def allow_words(edit: Edit) -> list[str]:
    """The words of ``edit.before`` that the allow-list is matched against.

    Empty for character-level repairs: the allow-list names words that are
    right, and a stray space next to one still needs repairing.

    >>> allow_words(Edit(0, 6, "Anara,", "Ankara,", "names.place", 0.9, "", False))
    ['Anara']
    >>> allow_words(Edit(0, 2, "a ", "a", "spacing.double-space", 0.9, "", True))
    []
    """
    if edit.rule.startswith(_CHARACTER_RULES):
        return []
    return _WORD_RE.findall(edit.before)


def mentioned(edit: Edit, text: str) -> bool:
    """Whether ``edit`` would repair a word the text corrects itself ("recieve -> receive")
    or names as a slip ("Minor typo (specificiation) fixed").

    >>> text = "Fix typo: recieve -> receive"
    >>> mentioned(Edit(10, 17, "recieve", "receive", "spelling.typo", 0.9, "", True), text)
    True
    >>> text = "Minor typo (speling) fixed"
    >>> mentioned(Edit(12, 19, "speling", "spelling", "spelling.ocr", 0.9, "", True), text)
    True
    """
    return not edit.rule.startswith(_CHARACTER_RULES) and (
        corrected_in_place(text, edit.start, edit.end, edit.after)
        or about_a_slip(text, edit.start, edit.end, edit.after)
    )


def allowed(edit: Edit, config: Config) -> bool:
    """Whether the allow-list stops ``edit``: a word it would change is on the list."""
    return bool(config.allow) and any(config.allows(word) for word in allow_words(edit))


def clean(text: str, config: Config = DEFAULT, *, kind: str = "text") -> str:
    """``text`` with the safe edits applied: what ``cleaner fix`` writes.

    >>> clean(" The  cat sat ,then left.")
    'The cat sat, then left.'
    """
    return apply_edits(text, [e for e in propose(text, config, kind=kind) if e.safe])
