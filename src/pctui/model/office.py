"""The drafting half of the office's day: who drafts an item (assignment) and the staff's
internal notes (内部メモ) on it.

Each action changes the in-memory model and returns what it did, or raises `Refused`
before changing anything. Neither touches a revision, a summary or an opinion, so no
sign-off's digest or basis changes: assigning an item or writing a note never makes a
sign-off stale. Storage saves each at once, like a sign-off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pctui.base.record_class import record
from pctui.i18n import _
from pctui.model.actions import Refused, find_item, require_reviewer
from pctui.model.records import Assignment, Consultation, Item, Note
from pctui.model.state import APPROVED, State, item_state
from pctui.model.zones import consultation_now


@record(frozen=True)
class Workload:
    """What one assignee has: items assigned, and those of them not yet approved (open)."""

    items: int = 0
    open: int = 0

    def __init__(self, items: int = 0, open: int = 0) -> None:
        object.__setattr__(self, "items", items)
        object.__setattr__(self, "open", open)


def workloads(items: Sequence[Item], states: Sequence[State]) -> dict[str, Workload]:
    """Each assignee's workload, by login in alphabetical order; `states` are the items'
    states, in the same order (computed once by the caller). Unassigned items are left out
    (see `unassigned`)."""
    found: dict[str, Workload] = {}
    for item, state in zip(items, states, strict=True):
        login = item.assignee
        if login is not None:
            had = found.get(login, Workload())
            found[login] = Workload(had.items + 1, had.open + (state != APPROVED))
    return dict(sorted(found.items()))


def assignee_problem(consultation: Consultation, login: str) -> str | None:
    """Why `login` cannot be given items to draft, or None when it can: the assignee must
    be a reviewer of the consultation, so that the office knows who they are ("" takes an
    item off its assignee and is always allowed)."""
    if not login or login in consultation.review.reviewers:
        return None
    known = ", ".join(consultation.review.reviewers) or _("none")
    return _(
        "{login} is not a reviewer of this consultation, so cannot be assigned items "
        "(reviewers: {known}); add them to [review.reviewers] first"
    ).format(login=repr(login), known=known)


def open_assigned(consultation: Consultation, login: str) -> int:
    """How many items assigned to `login` are not approved yet (what the TUI's title line
    counts). Only the assigned items' states are computed: a file may hold 10,000 items."""
    review = consultation.review
    return sum(
        1
        for item in consultation.items
        if item.assignee == login and item_state(item, review) != APPROVED
    )


def unassigned(consultation: Consultation) -> list[int]:
    """The numbers of the items nobody is drafting, in file order."""
    return [item.no for item in consultation.items if item.assignee is None]


def assign(
    consultation: Consultation,
    numbers: Sequence[int],
    to: str,
    by: str,
    at: dt.datetime | None = None,
    only_unassigned: bool = False,
) -> list[Item]:
    """Give the items numbered `numbers` to `to` to draft ("" takes them off their
    assignee), as `by`; returns the items that changed (those already with `to` are left
    as they are, and with `only_unassigned` those anyone has: another reviewer may have
    taken one between the list being made and the save). Refused, changing nothing, when
    an item does not exist, `to` may not be assigned, or no item would change."""
    items = [find_item(consultation, no) for no in numbers]  # a wrong No.: bad input, whoever
    require_reviewer(consultation, by)
    if problem := assignee_problem(consultation, to):
        raise Refused(problem)
    if only_unassigned:
        items = [item for item in items if item.assignee is None]
        if not items:
            raise Refused(_("every item is assigned already; nothing to save"))
    changing = [item for item in items if item.assignee != (to or None)]
    if not changing:
        if to:
            raise Refused(_("already assigned to {login}; nothing to save").format(login=repr(to)))
        raise Refused(_("not assigned to anyone; nothing to save"))
    when = at or consultation_now(consultation)
    for item in changing:
        item.assignments.append(Assignment(to=to, by=by, at=when))
    return changing


def add_note(
    consultation: Consultation, no: int, by: str, text: str, at: dt.datetime | None = None
) -> Note:
    """Append an internal note by `by` to item `no`; returns it. Refused when the text is
    empty or `by` is not a reviewer."""
    item = find_item(consultation, no)  # a wrong No. first: bad input, whoever asks
    require_reviewer(consultation, by)
    if not text.strip():
        raise Refused(_("the note is empty"))
    note = Note(by=by, at=at or consultation_now(consultation), text=text.strip())
    item.notes.append(note)
    return note
