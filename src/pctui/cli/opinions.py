"""`pctui summary`, `pctui move-opinion`, `pctui merge-items`, `pctui split-item`: the
command-line twins of the TUI's `o`, `m`, `M` and `S` on a format-2 file.

They call the same model functions (`pctui.model.opinions`) through the same save
(`ConsultationFile.transact`), so a script gets exactly what a reviewer at the screen
gets: saved at once, refused with nothing written, and told which items' sign-offs went
stale (`pctui.session.opinion_actions.told`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit, load, saved
from pctui.cli.parsers import Commands, add_file_argument, add_item_argument
from pctui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from pctui.session.operations import Outcome

    # Only named: `load` imports the reader when the command runs, not at `pctui --help`.
    from pctui.storage import ConsultationFile

# The actions on opinions and the session's wording of them (which import the file's reader
# and writer) are imported by each command when it runs, not by `pctui --help`: 60-80 ms.

SUMMARY = N_("""\
Write the summary (意見の概要) of item N's opinions as the current login, or revise it: the
new text becomes the current summary (the earlier ones are kept). TEXT '-' reads it from
stdin. Like the TUI's o. Refused with exit status 1 in a format-1 file (run pctui migrate
first), when the current login is not a reviewer, for an empty text or the current one;
exit status 2 when there is no item N. The sign-offs of item N go stale, and the command
says so.""")

MOVE = N_("""\
Move item N's opinion labelled LABEL to the end of item --to's opinions, like the TUI's m.
An item keeps at least one opinion: to move its last, merge the item instead. Refused
with exit status 1 in a format-1 file, when the current login is not a reviewer, for a
label --to's section already has, or a label item N does not have; exit status 2 when an
item does not exist. The sign-offs of both items go stale, and the command says so.""")

MERGE = N_("""\
Merge item N into item --into, like the TUI's M: its opinions go to the end of --into's,
and item N leaves the file with its revisions and sign-offs (git keeps them). Refused
with exit status 1 in a format-1 file, when the current login is not a reviewer, or for
a label --into's section already has; exit status 2 when an item does not exist. The
sign-offs of --into go stale, and the command says so.""")

SPLIT = N_("""\
Split item N's opinions labelled LABEL… off into a new item, like the TUI's S: numbered
after the highest No., placed right after item N, with its section and topic and no
answer yet. Refused with exit status 1 in a format-1 file, when the current login is not
a reviewer, for a label item N does not have, or when item N would keep no opinion; exit
status 2 when there is no item N. The sign-offs of item N go stale, and the command says
so.""")


def add_parser(commands: Commands) -> None:
    """Register the four subcommands."""
    parser = commands.add(
        "summary", help=_("write or revise the summary of an item's opinions (format 2)"),
        description=_(SUMMARY),
    )  # fmt: skip
    add_file_argument(parser)
    add_item_argument(parser)
    parser.add_argument("text", metavar="TEXT", help=_("the summary ('-': read it from stdin)"))
    parser.set_defaults(run=run_summary)

    parser = commands.add(
        "move-opinion", help=_("move an opinion to another item (format 2)"),
        description=_(MOVE),
    )  # fmt: skip
    add_file_argument(parser)
    add_item_argument(parser)
    parser.add_argument("label", metavar="LABEL", help=_("the opinion's label"))
    parser.add_argument(
        "--to", type=int, required=True, metavar="M", help=_("the No. of the item it goes to")
    )
    parser.set_defaults(run=run_move)

    parser = commands.add(
        "merge-items", help=_("merge an item into another (format 2)"), description=_(MERGE)
    )
    add_file_argument(parser)
    add_item_argument(parser)
    parser.add_argument(
        "--into", type=int, required=True, metavar="M", help=_("the No. of the item it joins")
    )
    parser.set_defaults(run=run_merge)

    parser = commands.add(
        "split-item", help=_("split opinions off an item into a new item (format 2)"),
        description=_(SPLIT),
    )  # fmt: skip
    add_file_argument(parser)
    add_item_argument(parser)
    parser.add_argument(
        "labels", nargs="+", metavar="LABEL", help=_("the labels of the opinions that go")
    )
    parser.set_defaults(run=run_split)


def _print(outcome: Outcome) -> int:
    """The outcome's message (stdout; a warning, such as stale sign-offs, to stderr too)."""
    from pctui.session.operations import ERROR

    if outcome.severity == ERROR:  # not reached: refusals leave through `saved`
        raise Exit(FINDING, outcome.message)
    print(outcome.message)
    return OK


def run_summary(args: argparse.Namespace) -> int:
    """Save the summary; returns the exit status."""
    from pctui.model.identity import current_login
    from pctui.model.opinions import add_summary
    from pctui.session.opinion_actions import measured, told

    text = sys.stdin.read() if args.text == "-" else str(args.text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    file = load(args.file)
    login = current_login()
    before, _summary = saved(
        file, args.item, measured([args.item], lambda c: add_summary(c, args.item, login, text))
    )
    message = _("No.{no}: saved the summary of its opinions").format(no=args.item)
    return _print(told(message, file, before))


def run_move(args: argparse.Namespace) -> int:
    """Move the opinion; returns the exit status."""
    from pctui.model.identity import current_login
    from pctui.model.opinions import move_opinion
    from pctui.session.opinion_actions import measured, told

    file = load(args.file)
    _exists(file, args.to, "--to")
    login = current_login()
    move = measured(
        [args.item, args.to], lambda c: move_opinion(c, args.item, args.label, args.to, login)
    )
    before, _moved = saved(file, args.item, move, (args.to,))
    message = _("No.{no}: moved opinion {label} to No.{to}").format(
        no=args.item, label=args.label, to=args.to
    )
    return _print(told(message, file, before))


def run_merge(args: argparse.Namespace) -> int:
    """Merge the items; returns the exit status."""
    from pctui.model.identity import current_login
    from pctui.model.opinions import merge_items
    from pctui.session.opinion_actions import measured, told

    file = load(args.file)
    _exists(file, args.into, "--into")
    login = current_login()
    merge = measured([args.into], lambda c: merge_items(c, args.item, args.into, login))
    before, done = saved(file, args.item, merge, (args.into,))
    count = len(done.opinions)
    text = ngettext(
        "No.{no}: merged into No.{into} with its {count} opinion; No.{no} is gone",
        "No.{no}: merged into No.{into} with its {count} opinions; No.{no} is gone",
        count,
    )
    return _print(told(text.format(no=args.item, into=args.into, count=count), file, before))


def run_split(args: argparse.Namespace) -> int:
    """Split the opinions off; returns the exit status."""
    from pctui.model.identity import current_login
    from pctui.model.opinions import split_item
    from pctui.session.opinion_actions import measured, read_labels, told

    labels = [label for word in args.labels for label in read_labels(word)]
    file = load(args.file)
    login = current_login()
    split = measured([args.item], lambda c: split_item(c, args.item, labels, login=login))
    before, new = saved(file, args.item, split)
    message = _("No.{no}: opinions {labels} split off into the new No.{new}, not yet answered")
    text = message.format(no=args.item, labels=", ".join(o.label for o in new.opinions), new=new.no)
    return _print(told(text, file, before))


def _exists(file: ConsultationFile, no: int, option: str) -> None:
    """Exit 2 when the other item named does not exist: a wrong argument, not a refusal."""
    from pctui.model.actions import item_numbers

    if file.consultation.item(no) is None:
        span = item_numbers(file.consultation)
        why = _("there is no item No.{no} (items: {span})").format(no=no, span=span)
        raise Exit(BAD_INPUT, _("pctui: argument {option}: {why}").format(option=option, why=why))
