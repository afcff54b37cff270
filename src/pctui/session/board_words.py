"""The progress board's words, shared by `pctui status --board` and the TUI's board so that
both say the same: the days left to publication, the headings, a waiting item's line."""

from __future__ import annotations

from pctui.i18n import N_, _, ngettext
from pctui.model.state import APPROVED, CHANGES_REQUESTED, DRAFT, IN_REVIEW
from pctui.session.board import Board, Waiting
from pctui.words import state_name

# The states in the order a bar draws them: work done first.
ORDER = (APPROVED, IN_REVIEW, CHANGES_REQUESTED, DRAFT)
BY_SECTION = N_("by section")
BY_ASSIGNEE = N_("by assignee")
BY_STAGE = N_("by stage")
UNASSIGNED = N_("(unassigned)")
OLDEST = N_("longest in their state:")
NONE_WAITING = N_("none: every item is approved")


def days_left_text(board: Board) -> str:
    """How long until the planned publication date, or that the file plans none."""
    if board.publish_by is None or board.days_left is None:
        return _("publish by: not planned (set [consultation] publish_by)")
    date = board.publish_by.isoformat()
    if board.days_left > 0:
        text = ngettext(
            "publish by {date}: {days} day left", "publish by {date}: {days} days left",
            board.days_left,
        )  # fmt: skip
        return text.format(date=date, days=board.days_left)
    if board.days_left == 0:
        return _("publish by {date}: today").format(date=date)
    late = -board.days_left
    text = ngettext(
        "publish by {date}: {days} day overdue", "publish by {date}: {days} days overdue", late
    )
    return text.format(date=date, days=late)


def total_text(board: Board) -> str:
    """Items approved out of all."""
    return _("{approved}/{total} approved").format(
        approved=board.counts[APPROVED], total=board.total
    )


def assignee_label(login: str) -> str:
    """A login as the board shows it; nobody's items as "(unassigned)"."""
    return login or _(UNASSIGNED)


def waiting_text(waiting: Waiting) -> str:
    """One of the items longest in their state: its No., state, since when, how long."""
    days = ngettext("{days} day", "{days} days", waiting.days).format(days=waiting.days)
    return _("No. {no}  {state} since {date} ({days})").format(
        no=waiting.no,
        state=state_name(waiting.state),
        date=waiting.since.date().isoformat(),
        days=days,
    )
