"""Reads an item's `[[items.moves]]` (format 2): the records of the moves, merges, splits
and intake groups accepted or attached that changed its opinions (see docs/format.md,
"Records of moves").

Every problem is reported with its place, like the rest of the item (item_schema). A record
that cannot be read is left out: the item's opinions are what they are, the history lists
one action fewer.
"""

from __future__ import annotations

from typing import Any

from pctui.base.lazy_pattern import lazy_compile
from pctui.i18n import _
from pctui.model.one_line import one_line_problem
from pctui.model.records import MOVE_ACTION_OF, Move, MoveAction
from pctui.storage.checker import DATETIME, INT, STR, STR_LIST, TABLE_LIST, Checker

MOVES = "items.moves"
MOVE_KEYS = ("action", "from", "to", "labels", "by", "at", "was", "basis")
_DIGEST = lazy_compile(r"^sha256:[0-9a-f]{64}$")
# An intake group accepted or attached came from the registry (`from = 0`), every other
# action from an item.
_FROM_REGISTRY = (MoveAction.ACCEPT.value, MoveAction.ATTACH.value)


def read_moves(table: dict[str, Any], check: Checker) -> list[Move]:
    """The item's move records, oldest first (those that cannot be read are reported)."""
    raw = check.get(table, "moves", TABLE_LIST, "items", default=[])
    no = table.get("no")
    read = [_read_move(entry, index, no, check) for index, entry in enumerate(raw)]
    return [move for move in read if move is not None]


def _read_move(table: dict[str, Any], index: int, no: Any, check: Checker) -> Move | None:
    check.unknown_keys(table, MOVE_KEYS, MOVES, index)
    action = check.get(table, "action", STR, MOVES, index, required=True)
    source = check.get(table, "from", INT, MOVES, index, required=True)
    target = check.get(table, "to", INT, MOVES, index, required=True)
    labels = check.get(table, "labels", STR_LIST, MOVES, index, required=True)
    by = check.get(table, "by", STR, MOVES, index, required=True)
    at = check.get(table, "at", DATETIME, MOVES, index, required=True)
    was = check.get(table, "was", STR, MOVES, index, default="")
    basis = check.get(table, "basis", STR, MOVES, index, required=True)
    problems: list[tuple[str, str]] = []
    if action is not None and action not in MOVE_ACTION_OF:
        message = _(
            'items.moves.action must be "move", "merge", "split", "accept" or "attach", '
            "not {action}"
        )
        problems.append(("action", message.format(action=repr(action))))
    if action in _FROM_REGISTRY and source is not None and source != 0:
        message = _("items.moves.from is 0 (the intake registry) for {action}, not {source}")
        problems.append(("from", message.format(action=action, source=source)))
    elif action in MOVE_ACTION_OF and source is not None and source < 1:
        message = _("items.moves.from must be an item's No. (1 or more) for {action}, not {source}")
        problems.append(("from", message.format(action=action, source=source)))
    if labels is not None and not labels:
        problems.append(("labels", _("items.moves.labels must name at least one opinion")))
    for key, digest in (("was", was), ("basis", basis)):
        if digest and not _DIGEST.match(digest):
            message = _('items.moves.{key} must be "sha256:" and 64 lower-case hex digits')
            problems.append((key, message.format(key=key)))
    if type(no) is int and source is not None and target is not None and no not in (source, target):
        message = _("items.moves: neither from ({source}) nor to ({target}) is this item, No.{no}")
        problems.append(("from", message.format(source=source, target=target, no=no)))
    if by is not None and (problem := one_line_problem(f"{MOVES}.by", by)):
        problems.append(("by", problem))
    for key, message in problems:
        check.report(MOVES, index, key, message)
    if problems or None in (action, source, target, labels, by, at, basis):
        return None
    return Move(MOVE_ACTION_OF[action], source, target, tuple(labels), by, at, was, basis)
