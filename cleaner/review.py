"""Review: a person answers each proposed edit; the answers decide which edits apply.

This is the logic of ``cleaner review`` without a terminal: a :class:`FileReview`
walks one file's edits in position order and takes answers (the keys of the
prompt, or :class:`Own` for a typed replacement); a :class:`Session` carries
the words answered "this is right" (``i``) from file to file. Nothing here
reads keys or writes files: the command does that, so the logic is tested
with plain data.

>>> e = lambda s, before, after: Edit(s, s + len(before), before, after, "r", 0.9, "", False)
>>> review = FileReview("a  b ,c", [e(1, "  ", " "), e(4, " ,", ", ")])
>>> review.answer("y"); review.answer("n")
>>> review.done, review.result()
(True, 'a b ,c')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from cleaner.config import Config
from cleaner.edits import Edit, apply_edits
from cleaner.pipeline import allow_words, allowed

# The keys a FileReview takes, besides Own(text) for `e`. `?` (help) never
# reaches the logic: it changes nothing.
ACCEPT, REJECT, ACCEPT_REST, REJECT_REST, IGNORE, UNDO, SKIP, QUIT = "ynadiusq"
CHOICE_KEYS = "123456789"
KEYS = frozenset(ACCEPT + REJECT + ACCEPT_REST + REJECT_REST + IGNORE + UNDO + SKIP + QUIT)


class Refused(ValueError):
    """An answer that does not apply to this edit; nothing changed. Its message says why."""


class Outcome(Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    # The original is right: answered `i`, or the same word as an earlier `i`.
    IGNORED = "ignored"


@dataclass(frozen=True)
class Own:
    """The reviewer's own replacement for the current edit (the `e` answer).

    Typing the original text back is a rejection.
    """

    text: str


Answer = str | Own


@dataclass(frozen=True)
class Decision:
    """What became of one proposed edit; ``applied`` is the edit to apply when accepted."""

    outcome: Outcome
    applied: Edit | None = None


@dataclass(frozen=True)
class Tally:
    """A file's answers counted: ``unanswered`` edits were left by `s` or `q`."""

    accepted: int
    rejected: int
    ignored: int
    unanswered: int


@dataclass(frozen=True)
class _State:
    decisions: tuple[Decision | None, ...]
    words: tuple[str, ...]  # allow-list words answered `i` in this file
    ended: str = ""  # SKIP or QUIT when the reviewer left the file early


def choices(edit: Edit) -> list[str]:
    """The replacements a reviewer may pick by number: the proposal first, then
    its alternatives (each once, never the original).

    >>> choices(Edit(0, 5, "Anara", "Ankara", "names", 0.8, "", False, ("Anapa", "Ankara")))
    ['Ankara', 'Anapa']
    """
    return [c for c in dict.fromkeys((edit.after, *edit.alternatives)) if c != edit.before]


def ignorable_word(edit: Edit) -> str:
    """The word `i` puts on the allow-list for ``edit``, exactly as it is written
    in the text; :class:`Refused` when the edit is not about one word.

    >>> ignorable_word(Edit(0, 6, "Anara,", "Ankara,", "names.place", 0.9, "", False))
    'Anara'
    """
    words = allow_words(edit)
    if len(words) == 1:
        return words[0]
    if not words:
        raise Refused(
            "this edit repairs characters or spacing, not a word; "
            "the allow-list cannot stop it (answer n or d)"
        )
    raise Refused(
        f"this edit changes {len(words)} words; the allow-list takes one word (answer n or e)"
    )


