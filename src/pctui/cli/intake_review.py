"""`pctui intake review FILE`: the grouping screen alone, from groups to answers."""

from __future__ import annotations

import argparse
from pathlib import Path

# Every `pctui intake` command builds the parsers of all its subcommands, so this module
# imports at its top only what its parser needs; what running it needs is imported in
# `run` (the registry, the readers, the grouping: a tenth of a second of start-up that the
# other subcommands need not pay).
from pctui.cli.common import FINDING, OK, Exit, load, problems_exit
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _

DESCRIPTION = N_("""\
Open the grouping screen on the consultation's registry: the 同趣旨 groups largest first,
each group's representative and what each member adds to it. Accept a group as a new
item, attach it to an existing item, split it or merge it into another; each is saved at
once, and the intake table in [intake] is counted again when the registry has grown. R
reviews the redactions of personal data (keep or undo, recording who and when). Run
pctui intake group first; the consultation must be format 2.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "review", help=_("turn the groups into items in the TUI"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check the file and its registry, then run the grouping screen."""
    from pctui.cli.intake_common import opened_registry
    from pctui.intake.registry import registry_path

    file = load(args.file)
    path = registry_path(Path(args.file), file.consultation)
    if not path.exists():
        message = _("{path}: no intake registry yet: run pctui intake import {file} SOURCE first")
        raise Exit(FINDING, message.format(path=path, file=args.file))
    with opened_registry(args.file):
        pass  # refused (exit 1) when git tracks it or it is not a registry
    from pctui.app.run import run_app  # Textual is imported only when the TUI is wanted

    problems = run_app(file, groups=path)
    if problems:
        raise problems_exit(args.file, problems)
    return OK
