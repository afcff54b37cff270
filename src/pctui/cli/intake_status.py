"""`pctui intake status FILE [--json]`: what the consultation's registry holds."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

# Every `pctui intake` command builds the parsers of all its subcommands, so this module
# imports at its top only what its parser needs; what running it needs is imported in
# `run` (the registry, the readers, the grouping: a tenth of a second of start-up that the
# other subcommands need not pay).
from pctui.cli.common import FINDING, OK, load, table_lines
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _

if TYPE_CHECKING:
    from pctui.intake.counts import IntakeCounts

DESCRIPTION = N_("""\
Count what the consultation's intake registry holds: submissions (通), submitters (人) and
opinions (件), in all and by method (人 counted as pctui intake tally counts them), how
many opinions are grouped and how many an item answers, and the redactions of
personal data still to review. No personal data is printed.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "status", help=_("count what the registry holds"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print the counts as JSON"))
    parser.set_defaults(run=run)


def as_json(counts: IntakeCounts) -> dict[str, object]:
    """The counts as the JSON object `--json` prints (keys stay English in every language)."""
    return {
        "submissions": counts.submissions,
        "opinions": counts.opinions,
        "by_method": [
            {
                "method": m.method,
                "submissions": m.submissions,
                "submitters": m.submitters,
                "opinions": m.opinions,
            }
            for m in counts.by_method
        ],
        "submitters": counts.submitters,
        "groups": counts.groups,
        "grouped": counts.grouped,
        "attached": counts.attached,
        "redactions": {str(status): n for status, n in counts.redactions.items()},
    }


def run(args: argparse.Namespace) -> int:
    """Print the counts; returns the exit status."""
    from pctui.cli.intake_common import opened_registry
    from pctui.intake.counts import count
    from pctui.intake.records import RedactionStatus

    consultation = load(args.file).consultation
    from pctui.intake.rescan import needs_rescan

    with opened_registry(args.file) as registry:
        counts = count(registry, consultation)
        older = needs_rescan(registry) and counts.opinions > 0
    if older:  # on stderr: the counts (and --json) stay as they are
        message = _(
            "{file}: its opinions were searched for personal data by an older pctui; "
            "search them again: pctui intake rescan {file}"
        )
        print(message.format(file=args.file), file=sys.stderr)
    if args.json:
        import json  # only for --json, not at each intake command's start

        print(json.dumps(as_json(counts), ensure_ascii=False, indent=2))
        return _member_lists(args.file, counts)
    rows = [
        [_("submissions"), str(counts.submissions)],
        [_("submitters (人)"), str(counts.submitters)],
        [_("opinions"), str(counts.opinions)],
        [_("groups"), str(counts.groups)],
        [_("opinions grouped"), f"{counts.grouped} / {counts.opinions}"],
        [_("opinions attached to items"), f"{counts.attached} / {counts.opinions}"],
        [_("redactions to review"), str(counts.redactions.get(RedactionStatus.PENDING, 0))],
        [_("redactions kept"), str(counts.redactions.get(RedactionStatus.CONFIRMED, 0))],
        [_("redactions undone"), str(counts.redactions.get(RedactionStatus.REVERTED, 0))],
    ]
    for line in table_lines(rows):
        print(line)
    if counts.by_method:
        print()
        # 人 as `pctui intake tally` counts them: the total counts one who sent by two
        # methods once, so it may be less than the methods' people added up.
        header = [_("method"), _("submissions (通)"), _("submitters (人)"), _("opinions (件)")]
        methods = [
            [m.method, str(m.submissions), str(m.submitters), str(m.opinions)]
            for m in counts.by_method
        ]
        total = [_("total"), str(counts.submissions), str(counts.submitters), str(counts.opinions)]
        for line in table_lines([header, *methods, total]):
            print(line)
    return _member_lists(args.file, counts)


def _member_lists(file: str, counts: IntakeCounts) -> int:
    """Say which frozen member lists the items name are not in the registry or do not
    count what their opinion counts (exit 1), else OK."""
    for no, digest in counts.missing_lists:
        message = _("{file}: No.{no}: the member list {digest} is not in the registry")
        print(message.format(file=file, no=no, digest=digest), file=sys.stderr)
    for no, digest, length, counted in counts.miscounted_lists:
        message = _(
            "{file}: No.{no}: the member list {digest} holds {length}, the count is {count}"
        )
        print(
            message.format(file=file, no=no, digest=digest, length=length, count=counted),
            file=sys.stderr,
        )
    return FINDING if counts.missing_lists or counts.miscounted_lists else OK
