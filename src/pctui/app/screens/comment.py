"""One line asked for in a dialog: the comment that a request for changes needs, and the
answers the opinion actions of format 2 ask for (a summary, a label, an item's No.)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pctui.app.review_actions import BY_NAME
from pctui.app.screens.phrase_picker import pick_phrase
from pctui.app.widgets.inert_fields import PlainInput
from pctui.app.widgets.wrapped_text import WrappedText
from pctui.i18n import _
from pctui.session.phrase_book import PhraseBook

PHRASE = BY_NAME["insert_phrase"]  # the editor's key, and its id: one keymap entry for both


class CommentScreen(ModalScreen[str | None]):
    """One line of comment; enter sends it, escape cancels (dismisses with None).

    `problem(comment)` says why a comment cannot be sent (None: it can). The dialog then
    stays open and says so, with the comment typed so far: closing it would lose that and
    leave the reviewer to press `x` again.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="pctui.comment.cancel"),
        Binding(PHRASE.keys, PHRASE.name, PHRASE.label, show=False, id=PHRASE.binding_id),
    ]

    def __init__(
        self,
        title: str,
        problem: Callable[[str], str | None] | None = None,
        *,
        placeholder: str | None = None,
        value: str = "",
        phrases: Callable[[], PhraseBook] | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._problem = problem
        self._placeholder = placeholder  # None: a request for changes' comment
        self._value = value  # what the line holds at first (the summary being revised)
        self._phrases = phrases  # the standard phrases on offer (the summary's), or none

    def compose(self) -> ComposeResult:
        """A title, the input, where a problem is said, and the keys."""
        with Vertical(classes="dialog"):
            yield WrappedText(self._title)
            placeholder = self._placeholder or _("what should change?")
            yield PlainInput(self._value, placeholder=placeholder, id="comment")
            yield WrappedText("", id="comment-problem", classes="dialog-problem")
            if self._phrases is None:
                keys = _("enter: send   escape: cancel")
            else:
                keys = _("enter: send   ctrl+t: standard phrase   escape: cancel")
            yield Static(keys, classes="dialog-keys")

    @property
    def problem_shown(self) -> str:
        """What the dialog says is wrong with the comment ("" when nothing)."""
        return self.query_one("#comment-problem", WrappedText).text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Send the comment, or say why it cannot be sent and stay open."""
        event.stop()
        problem = self._problem(event.value) if self._problem is not None else None
        if problem:
            self.query_one("#comment-problem", WrappedText).text = problem
            return
        self.dismiss(event.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The phrase key only where phrases are on offer (not in a request's comment)."""
        return self._phrases is not None if action == PHRASE.name else True

    def action_insert_phrase(self) -> None:
        """Pick a standard phrase and insert it at the line's cursor."""
        pick_phrase(self, self._phrases, self.query_one("#comment", Input).insert_text_at_cursor)

    def action_cancel(self) -> None:
        """Close without requesting changes."""
        self.dismiss(None)
