"""``cleaner review``: walk the proposed edits one by one (not available yet)."""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.commands._output import note
from cleaner.config import Config
from cleaner.errors import EXIT_ERROR


def run(paths: Sequence[str], config: Config) -> int:
    note("review is not available yet: 'cleaner check' lists the edits, 'cleaner diff' shows them")
    return EXIT_ERROR
