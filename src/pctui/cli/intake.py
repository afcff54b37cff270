"""`pctui intake SUBCOMMAND`: the submissions registry (import, status, …).

Each subcommand is a module of its own, named in `SUBCOMMANDS`, which adds its parser to
the group as a top-level command module adds its own to `pctui` (`add_parser(commands)`).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from pctui.cli.common import BAD_INPUT
from pctui.cli.helpformat import HelpFormatter
from pctui.cli.language import add_option
from pctui.cli.parsers import Commands
from pctui.i18n import N_, _

DESCRIPTION = N_("""\
The intake: every submission the consultation received, kept in a registry of its own
(an SQLite file beside the consultation, or where [intake] registry says) that never goes
into git, because it holds the submitters' names, addresses, e-mail addresses and phone
numbers. Only opinions with that personal data removed are ever shown or published.""")

# Each `pctui intake` subcommand and the module (in pctui.cli) that defines it, in the
# order `pctui intake --help` lists them.
SUBCOMMANDS = {
    "import": "intake_import",
    "status": "intake_status",
    "group": "intake_group",
    "review": "intake_review",
    "groups": "intake_groups",
    "redactions": "intake_redactions",
    "sync": "intake_sync",
    "rescan": "intake_rescan",
    "tally": "intake_tally",
}


def add_parser(commands: Commands) -> None:
    """Register `pctui intake` and its subcommands."""
    parser = commands.add(
        "intake",
        help=_("the submissions registry: import, group, review, status"),
        description=_(DESCRIPTION),
    )
    group = Commands(parser)
    for name in dict.fromkeys(SUBCOMMANDS.values()):
        importlib.import_module(f"pctui.cli.{name}").add_parser(group)
    for subparser in group.parsers.values():
        subparser.formatter_class = HelpFormatter
        add_option(subparser)
    parser.set_defaults(run=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    """`pctui intake` without a subcommand: its help, and exit 2."""
    parser.print_help(sys.stderr)
    return BAD_INPUT
