"""Whether the records of moves (format 2, `Item.moves`) say that an item was merged into
another and a new item, split off later, took its No.: what the audit needs to tell
`merge-items` followed by `split-item` back to the same No. (one commit holding both, so
no version in between lacks the No.) from revisions and sign-offs deleted by hand.

The records are text in the file, like everything else: a group member could type them.
So the test is narrow: the merge must have been recorded after everything the old item
held, must have taken every one of its opinions, and the item now under that No. must
have been born by a recorded split after it, answered only since.

A chain of actions in one commit needs more: a merge is recorded in the item merged into,
and when that item is itself merged away later in the same commit (merge No.4 into No.3,
split No.4 back off, merge No.3 into No.2, No.2 into No.1 …), the record leaves the file
with it. What stays is still enough: each opinion of the old item is traced back from the
item holding it now, through the records of moves, merges and splits kept in the items
still there, to the item it left. A trace that reaches the old item (a record with it as
`from`) or an item merged away since (whose own records, the merges into it among them,
left with it) accounts for the opinion; one that ends in an item still in the file, with no
record bringing the opinion in, does not: the opinion was there all along, or put there by
hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pctui.model.records import Item, Move, MoveAction


def _times(item: Item) -> list[dt.datetime]:
    """Every time `item` records."""
    times = [r.at for r in item.revisions] + [s.at for s in item.summaries]
    times += [s.at for s in item.signoffs] + [s.withdrawn for s in item.signoffs if s.withdrawn]
    times += [a.at for a in item.assignments] + [n.at for n in item.notes]
    return times + [m.at for m in item.moves]


def merged_then_split(old: Item, items: Iterable[Item]) -> bool:
    """True when `items` (the file now) record that `old` (an item as an earlier version
    held it) was merged into another item, and that the item now numbered `old.no` is a
    new one split off after that merge, with nothing older than its split."""
    now = next((item for item in items if item.no == old.no), None)
    if now is None or not now.moves:
        return False
    born = now.moves[0]
    if born.action != MoveAction.SPLIT or born.target != old.no or born.was or born in old.moves:
        return False
    if any(at < born.at for at in _times(now)):
        return False  # revisions or sign-offs older than the item: kept from the old one
    labels = {opinion.label for opinion in old.opinions}
    last = max(_times(old), default=None)
    moves = [move for item in items for move in item.moves]
    if any(_merged(move, old.no, labels, last, born) for move in moves):
        return True
    return _traced_away(old, born, last, moves, list(items))


def _traced_away(
    old: Item, born: Move, last: dt.datetime | None, moves: list[Move], items: list[Item]
) -> bool:
    """True when every opinion of `old` is traced back (by its label), from an item holding
    it (label and text) in `items` now, through the records `moves`, to `old` itself after
    `last` (its last record) and by `born` (the split that gave its No. to a new item), or
    to an item no longer in the file (merged away with the records of what it took in)."""
    present = {item.no for item in items}
    holders: dict[tuple[str, str], list[int]] = {}
    for item in items:
        for opinion in item.opinions:
            holders.setdefault((opinion.label, opinion.text), []).append(item.no)
    records = list({id(move): move for move in moves}.values())  # a move is kept in two
    return all(
        any(
            _reaches(opinion.label, no, old.no, born, last, records, present)
            for no in holders.get((opinion.label, opinion.text), [])
        )
        for opinion in old.opinions
    )


def _reaches(
    label: str, no: int, old: int, born: Move, last: dt.datetime | None, records: list[Move],
    present: set[int],
) -> bool:  # fmt: skip
    """True when the opinion `label`, in item `no` now, came there by recorded actions from
    item `old` as it was before `born`, or from an item no longer in the file."""
    at: dt.datetime | None = None  # None: now
    used: set[int] = set()
    while True:
        if no == old and at is not None and at <= born.at:
            return True  # it left the old item by the record just followed
        into = [
            move for move in records
            if id(move) not in used and move.target == no and label in move.labels
            and (at is None or move.at <= at) and (last is None or move.at >= last)
        ]  # fmt: skip
        if not into:
            # Nothing recorded brought it in: there since before, unless the item is gone
            # (a merge into it was recorded in it, and left the file with it).
            return no not in present
        move = max(into, key=lambda m: m.at)  # the latest (stable: the first of a tie)
        used.add(id(move))
        no, at = move.source, move.at
        if no < 1:
            return False  # from the intake registry (accepted or attached): not the old item


def _merged(move: Move, no: int, labels: set[str], last: dt.datetime | None, born: Move) -> bool:
    """True when `move` merged item `no` with every one of `labels` away, after `last` (the
    old item's last record) and before `born` (the new item's split)."""
    return (
        move.action == MoveAction.MERGE
        and move.source == no
        and labels <= set(move.labels)
        and (last is None or move.at >= last)
        and move.at <= born.at
    )
