"""The key help (`?`), generated from the action registry."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from pctui.app.keys import ACTIONS, GROUPS
from pctui.i18n import N_, _


def help_table(keys_changed: dict[str, str] | None = None) -> Table:
    """Every action, grouped, with its keys (as rebound by `keys_changed`, binding id ->
    keys) and what it does; long help wraps in its column."""
    changed = keys_changed or {}
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1, overflow="fold")  # Japanese has no spaces to wrap at
    for number, group in enumerate(GROUPS):
        table.add_row(Text(_(group), style="bold underline"), "", end_section=False)
        for action in ACTIONS:
            if action.group == group:
                keys = changed.get(action.binding_id)
                shown = keys.replace(",", " ") if keys else action.display
                table.add_row(f"  {shown}", _(action.help))
        if number < len(GROUPS) - 1:
            table.add_row("", "")
    return table


FOOTNOTE = N_(
    "ctrl+p opens the command palette with every action that can run now. "
    "Every action is saved to the file at once; quitting asks only when a save failed "
    "(a full disk, a read-only file) and a change is still kept in memory."
)


class HelpScreen(ModalScreen[None]):
    """Keys and what they do; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "close", id="pctui.help.close")
    ]

    def __init__(self, keys_changed: dict[str, str] | None = None) -> None:
        super().__init__()
        self._keys_changed = keys_changed

    def compose(self) -> ComposeResult:
        """The help text in a scrollable box."""
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(help_table(self._keys_changed), id="help-keys")
            yield Static(_(FOOTNOTE), classes="dialog-keys", markup=False)

    def on_mount(self) -> None:
        """Title the box."""
        self.query_one("#help").border_title = _("pctui keys (escape closes)")

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
