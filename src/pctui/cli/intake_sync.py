"""`pctui intake sync FILE [--check]`: the items' opinion texts copied from the registry
brought in line with its public texts (after a redaction was kept or undone elsewhere, or
by a pctui that did not carry it into the file)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

# Every `pctui intake` command builds the parsers of all its subcommands, so this module
# imports at its top only what its parser needs; what running it needs is imported in
# `run` (the registry, the readers, the grouping: a tenth of a second of start-up that the
# other subcommands need not pay).
from pctui.cli.common import FINDING, OK, Exit, load
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from pctui.intake.item_texts import Disagreement
    from pctui.storage import ConsultationFile

DESCRIPTION = N_("""\
An item's opinion accepted from a group holds its representative's public (redacted) text.
When a redaction is kept or undone after that, the registry's public text changes: this
gives each such opinion the registry's text again (and removes from a text staff edited the
words of a redaction that stands), saved at once; the items changed need signing again.
--check only lists the opinions that disagree (exit 1 when any does). pctui publish refuses
while one disagrees.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "sync",
        help=_("give the items the registry's public texts of their opinions"),
        description=_(DESCRIPTION),
    )
    add_file_argument(parser)
    parser.add_argument(
        "--check", action="store_true", help=_("only list the opinions that disagree")
    )
    parser.set_defaults(run=run)


def disagreement_line(file: ConsultationFile, change: Disagreement) -> str:
    """`path:line:col: No.N opinion L: …` for an opinion whose text disagrees."""
    from pctui.intake.item_texts import COPY
    from pctui.storage.opinion_schema import OPINIONS

    line, col = file.place(change.no, OPINIONS, change.index, "text")
    if change.kind == COPY:
        what = _(
            "No.{no} opinion {label}: the text is not the registry's public text of {opinion} "
            "(a redaction was kept or undone after it was copied)"
        )
    else:
        what = _("No.{no} opinion {label}: the text holds words that {opinion} keeps redacted")
    where = f"{file.path}:{line}:{col}: "
    return where + what.format(no=change.no, label=change.label, opinion=change.opinion)


def run(args: argparse.Namespace) -> int:
    """List or fix the disagreements; returns the exit status."""
    import sqlite3

    from pctui.cli.intake_common import opened_registry
    from pctui.intake.item_texts import disagreements
    from pctui.session.redaction_decisions import sync_items

    file = load(args.file)
    with opened_registry(args.file, file) as registry:
        if args.check:
            try:
                found = disagreements(file.consultation, registry)
            except sqlite3.Error as error:
                raise Exit(FINDING, _("pctui: {error}").format(error=error)) from None
            for change in found:
                print(disagreement_line(file, change))
            return FINDING if found else OK
        synced = sync_items(file, registry)
    for line in synced.lines():
        print(line)
    if synced.error:
        return FINDING
    count = len(synced.changed)
    message = ngettext(
        "{count} opinion text follows the registry again",
        "{count} opinion texts follow the registry again",
        count,
    )
    print(message.format(count=count))
    return OK
