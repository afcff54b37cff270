"""The redaction screen's keys, defined once: its bindings, footer and the help are
generated from this table, and docs/guide.md lists them. Each binding has an id,
`pctui.redactions.<name>`."""

from __future__ import annotations

from textual.binding import BindingType

from pctui.app.review_actions import ReviewAction
from pctui.i18n import N_

REDACTIONS = N_("Redactions")

# At 80 columns the footer holds every key but `*` (in the help, `?`), in Japanese too.

REDACTION_ACTIONS: tuple[ReviewAction, ...] = (
    ReviewAction(
        name="down", keys="j", display="j ↓", group=REDACTIONS, footer=False,
        label=N_("next"), help=N_("Next redaction."),
    ),
    ReviewAction(
        name="up", keys="k", display="k ↑", group=REDACTIONS, footer=False,
        label=N_("prev"), help=N_("Previous redaction."),
    ),
    ReviewAction(
        name="keep", keys="c", display="c", group=REDACTIONS,
        label=N_("keep"),
        help=N_("Keep the marked redactions (or the one under the cursor): saved at once."),
    ),
    ReviewAction(
        name="undo", keys="u", display="u", group=REDACTIONS,
        label=N_("undo"),
        help=N_(
            "Undo the marked redactions (or the one under the cursor): their words become "
            "public again, saved at once."
        ),
    ),
    ReviewAction(
        name="mark", keys="space", display="space", group=REDACTIONS,
        label=N_("mark"), help=N_("Mark or unmark the redaction under the cursor."),
    ),
    ReviewAction(
        name="mark_all", keys="asterisk", display="*", group=REDACTIONS, footer=False,
        label=N_("mark all"), help=N_("Mark every redaction listed (again: unmark them all)."),
    ),
    ReviewAction(
        name="cycle_shown", keys="f", display="f", group=REDACTIONS,
        label=N_("filter"),
        help=N_("List all (to review first), then only those to review, kept, undone."),
    ),
    ReviewAction(
        name="cycle_reason", keys="r", display="r", group=REDACTIONS,
        label=N_("reason"),
        help=N_(
            "List only one reason's redactions (e-mail address, phone number, postal code, "
            "address, name), the next at each press, then every reason again."
        ),
    ),
    ReviewAction(
        name="reveal", keys="o", display="o", group=REDACTIONS,
        label=N_("removed words"),
        help=N_(
            "Show or hide the removed words of the redaction under the cursor, on the "
            "screen only (never saved or logged)."
        ),
    ),
    ReviewAction(
        name="help", keys="question_mark", display="?", group=REDACTIONS,
        label=N_("help"), help=N_("Show every key."),
    ),
    ReviewAction(
        name="close", keys="escape,q", display="escape q", group=REDACTIONS,
        label=N_("close"), help=N_("Close the redactions; everything is already saved."),
    ),
)  # fmt: skip


def redaction_bindings() -> list[BindingType]:
    """The redaction screen's bindings, one per action, each with an id."""
    return [
        binding
        for action in REDACTION_ACTIONS
        for binding in action.bindings(f"pctui.redactions.{action.name}")
    ]
