"""Choosing who drafts (`A`): the reviewers to pick from, for the selected item or, with
`*`, for every item the list shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pctui.app.widgets.wrapped_text import WrappedText
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.model.records import Consultation


@dataclass(frozen=True)
class AssignChoice:
    """Who was chosen ("": nobody) and for which items."""

    to: str
    numbers: tuple[int, ...]


class AssignScreen(ModalScreen[AssignChoice | None]):
    """The reviewers, each with how many items they draft; enter assigns, `*` switches
    between the selected item and every item shown, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "cancel", id="pctui.assign.cancel"),
        Binding("asterisk", "toggle_scope", "scope", id="pctui.assign.scope"),
    ]

    def __init__(self, consultation: Consultation, selected: int, shown: list[int]) -> None:
        super().__init__()
        self._selected = selected
        self._shown = tuple(shown)
        self.every = False  # True: every item shown, not only the selected one
        drafting: dict[str, int] = {}
        for item in consultation.items:
            if item.assignee:
                drafting[item.assignee] = drafting.get(item.assignee, 0) + 1
        self._choices = [
            (_("{login} (drafts {count})").format(login=inert(login), count=drafting.get(login, 0)),
             login)
            for login in consultation.review.reviewers
        ]  # fmt: skip
        self._choices.append((_("nobody (take off the assignee)"), ""))

    @property
    def numbers(self) -> tuple[int, ...]:
        """The items an assignment made now would change."""
        return self._shown if self.every else (self._selected,)

    def _scope(self) -> str:
        if self.every:
            return _("Assign every item shown ({count}) to:").format(count=len(self._shown))
        return _("Assign No.{no} to:").format(no=self._selected)

    def compose(self) -> ComposeResult:
        """The scope, the reviewers and the keys."""
        with Vertical(classes="dialog", id="assign"):
            yield WrappedText(self._scope(), id="assign-scope")
            yield OptionList(*[Option(Text(label)) for label, _login in self._choices])
            # On one line at 80 columns, in Japanese too: "escape:" went on a line and
            # "cancel" on the next.
            keys = _("enter: assign   *: this item / all shown   escape: cancel")
            yield Static(keys, classes="dialog-keys")

    def action_toggle_scope(self) -> None:
        """Switch between the selected item and every item the list shows."""
        self.every = not self.every
        self.query_one("#assign-scope", WrappedText).text = self._scope()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Assign to the chosen reviewer."""
        event.stop()
        self.dismiss(AssignChoice(self._choices[event.option_index][1], self.numbers))

    def action_cancel(self) -> None:
        """Close without assigning."""
        self.dismiss(None)
