"""The history of one item as it stands in the file: every revision, summary, sign-off,
withdrawal, assignment and note, in time order, each revision with its difference from
the one before. No I/O: git's side (which commit brought each in) is pctui.git's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pctui.model.diff import Segment, char_diff
from pctui.model.records import Assignment, Item, Note, Revision, Signoff, Summary


class EventKind(StrEnum):
    """What happened to the item (the words `--json` prints)."""

    REVISION = "revision"
    SUMMARY = "summary"
    SIGNOFF = "signoff"
    WITHDRAWAL = "withdrawal"
    ASSIGNMENT = "assignment"
    NOTE = "note"


Record = Revision | Summary | Signoff | Assignment | Note


@dataclass(frozen=True)
class Event:
    """One thing that happened to an item: its kind, when, by whom, the record it comes
    from, the record's 1-based number among its kind (revision 2, note 1) and, for a
    revision, its difference from the revision before (None for the first)."""

    kind: EventKind
    at: dt.datetime
    by: str
    number: int
    record: Record
    diff: list[Segment] | None = None


def item_events(item: Item) -> list[Event]:
    """Everything the file records of `item`, oldest first. Entries made at the same
    moment keep the order revision, summary, sign-off, withdrawal, assignment, note."""
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
    return sorted(events, key=lambda event: event.at)  # stable: ties keep the order above
