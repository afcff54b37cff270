"""`pctui status FILE [--json]`: where every item stands."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from pctui.base.inert import inert
from pctui.cli.common import OK, keep_to_exit, load, table_lines
from pctui.cli.output import json_text
from pctui.i18n import N_, _, ngettext
from pctui.model.actions import turn_test
from pctui.model.digest import basis_digest
from pctui.model.identity import current_login
from pctui.model.office import unassigned, workloads
from pctui.model.records import Consultation, Item
from pctui.model.state import (
    STATES,
    VALID,
    Progress,
    open_stages,
    progress,
    stage_counts,
    state_counts,
)
from pctui.words import opinion_counts, state_name

if TYPE_CHECKING:  # argparse only when the parser is built (see pctui.cli.plain_argv)
    import argparse
    from collections.abc import Callable

    # status_data's data (with or without its "items"), each item with its progress in
    # file order, and the stages open after a list of approved ones.
    _Status = tuple[dict[str, Any], list[tuple[Item, Progress]], Callable[[list[str]], list[str]]]

    from pctui.cli.parsers import Commands

HELP = N_("show per-state and per-stage counts and the state of every item")
DESCRIPTION = N_("""\
Show per-state and per-stage counts and the state of every item: the stages that have
approved its current revision, the stage whose approval it is waiting for (every stage
without an approval where review.order = "any"), and, marked *, the items where it is
the current login's turn to approve. With --board, the progress board instead.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    from pctui.cli.parsers import add_file_argument  # not when run by plain_argv

    parser = commands.add("status", help=_(HELP), description=_(DESCRIPTION))
    add_file_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.add_argument(
        "--board",
        action="store_true",
        help=_(
            "show the progress board: bars per section, assignee and stage, the days left to "
            "[consultation] publish_by and the items longest in their state"
        ),
    )
    parser.set_defaults(run=run, only_reads=True)  # see entry._main


def status_data(consultation: Consultation, login: str, bases: bool = False) -> dict[str, Any]:
    """The status as plain data (the --json output), `login` the one asking; with `bases`
    (format 2), each item's basis too."""
    data = _status(consultation, login, bases=bases, rows=True)[0]
    data["items"] = data["items"].dicts()
    return data


def _status(consultation: Consultation, login: str, *, bases: bool, rows: bool) -> _Status:
    """`status_data`, its "items" (a row of data per item, as `Rows`) only with `rows`:
    the plain status lays its table out from the items themselves (10,000 rows of data
    built for nothing were a tenth of its time on a file of one-line items)."""
    review = consultation.review
    progresses = [progress(item, review) for item in consultation.items]
    pairs = list(zip(consultation.items, progresses, strict=True))
    # Most items share one of a few sets of approved stages: the stages open after each
    # are worked out once (a list of its own for each item's row of data).
    opened: dict[tuple[str, ...], list[str]] = {}

    def open_after(approved: list[str]) -> list[str]:
        key = tuple(approved)
        found = opened.get(key)
        if found is None:
            found = opened[key] = open_stages(review, approved)
        return found

    turn = turn_test(review, login)  # nobody's turn when a login that is no reviewer asks
    data: dict[str, Any] = {
        "id": consultation.meta.id,
        "title": consultation.meta.title,
        "stages": review.stages,
        "order": review.order,
        "login": login,
        "my_turn": [item.no for item, found in pairs if turn(item, found)],
    }
    items = consultation.items
    if rows:
        # Column by column: the JSON writes them so, without 10,000 dictionaries
        # (`status_data` makes them). The lists of next stages are shared.
        from pctui.cli.json_indent import Rows

        approved = [found.approved for found in progresses]
        nothing: list[str] = []
        data["items"] = Rows(
            ("no", "section", "state", "approved_stages", "next_stages", "revision"),
            [
                [item.no for item in items],
                [item.section for item in items],
                [found.state for found in progresses],
                approved,
                # Nobody approves an item that has no draft yet. (The revisions asked
                # directly: `current` and `current_index` cost a call each, per item.)
                [
                    open_after(stages) if item.revisions else nothing
                    for item, stages in zip(items, approved, strict=True)
                ],
                [len(item.revisions) for item in items],
            ],
        )
    data["counts"] = state_counts(consultation, progresses)
    data["stage_counts"] = stage_counts(consultation, progresses)
    if any(item.assignments for item in items):
        # Only a file that assigns items says so: the output of the others stays as it was.
        if rows:
            data["items"].add("assignee", [item.assignee for item in items])
        states = [found.state for found in progresses]
        data["assignees"] = {
            login: {"items": work.items, "open": work.open}
            for login, work in workloads(consultation.items, states).items()
        }
        data["unassigned"] = len(unassigned(consultation))
    if consultation.format >= 2:  # items answer several opinions: say how many
        # What a sign-off approves the answer for: `pctui signoff --basis` refuses when
        # the opinions or summary read here changed before the sign-off was saved.
        if bases and rows:
            data["items"].add("basis", [_basis(item, found) for item, found in pairs])
        data["opinions"] = sum(len(item.opinions) for item in items)
        data["opinions_counted"] = consultation.total_opinions
    return data, pairs, open_after


