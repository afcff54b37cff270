"""The history of one item as it stands in the file: every revision, summary, sign-off,
withdrawal, assignment, note and (format 2) move, merge and split, in time order, each
revision with its difference from the one before, each move with the sign-offs it left
stale or made stand again. No I/O: git's side (which commit brought each in) is
pctui.git's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pctui.model.diff import Segment, char_diff
from pctui.model.digest import basis_digest
from pctui.model.records import (
    Assignment,
    Item,
    Move,
    MoveAction,
    Note,
    Review,
    Revision,
    Signoff,
    Summary,
)
from pctui.model.state import INVALID, standings


class EventKind(StrEnum):
    """What happened to the item (the words `--json` prints)."""

    REVISION = "revision"
    SUMMARY = "summary"
    SIGNOFF = "signoff"
    WITHDRAWAL = "withdrawal"
    ASSIGNMENT = "assignment"
    NOTE = "note"
    MOVE = "move"  # an opinion moved in or out
    MERGE = "merge"  # another item merged into this one
    SPLIT = "split"  # opinions split off into a new item (in both items)
    ACCEPT = "accept"  # an intake group made the item (its first opinion)
    ATTACH = "attach"  # an intake group attached as one more opinion


_MOVE_KINDS = {
    MoveAction.MOVE: EventKind.MOVE,
    MoveAction.MERGE: EventKind.MERGE,
    MoveAction.SPLIT: EventKind.SPLIT,
    MoveAction.ACCEPT: EventKind.ACCEPT,
    MoveAction.ATTACH: EventKind.ATTACH,
}

Record = Revision | Summary | Signoff | Assignment | Note | Move


@dataclass(frozen=True)
class Event:
    """One thing that happened to an item: its kind, when, by whom, the record it comes
    from, the record's 1-based number among its kind (revision 2, note 1) and, for a
    revision, its difference from the revision before (None for the first). A move,
    merge or split also carries the item's No. (which side of it the item was) and the
    item's sign-offs it left stale and those it made stand again, each with its 1-based
    number among them."""

    kind: EventKind
    at: dt.datetime
    by: str
    number: int
    record: Record
    diff: list[Segment] | None = None
    no: int = 0
    stale: tuple[tuple[int, Signoff], ...] = ()
    again: tuple[tuple[int, Signoff], ...] = ()


def item_events(item: Item, review: Review | None = None) -> list[Event]:
    """Everything the file records of `item`, oldest first. Entries made at the same
    moment keep the order revision, summary, sign-off, withdrawal, assignment, note, move.
    With `review`, a sign-off that could never count (invalid) is not named as left stale
    or standing again by a move."""
    events: list[Event] = []
    before: Revision | None = None
    for number, revision in enumerate(item.revisions, 1):
        diff = None if before is None else char_diff(before.text, revision.text)
        events.append(
            Event(EventKind.REVISION, revision.at, revision.author, number, revision, diff)
        )
        before = revision
    for number, summary in enumerate(item.summaries, 1):
        events.append(Event(EventKind.SUMMARY, summary.at, summary.author, number, summary))
    for number, signoff in enumerate(item.signoffs, 1):
        events.append(Event(EventKind.SIGNOFF, signoff.at, signoff.by, number, signoff))
    for number, signoff in enumerate(item.signoffs, 1):
        if signoff.withdrawn is not None:
            events.append(
                Event(EventKind.WITHDRAWAL, signoff.withdrawn, signoff.by, number, signoff)
            )
    for number, assignment in enumerate(item.assignments, 1):
        events.append(Event(EventKind.ASSIGNMENT, assignment.at, assignment.by, number, assignment))
    for number, note in enumerate(item.notes, 1):
        events.append(Event(EventKind.NOTE, note.at, note.by, number, note))
    if item.moves:
        events += _move_events(item, review)
    return sorted(events, key=lambda event: event.at)  # stable: ties keep the order above


def _move_events(item: Item, review: Review | None) -> list[Event]:
    """The item's move records as events, each naming the sign-offs it left stale (they
    stood on the basis `was` before it) and those it made stand again (on `basis`)."""
    invalid = (
        {i for i, s in enumerate(standings(item, review), 1) if s.status == INVALID}
        if review is not None
        else set()
    )
    first = item.moves[0]
    # A sign-off without a basis was given for format 1's shape, which the item had until
    # its first summary or move: it stood while the item's basis was the first move's `was`.
    shaped = first.was if _format_one_before(item, first) else None
    events: list[Event] = []
    for number, move in enumerate(item.moves, 1):
        current = sum(1 for r in item.revisions if r.at <= move.at)  # the revision then
        # The basis a sign-off without one stood on at this moment (None: none).
        bare = None if _summary_by(item, move.at) else shaped
        stale: list[tuple[int, Signoff]] = []
        again: list[tuple[int, Signoff]] = []
        for index, signoff in enumerate(item.signoffs, 1):
            if (
                index in invalid
                or signoff.at > move.at
                or (signoff.withdrawn is not None and signoff.withdrawn <= move.at)
                or signoff.revision != current
                or move.was == move.basis
            ):
                continue
            given = signoff.basis if signoff.basis is not None else bare
            if move.was and given == move.was:
                stale.append((index, signoff))
            elif given == move.basis:
                again.append((index, signoff))
        kind = _MOVE_KINDS[move.action]
        events.append(
            Event(kind, move.at, move.by, number, move, None, item.no, tuple(stale), tuple(again))
        )
    return events


def _format_one_before(item: Item, first: Move) -> bool:
    """True when `item` had format 1's shape just before its first recorded move: its
    basis then (`was`) is that of its one opinion labelled with its No. (still in it, as
    an opinion moved in cannot have been moved out of an item holding one), without a
    summary. Not so for a file whose items moved opinions before pctui recorded moves:
    its sign-offs without a basis are then named by no move (they were stale already)."""
    if not first.was or _summary_by(item, first.at):
        return False
    own = [opinion for opinion in item.opinions if opinion.label == str(item.no)]
    return bool(own) and basis_digest(Item(item.no, item.section, opinions=own[:1])) == first.was


def _summary_by(item: Item, at: dt.datetime) -> bool:
    """True when a summary of `item` was written by `at`."""
    return any(summary.at <= at for summary in item.summaries)
