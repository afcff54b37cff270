"""The reading commands' arguments, read without argparse when they are plainly given.

`pctui validate FILE` and `pctui status [--json] FILE` are what offices and their scripts
run most, on files of every size, and on a national file their whole start counts against
the parse (issue 19: at most a third of `tomllib.loads`). argparse is imported and the
command's parser built for every run: importing it, building the parser and its own
`gettext` look-ups (each expanding the locale's name through `locale`) took 8-10 ms of a
0.16 s `status`. A command line of exactly one of these shapes says nothing argparse
would read otherwise, so its arguments are taken as they stand; anything else (an option
abbreviated, a FILE that starts with "-", `--`, `--help`, `--board`, a word too many, a
mistake to report) goes to argparse as before. The namespace is the one argparse gives,
attribute for attribute: tests/cli/test_plain_argv.py builds both for every shape and
fails when a command gains an option this module does not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

from pctui.cli.language import without_lang


def plain_reading(argv: Sequence[str]) -> SimpleNamespace | None:
    """The parsed arguments of `argv` when it is one of the plain reading shapes
    (`[--lang L] validate FILE`, `[--lang L] status [--json] FILE [--json]`, `--lang L`
    also after the command, in either form `--lang L` or `--lang=L`); else None."""
    split = without_lang(argv)
    if split is None or not split[0]:
        return None
    rest, lang = split
    command, arguments = rest[0], rest[1:]
    if command == "validate":
        if len(arguments) != 1 or arguments[0].startswith("-"):
            return None
        from pctui.cli.validate import run

        return SimpleNamespace(lang=lang, file=arguments[0], run=run, only_reads=True)
    if command == "status":
        json = "--json" in arguments
        files = [word for word in arguments if word != "--json"]
        if len(files) != 1 or files[0].startswith("-") or len(arguments) > 2:
            return None
        from pctui.cli.status import run as run_status

        return SimpleNamespace(
            lang=lang, file=files[0], json=json, board=False, run=run_status, only_reads=True
        )
    return None