class FileReview:
    """One file's edits, answered one at a time in position order.

    ``allowed_words`` are words already answered `i` in this session: edits of
    them are ignored without asking. ``encodable`` refuses a typed replacement
    the file's encoding cannot hold. Every answer can be undone with `u` until
    the file is done.
    """

    def __init__(
        self,
        text: str,
        edits: Iterable[Edit],
        *,
        allowed_words: Iterable[str] = (),
        encodable: Callable[[str], bool] | None = None,
    ) -> None:
        self.text = text
        self.edits: tuple[Edit, ...] = tuple(sorted(edits, key=lambda e: (e.start, e.end)))
        apply_edits(text, self.edits)  # proposals must apply together: raises if not
        self._earlier = tuple(allowed_words)
        self._encodable = encodable
        self._history: list[_State] = []
        self._state = self._settle(_State((None,) * len(self.edits), ()))

    # What the reviewer sees.

    @property
    def position(self) -> int | None:
        """Index of the edit awaiting an answer, or None when the file is done."""
        if self._state.ended:
            return None
        for i, decision in enumerate(self._state.decisions):
            if decision is None:
                return i
        return None

    @property
    def current(self) -> Edit | None:
        """The edit awaiting an answer, or None when the file is done."""
        i = self.position
        return None if i is None else self.edits[i]

    @property
    def done(self) -> bool:
        return self.position is None

    @property
    def quit(self) -> bool:
        """Whether the reviewer answered `q`: no file after this one is reviewed."""
        return self._state.ended == QUIT

    @property
    def decisions(self) -> tuple[Decision | None, ...]:
        """One entry per edit (in :attr:`edits` order); None where none was made."""
        return self._state.decisions

    @property
    def new_words(self) -> tuple[str, ...]:
        """Words answered `i` in this file, for the project's allow-list."""
        return self._state.words

    # Answers.

    def answer(self, answer: Answer) -> None:
        """Take one answer for the current edit; :class:`Refused` leaves everything as it was."""
        if answer == UNDO:
            if not self._history:
                raise Refused("nothing to undo in this file")
            self._state = self._history.pop()
            return
        i = self.position
        if i is None:
            raise Refused("this file has no edit left to answer")
        state = self._settle(self._step(self._state, i, answer))
        self._history.append(self._state)
        self._state = state

    def _step(self, state: _State, i: int, answer: Answer) -> _State:
        edit = self.edits[i]
        decisions = list(state.decisions)
        if isinstance(answer, Own):
            if answer.text == edit.before:
                decisions[i] = Decision(Outcome.REJECTED)
            else:
                if self._encodable is not None and not self._encodable(answer.text):
                    raise Refused(f"{answer.text!r} cannot be written in this file's encoding")
                decisions[i] = Decision(Outcome.ACCEPTED, edit.with_after(answer.text))
        elif len(answer) == 1 and answer in CHOICE_KEYS:
            options = choices(edit)
            number = int(answer)
            if number > len(options):
                raise Refused(f"no choice {number}: this edit has {len(options)}")
            decisions[i] = Decision(Outcome.ACCEPTED, self._choose(edit, options[number - 1]))
        elif answer == ACCEPT:
            decisions[i] = Decision(Outcome.ACCEPTED, edit)
        elif answer == REJECT:
            decisions[i] = Decision(Outcome.REJECTED)
        elif answer in (ACCEPT_REST, REJECT_REST):
            # Edits of allowed words are already settled as ignored.
            for j in range(i, len(decisions)):
                if decisions[j] is None:
                    decisions[j] = (
                        Decision(Outcome.ACCEPTED, self.edits[j])
                        if answer == ACCEPT_REST
                        else Decision(Outcome.REJECTED)
                    )
        elif answer == IGNORE:
            word = ignorable_word(edit)
            decisions[i] = Decision(Outcome.IGNORED)
            words = state.words if word in state.words else (*state.words, word)
            return _State(tuple(decisions), words)
        elif answer in (SKIP, QUIT):
            return dataclasses.replace(state, ended=answer)
        else:
            raise ValueError(f"unknown answer {answer!r}")
        return dataclasses.replace(state, decisions=tuple(decisions))

    @staticmethod
    def _choose(edit: Edit, after: str) -> Edit:
        return edit if after == edit.after else edit.with_after(after)

    def _settle(self, state: _State) -> _State:
        """``state`` with every unanswered edit of an allowed word marked ignored."""
        if not (self._earlier or state.words):
            return state
        # The same test the pipeline applies in later runs, with the words
        # answered `i` so far as the allow-list.
        config = Config(allow=frozenset((*self._earlier, *state.words)))
        decisions = tuple(
            Decision(Outcome.IGNORED) if decision is None and allowed(edit, config) else decision
            for edit, decision in zip(self.edits, state.decisions, strict=True)
        )
        return dataclasses.replace(state, decisions=decisions)

    # Results.

    def accepted(self) -> list[Edit]:
        """The edits to apply, as accepted (with any chosen or typed replacement)."""
        return [
            d.applied
            for d in self._state.decisions
            if d is not None and d.outcome is Outcome.ACCEPTED and d.applied is not None
        ]

    def result(self) -> str:
        """The text with exactly the accepted edits applied."""
        return apply_edits(self.text, self.accepted())

    def tally(self) -> Tally:
        outcomes = [d.outcome if d else None for d in self._state.decisions]
        return Tally(
            accepted=outcomes.count(Outcome.ACCEPTED),
            rejected=outcomes.count(Outcome.REJECTED),
            ignored=outcomes.count(Outcome.IGNORED),
            unanswered=outcomes.count(None),
        )


class Session:
    """A review of several files: words answered `i` in one file are ignored in the next."""

    def __init__(self) -> None:
        self.words: list[str] = []

    def review(
        self, text: str, edits: Iterable[Edit], *, encodable: Callable[[str], bool] | None = None
    ) -> FileReview:
        return FileReview(text, edits, allowed_words=self.words, encodable=encodable)

    def finish(self, review: FileReview) -> None:
        """Carry the words of a finished file into the files after it."""
        self.words.extend(w for w in review.new_words if w not in self.words)
