"""Reads an item's office records: its `[[items.assignments]]` (who drafts it) and its
`[[items.notes]]` (内部メモ). Both are optional extensions, valid in format 1 and 2.

Every problem is reported with its place, like the rest of the item (item_schema). An
assignment to a login that is not a reviewer is a warning, not an error: the file still
loads (a reviewer may have left the office since), and validate says where it is.
"""

from __future__ import annotations

from typing import Any

from pctui.base.problems import WARNING
from pctui.i18n import _
from pctui.model.one_line import one_line_problem
from pctui.model.records import Assignment, Note
from pctui.storage.checker import DATETIME, STR, TABLE_LIST, Checker
from pctui.storage.header_schema import Header

ASSIGNMENTS = "items.assignments"
NOTES = "items.notes"
ASSIGNMENT_KEYS = ("to", "by", "at")
NOTE_KEYS = ("by", "at", "text")
OFFICE_ITEM_KEYS = ("assignments", "notes")


def read_assignments(table: dict[str, Any], header: Header, check: Checker) -> list[Assignment]:
    """The item's assignments, oldest first (those that cannot be read are reported)."""
    raw = check.get(table, "assignments", TABLE_LIST, "items", default=[])
    read = [_read_assignment(entry, index, header, check) for index, entry in enumerate(raw)]
    return [assignment for assignment in read if assignment is not None]


def _read_assignment(
    table: dict[str, Any], index: int, header: Header, check: Checker
) -> Assignment | None:
    check.unknown_keys(table, ASSIGNMENT_KEYS, ASSIGNMENTS, index)
    to = check.get(table, "to", STR, ASSIGNMENTS, index, required=True)
    by = check.get(table, "by", STR, ASSIGNMENTS, index, required=True)
    at = check.get(table, "at", DATETIME, ASSIGNMENTS, index, required=True)
    for key, login in (("to", to), ("by", by)):
        if login is not None and (problem := one_line_problem(f"{ASSIGNMENTS}.{key}", login)):
            check.report(ASSIGNMENTS, index, key, problem)
    reviewers = header.review.reviewers
    if to and reviewers and to not in reviewers:
        message = _(
            "assigned to {login}, who is not in [review.reviewers] (reviewers: {known}); "
            "add them there, or assign the item to a reviewer"
        ).format(login=repr(to), known=", ".join(reviewers))
        check.report(ASSIGNMENTS, index, "to", message, WARNING)
    if to is None or by is None or at is None:
        return None
    return Assignment(to=to, by=by, at=at)


def read_notes(table: dict[str, Any], check: Checker) -> list[Note]:
    """The item's internal notes, oldest first (those that cannot be read are reported)."""
    raw = check.get(table, "notes", TABLE_LIST, "items", default=[])
    read = [_read_note(entry, index, check) for index, entry in enumerate(raw)]
    return [note for note in read if note is not None]


def _read_note(table: dict[str, Any], index: int, check: Checker) -> Note | None:
    check.unknown_keys(table, NOTE_KEYS, NOTES, index)
    by = check.get(table, "by", STR, NOTES, index, required=True)
    at = check.get(table, "at", DATETIME, NOTES, index, required=True)
    text = check.get(table, "text", STR, NOTES, index, required=True)
    if by is not None and (problem := one_line_problem(f"{NOTES}.by", by)):
        check.report(NOTES, index, "by", problem)
    if by is None or at is None or text is None:
        return None
    return Note(by=by, at=at, text=text)
