"""The review screen's keys for a format-2 item's opinions: `o` writes the summary (its
overview, often several sentences and paragraphs) in the response's editor, `m` moves an
opinion to another item, `M` merges the item into another, `S` splits opinions off into a
new item, each asking for one line in a dialog. Each saves at once through
`pctui.session.opinion_actions`; in a format-1 file, or for a login that is not a
reviewer, each is refused before asking.

`OpinionKeys` is mixed into the review screen (`MainScreen`), which keeps the rest of its
actions in its own module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.widget import AwaitMount

from pctui.app.at_once import Opened, opens_at_once
from pctui.app.screens.comment import CommentScreen
from pctui.i18n import _
from pctui.model.records import Item
from pctui.session import opinion_actions
from pctui.session.phrase_book import PhraseBook, phrase_book

if TYPE_CHECKING:
    from pctui.app.screens.review import MainScreen


def _ready(screen: MainScreen) -> Item | None:
    """The selected item, or None (said why) when the file is format 1, the login not a
    reviewer (drafts only), or none is selected."""
    item = screen.selected
    if item is None:
        return None
    refused = opinion_actions.refused_before_asking(screen.file.consultation, screen.login)
    if refused is not None:
        screen.say(refused)
        return None
    return item


def _labels(item: Item) -> str:
    return ", ".join(opinion.label for opinion in item.opinions)


def write_summary(screen: MainScreen) -> AwaitMount | None:
    """Edit the summary (the current one to revise) in a text area of several lines, the
    item's opinions beside it, with the response editor's keys (ctrl+s saves, escape
    closes, ctrl+t inserts a phrase); then save it."""
    from pctui.app.screens.edit import Edited, EditScreen  # TextArea: only here

    if (item := _ready(screen)) is None:
        return None
    no = item.no

    def send(edited: Edited | None) -> None:
        if edited is not None:
            screen.report(opinion_actions.write_summary(screen.file, no, screen.login, edited.text))

    def phrases() -> PhraseBook:
        return phrase_book(screen.file.path, screen.file.consultation, no)

    current = item.summary.text if item.summary else ""
    opinions = "\n\n".join(f"{o.label}　{o.text}" for o in item.opinions)
    editor = EditScreen(
        no,
        current,
        len(item.summaries),
        opinions,
        phrases,
        heading=_("The summary of No.{no}'s opinions:"),
        aside=_("its opinions, No.{no}"),
        note=False,
    )
    return screen.app.push_screen(editor, send)


def move_opinion(screen: MainScreen) -> AwaitMount | None:
    """Ask for an opinion's label and the No. of the item it goes to, then move it."""
    if (item := _ready(screen)) is None:
        return None
    no = item.no

    def send(text: str | None) -> None:
        if text is not None and (read := opinion_actions.read_move(text)) is not None:
            label, to = read
            screen.report(opinion_actions.move(screen.file, no, label, to, screen.login))

    def problem(text: str) -> str | None:
        if opinion_actions.read_move(text) is not None:
            return None
        return _("type the opinion's label, a space, then the No. of the item it goes to")

    title = _("Move an opinion of No.{no} (labels: {labels}) to another item:").format(
        no=no, labels=_labels(item)
    )
    placeholder = _("label No., e.g. {label} 12").format(label=item.opinions[-1].label)
    return screen.app.push_screen(CommentScreen(title, problem, placeholder=placeholder), send)


def merge_item(screen: MainScreen) -> AwaitMount | None:
    """Ask for the No. of the item to merge into, then merge the selected item into it."""
    if (item := _ready(screen)) is None:
        return None
    no = item.no

    def send(text: str | None) -> None:
        if text is not None and (into := opinion_actions.read_no(text)) is not None:
            screen.report(opinion_actions.merge(screen.file, no, into, screen.login), select=into)

    def problem(text: str) -> str | None:
        return None if opinion_actions.read_no(text) is not None else _("type an item's No.")

    title = _(
        "Merge No.{no} into which item? Its opinions go there; No.{no} leaves the file "
        "(git keeps its history)."
    ).format(no=no)
    return screen.app.push_screen(CommentScreen(title, problem, placeholder=_("No.")), send)


def split_item(screen: MainScreen) -> AwaitMount | None:
    """Ask for the labels of the opinions to split off, then make the new item of them."""
    if (item := _ready(screen)) is None:
        return None
    no = item.no

    def send(text: str | None) -> None:
        if text is not None:
            labels = opinion_actions.read_labels(text)
            outcome, new = opinion_actions.split(screen.file, no, labels, screen.login)
            screen.report(outcome, select=new)

    def problem(text: str) -> str | None:
        return None if opinion_actions.read_labels(text) else _("type one label or more")

    title = _("Split opinions of No.{no} (labels: {labels}) off into a new item:").format(
        no=no, labels=_labels(item)
    )
    placeholder = _("labels, separated by spaces")
    return screen.app.push_screen(CommentScreen(title, problem, placeholder=placeholder), send)


class OpinionKeys:
    """The opinion actions as the review screen's `action_` methods (a mixin of MainScreen)."""

    @opens_at_once
    def action_write_summary(self) -> Opened:
        """Write or revise the summary of the selected item's opinions."""
        return write_summary(cast("MainScreen", self))

    @opens_at_once
    def action_move_opinion(self) -> Opened:
        """Move one of the selected item's opinions to another item."""
        return move_opinion(cast("MainScreen", self))

    @opens_at_once
    def action_merge_item(self) -> Opened:
        """Merge the selected item into another."""
        return merge_item(cast("MainScreen", self))

    @opens_at_once
    def action_split_item(self) -> Opened:
        """Split opinions off the selected item into a new one."""
        return split_item(cast("MainScreen", self))
