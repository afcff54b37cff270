"""The one registry of review actions: key, footer label, palette entry, help text, and
what must be on screen for each to run.

Every key of the review screen is defined here once. The screen's bindings, the footer,
the help screen and the command palette are all generated from this table, so they can
never disagree. Each binding has an id (`pctui.<name>`), so a keymap can rebind it with
`App.set_keymap({"pctui.approve": "A"})`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from textual.app import SystemCommand
from textual.binding import ActiveBinding, Binding, BindingType
from textual.screen import Screen

from pctui.i18n import N_, _

# Group names, labels and help are English here and translated where they are shown.
MOVE = N_("Move")
REVIEW = N_("Review")
OPINIONS = N_("Opinions")  # format 2: an item's opinions and their summary
DIFF = N_("Diff")
VIEW = N_("View")
EDITOR = N_("Editor")  # keys of the edit screen, listed in the help, not bound on the review screen
GROUPS = (MOVE, REVIEW, OPINIONS, DIFF, VIEW, EDITOR)


# The keys that move in the focused widget (the list, the item's panes, a table): bound as
# usual, so that the widget has them first (see `ReviewAction.bindings`).
NAVIGATION_KEYS = frozenset({"up", "down", "left", "right", "home", "end", "pageup", "pagedown"})


def at_once_key(key: str) -> bool:
    """Whether `key` (a Textual key name) is bound with priority, run as it arrives."""
    return key not in NAVIGATION_KEYS


class Needs(StrEnum):
    """What must be on screen for an action to run; the screen disables (dims) it otherwise."""

    NOTHING = "nothing"
    ITEM = "item"  # a selected item
    ROWS = "rows"  # a list with at least one row
    REGISTRY = "registry"  # an intake registry beside the consultation (hidden otherwise)


ITEM, ROWS, REGISTRY = Needs.ITEM, Needs.ROWS, Needs.REGISTRY


@dataclass(frozen=True, kw_only=True)
class ReviewAction:
    """One thing a reviewer can do from the review screen. Keyword fields only: a row of
    seven strings and flags read positionally said nothing about which was which."""

    name: str  # the screen's `action_<name>` method and the binding id's suffix
    keys: str  # Textual key names, comma-separated
    display: str  # how the keys are written in help and docs
    label: str  # short footer label
    help: str  # one sentence for the help screen and the palette
    group: str
    needs: Needs = Needs.NOTHING
    footer: bool = True  # shown in the footer (space is short at 80 columns)

    @property
    def binding_id(self) -> str:
        """The id of this action's binding, for keymaps."""
        return f"pctui.{self.name}"

    def bindings(self, binding_id: str | None = None) -> list[Binding]:
        """This action's bindings: its keys, footer label, key display and help as tooltip,
        with `binding_id` (default: `binding_id`, the one a keymap names).

        The keys are bound with priority, run as they arrive in the order they came
        (`pctui.app.at_once`), but for the arrows, home, end and the page keys, bound as
        usual, so that the focused widget has them first: they scroll the item's panes
        when those have the focus. The editor's keys are never priority: there the text
        area has every key first."""
        typed = [key for key in self.keys.split(",") if at_once_key(key)]
        named = [key for key in self.keys.split(",") if not at_once_key(key)]
        if self.group == EDITOR:
            typed, named = [], typed + named
        return [
            Binding(
                ",".join(keys),
                self.name,
                self.label,
                show=self.footer and not (priority is False and typed),  # listed once
                # The shortest way to type it ("q" of "escape q"): room is short at 80 columns.
                key_display=min(self.display.split(), key=len),
                tooltip=self.help,
                id=binding_id or self.binding_id,
                priority=priority,
            )
            for keys, priority in ((typed, True), (named, False))
            if keys
        ]

    @property
    def palette_name(self) -> str:
        """The command palette entry: "category: action", in the current language."""
        # Not lower-cased: "$VISUAL" and "HEAD" are names, and Japanese has no case.
        action = re.split("[;；]", _(self.help))[0].rstrip(".。")
        if self.group == EDITOR:  # "In the editor: save …": the category says where already
            action = re.split("[:：]", action, maxsplit=1)[-1].strip()
        return f"{_(self.group)}: {action}"


