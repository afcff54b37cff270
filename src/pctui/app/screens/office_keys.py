"""The review screen's keys for the drafting half of the day: `A` assigns the selected item
(or every item shown) to a reviewer, `i` writes an internal note, `h` shows the item's
history, `I` opens the intake's groups (only when the consultation has a registry), and
what each key needs on screen to run. A mixin of `MainScreen`, kept here so that the
review screen stays short; what is saved, and how, is `pctui.session.office_operations`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from pctui.app.at_once import Opened, opens_at_once
from pctui.app.review_actions import ITEM, REGISTRY, ROWS, Needs
from pctui.app.screens.assign import AssignChoice, AssignScreen
from pctui.app.screens.comment import CommentScreen
from pctui.i18n import _
from pctui.intake.location import registry_path
from pctui.model.records import Item
from pctui.session.office_operations import assign_items, write_note
from pctui.session.operations import refused_to_a_non_reviewer

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

    def _refused(self) -> bool:
        """True, said why, when the login is not a reviewer: assigning and notes are a
        reviewer's, refused before a dialog asks for anything."""
        screen = self._screen
        refusal = refused_to_a_non_reviewer(screen.file.consultation, screen.login)
        if refusal is not None:
            screen.say(refusal)
        return refusal is not None

    @opens_at_once
    def action_assign(self) -> Opened:
        """Choose who drafts the selected item, or every item shown."""
        screen = self._screen
        if (item := screen.selected) is None or self._refused():
            return None

        def chosen(choice: AssignChoice | None) -> None:
            if choice is not None:
                screen.report(assign_items(screen.file, choice.numbers, choice.to, screen.login))

        dialog = AssignScreen(screen.file.consultation, item.no, screen.table.numbers)
        return screen.app.push_screen(dialog, chosen)

    @opens_at_once
    def action_note(self) -> Opened:
        """Ask for an internal note on the selected item, then save it."""
        screen = self._screen
        if (item := screen.selected) is None or self._refused():
            return None
        no = item.no

        def send(text: str | None) -> None:
            if text is not None:
                screen.report(write_note(screen.file, no, screen.login, text))

        title = _("Internal note on No.{no} (never published):").format(no=no)
        placeholder = _("a note for the office")
        dialog = CommentScreen(title, _note_problem, placeholder=placeholder)
        return screen.app.push_screen(dialog, send)

    @opens_at_once
    def action_history(self) -> Opened:
        """Show every revision, sign-off, assignment and note of the selected item."""
        from pctui.app.screens.item_history import HistoryScreen  # git's modules: not at open

        screen = self._screen
        if (item := screen.selected) is not None:
            return screen.app.push_screen(HistoryScreen(screen.file, item.no))
        return None

    def needs_met(self, needs: Needs | None, item: Item | None) -> bool | None:
        """Whether what an action needs is on screen: True, None (not now: dimmed) or False
        (not in this consultation: hidden, as the groups' key without a registry)."""
        screen = self._screen
        if needs == REGISTRY:
            return self._registry().exists()
        if (needs == ITEM and item is None) or (needs == ROWS and not screen.table.row_count):
            return None
        return True

    def _registry(self) -> Path:
        file = self._screen.file
        return registry_path(file.path, file.consultation)

    @opens_at_once
    def action_groups(self) -> Opened:
        """Show the intake's groups, to turn them into items."""
        from pctui.app.screens.grouping import GroupScreen  # the intake's modules: not at open

        screen = self._screen
        if not self._registry().exists():
            return None

        def back(_: None) -> None:
            screen.refresh_view()  # accepted groups are new items, attached ones new opinions

        return screen.app.push_screen(GroupScreen(screen.file, self._registry()), back)
