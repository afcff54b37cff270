"""Editing a draft response in the app (`e`): ctrl+s saves a new revision, escape asks
before throwing changes away."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TextArea

from pctui.app.render.texts import inert_text
from pctui.app.review_actions import EDITOR, bindings, translated
from pctui.app.screens.confirm import ConfirmScreen
from pctui.app.screens.phrase_picker import pick_phrase
from pctui.app.widgets.inert_fields import PlainInput
from pctui.app.widgets.inert_text_area import InertTextArea
from pctui.base.inert import inert, suspicious
from pctui.i18n import _, ngettext
from pctui.session.phrase_book import PhraseBook

# Textual's TextArea wraps a whole line again at each key press: 0.5 s for a line of
# 20,000 characters, seconds for a megabyte. Longer lines go to the reviewer's own editor.
LONGEST_LINE = 10_000


def too_long_to_edit(no: int, text: str) -> str:
    """Why `text` cannot be edited here (a line longer than LONGEST_LINE), or ""."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest <= LONGEST_LINE:
        return ""
    return _("No.{no}: a line of this response is {length} characters long, too long to edit "
             "here (at most {limit}); E opens it in your own editor.").format(
        no=no, length=f"{longest:,}", limit=f"{LONGEST_LINE:,}")  # fmt: skip


# Characters Textual's TextArea takes for line ends (it splits lines as str.splitlines does).
LINE_BREAKING = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def hidden_note(text: str) -> str:
    """What the editor's title says about control and invisible characters in `text`:
    that they are shown as marks, and which ones become line breaks on saving ("" when
    there are none)."""
    marks = len(suspicious(text))
    if not marks:
        return ""
    breaking = sum(1 for char in text.replace("\r\n", "\n") if char in LINE_BREAKING)
    kept = (ngettext("{count} of them (CR, VT, FF, NEL …) becomes a line break if you save",
                     "{count} of them (CR, VT, FF, NEL …) become line breaks if you save",
                     breaking).format(count=breaking)
            if breaking else _("kept unless deleted"))  # fmt: skip
    return ngettext(
        " (it holds {count} control or invisible character, shown as ␛ … or ⌧; {kept})",
        " (it holds {count} control or invisible characters, shown as ␛ … or ⌧; {kept})",
        marks,
    ).format(count=marks, kept=kept)


@dataclass(frozen=True)
class Edited:
    """The text to save, an optional note, and the revision the edit started from."""

    text: str
    note: str | None
    base: int


class EditScreen(Screen[Edited | None]):
    """A text area holding the current draft, and a one-line note on why it changed.

    The summary of an item's opinions (`o`, format 2) is written here too, with the same
    keys: `heading` and `aside` then title the screen and the opinions' pane, and there is
    no note (a summary's revision has none)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(EDITOR)
    AUTO_FOCUS = "#editor"

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's type)

    def __init__(
        self,
        no: int,
        text: str,
        base: int,
        opinion: str = "",
        phrases: Callable[[], PhraseBook] | None = None,
        *,
        heading: str | None = None,
        aside: str | None = None,
        note: bool = True,
    ) -> None:
        super().__init__()
        self._heading = heading  # the screen's title when not a response's ("Editing No.…")
        self._aside = aside  # the title of the pane beside the editor when not "the opinion"
        self._note = note  # whether a note on why it changed is asked for
        self._phrases = phrases  # the standard phrases for this item, read when asked for
        self._no = no
        self._opinion = opinion
        self._original = text
        self._base = base
        self._opened = text

    def compose(self) -> ComposeResult:
        """Title, text area, note, footer."""
        with Vertical(id="edit"):
            if self._heading is not None:
                title = self._heading
            elif self._base:
                title = _("Editing No.{no}, starting from revision {revision}")
            else:
                title = _("Editing No.{no}, starting from an empty draft")
            title = title.format(no=self._no, revision=self._base) + hidden_note(self._original)
            yield Static(title, id="edit-title", markup=False)
            with Horizontal(id="edit-panes"):
                # The opinion being answered, beside the editor when there is room.
                with VerticalScroll(id="edit-opinion"):
                    yield Static(inert_text(self._opinion))
                yield InertTextArea(self._original, id="editor", soft_wrap=True)
            if self._note:
                yield PlainInput(placeholder=_("note: why it changed (optional)"), id="note")
        yield Footer()

    def on_mount(self) -> None:
        """Title the opinion's box."""
        aside = self._aside if self._aside is not None else _("the opinion, No.{no}")
        self.query_one("#edit-opinion").border_title = aside.format(no=self._no)
        # The text as the text area holds it: a CR or a form feed in the original is a line
        # end there, so comparing with the original would call an untouched text changed.
        self._opened = self.query_one("#editor", TextArea).text

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The active bindings, their footer labels in the current language."""
        return translated(super().active_bindings)

    @property
    def changed(self) -> bool:
        """True when the text differs from what the editor opened with."""
        return self.query_one("#editor", TextArea).text != self._opened

    def action_save(self) -> None:
        """Close and hand the text over to be saved (trailing blank lines dropped); an
        untouched text is handed over as it was, for the model to say nothing changed."""
        note = self._note_text()
        if not self.changed:
            self.dismiss(Edited(self._original, note, self._base))
            return
        text = self.query_one("#editor", TextArea).text.rstrip("\n")
        self.dismiss(Edited(text, note, self._base))

    def _note_text(self) -> str | None:
        """The note typed (None when empty or not asked for)."""
        if not self._note:
            return None
        return self.query_one("#note", Input).value.strip() or None

    def action_insert_phrase(self) -> None:
        """Pick a standard phrase and insert it at the text's cursor."""

        def insert(text: str) -> None:
            area = self.query_one("#editor", TextArea)
            area.insert(text)
            area.focus()

        pick_phrase(self, self._phrases, insert)

    def action_discard(self) -> None:
        """Close; when something was changed, ask first."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        preview = inert(self._original[:20])
        question = _("Discard your changes to No.{no}? (the file keeps “{preview}…”)").format(
            no=self._no, preview=preview
        )
        self.app.push_screen(ConfirmScreen(question), answered)
