"""`pctui note FILE --item N TEXT`: an internal note (内部メモ) on an item, never published."""

from __future__ import annotations

import argparse
import sys

from pctui.cli.common import OK, load, saved
from pctui.cli.parsers import Commands, add_file_argument, add_item_argument
from pctui.i18n import N_, _
from pctui.model.identity import current_login
from pctui.model.office import add_note

DESCRIPTION = N_("""\
Add an internal note (内部メモ) to item N as the current login: kept in the consultation
file (and in git when it is committed), shown in the TUI beside the sign-offs and in
pctui history, never published. TEXT '-' reads the note from stdin. Refused with exit
status 1 when the note is empty or the current login is not a reviewer; exit status 2
when there is no item N.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "note", help=_("add an internal note to an item (never published)"),
        description=_(DESCRIPTION),
    )  # fmt: skip
    add_file_argument(parser)
    add_item_argument(parser)
    parser.add_argument("text", metavar="TEXT", help=_("the note ('-': read it from stdin)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Add the note and save; returns the exit status."""
    text = sys.stdin.read() if args.text == "-" else str(args.text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    file = load(args.file)
    login = current_login()
    saved(file, args.item, lambda c: add_note(c, args.item, login, text))
    print(_("No.{no}: note by {login} saved").format(no=args.item, login=login))
    return OK
