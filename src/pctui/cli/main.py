"""Entry point of the `pctui` command."""

from __future__ import annotations

import argparse
import os
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
    themes,
    validate,
)
from pctui.cli import open as open_command
from pctui.cli.common import BAD_INPUT, OK, Exit
from pctui.cli.helpformat import HelpFormatter
from pctui.cli.language import add_option, settle, settle_for_file
from pctui.cli.output import inert_output
from pctui.i18n import N_, _

DESCRIPTION = N_("""\
Review, sign off and publish the answers to a public consultation (パブリックコメント).
Exit status: 0 ok, 1 a finding or a refused action, 2 bad input.""")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand, in the current language."""
    parser = argparse.ArgumentParser(
        prog="pctui", description=_(DESCRIPTION), formatter_class=HelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"pctui {__version__}")
    add_option(parser, top=True)
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND")
    for module in (
        open_command, validate, status, signoff, revise, publish, import_cmd,
        commit, merge_driver, audit, themes,
    ):  # fmt: skip
        module.add_parser(commands)
    for command in commands.choices.values():
        command.formatter_class = HelpFormatter
        add_option(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Everything printed passes through `inert` (see `pctui.cli.output`): messages quote
    file content, and no control or bidi character from a file may reach the terminal.
    """
    with inert_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    settled = settle(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    choice = settle_for_file(settled, getattr(args, "file", None))
    for notice in [*settled.problems, *choice.notices]:
        print(_("pctui: warning: {message}").format(message=notice), file=sys.stderr)
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
    except BrokenPipeError:
        # The reader left (`pctui status | head`): what it read was right, nothing failed.
        # Output goes to /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    return code


if __name__ == "__main__":
    sys.exit(main())