ACTIONS: tuple[ReviewAction, ...] = (
    ReviewAction(
        name="next_item", keys="j,down", display="j ↓", group=MOVE, needs=ROWS, footer=False,
        label=N_("next"), help=N_("Next item in the list."),
    ),
    ReviewAction(
        name="previous_item", keys="k,up", display="k ↑", group=MOVE, needs=ROWS, footer=False,
        label=N_("prev"), help=N_("Previous item in the list."),
    ),
    ReviewAction(
        name="first_item", keys="g,home", display="g", group=MOVE, needs=ROWS, footer=False,
        label=N_("first"), help=N_("First item in the list."),
    ),
    ReviewAction(
        name="last_item", keys="G,end", display="G", group=MOVE, needs=ROWS, footer=False,
        label=N_("last"), help=N_("Last item in the list."),
    ),
    ReviewAction(
        name="next_needing", keys="n", display="n", group=MOVE, footer=False,
        label=N_("next mine"), help=N_("Next item that needs my sign-off."),
    ),
    ReviewAction(
        name="previous_needing", keys="N", display="N", group=MOVE, footer=False,
        label=N_("prev mine"), help=N_("Previous item that needs my sign-off."),
    ),
    ReviewAction(
        name="switch_focus", keys="tab,enter", display="tab enter", group=MOVE, footer=False,
        label=N_("focus"), help=N_("Move focus between the item list and the item's panes."),
    ),
    ReviewAction(
        name="page_item", keys="space", display="space", group=MOVE, footer=False,
        label=N_("page"),
        help=N_("Scroll the item's panes down one screen; from the end, back to the top."),
    ),
    ReviewAction(
        name="approve", keys="a", display="a", group=REVIEW, needs=ITEM,
        label=N_("approve"),
        help=N_("Approve the current revision; at the first stage I may sign."),
    ),
    ReviewAction(
        name="request_changes", keys="x", display="x", group=REVIEW, needs=ITEM,
        label=N_("changes"),
        help=N_("Request changes to the current revision; asks for a comment."),
    ),
    ReviewAction(
        name="withdraw", keys="u", display="u", group=REVIEW, needs=ITEM,
        label=N_("withdraw"), help=N_("Withdraw my sign-off on the current revision."),
    ),
    ReviewAction(
        name="edit", keys="e", display="e", group=REVIEW, needs=ITEM,
        label=N_("edit"), help=N_("Edit the draft response here; ctrl+s saves a new revision."),
    ),
    ReviewAction(
        name="external_edit", keys="E", display="E", group=REVIEW, needs=ITEM, footer=False,
        label=N_("$EDITOR"),
        help=N_("Edit the draft response in $VISUAL or $EDITOR; saved as a new revision."),
    ),
    ReviewAction(
        name="assign", keys="A", display="A", group=REVIEW, needs=ITEM, footer=False,
        label=N_("assign"),
        help=N_(
            "Choose who drafts the selected item; * in the dialog: every item the list shows."
        ),
    ),
    ReviewAction(
        name="note", keys="i", display="i", group=REVIEW, needs=ITEM, footer=False,
        label=N_("note"),
        help=N_("Add an internal note (内部メモ) to the selected item; never published."),
    ),
    ReviewAction(
        name="commit", keys="c", display="c", group=REVIEW,
        label=N_("commit"),
        help=N_("Commit the sign-offs and revisions not yet committed, as pctui commit does."),
    ),
    # Format 2 only (a format-1 file refuses them, naming pctui migrate); not in the footer.
    ReviewAction(
        name="write_summary", keys="o", display="o", group=OPINIONS, needs=ITEM, footer=False,
        label=N_("summary"),
        help=N_(
            "Write or revise the summary of the item's opinions; in the editor, saved by ctrl+s."
        ),
    ),
    ReviewAction(
        name="move_opinion", keys="m", display="m", group=OPINIONS, needs=ITEM, footer=False,
        label=N_("move"),
        help=N_("Move one of the item's opinions to another item; saved at once."),
    ),
    ReviewAction(
        name="merge_item", keys="M", display="M", group=OPINIONS, needs=ITEM, footer=False,
        label=N_("merge items"),
        help=N_("Merge the item into another, which answers its opinions; saved at once."),
    ),
    ReviewAction(
        name="split_item", keys="S", display="S", group=OPINIONS, needs=ITEM, footer=False,
        label=N_("split"),
        help=N_("Split opinions off the item into a new, unanswered item; saved at once."),
    ),
    ReviewAction(
        name="cycle_diff", keys="d", display="d", group=DIFF, needs=ITEM, footer=False,
        # Not in the footer: the diff shows without it; its place at 80 columns went to c.
        label=N_("diff"), help=N_("Show the diff inline, side by side, or hide it."),
    ),
    ReviewAction(
        name="older_base", keys="left_square_bracket", display="[", group=DIFF, needs=ITEM,
        footer=False,
        label=N_("older"), help=N_("Diff from an older revision."),
    ),
    ReviewAction(
        name="newer_base", keys="right_square_bracket", display="]", group=DIFF, needs=ITEM,
        footer=False,
        label=N_("newer"), help=N_("Diff from a newer revision."),
    ),
    ReviewAction(
        name="search", keys="slash", display="/", group=VIEW,
        label=N_("search"), help=N_("Search opinions and responses."),
    ),
    ReviewAction(
        name="filter", keys="f", display="f", group=VIEW,
        label=N_("filter"), help=N_("Filter the list by state or section."),
    ),
    ReviewAction(
        name="board", keys="s", display="s", group=VIEW, footer=False,
        label=N_("board"),
        help=N_(
            "Show the progress board: bars by section, assignee and stage, the days left "
            "to publication, the items longest in their state."
        ),
    ),
    ReviewAction(
        name="groups", keys="I", display="I", group=VIEW, needs=REGISTRY, footer=False,
        label=N_("intake groups"),
        help=N_(
            "Show the intake's 同趣旨 groups, largest first, to accept, attach, split or "
            "merge them (only when the consultation has a registry)."
        ),
    ),
    ReviewAction(
        name="history", keys="h", display="h", group=VIEW, needs=ITEM, footer=False,
        label=N_("history"),
        help=N_(
            "Show the selected item's history: revisions with their changes, sign-offs, "
            "moves of opinions, merges and splits (naming the sign-offs each left stale), "
            "assignments and notes, each with its commit."
        ),
    ),
    ReviewAction(
        name="view_source", keys="v", display="v", group=VIEW, needs=ITEM, footer=False,
        label=N_("raw"),
        help=N_("Show the selected item's TOML as written in the file, highlighted."),
    ),
    ReviewAction(
        name="pending_diff", keys="D", display="D", group=VIEW, footer=False,
        label=N_("git diff"),
        help=N_("Show the file's changes that a commit would record (git diff HEAD), highlighted."),
    ),
    ReviewAction(
        name="help", keys="question_mark", display="?", group=VIEW,
        label=N_("help"), help=N_("Show every key."),
    ),
    ReviewAction(
        # Bound on every screen (`ReviewApp`); here for the help, the palette and keymaps.
        name="suspend", keys="ctrl+z", display="ctrl+z", group=VIEW, footer=False,
        label=N_("suspend"),
        help=N_(
            "Suspend pctui and go back to the shell; fg brings it back. In the editor's "
            "text, ctrl+z undoes instead."
        ),
    ),
    ReviewAction(
        name="quit", keys="q", display="q", group=VIEW,
        label=N_("quit"), help=N_("Quit; everything is already saved."),
    ),
    ReviewAction(
        name="save", keys="ctrl+s", display="ctrl+s", group=EDITOR,
        label=N_("save"), help=N_("In the editor: save the text as a new revision."),
    ),
    ReviewAction(
        name="insert_phrase", keys="ctrl+t", display="ctrl+t", group=EDITOR,
        # Not ctrl+p: that is the command palette.
        label=N_("phrase"),
        help=N_("In the editor (a response's or a summary's): insert a standard phrase."),
    ),
    ReviewAction(
        name="discard", keys="escape", display="escape", group=EDITOR,
        label=N_("discard"), help=N_("In the editor: close, asking before discarding changes."),
    ),
)  # fmt: skip

