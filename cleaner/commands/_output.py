"""Printing for the commands: stdout for results, stderr for notes and errors."""

from __future__ import annotations

import os
import sys
import time

import click

from cleaner.process import Problem


def note(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)


def problem(item: Problem) -> None:
    note(f"{item.display}: {item.message}")


def styled(text: str, **style: object) -> str:
    """``text`` in colour; click drops the codes when colour is off or output is piped."""
    return click.style(text, **style)  # type: ignore[arg-type]


class ProgressLine:
    """files done / total and the rate, on stderr, for a person watching.

    Shown only when stderr is a terminal, not under pre-commit, and only once
    the work has taken a second: short runs stay silent. Results printed to
    stdout first clear the line (see :meth:`clear`), so the two never mix.
    """

    DELAY = 1.0
    INTERVAL = 0.1

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty() and not os.environ.get("PRE_COMMIT")
        self._start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        elapsed = now - self._start
        if elapsed < self.DELAY or (now - self._last < self.INTERVAL and done < total):
            return
        self._last = now
        rate = done / elapsed
        sys.stderr.write(f"\r\x1b[K{done}/{total} files, {rate:.0f} files/s")
        sys.stderr.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._shown = False
