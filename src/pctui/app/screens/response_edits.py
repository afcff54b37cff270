"""Changing an item from the review screen through a dialog or an editor: the comment a
request for changes needs (`x`), the draft response edited in the app (`e`) or in the
reviewer's own editor (`E`). What is saved, and how, is `pctui.session.operations`."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported
from textual.widget import AwaitMount

from pctui.app.host import host_of
from pctui.app.screens.comment import CommentScreen
from pctui.i18n import _
from pctui.model.actions import comment_problem
from pctui.model.records import REJECT, Item
from pctui.session import operations
from pctui.session.editor import run_editor
from pctui.session.operations import ERROR, Outcome
from pctui.session.phrase_book import PhraseBook, phrase_book

if TYPE_CHECKING:
    from pctui.app.screens.edit import Edited
    from pctui.app.screens.review import MainScreen


def request_changes(screen: MainScreen, item: Item) -> AwaitMount | None:
    """Ask for a comment, then request changes to the revision shown now (refused before
    asking for a login that is not a reviewer: None)."""
    if refusal := operations.refused_to_a_non_reviewer(screen.file.consultation, screen.login):
        screen.say(refusal)
        return None
    no, seen = item.no, item.current_index
    basis = operations.shown_basis(screen.file, item)  # the opinions and summary on screen

    def send(comment: str | None) -> None:
        if comment is not None:
            outcome = operations.request_changes(
                screen.file, no, screen.login, comment, seen, basis
            )
            screen.report(outcome)

    title = _("Request changes to No.{no} revision {revision}: what should change?").format(
        no=no, revision=seen
    )
    problem = partial(comment_problem, REJECT)
    return screen.app.push_screen(CommentScreen(title, problem), send)


def save_edit(screen: MainScreen, no: int, edited: Edited | None) -> None:
    """Save `edited` (None: the editing was cancelled) as item `no`'s new revision."""
    if edited is None:
        return
    screen.report(operations.save_revision(
        screen.file, no, screen.login, edited.text, edited.base, edited.note
    ))  # fmt: skip


def edit_here(screen: MainScreen, item: Item) -> AwaitMount | None:
    """Edit the draft response in the app's edit screen (None: too long to, said why)."""
    from pctui.app.screens.edit import EditScreen, too_long_to_edit  # TextArea: only here

    no = item.no
    text = item.current.text if item.current else ""
    if too_long := too_long_to_edit(no, text):
        screen.say(Outcome(too_long, ERROR, False))
        return None

    def phrases() -> PhraseBook:
        return phrase_book(screen.file.path, screen.file.consultation, no)

    edit = EditScreen(no, text, item.current_index, item.opinion, phrases)
    return screen.app.push_screen(edit, lambda edited: save_edit(screen, no, edited))


def edit_outside(screen: MainScreen, item: Item) -> bool:
    """Edit the draft response in $VISUAL / $EDITOR, the app stepping aside meanwhile;
    whether the editor had the terminal (False: this terminal cannot hand over, said so)."""
    text = item.current.text if item.current else ""
    base = item.current_index
    try:
        with screen.app.suspend():
            result = run_editor(text, f"pctui-No{item.no}.txt")
    except SuspendNotSupported:
        message = _("This terminal cannot hand over to an editor; use e.")
        screen.say(Outcome(message, ERROR, False))
        return False
    if host_of(screen).hung_up.is_set():
        return True  # the connection dropped while the editor ran: no edit was confirmed
    if result.text is None:
        screen.say(Outcome(result.problem, ERROR, False))
    elif result.text == text:
        message = _("No.{no}: text unchanged; nothing saved.").format(no=item.no)
        screen.say(Outcome(message, changed=False))
    else:
        from pctui.app.screens.edit import Edited

        save_edit(screen, item.no, Edited(result.text, None, base))
    return True
