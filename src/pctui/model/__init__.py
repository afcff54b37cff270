"""The review model: records, derived state and actions. No I/O, no Textual, no Rich.

Each name is imported from its module when first used (PEP 562): importing any module of
the package runs this file first, and `pctui status` needs only records and state, not
the actions on opinions or the office's records (their imports cost its start-up).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pctui.model.actions import (
        NoSuchItem,
        Refused,
        Revised,
        my_turn,
        next_stage,
        revise,
        sign,
        withdraw,
    )
    from pctui.model.digest import basis_digest, text_digest
    from pctui.model.identity import current_login
    from pctui.model.office import add_note, assign, assignee_problem, unassigned
    from pctui.model.opinions import Merged, add_summary, merge_items, move_opinion, split_item
    from pctui.model.records import (
        ANY_ORDER,
        APPROVE,
        IN_ORDER,
        REJECT,
        Assignment,
        CommitMode,
        Consultation,
        Intake,
        Item,
        Layout,
        Meta,
        Note,
        Opinion,
        Order,
        OutcomeClass,
        Review,
        Reviewer,
        Revision,
        Section,
        Signoff,
        Summary,
        Verdict,
    )
    from pctui.model.state import (
        APPROVED,
        CHANGES_REQUESTED,
        DRAFT,
        IN_REVIEW,
        STATES,
        Standing,
        State,
        Status,
        approved_stages,
        item_state,
        open_stages,
        progress,
        stage_counts,
        standings,
        state_counts,
    )

# The module of each name this package exports.
_HOME = {
    "NoSuchItem": "pctui.model.actions",
    "Refused": "pctui.model.actions",
    "Revised": "pctui.model.actions",
    "my_turn": "pctui.model.actions",
    "next_stage": "pctui.model.actions",
    "revise": "pctui.model.actions",
    "sign": "pctui.model.actions",
    "withdraw": "pctui.model.actions",
    "basis_digest": "pctui.model.digest",
    "text_digest": "pctui.model.digest",
    "current_login": "pctui.model.identity",
    "add_note": "pctui.model.office",
    "assign": "pctui.model.office",
    "assignee_problem": "pctui.model.office",
    "unassigned": "pctui.model.office",
    "Merged": "pctui.model.opinions",
    "add_summary": "pctui.model.opinions",
    "merge_items": "pctui.model.opinions",
    "move_opinion": "pctui.model.opinions",
    "split_item": "pctui.model.opinions",
    "ANY_ORDER": "pctui.model.records",
    "APPROVE": "pctui.model.records",
    "IN_ORDER": "pctui.model.records",
    "REJECT": "pctui.model.records",
    "Assignment": "pctui.model.records",
    "CommitMode": "pctui.model.records",
    "Consultation": "pctui.model.records",
    "Intake": "pctui.model.records",
    "Item": "pctui.model.records",
    "Layout": "pctui.model.records",
    "Meta": "pctui.model.records",
    "Note": "pctui.model.records",
    "Opinion": "pctui.model.records",
    "Order": "pctui.model.records",
    "OutcomeClass": "pctui.model.records",
    "Review": "pctui.model.records",
    "Reviewer": "pctui.model.records",
    "Revision": "pctui.model.records",
    "Section": "pctui.model.records",
    "Signoff": "pctui.model.records",
    "Summary": "pctui.model.records",
    "Verdict": "pctui.model.records",
    "APPROVED": "pctui.model.state",
    "CHANGES_REQUESTED": "pctui.model.state",
    "DRAFT": "pctui.model.state",
    "IN_REVIEW": "pctui.model.state",
    "STATES": "pctui.model.state",
    "Standing": "pctui.model.state",
    "State": "pctui.model.state",
    "Status": "pctui.model.state",
    "approved_stages": "pctui.model.state",
    "item_state": "pctui.model.state",
    "open_stages": "pctui.model.state",
    "progress": "pctui.model.state",
    "stage_counts": "pctui.model.state",
    "standings": "pctui.model.state",
    "state_counts": "pctui.model.state",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    __import__(home)  # not importlib, whose package imports warnings at every start
    value = getattr(sys.modules[home], name)
    globals()[name] = value  # found directly from now on
    return value


__all__ = [
    "ANY_ORDER",
    "APPROVE",
    "APPROVED",
    "CHANGES_REQUESTED",
    "DRAFT",
    "IN_ORDER",
    "IN_REVIEW",
    "REJECT",
    "STATES",
    "Assignment",
    "CommitMode",
    "Consultation",
    "Intake",
    "Item",
    "Layout",
    "Merged",
    "Meta",
    "NoSuchItem",
    "Note",
    "Opinion",
    "Order",
    "OutcomeClass",
    "Refused",
    "Review",
    "Reviewer",
    "Revised",
    "Revision",
    "Section",
    "Signoff",
    "Standing",
    "State",
    "Status",
    "Summary",
    "Verdict",
    "add_note",
    "add_summary",
    "approved_stages",
    "assign",
    "assignee_problem",
    "basis_digest",
    "current_login",
    "item_state",
    "merge_items",
    "move_opinion",
    "my_turn",
    "next_stage",
    "open_stages",
    "progress",
    "revise",
    "sign",
    "split_item",
    "stage_counts",
    "standings",
    "state_counts",
    "text_digest",
    "unassigned",
    "withdraw",
]
