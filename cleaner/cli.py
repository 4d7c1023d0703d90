"""The command line: parse options, build one Config, call one command, return its exit code.

Exit codes: 0 nothing to change (check, diff) or success (fix); 1 edits found
(check, diff) or made (fix --exit-nonzero-on-fix); 2 usage error, missing or
unreadable path, undecodable input, bad configuration, output that cannot be
written; 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from cleaner import __version__
from cleaner import config as config_mod
from cleaner.commands import check, diff, fix
from cleaner.commands import config as config_cmd
from cleaner.errors import EXIT_ERROR, EXIT_INTERRUPTED, CleanerError
from cleaner.stages import STAGES

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Exit codes:
  0    nothing to change (check, diff), or success (fix)
  1    edits found (check, diff), or made (fix --exit-nonzero-on-fix)
  2    usage error, missing or unreadable path, undecodable input, bad config,
       output that cannot be written
  130  interrupted
"""


class CleanerGroup(click.Group):
    """Translates the package's typed errors into a one-line message and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CleanerError as exc:
            click.echo(f"cleaner: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("cleaner: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # `cleaner check | head`: the reader left; that is not an error.
            sys.stderr.close()
            ctx.exit(0)
        except OSError as exc:
            # Writing the report failed (`cleaner check > /dev/full`, a full
            # disk): say so, and exit 2, never 1, which reads as "edits found".
            click.echo(f"cleaner: cannot write the output: {exc.strerror or exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(
    cls=CleanerGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, prog_name="cleaner")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output. Default: when stdout is a terminal and NO_COLOR is unset.",
)
@click.pass_context
def cli(ctx: click.Context, color: bool | None) -> None:
    """Repair text after the fact: mojibake, spacing, OCR misreadings, names.

    Every change is an edit with a reason and a confidence; `fix` applies only
    the safe ones, `check` and `diff` show them, `review` asks a person.
    """
    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    ctx.color = color


def _stage_list(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> list[str]:
    """``--disable a,b --disable c`` as ["a", "b", "c"], each a known stage."""
    stages = [name.strip() for value in values for name in value.split(",") if name.strip()]
    unknown = [name for name in stages if name not in STAGES]
    if unknown:
        raise click.BadParameter(
            f"unknown stage {', '.join(map(repr, unknown))}; stages: {', '.join(sorted(STAGES))}",
            ctx,
            param,
        )
    return stages


def common_options(func: F) -> F:
    """Options every processing command shares; they override the project config."""
    options: list[Callable[[F], F]] = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Read settings from this file instead of the nearest "
            "pyproject.toml [tool.cleaner], .cleaner.toml or cleaner.toml.",
        ),
        click.option(
            "--allow",
            multiple=True,
            metavar="WORD",
            help="A word that is right (repeatable); lower case matches any case.",
        ),
        click.option(
            "--disable",
            multiple=True,
            metavar="STAGE[,STAGE...]",
            callback=_stage_list,
            help="Switch stages off (repeatable, or comma-separated): "
            + ", ".join(sorted(STAGES))
            + ".",
        ),
        click.option(
            "--min-confidence",
            type=click.FloatRange(0.0, 1.0),
            default=None,
            help="Propose only edits at least this confident.",
        ),
        click.option(
            "--gazetteer",
            "gazetteers",
            multiple=True,
            type=click.Path(dir_okay=False, path_type=Path),
            help="Extra gazetteer of names (repeatable).",
        ),
        click.option(
            "--force-exclude",
            is_flag=True,
            help="Filter files named on the command line through the include and exclude "
            "globs too (as the pre-commit hooks do).",
        ),
        click.option(
            "--stdin-filename",
            default=None,
            metavar="NAME",
            help="Name for standard input in reports; its suffix sets the format (.md).",
        ),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=1),
            default=None,
            help="Worker processes for large sets of files. Default: one per core.",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            help="Do not reuse or remember the edits of unchanged files (see README).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_config(
    config_file: Path | None,
    allow: Sequence[str],
    disable: Sequence[str],
    min_confidence: float | None,
    gazetteers: Sequence[Path],
    jobs: int | None = None,
    no_cache: bool = False,
) -> config_mod.Config:
    """The project's configuration file, then the flags on top."""
    path = config_file or config_mod.find_project_config(Path.cwd())
    base = config_mod.load_file(path) if path else config_mod.DEFAULT
    flags: dict[str, Any] = {}
    if allow:
        flags["allow"] = sorted(set(base.allow) | set(allow))
    if disable:
        flags["disable"] = sorted(set(base.disable) | set(disable))
    if min_confidence is not None:
        flags["min_confidence"] = min_confidence
    if gazetteers:
        flags["gazetteers"] = [str(g) for g in (*base.gazetteers, *gazetteers)]
    if jobs is not None:
        flags["jobs"] = jobs
    if no_cache:
        flags["cache"] = False
    return config_mod.with_flags(flags, base) if flags else base


