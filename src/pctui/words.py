"""The names a person reads for the model's states, standings and verdicts.

The model keeps identifiers (State, Status, Verdict: StrEnums whose values, "in-review",
"stale", "approve", are what files, JSON output and filters use). These are their names in
the current language, for the CLI and the TUI. No Textual, no Rich.
"""

from __future__ import annotations

from pctui.i18n import N_, _, ngettext
from pctui.model.records import APPROVE, REJECT, Verdict
from pctui.model.state import (
    APPROVED,
    CHANGES_REQUESTED,
    DRAFT,
    IN_REVIEW,
    INVALID,
    STALE,
    VALID,
    WITHDRAWN,
    State,
    Status,
)

STATE_NAMES = {
    DRAFT: N_("draft"),
    IN_REVIEW: N_("in-review"),
    CHANGES_REQUESTED: N_("changes-requested"),
    APPROVED: N_("approved"),
}
STANDING_NAMES = {
    VALID: N_("valid"),
    STALE: N_("stale"),
    WITHDRAWN: N_("withdrawn"),
    INVALID: N_("invalid"),
}
VERDICT_NAMES = {APPROVE: N_("approve"), REJECT: N_("reject")}


def state_name(state: State) -> str:
    """An item's state as the reviewer reads it ("in-review" → "決裁中" in Japanese)."""
    return _(STATE_NAMES[state])


def standing_name(status: Status) -> str:
    """A sign-off's standing as the reviewer reads it (valid, stale, withdrawn, invalid)."""
    return _(STANDING_NAMES[status])


def verdict_name(verdict: Verdict) -> str:
    """A verdict as the reviewer reads it (approve, reject)."""
    return _(VERDICT_NAMES[verdict])


def opinion_counts(opinions: int, counted: int) -> str:
    """How many opinions a set of items lists, and how many they stand for (each opinion's
    count, 件): "26 opinions, 31 counted" (26件の意見、31件). Format 2's items answer
    several opinions each, so neither number is the number of items."""
    return ngettext(
        "{count} opinion, {counted} counted", "{count} opinions, {counted} counted", opinions
    ).format(count=opinions, counted=counted)
