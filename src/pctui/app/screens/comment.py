"""Asking for the comment that a request for changes needs."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pctui.app.widgets.inert_fields import PlainInput
from pctui.i18n import _


class CommentScreen(ModalScreen[str | None]):
    """One line of comment; enter sends it, escape cancels (dismisses with None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="pctui.comment.cancel")
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        """A title, the input and the keys."""
        with Vertical(classes="dialog"):
            yield Static(self._title, markup=False)
            yield PlainInput(placeholder=_("what should change?"), id="comment")
            yield Static(_("enter: send   escape: cancel"), classes="dialog-keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Send the comment (the model refuses an empty one with a reason)."""
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without requesting changes."""
        self.dismiss(None)