def _stdin_mode(paths: Sequence[str]) -> bool:
    """Whether to read stdin: PATH is `-`, or no PATH and stdin is not a terminal."""
    if "-" in paths:
        if len(paths) > 1:
            raise click.UsageError("'-' (standard input) cannot be combined with other paths")
        return True
    if paths:
        return False
    if sys.stdin.isatty():
        raise click.UsageError("no PATH given (use '-' or a pipe for standard input)")
    return True


@cli.command(name="fix", epilog=EPILOG)
@click.argument("paths", nargs=-1)
@click.option("--exit-nonzero-on-fix", is_flag=True, help="Exit 1 when a file was changed.")
@common_options
def fix_command(
    paths: tuple[str, ...],
    exit_nonzero_on_fix: bool,
    force_exclude: bool,
    stdin_filename: str | None,
    **opts: Any,
) -> None:
    """Apply the safe edits to PATHs in place, or copy stdin to stdout repaired.

    PATHs may be folders: text files inside are found (git's ignore rules apply).
    With '-' or a pipe and no PATH, large input streams through in chunks.
    """
    config = build_config(**opts)
    if _stdin_mode(paths):
        code = fix.run_stream(
            sys.stdin.buffer, sys.stdout.buffer, config,
            display=stdin_filename or "stdin", exit_nonzero_on_fix=exit_nonzero_on_fix,
        )  # fmt: skip
    else:
        code = fix.run(
            paths, config, exit_nonzero_on_fix=exit_nonzero_on_fix, force_exclude=force_exclude
        )
    click.get_current_context().exit(code)


@cli.command(name="check", epilog=EPILOG)
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text: path:line:col: rule: before -> after (reason); json: JSON Lines.",
)
@common_options
def check_command(
    paths: tuple[str, ...], fmt: str, force_exclude: bool, stdin_filename: str | None, **opts: Any
) -> None:
    """List the proposed edits (safe and for review); change nothing."""
    config = build_config(**opts)
    if _stdin_mode(paths):
        code = check.run_stream(
            sys.stdin.buffer, config, fmt=fmt, display=stdin_filename or "stdin"
        )
    else:
        code = check.run(paths, config, fmt=fmt, force_exclude=force_exclude)
    click.get_current_context().exit(code)


@cli.command(name="diff", epilog=EPILOG)
@click.argument("paths", nargs=-1)
@common_options
def diff_command(
    paths: tuple[str, ...], force_exclude: bool, stdin_filename: str | None, **opts: Any
) -> None:
    """Show what `fix` would change, as a unified diff that `git apply` accepts."""
    config = build_config(**opts)
    if _stdin_mode(paths):
        code = diff.run_stream(sys.stdin.buffer, config, display=stdin_filename or "stdin")
    else:
        code = diff.run(paths, config, force_exclude=force_exclude)
    click.get_current_context().exit(code)


@cli.command(name="review", epilog=EPILOG)
@click.argument("paths", nargs=-1, required=True)
@common_options
def review_command(
    paths: tuple[str, ...], force_exclude: bool, stdin_filename: str | None, **opts: Any
) -> None:
    """Walk the proposed edits one by one and accept or reject each (keys: press ?).

    Each file is written when its last edit is answered, with exactly the
    accepted edits. Needs a terminal; refuses under pre-commit.
    """
    if "-" in paths:
        raise click.UsageError("review edits files in place; it cannot read standard input")
    config = build_config(**opts)
    from cleaner.commands import review  # the terminal and TOML editing load only here

    code = review.run(paths, config, force_exclude=force_exclude, config_file=opts["config_file"])
    click.get_current_context().exit(code)


@cli.command(name="config")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["toml", "json"]),
    default="toml",
    help="toml: one line per key, its source as a comment; json: key -> value and source.",
)
@common_options
def config_command(fmt: str, force_exclude: bool, stdin_filename: str | None, **opts: Any) -> None:
    """Print the effective configuration and where each value came from.

    Takes the options fix, check and diff take, and shows what they would use.
    """
    path = opts["config_file"] or config_mod.find_project_config(Path.cwd())
    config = build_config(**opts)
    click.get_current_context().exit(config_cmd.run(config, path, fmt=fmt))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for the console script and the hook)."""
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="cleaner",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("cleaner: interrupted", err=True)
        return EXIT_INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    return result if isinstance(result, int) else 0


def run() -> NoReturn:
    """The console script: :func:`main`, then leave without tearing the interpreter down.

    A check holds the lexicon's words, the gazetteer's index and the stages'
    memos; freeing them object by object at exit took about 20 ms, an eighth
    of a check of a 1 KB file. Every file is written and closed and every
    worker stopped before main() returns, so only the standard streams are
    left to flush. When a flush fails for any reason but a reader that left
    (``cleaner check | head``), Python's own exit reports it, as it would
    have without this.
    """
    code = main()
    try:
        for stream in (sys.stdout, sys.stderr):
            if not stream.closed:
                stream.flush()
    except BrokenPipeError:
        pass
    except (OSError, ValueError):
        raise SystemExit(code) from None
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