def _basis(item: Item, found: Progress) -> str:
    """`basis_digest(item)`: a valid sign-off bound to a basis holds the item's current one
    (its standing compared them), so it is not digested again."""
    for standing in found.standings:
        if standing.status == VALID and standing.signoff.basis is not None:
            return standing.signoff.basis
    return basis_digest(item)


def _assignee_line(assignees: dict[str, dict[str, int]], unassigned_count: int) -> str:
    """ "assignees: tanaka 3 (2 open), yamada 1 (1 open); unassigned 4"."""
    each = ", ".join(
        _("{login} {items} ({open} open)").format(
            login=inert(login), items=counts["items"], open=counts["open"]
        )
        for login, counts in assignees.items()
    )
    return _("assignees: {each}; unassigned {count}").format(each=each, count=unassigned_count)


def run(args: argparse.Namespace) -> int:
    """Print the status; returns the exit status."""
    consultation = load(args.file, only_read=True).consultation
    if args.board:
        # The board's modules only for --board: the plain status starts 2 ms sooner.
        from pctui.cli.board_text import board_data, board_lines
        from pctui.session.board import build_board

        board = build_board(consultation)
        if args.json:
            print(json_text(board_data(board)))
        else:
            print("\n".join(board_lines(board, consultation.meta.title)))
        return OK
    login = current_login()
    data, pairs, open_after = _status(consultation, login, bases=args.json, rows=args.json)
    keep_to_exit(data)  # 10,000 rows: 3 ms to free, after the answer (see common.load)
    if args.json:
        print(json_text(data))
        return OK
    total = len(consultation.items)
    print(f"{inert(consultation.meta.title)} ({inert(consultation.meta.id)})")
    if "opinions" in data:
        print(opinion_counts(data["opinions"], data["opinions_counted"]))
    counts = ", ".join(f"{state_name(state)} {n}" for state, n in data["counts"].items())
    print(_("states: {counts}").format(counts=counts))
    stages = data["stage_counts"].items()
    counts = ", ".join(f"{inert(stage)} {n}/{total}" for stage, n in stages)
    print(_("stages: {counts}").format(counts=counts))
    mine = set(data["my_turn"])
    turn = ngettext(
        "your turn to approve ({login}, marked *): {count} item",
        "your turn to approve ({login}, marked *): {count} items",
        len(mine),
    )
    print(turn.format(login=inert(login), count=len(mine)))
    assigned = "assignees" in data
    if assigned:
        print(_assignee_line(data["assignees"], data["unassigned"]))
    # Written in one piece: each print is a write through the inert filter, 10,000 of them.
    names = {state: state_name(state) for state in STATES}
    heads = ("No", _("section"), _("state"), _("next stage"), _("approved stages"))
    rows: list[tuple[str, ...]] = [(*heads, _("assignee")) if assigned else heads]
    # A row but its No. is one of a few: sections, states, stages and logins repeat over
    # thousands of items. Each such run of cells is made (inert) once, and a row is its
    # No. and that run (made row by row, the cells were a third of what status did after
    # reading a file of 10,000 one-line items).
    shown = functools.cache(inert)
    runs: dict[tuple[object, ...], tuple[str, ...]] = {}
    for item, found in pairs:
        no, approved = item.no, found.approved
        marked = no in mine
        assignee = item.assignee if assigned else None
        key = (item.section, found.state, *approved, None, bool(item.revisions), marked, assignee)
        cells = runs.get(key)
        if cells is None:
            waiting = open_after(approved) if item.revisions else ()
            cells = runs[key] = (
                shown(item.section),
                names.get(found.state, found.state),
                " ".join(map(shown, waiting)) + (" *" if marked else ""),
                " ".join(map(shown, approved)),
                *([shown(assignee or "")] if assigned else []),
            )
        rows.append((str(no), *cells))
    print("\n".join(table_lines(rows)))
    keep_to_exit(rows)
    return OK
