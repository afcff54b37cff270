"""The one registry of review actions: key, footer label, palette entry and help text.

Every key of the review screen is defined here once. The screen's bindings, the footer,
the help screen and the command palette are all generated from this table, so they can
never disagree. Each binding has an id (`pctui.<name>`), so a keymap can rebind it with
`App.set_keymap({"pctui.approve": "A"})`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from textual.binding import ActiveBinding, Binding, BindingType

from pctui.i18n import N_, _

# Group names, labels and help are English here and translated where they are shown.
MOVE = N_("Move")
REVIEW = N_("Review")
DIFF = N_("Diff")
VIEW = N_("View")
EDITOR = N_("Editor")  # keys of the edit screen, listed in the help, not bound on the review screen
GROUPS = (MOVE, REVIEW, DIFF, VIEW, EDITOR)


@dataclass(frozen=True)
class ReviewAction:
    """One thing a reviewer can do from the review screen."""

    name: str  # the screen's `action_<name>` method and the binding id's suffix
    keys: str  # Textual key names, comma-separated
    display: str  # how the keys are written in help and docs
    label: str  # short footer label
    help: str  # one sentence for the help screen and the palette
    group: str
    footer: bool = True  # shown in the footer (space is short at 80 columns)

    @property
    def binding_id(self) -> str:
        """The id of this action's binding, for keymaps."""
        return f"pctui.{self.name}"

    @property
    def palette_name(self) -> str:
        """The command palette entry: "category: action", in the current language."""
        # Not lower-cased: "$VISUAL" and "HEAD" are names, and Japanese has no case.
        action = re.split("[;；]", _(self.help))[0].rstrip(".。")
        return f"{_(self.group)}: {action}"


ACTIONS: tuple[ReviewAction, ...] = (
    ReviewAction(
        "next_item", "j,down", "j ↓", N_("next"),
        N_("Next item in the list."), MOVE, False,
    ),
    ReviewAction(
        "previous_item", "k,up", "k ↑", N_("prev"),
        N_("Previous item in the list."), MOVE, False,
    ),
    ReviewAction(
        "first_item", "g,home", "g", N_("first"),
        N_("First item in the list."), MOVE, False,
    ),
    ReviewAction("last_item", "G,end", "G", N_("last"), N_("Last item in the list."), MOVE, False),
    ReviewAction(
        "next_needing", "n", "n", N_("next mine"),
        N_("Next item that needs my sign-off."), MOVE, False,
    ),
    ReviewAction(
        "previous_needing", "N", "N", N_("prev mine"),
        N_("Previous item that needs my sign-off."), MOVE, False,
    ),
    ReviewAction(
        "switch_focus", "tab,enter", "tab enter", N_("focus"),
        N_("Move focus between the item list and the item's panes."), MOVE, False,
    ),
    ReviewAction(
        "page_item", "space", "space", N_("page"),
        N_("Scroll the item's panes down one screen; from the end, back to the top."), MOVE,
        False,
    ),
    ReviewAction(
        "approve", "a", "a", N_("approve"),
        N_("Approve the current revision; at the first stage I may sign."), REVIEW,
    ),
    ReviewAction(
        "request_changes", "x", "x", N_("changes"),
        N_("Request changes to the current revision; asks for a comment."), REVIEW,
    ),
    ReviewAction(
        "withdraw", "u", "u", N_("withdraw"),
        N_("Withdraw my sign-off on the current revision."), REVIEW,
    ),
    ReviewAction(
        "edit", "e", "e", N_("edit"),
        N_("Edit the draft response here; ctrl+s saves a new revision."), REVIEW,
    ),
    ReviewAction(
        "external_edit", "E", "E", N_("$EDITOR"),
        N_("Edit the draft response in $VISUAL or $EDITOR; saved as a new revision."), REVIEW,
        False,
    ),
    ReviewAction(
        "commit", "c", "c", N_("commit"),
        N_("Commit the sign-offs and revisions not yet committed, as pctui commit does."),
        REVIEW,
    ),
    ReviewAction(
        "cycle_diff", "d", "d", N_("diff"),
        N_("Show the diff inline, side by side, or hide it."), DIFF,
        False,  # the diff shows without it; the footer's 80 columns went to c commit
    ),
    ReviewAction(
        "older_base", "left_square_bracket", "[", N_("older"),
        N_("Diff from an older revision."), DIFF, False,
    ),
    ReviewAction(
        "newer_base", "right_square_bracket", "]", N_("newer"),
        N_("Diff from a newer revision."), DIFF, False,
    ),
    ReviewAction("search", "slash", "/", N_("search"), N_("Search opinions and responses."), VIEW),
    ReviewAction(
        "filter", "f", "f", N_("filter"),
        N_("Filter the list by state or section."), VIEW,
    ),
    ReviewAction(
        "view_source", "v", "v", N_("raw"),
        N_("Show the selected item's TOML as written in the file, highlighted."), VIEW, False,
    ),
    ReviewAction(
        "pending_diff", "D", "D", N_("git diff"),
        N_("Show the file's changes that a commit would record (git diff HEAD), highlighted."),
        VIEW, False,
    ),
    ReviewAction("help", "question_mark", "?", N_("help"), N_("Show every key."), VIEW),
    ReviewAction("quit", "q", "q", N_("quit"), N_("Quit; everything is already saved."), VIEW),
    ReviewAction(
        "save", "ctrl+s", "ctrl+s", N_("save"),
        N_("In the editor: save the text as a new revision."), EDITOR,
    ),
    ReviewAction(
        "discard", "escape", "escape", N_("discard"),
        N_("In the editor: close, asking before discarding changes."), EDITOR,
    ),
)  # fmt: skip

BY_NAME = {action.name: action for action in ACTIONS}
# What a keymap file may name, for `pctui.session.keymap.load_keymap`.
BINDING_IDS = {action.name: action.binding_id for action in ACTIONS}


def bindings(group: str | None = None) -> list[BindingType]:
    """Bindings, one per registered action, each with an id: those of `group` (EDITOR for
    the edit screen), or every other group's when None (the review screen)."""
    return [
        Binding(
            action.keys,
            action.name,
            action.label,
            show=action.footer,
            key_display=action.display.split()[0],
            tooltip=action.help,
            id=action.binding_id,
        )
        for action in ACTIONS
        if action.group == (group or action.group) and (group == EDITOR) == (action.group == EDITOR)
    ]


def translated(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """`active` (a screen's active bindings) with each footer label and tooltip in the
    current language: bindings are made at import, before the language is chosen."""

    def words(text: str) -> str:
        return _(text) if text else text  # _("") would be the catalog's header

    return {
        key: entry._replace(
            binding=replace(
                entry.binding,
                description=words(entry.binding.description),
                tooltip=words(entry.binding.tooltip),
            ),
            tooltip=words(entry.tooltip),
        )
        for key, entry in active.items()
    }
