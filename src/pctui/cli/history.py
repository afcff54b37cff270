"""`pctui history FILE --item N [--json]`: one item's records and the commits holding them."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from pctui.base.inert import inert
from pctui.cli.common import OK, load, refused
from pctui.cli.output import json_text
from pctui.cli.parsers import Commands, add_file_argument, add_item_argument
from pctui.i18n import N_, _

if TYPE_CHECKING:
    from pctui.git.item_history import ItemHistory
    from pctui.model.diff import Segment

# Git's history, the actions and the history's wording are imported by the functions that
# show a history: `pctui --help` lists this command alone (git's modules took 40-65 ms).

DESCRIPTION = N_("""\
Show the history of item N, oldest first: every revision (with its changes from the one
before marked as [-removed-]{+added+}), summary, sign-off, withdrawal, assignment,
internal note and (format 2) opinion moved in or out, merge and split (with the sign-offs
each left stale), each with the commit that brought it into git and who made it ("not
committed" when no commit holds it yet). Outside a git repository the file's own history
is shown with a warning. Exit status 2 when there is no item N.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "history",
        help=_("show an item's revisions, sign-offs, notes and their commits"),
        description=_(DESCRIPTION),
    )
    add_file_argument(parser)
    add_item_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.set_defaults(run=run)


def _diff(segments: list[Segment] | None) -> list[list[str]] | None:
    return None if segments is None else [[op, text] for op, text in segments]


def history_data(history: ItemHistory, no: int) -> dict[str, Any]:
    """The history as plain data (the --json output)."""
    from pctui.session.item_history_text import body, what

    return {
        "item": no,
        "git": history.git_problem or None,
        "entries": [
            {
                "kind": entry.event.kind,
                "at": entry.event.at.isoformat(),
                "by": entry.event.by,
                "number": entry.event.number,
                "what": what(entry),
                "text": body(entry) if entry.event.diff is None else None,
                "diff": _diff(entry.event.diff),
                "stale": [number for number, _signoff in entry.event.stale],
                "again": [number for number, _signoff in entry.event.again],
                "commit": entry.commit.sha if entry.commit else None,
                "commit_author": entry.commit.author if entry.commit else None,
                "committer": entry.commit.committer if entry.commit else None,
            }
            for entry in history.entries
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Print the item's history; returns the exit status."""
    from pctui.git.item_history import item_history
    from pctui.model.actions import Refused, find_item
    from pctui.session.item_history_text import body, source, what, when

    file = load(args.file)
    try:
        find_item(file.consultation, args.item)
    except Refused as refusal:
        raise refused(refusal) from None
    history = item_history(file, args.item)
    if history.git_problem:
        warning = _("pctui: warning: {message}; showing the file's own history").format(
            message=history.git_problem
        )
        print(warning, file=sys.stderr)
    if args.json:
        print(json_text(history_data(history, args.item)))
        return OK
    lines: list[str] = []
    for entry in history.entries:
        lines.append(f"{when(entry)}  {inert(what(entry))}  ({inert(source(entry))})")
        lines += ["    " + inert(line) for line in body(entry).splitlines()]
    if not lines:
        lines.append(_("No.{no} has no history yet").format(no=args.item))
    print("\n".join(lines))
    return OK
