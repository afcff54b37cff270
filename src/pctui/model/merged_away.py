"""Whether the records of moves (format 2, `Item.moves`) say that an item was merged into
another and a new item, split off later, took its No.: what the audit needs to tell
`merge-items` followed by `split-item` back to the same No. (one commit holding both, so
no version in between lacks the No.) from revisions and sign-offs deleted by hand.

The records are text in the file, like everything else: a group member could type them.
So the test is narrow: the merge must have been recorded after everything the old item
held, must have taken every one of its opinions, and the item now under that No. must
have been born by a recorded split after it, answered only since.

One chain needs more: the merge is recorded in the item merged into, and when that item
is itself merged away later in the same commit (merge No.4 into No.3, split No.4 back off,
merge No.3 into No.2), the record leaves the file with it. What stays says the same: the
new item was split off that item, which a recorded merge then took away (its records with
it), and every opinion of the old item left that item by a recorded action since.
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
    return _split_off_an_item_merged_away(born, labels, last, moves, items)


def _split_off_an_item_merged_away(
    born: Move, labels: set[str], last: dt.datetime | None, moves: list[Move],
    items: Iterable[Item],
) -> bool:  # fmt: skip
    """True when the item `born` split the new item off (which held the record of the old
    item's merge) is gone from the file, taken by a recorded merge after that split, and
    every one of `labels` left it by a recorded split, move or merge after `last` (the old
    item's last record): they were all in it, and it was merged away with the record."""
    source = born.source
    if any(item.no == source for item in items):
        return False  # still in the file with its records: the merge is there or nowhere
    if last is not None and last > born.at:
        return False
    away = [move for move in moves if move.source == source and (last is None or move.at >= last)]
    merged = any(move.action == MoveAction.MERGE and move.at >= born.at for move in away)
    return merged and labels <= {label for move in away for label in move.labels}


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
