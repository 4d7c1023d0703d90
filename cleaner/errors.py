"""Typed errors raised inside the package and translated once, in the CLI.

Exit codes (documented in README and ``cleaner --help``):

- 0: nothing to change (check, diff), or success (fix);
- 1: edits were found (check, diff), or made (fix with --exit-nonzero-on-fix);
- 2: usage error, missing or unreadable path, undecodable input, bad config,
  output that cannot be written;
- 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_EDITS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


class CleanerError(Exception):
    """An error the user can act on; its message is one line, shown without traceback."""

    exit_code = EXIT_ERROR


class InputError(CleanerError):
    """A path is missing, unreadable or cannot be decoded."""


class BinaryFileError(InputError):
    """The file looks binary (a NUL byte near its start): it is skipped, not an error."""


class ConfigError(CleanerError):
    """The configuration file or an option value is invalid."""


class ChangedOnDiskError(CleanerError):
    """The file changed after it was read; writing would lose someone's work."""
