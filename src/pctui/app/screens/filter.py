"""Choosing what the list shows (`f`): a state, items needing my sign-off, a section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pctui.app.render.wrap import wrap
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.model.actions import turn_test
from pctui.model.records import Consultation, Item
from pctui.model.state import STATES, Progress, State, progress, state_counts
from pctui.session.listing import NEEDS_ME, ListFilter, NeedsMe
from pctui.words import state_name

FilterKind = Literal["state", "section", "mine", "clear"]


@dataclass(frozen=True)
class FilterChoice:
    """One choice: which dimension it sets (or "clear" for none) and the value it sets."""

    kind: FilterKind
    state: State | NeedsMe | None = None  # for "state"; None: any state
    section: str | None = None  # for "section": a section id; None: any section
    mine: bool = False  # for "mine": only the items assigned to me, or anyone's

    def applied_to(self, where: ListFilter) -> ListFilter:
        """`where` with this choice made: its state or its section set, or nothing kept."""
        if self.kind == "clear":
            return ListFilter()
        if self.kind == "state":
            return replace(where, state=self.state)
        if self.kind == "mine":
            return replace(where, mine=self.mine)
        return replace(where, section=self.section)


def filter_choices(
    consultation: Consultation,
    login: str,
    progress_of: Callable[[Item], Progress] | None = None,
) -> list[tuple[str, FilterChoice]]:
    """The options, each with a label that counts the items it would show; `progress_of`
    gives an item's progress (the screen's cache of it), by default computed."""
    items = consultation.items
    review = consultation.review
    of = progress_of or (lambda item: progress(item, review))
    progresses = [of(item) for item in items]  # once for both counts, not twice
    turn = turn_test(review, login)
    mine = sum(1 for item, found in zip(items, progresses, strict=True) if turn(item, found))
    counts = state_counts(consultation, progresses)
    every = len(items)
    choices = [
        (_("all items ({count}) — clears state, section and search").format(count=every),
         FilterChoice("clear")),
        (_("state: any ({count})").format(count=every), FilterChoice("state")),
        (_("needs my sign-off ({count})").format(count=mine), FilterChoice("state", NEEDS_ME)),
    ]  # fmt: skip
    if any(item.assignments for item in items):  # only where the office assigns items
        assigned = sum(1 for item in items if item.assignee == login)
        choices += [
            (_("assigned to me ({count})").format(count=assigned), FilterChoice("mine", mine=True)),
            (_("assigned to: anyone ({count})").format(count=every), FilterChoice("mine")),
        ]
    choices += [(_("state: {state} ({count})").format(state=state_name(state), count=counts[state]),
                 FilterChoice("state", state=state)) for state in STATES]  # fmt: skip
    choices.append((_("section: any ({count})").format(count=every), FilterChoice("section")))
    for section in consultation.sections:
        count = sum(1 for item in items if item.section == section.id)
        label = _("section: {id} {title} ({count})").format(
            id=inert(section.id), title=inert(section.title), count=count
        )
        choices.append((label, FilterChoice("section", section=section.id)))
    return choices


class FilterScreen(ModalScreen[FilterChoice | None]):
    """A list of filters; enter picks one, escape leaves the filter as it is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f,q", "cancel", "cancel", id="pctui.filter.cancel")
    ]

    def __init__(
        self,
        consultation: Consultation,
        login: str,
        progress_of: Callable[[Item], Progress] | None = None,
    ) -> None:
        super().__init__()
        self._choices = filter_choices(consultation, login, progress_of)
        self._broken_at = 0  # the width the options were last broken for

    def compose(self) -> ComposeResult:
        """The options."""
        with Vertical(classes="dialog", id="filter"):
            yield OptionList(*[Option(Text(label), id=str(n))
                               for n, (label, _) in enumerate(self._choices)])  # fmt: skip
            yield Static(_("enter: apply   escape: cancel"), classes="dialog-keys")

    def on_mount(self) -> None:
        """Title the box; break the options once the list has its width."""
        self.query_one("#filter").border_title = _("show")
        self.call_after_refresh(self._break_options)

    def on_resize(self) -> None:
        """A new terminal size: the options are broken again for the new width."""
        self.call_after_refresh(self._break_options)

    def _break_options(self) -> None:
        """Each option broken by the kinsoku rule at the list's width, so that the list
        (which folds at the last cell that fits) finds every line fitting as it is."""
        options = self.query_one(OptionList)
        width = options.scrollable_content_region.width
        if width <= 0 or width == self._broken_at:
            return
        self._broken_at = width
        for index, (label, _choice) in enumerate(self._choices):
            lines = wrap(Text(label), width)
            options.replace_option_prompt_at_index(index, Text("\n", end="").join(lines))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Apply the chosen filter."""
        event.stop()
        self.dismiss(self._choices[event.option_index][1])

    def action_cancel(self) -> None:
        """Close without changing the filter."""
        self.dismiss(None)
