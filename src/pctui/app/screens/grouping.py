"""The grouping screen (`G` in the review, `pctui intake review FILE`): the 同趣旨 groups
of the consultation's registry, largest first, the selected group's representative and
its members with the text each adds highlighted; a group is accepted as a new item,
attached to an item, split or merged, each saved at once (`pctui.session.group_review`).

The registry is read here, on the app's thread (SQLite connections stay on the thread
that opened them), and only what is on screen: the list is one query of the groups' ids
and sizes, a representative's text is read when its row is drawn, and a group's members a
page at a time as they scroll into view (`LazyTable`), so that 200,000 opinions in 48,000
groups open at once and a campaign of 200,000 copies is shown as fast as a pair.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from pctui.app.at_once import Opened, opens_at_once
from pctui.app.group_actions import group_bindings
from pctui.app.host import host_of
from pctui.app.review_actions import translated
from pctui.app.screens.comment import CommentScreen
from pctui.app.widgets.lazy_table import Cells, LazyTable
from pctui.base.inert import inert
from pctui.i18n import _, ngettext
from pctui.intake.registry import Registry, RegistryRefused
from pctui.intake.rescan import needs_rescan
from pctui.session.group_review import (
    GroupRow,
    MemberPages,
    RepresentativeTexts,
    accept,
    attach,
    group_rows,
    merge,
    read_group,
    split,
)
from pctui.session.operations import ERROR, WARNING, Outcome
from pctui.session.opinion_actions import read_no, refused_before_asking
from pctui.storage import ConsultationFile

ADDED_STYLE = "bold reverse"  # what a member adds: reverse video reads in every theme
MARK = "✓"
SHOWN_TEXT = 60  # characters of a representative's text in the list (in full below it)
LONGEST_ID = 24  # cells of the group column at most (a longer id is cut with …)


def _shortened(text: str) -> str:
    return text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1] + "…"


def _width(heading: str, longest: str) -> int:
    return max(cell_len(heading), cell_len(longest))


class GroupScreen(Screen[None]):
    """The groups of the registry at `registry` for `file`. `alone`: the app's only screen
    (`pctui intake review`), so that closing it quits."""

    BINDINGS: ClassVar[list[BindingType]] = group_bindings()
    DEFAULT_CSS = """
    GroupScreen #groups { height: 1fr; }
    GroupScreen #group-detail { height: auto; max-height: 8; border-top: solid $secondary; }
    GroupScreen #members { height: 1fr; }
    GroupScreen #groups-title { height: 1; }
    """

    def __init__(self, file: ConsultationFile, registry: Path, *, alone: bool = False) -> None:
        super().__init__()
        self.file = file
        self.registry_path = registry
        self.alone = alone
        self.registry: Registry | None = None
        self.rows: list[GroupRow] = []
        self.marked: set[str] = set()  # members marked for a split, of the selected group
        self._shown_group: str | None = None
        self._texts: RepresentativeTexts | None = None
        self._members: MemberPages | None = None

    def compose(self) -> ComposeResult:
        """Title, groups, the selected group's text and members, footer."""
        yield Static(id="groups-title", markup=False)
        headings = (_("#"), _("opinions"), _("group"), _("item"), _("representative"))
        yield LazyTable(headings, right=(0, 1), id="groups")
        with VerticalScroll(id="group-detail"):
            yield Static(id="group-text", markup=False)
        yield LazyTable((" ", _("opinion"), _("what it adds")), id="members")
        # Compact, without the palette's key (ctrl+p still opens it), as the review's: so
        # that each key's label is whole at 80 columns ("R redactions" was cut to "R").
        yield Footer(compact=True, show_command_palette=False)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The active bindings, their footer labels in the current language."""
        return translated(super().active_bindings)

    @property
    def groups(self) -> LazyTable:
        return self.query_one("#groups", LazyTable)

    @property
    def members(self) -> LazyTable:
        return self.query_one("#members", LazyTable)

    def on_mount(self) -> None:
        """Open the registry, list the groups and give the list the keys; when the registry
        is refused (git tracks it, it is not one) or cannot be read, say why and close."""
        try:
            self.registry = Registry.open(self.registry_path)
        except (RegistryRefused, OSError, sqlite3.Error) as error:
            self.say(Outcome(_("Refused: {why}").format(why=error), ERROR, changed=False))
            self.call_after_refresh(self.action_close)
            return
        self._texts = RepresentativeTexts(self.registry)
        self.refresh_groups()
        self.groups.focus()
        if self.rows and needs_rescan(self.registry):
            # Names in kana and signatures under a named form were not looked for then.
            message = _(
                "The opinions were searched for personal data by an older pctui: search them "
                "again with pctui intake rescan {file}"
            )
            self.say(Outcome(message.format(file=self.file.path), WARNING, changed=False))

    def on_unmount(self) -> None:
        """Close the registry (everything is saved already)."""
        if self.registry is not None:
            self.registry.close()

    # ---- drawing ----------------------------------------------------------------------------

    def refresh_groups(self, select: str | None = None) -> None:
        """List the groups again (after an action), keeping `select` or the cursor's row."""
        assert self.registry is not None and self._texts is not None
        row = self.groups.cursor_row
        self.rows = group_rows(self.registry, self.file.consultation)
        self._texts.forget()
        ids = [r.id for r in self.rows]
        if select in ids:
            row = ids.index(select)
        longest_id = max(ids, key=cell_len, default="")[:LONGEST_ID]
        answered = max((r.answered or 0 for r in self.rows), default=0)
        widths = (
            len(str(len(self.rows))),
            _width(_("opinions"), str(self.rows[0].size) if self.rows else ""),
            _width(_("group"), longest_id),
            _width(_("item"), f"No.{answered}" if answered else ""),
        )
        self._shown_group = None
        self.groups.show(len(self.rows), self._group_cells, widths, cursor=row)
        opinions = sum(r.size for r in self.rows)
        title = ngettext(
            "同趣旨 groups: {groups} group, {opinions} opinions",
            "同趣旨 groups: {groups} groups, {opinions} opinions",
            len(self.rows),
        ).format(groups=len(self.rows), opinions=opinions)
        if not self.rows:
            title = _("no groups yet: run pctui intake group {file}").format(file=self.file.path)
        self.query_one("#groups-title", Static).update(title)
        self.show_group()

    def _group_cells(self, n: int) -> Cells:
        assert self._texts is not None
        r = self.rows[n]
        text = self._texts.text(r.representative)
        return (
            Text(str(n + 1)),
            Text(str(r.size)),
            Text(r.id),
            Text("" if r.answered is None else f"No.{r.answered}"),
            Text(_shortened(inert(" ".join(text.split())))),
        )

    def _member_cells(self, n: int) -> Cells:
        assert self._members is not None
        m = self._members[n]
        added = Text(inert(" / ".join(m.added.splitlines())), style=ADDED_STYLE)
        return (Text(MARK if m.opinion in self.marked else " "), Text(m.opinion), added)

    @property
    def selected(self) -> GroupRow | None:
        """The group under the cursor, or None when there is none."""
        row = self.groups.cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def representative_text(self, group: GroupRow) -> str:
        """The public text of `group`'s representative (read once, then kept)."""
        return self._texts.text(group.representative) if self._texts is not None else ""

    def member_at(self, row: int) -> str | None:
        """The opinion id of the members' row `row`, or None when there is none."""
        if self._members is None or not 0 <= row < len(self._members):
            return None
        return self._members[row].opinion or None

    def show_group(self) -> None:
        """Show the selected group's representative and members (once per group)."""
        chosen = self.selected
        if chosen is not None and chosen.id == self._shown_group:
            return
        self._shown_group = chosen.id if chosen is not None else None
        self.marked.clear()
        text = self.query_one("#group-text", Static)
        if chosen is None or self.registry is None or self._texts is None:
            self._members = None
            text.update("")
            self.members.show(0, self._member_cells, (1, 1))
            return
        self._members = MemberPages(self.registry, chosen)
        text.update(Text(inert(self._texts.text(chosen.representative))))
        first = [self._members[n].opinion for n in range(min(len(self._members), 40))]
        self.members.show(
            len(self._members), self._member_cells, (1, max(map(len, first), default=1))
        )

    def on_lazy_table_highlighted(self, event: LazyTable.Highlighted) -> None:
        """A new group under the cursor: show it."""
        if event.table.id == "groups":
            self.show_group()

    # ---- actions ------------------------------------------------------------------------------

    def say(self, outcome: Outcome) -> None:
        """Show what an action did (never as markup: ids and texts come from the files)."""
        timeout = 10 if outcome.severity == ERROR else 5
        message = inert(outcome.message)
        self.notify(message, severity=outcome.severity, timeout=timeout, markup=False)

    def action_accept(self) -> None:
        """Accept the selected group as a new item."""
        if (chosen := self.selected) is not None and self.registry is not None:
            self.say(accept(self.file, self.registry, chosen.id, host_of(self).login))
            self.refresh_groups(chosen.id)

    @opens_at_once
    def action_attach(self) -> Opened:
        """Ask for an item's No., then attach the selected group to it (refused before
        asking for a login that may not change an item's opinions, as m, M and S are)."""
        if (chosen := self.selected) is None:
            return None
        if refusal := refused_before_asking(self.file.consultation, host_of(self).login):
            self.say(refusal)
            return None

        def problem(text: str) -> str | None:
            return None if read_no(text) is not None else _("type an item's No., e.g. 12")

        def send(text: str | None) -> None:
            no = read_no(text) if text is not None else None
            if no is not None and self.registry is not None:
                self.say(attach(self.file, self.registry, chosen.id, no, host_of(self).login))
                self.refresh_groups(chosen.id)

        title = _("Attach group {group} to item No.:").format(group=chosen.id)
        return self.app.push_screen(CommentScreen(title, problem, placeholder="12"), send)

    def action_mark(self) -> None:
        """Mark or unmark the member under the members' cursor for a split."""
        table, row = self.members, self.members.cursor_row
        opinion = self.member_at(row)
        if opinion is None:
            return
        self.marked ^= {opinion}
        table.refresh_row(row)
        table.move_cursor(row + 1)

    def action_split(self) -> None:
        """Split the marked members (or the one under the cursor) into a new group."""
        if (chosen := self.selected) is None or self.registry is None:
            return
        chosen_members = set(self.marked)
        if not chosen_members and self.focused is self.members:
            under = self.member_at(self.members.cursor_row)
            chosen_members = {under} if under is not None else set()
        outcome, new = split(self.registry, chosen.id, chosen_members)
        self.say(outcome)
        if new is not None:
            self.refresh_groups(chosen.id)

    @opens_at_once
    def action_merge(self) -> Opened:
        """Ask for the group to merge the selected one into, then merge."""
        if (chosen := self.selected) is None:
            return None

        def problem(text: str) -> str | None:
            if read_group(text, self.rows) is None:
                return _("type a group's number in the list or its id")
            return None

        def send(text: str | None) -> None:
            into = read_group(text, self.rows) if text is not None else None
            if into is not None and self.registry is not None:
                self.say(merge(self.registry, chosen.id, into))
                self.refresh_groups(into)

        title = _("Merge group {group} into group (number or id):").format(group=chosen.id)
        return self.app.push_screen(CommentScreen(title, problem, placeholder="1"), send)

    @opens_at_once
    def action_redactions(self) -> Opened:
        """The redactions (`screens/redactions.py`); the groups are listed again after it,
        since an undone redaction changes a representative's public text."""
        from pctui.app.screens.redactions import RedactionScreen

        screen = RedactionScreen(self.file, self.registry_path)
        return self.app.push_screen(screen, lambda _: self.refresh_groups())

    def action_down(self) -> None:
        """Next row of the list that has the focus (j, as in the review)."""
        (self.members if self.focused is self.members else self.groups).action_cursor(1)

    def action_up(self) -> None:
        """Previous row of the list that has the focus (k)."""
        (self.members if self.focused is self.members else self.groups).action_cursor(-1)

    def action_switch_focus(self) -> None:
        """Move between the groups and the members, at once: `has_focus` and `focus()` wait
        for the next turn, and the j typed right after tab moved the groups."""
        self.set_focus(self.groups if self.focused is self.members else self.members)

    @opens_at_once
    def action_help(self) -> Opened:
        """Show every key (the help lists this screen's too): `?` did nothing here, and
        escape, pressed to leave a help that had not opened, closed the screen."""
        from pctui.app.screens.help import show_help  # the review screen's; not at open

        return show_help(self, self.file.consultation.review.stages)

    def action_close(self) -> None:
        """Back to the review, or quit when this is the only screen."""
        if self.alone:
            self.app.exit()
        else:
            self.dismiss(None)
