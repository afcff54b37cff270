"""`pctui migrate FILE`: rewrite a format-1 consultation as format 2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit, refused
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext
from pctui.storage import LoadError, SaveError

DESCRIPTION = N_("""\
Rewrite a format-1 consultation file as format 2, where an item may answer several
opinions and hold a summary of them. Each item's opinion becomes its one opinion,
labelled with its No., with its count; revisions and sign-offs are kept as they are and
every sign-off stands as before. Only the format line and each item's opinion and count
lines change; comments stay. A reviewer's act: refused (exit 1) to a login not in
[review.reviewers]. A file that does not load is left alone.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "migrate", help=_("rewrite a format-1 file as format 2"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Migrate the file; returns the exit status."""
    # Imported when it runs: `pctui --help` imports every command's module to list it.
    from pctui.model.actions import Refused
    from pctui.storage.migrate import AlreadyFormatTwo, migrate

    try:
        done = migrate(Path(args.file))
    except LoadError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise Exit(
            BAD_INPUT, _("{path}: does not load; nothing was changed").format(path=args.file)
        ) from None
    except Refused as refusal:  # not a reviewer: rewriting the file's format is theirs
        raise refused(refusal) from None
    except AlreadyFormatTwo as already:
        raise Exit(FINDING, _("pctui: refused: {why}").format(why=already)) from None
    except SaveError as error:
        raise Exit(FINDING, f"pctui: {error}") from None
    items = ngettext("{count} item", "{count} items", done.items).format(count=done.items)
    signoffs = ngettext("{count} sign-off", "{count} sign-offs", done.signoffs).format(
        count=done.signoffs
    )
    print(
        _("{path}: rewritten as format 2 ({items}, {signoffs} kept as they stood)").format(
            path=args.file, items=items, signoffs=signoffs
        )
    )
    return OK
