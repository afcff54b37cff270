"""The one registry of review actions: key, footer label, palette entry and help text.

Every key of the review screen is defined here once. The screen's bindings, the footer,
the help screen and the command palette are all generated from this table, so they can
never disagree. Each binding has an id (`pctui.<name>`), so a keymap can rebind it with
`App.set_keymap({"pctui.approve": "A"})`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

MOVE = "Move"
REVIEW = "Review"
DIFF = "Diff"
VIEW = "View"
EDITOR = "Editor"  # keys of the edit screen, listed in the help, not bound on the review screen
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
        """The command palette entry: "category: action"."""
        return f"{self.group.lower()}: {self.help.split(';')[0].rstrip('.').lower()}"


ACTIONS: tuple[ReviewAction, ...] = (
    ReviewAction("next_item", "j,down", "j ↓", "next", "Next item in the list.", MOVE, False),
    ReviewAction("previous_item", "k,up", "k ↑", "prev", "Previous item in the list.", MOVE, False),
    ReviewAction("first_item", "g,home", "g", "first", "First item in the list.", MOVE, False),
    ReviewAction("last_item", "G,end", "G", "last", "Last item in the list.", MOVE, False),
    ReviewAction(
        "next_needing", "n", "n", "next mine",
        "Next item that needs my sign-off.", MOVE, False,
    ),
    ReviewAction(
        "previous_needing", "N", "N", "prev mine",
        "Previous item that needs my sign-off.", MOVE, False,
    ),
    ReviewAction(
        "switch_focus", "tab", "tab", "focus",
        "Move focus between the item list and the item's panes.", MOVE, False,
    ),
    ReviewAction(
        "approve", "a", "a", "approve",
        "Approve the current revision; at the first stage I may sign.", REVIEW,
    ),
    ReviewAction(
        "request_changes", "x", "x", "changes",
        "Request changes to the current revision; asks for a comment.", REVIEW,
    ),
    ReviewAction(
        "withdraw", "u", "u", "withdraw",
        "Withdraw my sign-off on the current revision.", REVIEW,
    ),
    ReviewAction(
        "edit", "e", "e", "edit",
        "Edit the draft response here; ctrl+s saves a new revision.", REVIEW,
    ),
    ReviewAction(
        "external_edit", "E", "E", "$EDITOR",
        "Edit the draft response in $VISUAL or $EDITOR; saved as a new revision.", REVIEW,
        False,
    ),
    ReviewAction(
        "cycle_diff", "d", "d", "diff",
        "Show the diff inline, side by side, or hide it.", DIFF,
    ),
    ReviewAction(
        "older_base", "left_square_bracket", "[", "older",
        "Diff from an older revision.", DIFF, False,
    ),
    ReviewAction(
        "newer_base", "right_square_bracket", "]", "newer",
        "Diff from a newer revision.", DIFF, False,
    ),
    ReviewAction("search", "slash", "/", "search", "Search opinions and responses.", VIEW),
    ReviewAction("filter", "f", "f", "filter", "Filter the list by state or section.", VIEW),
    ReviewAction(
        "view_source", "v", "v", "raw",
        "Show the selected item's TOML as written in the file, highlighted.", VIEW, False,
    ),
    ReviewAction(
        "pending_diff", "D", "D", "git diff",
        "Show the file's changes that a commit would record (git diff HEAD), highlighted.",
        VIEW, False,
    ),
    ReviewAction("help", "question_mark", "?", "help", "Show every key.", VIEW),
    ReviewAction("quit", "q", "q", "quit", "Quit; everything is already saved.", VIEW),
    ReviewAction(
        "save", "ctrl+s", "ctrl+s", "save",
        "In the editor: save the text as a new revision.", EDITOR,
    ),
    ReviewAction(
        "discard", "escape", "escape", "discard",
        "In the editor: close, asking before discarding changes.", EDITOR,
    ),
)  # fmt: skip

BY_NAME = {action.name: action for action in ACTIONS}


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
