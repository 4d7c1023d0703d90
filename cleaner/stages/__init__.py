"""Stages: each proposes edits for one kind of damage. They share one interface.

A stage is any callable taking a :class:`Context` and returning edits with
offsets into ``context.text``. Stages never apply edits and never see each
other's proposals; :func:`cleaner.pipeline.propose` resolves them together.
Add a stage by writing a module here and listing it in a layer of :data:`LAYERS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol

from cleaner.config import Config
from cleaner.edits import Edit
from cleaner.segment import Protected


class Context(NamedTuple):
    """What a stage may look at: the text, its kind, the config, protected spans.

    ``noise_floor`` is how noisy the page read before any of its words was
    repaired (see spelling.page_noise): the pipeline's later rounds judge a
    repaired page as the OCR page it was, not as the cleaner page it became.
    ``technical_floor`` is the same with its words of software writing taken
    as right (see spelling.ocr_page_beside_technical).
    """

    text: str
    kind: str
    config: Config
    protected: Protected
    noise_floor: float = 0.0
    technical_floor: float = 0.0


class Stage(Protocol):
    def __call__(self, context: Context, /) -> Iterable[Edit]: ...


def _registry() -> list[dict[str, Stage]]:
    # Imported here so each stage module can import Context from this package.
    from cleaner.stages import (
        boundaries,
        consistency,
        encoding,
        invisible,
        names,
        spacing,
        spelling,
    )

    # Each layer sees the text as the layers before it left it (their edits
    # applied), so a word damaged by mojibake or split by a soft hyphen is
    # spaced, spelled and matched as the repaired word it is.
    layers: list[dict[str, Stage]] = [
        {"encoding": encoding.propose},
        {"invisible": invisible.propose},
        {"spacing": spacing.propose},
        # Words broken or run together, mended before the word stages judge them.
        {"boundaries": boundaries.propose},
        # Word stages (spelling/OCR, names, consistency) register here.
        {"names": names.propose, "consistency": consistency.propose, "spelling": spelling.propose},
    ]
    return [layer for layer in layers if layer]


LAYERS: list[dict[str, Stage]] = _registry()
STAGES: dict[str, Stage] = {name: stage for layer in LAYERS for name, stage in layer.items()}
