"""`pctui commit FILE`: one commit of every sign-off and revision HEAD does not hold yet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pctui.cli.common import FINDING, OK, load
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _

DESCRIPTION = N_("""\
Commit FILE (and its published outputs, if `pctui publish` wrote them beside it) with a
message listing every sign-off, revision and edit that HEAD does not hold yet, quoting
the text of each item approved since, with a Reviewed-by trailer for each stage that
approved it. Only these files are committed (git commit --only): whatever else is staged
stays staged. Uses your git configuration (identity, commit signing, hooks). Exit status
1 when git could not commit (the message says why; the file stays saved).""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "commit", help=_("commit the sign-offs not yet committed"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.add_argument(
        "--also",
        metavar="PATH",
        action="append",
        default=[],
        help=_("another file to commit with it (outputs written to --out DIR)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Commit; returns the exit status."""
    # Imported when it runs: `pctui --help` imports every command's module to list it.
    from pctui.git.commits import commit_pending

    file = load(args.file)
    result = commit_pending(file, [Path(p) for p in args.also])
    if result.failed:
        print(f"pctui: {args.file}: {result.message}", file=sys.stderr)
        return FINDING
    print(result.message)
    return OK
