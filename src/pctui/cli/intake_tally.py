"""`pctui intake tally FILE [--write] [--json]`: the intake table (通 and 人 by method)
computed from the registry, and put into the consultation's `[intake]` with --write."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

# Every `pctui intake` command builds the parsers of all its subcommands, so this module
# imports at its top only what its parser needs; what running it needs is imported in
# `run` (the registry, the readers, the grouping: a tenth of a second of start-up that the
# other subcommands need not pay).
from pctui.cli.common import FINDING, OK, Exit, load, refused, table_lines
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _
from pctui.storage import SaveError

if TYPE_CHECKING:
    from pctui.intake.tally import Tally

DESCRIPTION = N_("""\
Count the registry's submissions (通) and submitters (人) by method, and the opinions (件)
received: the intake table of the published result. A submitter is recognised inside the
registry by e-mail address, phone number, or name with address; no personal data is
printed. --write puts the counts into the file's [intake] table (format 2), saved at once:
a reviewer's act, refused (exit 1) to a login not in [review.reviewers]. Exit 1 when
[intake] does not hold them yet and --write was not given.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "tally",
        help=_("count submissions and submitters by method into [intake]"),
        description=_(DESCRIPTION),
    )
    add_file_argument(parser)
    parser.add_argument(
        "--write", action="store_true", help=_("put the counts into the file's [intake] table")
    )
    parser.add_argument("--json", action="store_true", help=_("print the counts as JSON"))
    parser.set_defaults(run=run)


def as_json(counted: Tally, up_to_date: bool, written: bool) -> dict[str, object]:
    """The counts as `--json` prints them (keys stay English in every language)."""
    return {
        "methods": [
            {"method": m.method, "submissions": m.submissions, "submitters": m.submitters}
            for m in counted.methods
        ],
        "submissions": counted.submissions,
        "submitters": counted.submitters,
        "opinions": counted.opinions,
        "up_to_date": up_to_date,
        "written": written,
    }


def _print(counted: Tally) -> None:
    rows = [[_("method"), _("submissions (通)"), _("submitters (人)")]]
    rows += [[m.method, str(m.submissions), str(m.submitters)] for m in counted.methods]
    rows.append([_("total"), str(counted.submissions), str(counted.submitters)])
    for line in table_lines(rows):
        print(line)
    print(_("opinions received: {count}").format(count=counted.opinions))


def run(args: argparse.Namespace) -> int:
    """Count, print, and with --write save; returns the exit status."""
    from pctui.cli.intake_common import opened_registry
    from pctui.intake.tally import differs, tally, write_tally
    from pctui.model.actions import Refused

    file = load(args.file)
    with opened_registry(args.file, file) as registry:
        counted = tally(registry, file.consultation)
    written = False
    if args.write:
        try:
            written = write_tally(file, counted)
        except Refused as refusal:
            raise refused(refusal) from None
        except SaveError as error:
            raise Exit(FINDING, f"pctui: {error}") from None
    up_to_date = not differs(file.consultation, counted)
    if args.json:
        import json  # only for --json, not at each intake command's start

        print(json.dumps(as_json(counted, up_to_date, written), ensure_ascii=False, indent=2))
    else:
        _print(counted)
        if written:
            print(_("{path}: [intake] written").format(path=args.file))
        elif up_to_date:
            print(_("{path}: [intake] holds these counts").format(path=args.file))
        else:
            message = _("{path}: [intake] does not hold these counts yet (--write puts them)")
            print(message.format(path=args.file))
    return OK if up_to_date else FINDING
