"""Whether the records of moves (format 2, `Item.moves`) say that an item was merged into
another and a new item, split off later, took its No.: what the audit needs to tell
`merge-items` followed by `split-item` back to the same No. (one commit holding both, so
no version in between lacks the No.) from revisions and sign-offs deleted by hand.

The records are text in the file, like everything else: a group member could type them.
So the test is narrow: the merge must have been recorded after everything the old item
held, must have taken every one of its opinions, and the item now under that No. must
have been born by a recorded split after it, answered only since.
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
    return any(_merged(move, old.no, labels, last, born) for item in items for move in item.moves)


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
