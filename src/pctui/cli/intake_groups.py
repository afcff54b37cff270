"""`pctui intake groups FILE [--json] [--accept GROUP… | --attach GROUP --item N | --split
GROUP --opinions ID… | --merge GROUP --into GROUP]`: the grouping screen without a terminal.

It lists the groups as the screen does and runs the screen's four actions through the same
functions (`pctui.session.group_review`), so that a script, or an office without a
terminal that can show the screen, does the same work with the same refusals."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

# Every `pctui intake` command builds the parsers of all its subcommands, so this module
# imports at its top only what its parser needs; what running it needs is imported in
# `run` (the registry, the session's grouping work: start-up the other subcommands need
# not pay).
from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit, load, table_lines
from pctui.cli.parsers import Commands, add_file_argument, add_item_argument
from pctui.i18n import N_, _

if TYPE_CHECKING:
    from pctui.intake.registry import Registry
    from pctui.session.group_review import GroupRow
    from pctui.session.operations import Outcome
    from pctui.storage import ConsultationFile

DESCRIPTION = N_("""\
The grouping screen (pctui intake review) without a terminal. Without an action, list the
groups of 同趣旨 opinions largest first: their number in the list, id, size, the item
that answers them and the start of their representative's public text. --accept makes
each group named a new item; --attach adds a group to item No. N as one more opinion (its
sign-offs go stale); --split moves the opinions named into a group of their own; --merge
merges a group into another. A group is named by its number in the list, its id or its
representative's id. Each action is saved at once, exactly as the screen saves it;
accepting and attaching change items' opinions and are a reviewer's, recorded in the item
as done by your login. Exit 1 when an action is refused (nothing is changed), 2 when a
group, an opinion or an item does not exist.""")

TEXT_WIDTH = 40
"""Characters of a representative's text in the list (the rest replaced by …)."""


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "groups",
        help=_("list the groups; accept, attach, split or merge them"),
        description=_(DESCRIPTION),
    )
    add_file_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print the list as JSON"))
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--accept", nargs="+", metavar="GROUP", help=_("make each of these groups a new item")
    )
    action.add_argument("--attach", metavar="GROUP", help=_("add this group to item --item"))
    action.add_argument(
        "--split", metavar="GROUP", help=_("move the opinions --opinions of this group out")
    )
    action.add_argument("--merge", metavar="GROUP", help=_("merge this group into --into"))
    add_item_argument(parser, required=False, help=_("the item's No. for --attach"))
    parser.add_argument(
        "--opinions", nargs="+", metavar="ID", help=_("the opinions that leave, for --split")
    )
    parser.add_argument("--into", metavar="GROUP", help=_("the group merged into, for --merge"))
    parser.set_defaults(run=run)


def _check_options(args: argparse.Namespace) -> None:
    """Each companion option with its action and only there (exit 2 otherwise)."""
    pairs = (("--item", args.item, "--attach", args.attach),
             ("--opinions", args.opinions, "--split", args.split),
             ("--into", args.into, "--merge", args.merge))  # fmt: skip
    for option, value, action, acting in pairs:
        if (value is None) != (acting is None):
            message = _("pctui: {option} goes with {action}, and {action} needs it")
            raise Exit(BAD_INPUT, message.format(option=option, action=action))
    if args.json and (args.accept or args.attach or args.split or args.merge):
        raise Exit(BAD_INPUT, _("pctui: --json only lists; it goes with no action"))


def _group(path: str, typed: str, rows: list[GroupRow]) -> str:
    """The id of the group `typed` names (exit 2 when none)."""
    from pctui.session.group_review import read_group

    found = read_group(typed, rows)
    if found is None:
        message = _("{path}: there is no group {group} (pctui intake groups lists them)")
        raise Exit(BAD_INPUT, message.format(path=path, group=repr(typed)))
    return found


def _item(path: str, no: int, file: ConsultationFile) -> int:
    """`no`, when it is the No. of one of the file's items (exit 2 otherwise)."""
    if file.consultation.item(no) is None:
        message = _("{path}: there is no item No.{no}")
        raise Exit(BAD_INPUT, message.format(path=path, no=no))
    return no


