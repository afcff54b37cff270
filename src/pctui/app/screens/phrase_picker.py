"""The standard phrase picker (定型句, `ctrl+t` in the editor): type part of a phrase's id or
text, choose with the arrows, enter inserts it filled in for the item, escape cancels.
Which phrases and in what order is `pctui.model.phrase_picking`."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from pctui.app.widgets.inert_fields import PlainInput
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.model.phrase_picking import Choice, Fit, search
from pctui.session.phrase_book import PhraseBook


def choice_prompt(choice: Choice) -> Text:
    """One choice as listed: its id (and, for a phrase written for other classes, which),
    then the text that would be inserted."""
    prompt = Text(inert(choice.phrase.id), style="bold")
    if choice.fit == Fit.OTHER:
        classes = "、".join(inert(label) for label in choice.phrase.classes)
        prompt.append("  " + _("(written for {classes})").format(classes=classes), style="italic")
    prompt.append("\n" + inert(choice.filled))
    return prompt


class PhrasePicker(ModalScreen[str | None]):
    """A search line above the phrases; dismisses with the chosen phrase's filled text, or
    None when cancelled. The search line keeps the focus: the arrows move the choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="pctui.phrases.cancel"),
        Binding("down", "move('cursor_down')", show=False, id="pctui.phrases.down"),
        Binding("up", "move('cursor_up')", show=False, id="pctui.phrases.up"),
        Binding("pagedown", "move('page_down')", show=False, id="pctui.phrases.page_down"),
        Binding("pageup", "move('page_up')", show=False, id="pctui.phrases.page_up"),
    ]
    AUTO_FOCUS = "#phrase-search"

    def __init__(self, no: int, choices: list[Choice]) -> None:
        super().__init__()
        self._no = no
        self._choices = choices
        self._shown = list(choices)

    def compose(self) -> ComposeResult:
        """The search line, the phrases, where nothing matches, and the keys."""
        with Vertical(classes="dialog", id="phrase-picker"):
            yield PlainInput(placeholder=_("search the phrases' ids and texts"), id="phrase-search")
            yield OptionList(*self._options(), id="phrase-choices")
            yield Static("", id="phrase-none", classes="dialog-problem")
            yield Static(_("↑↓: choose   enter: insert   escape: cancel"), classes="dialog-keys")

    def on_mount(self) -> None:
        """Title the box; the list never takes the focus from the search line."""
        box = self.query_one("#phrase-picker")
        box.border_title = _("standard phrases for No.{no}").format(no=self._no)
        self.query_one("#phrase-choices", OptionList).can_focus = False
        self._show()

    def _options(self) -> list[Option]:
        return [Option(choice_prompt(choice), id=str(n)) for n, choice in enumerate(self._shown)]

    def _show(self) -> None:
        choices = self.query_one("#phrase-choices", OptionList)
        choices.set_options(self._options())
        choices.highlighted = 0 if self._shown else None
        choices.display = bool(self._shown)
        none = self.query_one("#phrase-none", Static)
        none.update(_("No phrase matches; backspace to widen the search."))
        none.display = not self._shown

    @property
    def shown(self) -> list[Choice]:
        """The choices listed now, in order."""
        return list(self._shown)

    def on_input_changed(self, event: Input.Changed) -> None:
        """List the phrases matching what is typed, best first."""
        event.stop()
        self._shown = search(self._choices, event.value)
        self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Insert the highlighted phrase (nothing happens while none matches)."""
        event.stop()
        at = self.query_one("#phrase-choices", OptionList).highlighted
        if at is not None and self._shown:
            self.dismiss(self._shown[at].filled)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a phrase inserts it too."""
        event.stop()
        self.dismiss(self._shown[event.option_index].filled)

    def action_move(self, how: str) -> None:
        """Move the highlight in the list while the search line keeps the focus."""
        choices = self.query_one("#phrase-choices", OptionList)
        getattr(choices, f"action_{how}")()

    def action_cancel(self) -> None:
        """Close without inserting anything."""
        self.dismiss(None)


def pick_phrase(
    screen: Widget,
    phrases: Callable[[], PhraseBook] | None,
    insert: Callable[[str], None],
) -> None:
    """Open the picker over `screen` (an editor) with the phrases `phrases()` reads now,
    and `insert` the chosen one; without phrases, say why (where a phrases.toml would be
    read)."""
    book = phrases() if phrases is not None else PhraseBook()
    if not book.choices:
        problem = book.problem or _("No standard phrases for this text.")
        screen.notify(inert(problem), severity="warning", timeout=10, markup=False)
        return

    def chosen(text: str | None) -> None:
        if text is not None:
            insert(text)

    screen.app.push_screen(PhrasePicker(book.no, book.choices), chosen)
