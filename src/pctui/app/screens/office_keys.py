"""The review screen's keys for the drafting half of the day: `A` assigns the selected item
(or every item shown) to a reviewer, `i` writes an internal note, `h` shows the item's
history. A mixin of `MainScreen`, kept here so that the review screen stays short; what is
saved, and how, is `pctui.session.office_operations`."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from pctui.app.screens.assign import AssignChoice, AssignScreen
from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.item_history import HistoryScreen
from pctui.i18n import _
from pctui.session.office_operations import assign_items, write_note

if TYPE_CHECKING:
    from pctui.app.screens.review import MainScreen


def _note_problem(text: str) -> str | None:
    return _("the note is empty") if not text.strip() else None


class OfficeKeys:
    """`action_assign`, `action_note` and `action_history` of the review screen."""

    @property
    def _screen(self) -> MainScreen:
        # Only MainScreen mixes this in; mypy cannot say so of a mixin's `self`.
        return cast("MainScreen", self)

    def action_assign(self) -> None:
        """Choose who drafts the selected item, or every item shown."""
        screen = self._screen
        if (item := screen.selected) is None:
            return

        def chosen(choice: AssignChoice | None) -> None:
            if choice is not None:
                screen.report(assign_items(screen.file, choice.numbers, choice.to, screen.login))

        dialog = AssignScreen(screen.file.consultation, item.no, screen.table.numbers)
        screen.app.push_screen(dialog, chosen)

    def action_note(self) -> None:
        """Ask for an internal note on the selected item, then save it."""
        screen = self._screen
        if (item := screen.selected) is None:
            return
        no = item.no

        def send(text: str | None) -> None:
            if text is not None:
                screen.report(write_note(screen.file, no, screen.login, text))

        title = _("Internal note on No.{no} (never published):").format(no=no)
        placeholder = _("a note for the office")
        screen.app.push_screen(CommentScreen(title, _note_problem, placeholder=placeholder), send)

    def action_history(self) -> None:
        """Show every revision, sign-off, assignment and note of the selected item."""
        screen = self._screen
        if (item := screen.selected) is not None:
            screen.app.push_screen(HistoryScreen(screen.file, item.no))