def _members(path: str, registry: Registry, group_id: str, typed: list[str]) -> list[str]:
    """The opinions `typed`, each a member of group `group_id` (exit 2 otherwise)."""
    group = registry.group(group_id)
    members = {m.opinion for m in group.members} if group is not None else set()
    for opinion in typed:
        if opinion not in members:
            message = _("{path}: opinion {opinion} is not in group {group}")
            raise Exit(BAD_INPUT, message.format(path=path, opinion=opinion, group=group_id))
    return typed


def _said(outcome: Outcome) -> bool:
    """Print `outcome` (stderr when refused or not saved, a refusal worded as every
    command's); whether the action was done."""
    from pctui.session.operations import ERROR

    if outcome.refusal is not None:  # worded as every command's refusal
        print(_("pctui: refused: {why}").format(why=outcome.refusal), file=sys.stderr)
        return False
    if outcome.severity == ERROR:
        print(outcome.message, file=sys.stderr)
        return False
    print(outcome.message)
    return True


def _act(args: argparse.Namespace, file: ConsultationFile, registry: Registry) -> int:
    """Run the action asked for, every name checked before anything is changed."""
    from pctui.session import group_review

    rows = group_review.group_rows(registry, file.consultation)
    path = args.file
    if args.accept:
        ids = list(dict.fromkeys(_group(path, typed, rows) for typed in args.accept))
        for group_id in ids:
            # Stop at the first refusal: those before it are saved, none after it tried.
            if not _said(group_review.accept(file, registry, group_id)):
                return FINDING
        return OK
    if args.attach:
        group_id, no = _group(path, args.attach, rows), _item(path, args.item, file)
        return OK if _said(group_review.attach(file, registry, group_id, no)) else FINDING
    if args.split:
        group_id = _group(path, args.split, rows)
        opinions = _members(path, registry, group_id, args.opinions)
        outcome, _new = group_review.split(registry, group_id, opinions)
        return OK if _said(outcome) else FINDING
    group_id, into = _group(path, args.merge, rows), _group(path, args.into, rows)
    return OK if _said(group_review.merge(registry, group_id, into)) else FINDING


def _list(args: argparse.Namespace, file: ConsultationFile, registry: Registry) -> int:
    """Print the groups as the screen lists them."""
    import json

    from pctui.cli.intake_common import shortened
    from pctui.session.group_review import group_rows

    rows = group_rows(registry, file.consultation)
    texts = registry.public_texts([row.representative for row in rows])
    if args.json:
        listed = [
            {"id": row.id, "representative": row.representative, "size": row.size,
             "item": row.answered, "text": texts.get(row.representative, "")}
            for row in rows
        ]  # fmt: skip
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return OK
    if not rows:
        print(_("no groups: run pctui intake group first"))
        return OK
    table = [["#", _("group"), _("opinions"), _("item"), _("text")]]
    for number, row in enumerate(rows, start=1):
        item = f"No.{row.answered}" if row.answered is not None else "-"
        text = shortened(texts.get(row.representative, ""), TEXT_WIDTH)
        table.append([str(number), row.id, str(row.size), item, text])
    for line in table_lines(table):
        print(line)
    return OK


def run(args: argparse.Namespace) -> int:
    """List the groups, or run one action on them; returns the exit status."""
    from pathlib import Path

    from pctui.cli.intake_common import opened_registry
    from pctui.intake.registry import registry_path

    _check_options(args)
    file = load(args.file)
    path = registry_path(Path(args.file), file.consultation)
    if not path.exists():  # listing or acting, never create an empty registry
        message = _("{path}: no intake registry yet: run pctui intake import {file} SOURCE first")
        raise Exit(FINDING, message.format(path=path, file=args.file))
    with opened_registry(args.file, file) as registry:
        if args.accept or args.attach or args.split or args.merge:
            return _act(args, file, registry)
        return _list(args, file, registry)
