"""The search line at the bottom (`/`): enter applies, escape closes without changing."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from pctui.app.widgets.inert_fields import PlainInput
from pctui.i18n import _


class SearchBar(PlainInput):
    """An input for a substring searched in opinions and responses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", show=False),
        # Run by the screen as the key arrives (`pctui.app.at_once`): a key typed right
        # after enter went into the query ("/クラウド", enter, j searched "クラウドj").
        Binding("enter", "screen.apply_search", "apply", show=False, priority=True),
    ]

    class Cancelled(Message):
        """The reviewer closed the search without applying it."""

    def __init__(self) -> None:
        super().__init__(
            placeholder=_("search opinions and responses (enter: apply, escape: close)"),
            id="search",
        )

    def action_cancel(self) -> None:
        """Close without applying."""
        self.post_message(self.Cancelled())
