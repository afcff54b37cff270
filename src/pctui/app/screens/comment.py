"""One line asked for in a dialog: the comment that a request for changes needs, and the
answers the opinion actions of format 2 ask for (a label, an item's No.). A summary, often
several paragraphs, is written in the editor instead (`screens.edit`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pctui.app.at_once import keys_taken
from pctui.app.widgets.inert_fields import PlainInput
from pctui.app.widgets.wrapped_text import WrappedText
from pctui.i18n import _


class CommentScreen(ModalScreen[str | None]):
    """One line of comment; enter sends it, escape cancels (dismisses with None).

    `problem(comment)` says why a comment cannot be sent (None: it can). The dialog then
    stays open and says so, with the comment typed so far: closing it would lose that and
    leave the reviewer to press `x` again.
    """

    # With priority, run as the key arrives: the keys typed after enter or escape, in the
    # same burst over SSH, went into the closing dialog's field and were lost (`x`, the
    # reason, enter and `j` left the list where it was). See `pctui.app.at_once`.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "send", "send", id="pctui.comment.send", priority=True),
        Binding("escape", "cancel", "cancel", id="pctui.comment.cancel", priority=True),
    ]

    def __init__(
        self,
        title: str,
        problem: Callable[[str], str | None] | None = None,
        *,
        placeholder: str | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._problem = problem
        self._placeholder = placeholder  # None: a request for changes' comment

    def compose(self) -> ComposeResult:
        """A title, the input, where a problem is said, and the keys."""
        with Vertical(classes="dialog"):
            yield WrappedText(self._title)
            placeholder = self._placeholder or _("what should change?")
            yield PlainInput(placeholder=placeholder, id="comment")
            yield WrappedText("", id="comment-problem", classes="dialog-problem")
            yield Static(_("enter: send   escape: cancel"), classes="dialog-keys")

    @property
    def problem_shown(self) -> str:
        """What the dialog says is wrong with the comment ("" when nothing)."""
        return self.query_one("#comment-problem", WrappedText).text

    async def action_send(self) -> None:
        """Send the comment, or say why it cannot be sent and stay open."""
        field = self.query_one("#comment", Input)
        await keys_taken(field)
        value = field.value
        problem = self._problem(value) if self._problem is not None else None
        if problem:
            self.query_one("#comment-problem", WrappedText).text = problem
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Close without requesting changes."""
        self.dismiss(None)
