"""`pctui intake import FILE SOURCE...`: read submissions into the consultation's registry."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# Every `pctui intake` command builds the parsers of all its subcommands, so this module
# imports at its top only what its parser needs; what running it needs is imported in
# `run` (the registry, the readers, the grouping: a tenth of a second of start-up that the
# other subcommands need not pay).
from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext
from pctui.intake.fields import FIELDS

if TYPE_CHECKING:
    from pctui.intake.registry import Incoming

DESCRIPTION = N_("""\
Import submissions into the consultation's intake registry from CSV (UTF-8 with or
without BOM, or Shift_JIS), XLSX, a folder of .txt and .eml files, or an mbox. Columns
are matched by their headers (受付番号, 受付日時, 提出方法, 氏名, 住所, 電子メール, 電話番号,
意見, or English names) and the mapping is printed; --map overrides it. Each submission is
split into opinions (件) and personal data in its text is redacted for review. Importing
the same source again adds nothing. All sources are added in one transaction: an import
that is interrupted adds nothing.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "import", help=_("import submissions into the registry"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.add_argument(
        "sources", nargs="+", metavar="SOURCE", help=_("a CSV, XLSX, mbox, .eml or .txt file, "
        "or a folder of .txt and .eml files"),
    )  # fmt: skip
    parser.add_argument(
        "--map", action="append", default=[], metavar="FIELD=HEADER",
        help=_("use this column for a field (by header name or 1-based number); fields: "
               "{fields}").format(fields=", ".join(FIELDS)),
    )  # fmt: skip
    parser.set_defaults(run=run)


INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C


def run(args: argparse.Namespace) -> int:
    """Import; returns the exit status (1 when some rows were not imported)."""
    from pctui.intake.collector import collector_paused

    with collector_paused():
        return _run(args)


def _interrupted() -> Exit:
    # Ctrl-C reaches the import before its one transaction commits: say that nothing went
    # in, so that whoever pressed it knows the import is to be run again, not completed.
    return Exit(INTERRUPTED, _("pctui: interrupted; nothing was imported"))


def _run(args: argparse.Namespace) -> int:
    from pctui.cli.intake_common import opened_registry
    from pctui.cli.progress import progress_line
    from pctui.intake.columns import MapError, parse_map
    from pctui.intake.sources import SourceError, numbered_copies, read_source

    try:
        mapping = parse_map(args.map)
    except MapError as error:
        raise Exit(BAD_INPUT, f"pctui: {error}") from None
    incoming: list[Incoming] = []
    problems: list[tuple[str, str]] = []
    for source in args.sources:
        try:
            read = read_source(Path(source), mapping)
        except KeyboardInterrupt:
            raise _interrupted() from None
        except SourceError as error:
            raise Exit(BAD_INPUT, _("{error}; nothing was imported").format(error=error)) from None
        for field, header, column in read.columns:
            print(_("{source}: {field} ← column {column} ({header})").format(
                source=source, field=field, column=column, header=header))  # fmt: skip
        incoming += read.incoming
        problems += read.problems
    for place, message in problems:
        print(f"{place}: {message}", file=sys.stderr)
    with opened_registry(args.file) as registry:
        show = progress_line(_("importing"), len(incoming))
        try:
            done = registry.add(numbered_copies(incoming), progress=show)
        except KeyboardInterrupt:
            raise _interrupted() from None
        show(len(incoming))
    for place, message in done.conflicts:
        print(f"{place}: {message}", file=sys.stderr)
    added = ngettext("{count} submission added", "{count} submissions added", done.added)
    # Each count its own plural: "1 opinions" was printed for a one-opinion submission.
    opinions = ngettext("{count} opinion", "{count} opinions", done.opinions)
    redactions = ngettext(
        "{count} redaction for review", "{count} redactions for review", done.redactions
    )
    print(
        _("{added} ({opinions}, {redactions}); {already} already in the registry").format(
            added=added.format(count=done.added),
            opinions=opinions.format(count=done.opinions),
            redactions=redactions.format(count=done.redactions),
            already=done.already,
        )
    )
    broken = len(problems) + len(done.conflicts)
    if broken:
        message = ngettext(
            "{count} row was not imported; the rest was imported",
            "{count} rows were not imported; the rest was imported",
            broken,
        )
        print(message.format(count=broken), file=sys.stderr)
        return FINDING
    return OK
