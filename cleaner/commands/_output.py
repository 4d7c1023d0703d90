"""Printing for the commands: stdout for results, stderr for notes and errors."""

from __future__ import annotations

import click

from cleaner.process import Problem


def note(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)


def problem(item: Problem) -> None:
    note(f"{item.display}: {item.message}")


def styled(text: str, **style: object) -> str:
    """``text`` in colour; click drops the codes when colour is off or output is piped."""
    return click.style(text, **style)  # type: ignore[arg-type]