BY_NAME = {action.name: action for action in ACTIONS}
# What a keymap file may name, for `pctui.session.keymap.load_keymap`.
BINDING_IDS = {action.name: action.binding_id for action in ACTIONS}


def bindings(group: str | None = None) -> list[BindingType]:
    """Bindings, one per registered action (two when it has navigation keys and others,
    see `ReviewAction.bindings`), each with the action's id: those of `group` (EDITOR for
    the edit screen), or every other group's when None (the review screen)."""
    return [
        binding
        for action in ACTIONS
        if action.group == (group or action.group) and (group == EDITOR) == (action.group == EDITOR)
        for binding in action.bindings()
    ]


def palette_commands(screen: Screen[None]) -> Iterator[SystemCommand]:
    """A command palette entry for every review action `screen` can run now (as its
    `check_action` says); the editor's keys are not commands."""
    for action in ACTIONS:
        if action.group == EDITOR or screen.check_action(action.name, ()) is not True:
            continue

        async def run(name: str = action.name) -> None:
            await screen.run_action(name)

        yield SystemCommand(action.palette_name, _(action.help), run)


def editor_commands(screen: Screen[object]) -> Iterator[SystemCommand]:
    """A command palette entry for each editor key `screen` (the editor, or the summary's
    line) has and can run now: there, the review actions are not commands."""
    for action in ACTIONS:
        if action.group != EDITOR or not hasattr(screen, f"action_{action.name}"):
            continue
        if screen.check_action(action.name, ()) is not True:
            continue

        async def run(name: str = action.name) -> None:
            await screen.run_action(name)

        yield SystemCommand(action.palette_name, _(action.help), run)


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
