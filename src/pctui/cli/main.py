"""Entry point of the `pctui` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pctui import __version__
from pctui.cli import (
    audit,
    commit,
    import_cmd,
    merge_driver,
    publish,
    revise,
    signoff,
    status,
    validate,
)
from pctui.cli import open as open_command
from pctui.cli.common import BAD_INPUT, Exit
from pctui.cli.output import inert_output

DESCRIPTION = """\
Review, sign off and publish the answers to a public consultation (パブリックコメント).
Exit status: 0 ok, 1 a finding or a refused action, 2 bad input."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="pctui", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"pctui {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in (
        open_command, validate, status, signoff, revise, publish, import_cmd,
        commit, merge_driver, audit,
    ):  # fmt: skip
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Everything printed passes through `inert` (see `pctui.cli.output`): messages quote
    file content, and no control or bidi character from a file may reach the terminal.
    """
    with inert_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return BAD_INPUT
    try:
        code: int = args.run(args)
    except Exit as leave:
        if leave.message:
            print(leave.message, file=sys.stderr)
        return leave.code
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
