"""`pctui assign FILE --item N[,M…|all-unassigned] LOGIN`: who drafts which items, saved at
once like a sign-off (LOGIN `-` takes them off their assignee)."""

from __future__ import annotations

import argparse

from pctui.cli.common import BAD_INPUT, OK, Exit, load, refused, saved
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext
from pctui.model.actions import Refused
from pctui.model.identity import current_login
from pctui.model.office import assign, unassigned

ALL_UNASSIGNED = "all-unassigned"
UNASSIGN = "-"  # no login starts with a hyphen (POSIX), so it names nobody
DESCRIPTION = N_("""\
Give items to LOGIN to draft (its assignee), as the current login; LOGIN - takes them
off their assignee. --item takes one No., several separated by commas (3,5,8), or
all-unassigned for every item nobody drafts yet. LOGIN must be a reviewer of the
consultation. Assigning never makes a sign-off stale. Refused with exit status 1 when
LOGIN is not a reviewer, the current login is not one, or nothing would change; exit
status 2 for an item that does not exist.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "assign", help=_("give items to a reviewer to draft"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.add_argument(
        "--item",
        required=True,
        metavar="N[,M…]",
        help=_("the items' No., separated by commas, or all-unassigned"),
    )
    parser.add_argument("login", metavar="LOGIN", help=_("the reviewer who drafts ('-': nobody)"))
    parser.set_defaults(run=run)


def item_numbers(text: str) -> list[int] | None:
    """The numbers of `--item` (None for all-unassigned); Exit 2 when it is neither."""
    if text.strip() == ALL_UNASSIGNED:
        return None
    numbers: list[int] = []
    for part in text.split(","):
        if not part.strip().isdigit():
            raise Exit(
                BAD_INPUT,
                _(
                    "pctui: argument --item: {part} is not an item No. "
                    "(give N, N,M,… or all-unassigned)"
                ).format(part=repr(part.strip())),
            )
        numbers.append(int(part))
    return list(dict.fromkeys(numbers))


def run(args: argparse.Namespace) -> int:
    """Assign and save; returns the exit status."""
    to = "" if args.login == UNASSIGN else str(args.login)
    numbers = item_numbers(args.item)
    file = load(args.file)
    login = current_login()
    every = numbers is None
    chosen = unassigned(file.consultation) if numbers is None else numbers
    if not chosen:
        raise refused(Refused(_("every item is assigned already; nothing to save")))
    first, *rest = chosen
    changed = saved(
        file,
        first,
        lambda c: assign(c, chosen, to, login, only_unassigned=every),
        also=rest,
    )
    listed = ", ".join(f"No.{item.no}" for item in changed)
    if to:
        done = ngettext(
            "{items}: assigned to {login} ({count} item)",
            "{items}: assigned to {login} ({count} items)",
            len(changed),
        )
    else:
        done = ngettext(
            "{items}: taken off their assignee ({count} item)",
            "{items}: taken off their assignee ({count} items)",
            len(changed),
        )
    print(done.format(items=listed, login=to, count=len(changed)))
    return OK
