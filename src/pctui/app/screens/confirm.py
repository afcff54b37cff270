"""A yes/no question answered from the keyboard (y / n, escape = no)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from pctui.app.widgets.wrapped_text import WrappedText
from pctui.i18n import _


class ConfirmScreen(ModalScreen[bool]):
    """Ask `question`; dismisses with True for yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "yes", id="pctui.confirm.yes"),
        Binding("n,escape", "answer(False)", "no", id="pctui.confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        """The question and the keys that answer it."""
        with Vertical(classes="dialog"):
            yield WrappedText(self._question)
            yield Static(_("y: yes   n / escape: no"), classes="dialog-keys")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
