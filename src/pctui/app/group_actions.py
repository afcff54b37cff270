"""The grouping screen's keys, defined once: its bindings and footer are generated from
this table, and docs/guide.md lists them (the review screen's keys are in
`review_actions`). Each binding has an id, `pctui.groups.<name>`."""

from __future__ import annotations

from textual.binding import BindingType

from pctui.app.review_actions import ReviewAction
from pctui.i18n import N_

GROUPING = N_("Grouping")

# At 80 columns the footer holds the keys that act on a group, `?` and `q` (in Japanese
# too, whose labels take two cells a character); tab and space are in the help (`?`).

GROUP_ACTIONS: tuple[ReviewAction, ...] = (
    ReviewAction(
        name="down", keys="j", display="j ↓", group=GROUPING, footer=False,
        label=N_("next"), help=N_("Next group (in the members: next member)."),
    ),
    ReviewAction(
        name="up", keys="k", display="k ↑", group=GROUPING, footer=False,
        label=N_("prev"), help=N_("Previous group (in the members: previous member)."),
    ),
    ReviewAction(
        name="accept", keys="a", display="a", group=GROUPING,
        label=N_("new item"), help=N_("Accept the group as a new item, counting every member."),
    ),
    ReviewAction(
        name="attach", keys="t", display="t", group=GROUPING,
        label=N_("attach"), help=N_("Attach the group to an existing item as one more opinion."),
    ),
    ReviewAction(
        name="mark", keys="space", display="space", group=GROUPING, footer=False,
        label=N_("mark"), help=N_("Mark or unmark the member under the cursor for a split."),
    ),
    ReviewAction(
        name="split", keys="s", display="s", group=GROUPING,
        label=N_("split"),
        help=N_("Split the marked members (or the one under the cursor) into a new group."),
    ),
    ReviewAction(
        name="merge", keys="m", display="m", group=GROUPING,
        label=N_("merge"), help=N_("Merge the group into another, named by its number or id."),
    ),
    ReviewAction(
        name="switch_focus", keys="tab", display="tab", group=GROUPING, footer=False,
        label=N_("members"), help=N_("Move between the groups and the selected group's members."),
    ),
    ReviewAction(
        name="redactions", keys="R", display="R", group=GROUPING,
        label=N_("redactions"),
        help=N_("Review the redactions of personal data: keep or undo them."),
    ),
    ReviewAction(
        name="help", keys="question_mark", display="?", group=GROUPING,
        label=N_("help"), help=N_("Show every key."),
    ),
    ReviewAction(
        name="close", keys="escape,q", display="escape q", group=GROUPING,
        label=N_("close"), help=N_("Close the grouping; everything is already saved."),
    ),
)  # fmt: skip


def group_bindings() -> list[BindingType]:
    """The grouping screen's bindings, one per action, each with an id."""
    return [
        binding
        for action in GROUP_ACTIONS
        for binding in action.bindings(f"pctui.groups.{action.name}")
    ]
