"""`pctui open FILE`: the review TUI."""

from __future__ import annotations

import argparse

from pctui.cli.common import OK, load
from pctui.i18n import N_, _

HELP = N_("open the review TUI on a consultation file")
DESCRIPTION = N_("Open the review TUI on a consultation file.")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the subcommand."""
    parser = commands.add_parser("open", help=_(HELP), description=_(DESCRIPTION))
    parser.add_argument("file", metavar="FILE", help=_("the consultation TOML file"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load first (a broken file opens no TUI), then run the app."""
    file = load(args.file)
    from pctui.app.main import run_app  # Textual is imported only when the TUI is wanted

    run_app(file)
    return OK
