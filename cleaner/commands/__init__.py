"""One module per subcommand. Each exposes ``run(...) -> int`` (an exit code)
and leaves parsing to :mod:`cleaner.cli`."""
