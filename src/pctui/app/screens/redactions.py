"""The redaction screen (`R` in the grouping screen): every redaction of personal data the
import made in the registry's opinions, those to review first, each with the public words
around it and the marker; a reviewer keeps or undoes one, or all those marked, saved at
once through `pctui.session.redaction_decisions.decide`, the function `pctui intake
redactions --keep/--undo` calls, which records the login and the office's time and gives
the items that copy a changed public text the new one.

The removed words are shown only on request (`o`), for the redaction under the cursor,
on the screen and nowhere else: they are never notified, logged or written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from pctui.app.at_once import Opened, opens_at_once
from pctui.app.host import host_of
from pctui.app.redaction_actions import redaction_bindings
from pctui.app.review_actions import translated
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.intake.records import RedactionStatus
from pctui.intake.redact import MARKER
from pctui.intake.redaction_review import (
    REASONS,
    SHOWN_NAMES,
    STATUSES,
    RedactionView,
    ReviewRefused,
    Shown,
    around,
    listed,
    next_reason,
    next_shown,
    redaction_views,
)
from pctui.intake.registry import Registry, RegistryRefused
from pctui.model.actions import Refused
from pctui.session.redaction_decisions import decide
from pctui.storage import ConsultationFile

MARK = "✓"
FIRST_ROWS = 200  # rows listed before the first frame: more than a screen holds
BATCH = 1000  # rows listed per frame after it (about 0.2 s each: keys still answer)
LIST_WIDTH = 20  # characters each side of the marker in the list
DETAIL_WIDTH = 200  # and below it, for the redaction under the cursor
MARKER_STYLE = "bold reverse"  # the redaction under review: reverse video reads in every theme
REVEALED_STYLE = "bold underline"


class RedactionScreen(Screen[None]):
    """The redactions of the registry at `registry`, for the consultation `file` (whose
    time zone the times recorded are in)."""

    BINDINGS: ClassVar[list[BindingType]] = redaction_bindings()
    DEFAULT_CSS = """
    RedactionScreen #redactions { height: 1fr; }
    RedactionScreen #redaction-detail {
        height: auto; max-height: 10; border-top: solid $secondary;
    }
    RedactionScreen #redactions-title { height: 1; }
    """

    def __init__(self, file: ConsultationFile, registry: Path) -> None:
        super().__init__()
        self.file = file
        self.registry_path = registry
        self.registry: Registry | None = None
        self.shown = Shown.ALL
        self.reason: str | None = None  # only redactions of this reason; None: every one
        self.views: list[RedactionView] = []  # every redaction, as read last
        self.rows: list[RedactionView] = []  # those listed, in their rows' order
        self.marked: set[int] = set()
        self.revealed: int | None = None  # the redaction whose words are shown, if any
        self._generation = 0  # counts the list's redraws, so that a late batch is dropped
        self._seen = 0  # the registry's data_version when the list was last read

    def compose(self) -> ComposeResult:
        """Title, the list, the redaction under the cursor in its opinion, footer."""
        yield Static(id="redactions-title", markup=False)
        yield DataTable(id="redactions", cursor_type="row", zebra_stripes=True)
        yield Static(id="redaction-detail", markup=False)
        # Compact, without the palette's key (ctrl+p still opens it), as the review's: so
        # that each key's label is whole at 80 columns ("R redactions" was cut to "R").
        yield Footer(compact=True, show_command_palette=False)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The active bindings, their footer labels in the current language."""
        return translated(super().active_bindings)

    @property
    def table(self) -> DataTable[object]:
        return self.query_one("#redactions", DataTable)

    def on_mount(self) -> None:
        """Open the registry and list its redactions; when it is refused or cannot be
        read, say why and close."""
        try:
            self.registry = Registry.open(self.registry_path)
        except (RegistryRefused, OSError, sqlite3.Error) as error:
            self.notify(inert(_("Refused: {why}").format(why=error)), severity="error")
            self.call_after_refresh(self.action_close)
            return
        self.table.add_columns(
            " ", _("id"), _("opinion"), _("reason"), _("status"), _("by"), _("at"), _("context")
        )
        self.refresh_list()
        self.table.focus()
        # Another reviewer may keep or undo redactions in the same registry meanwhile: the
        # list is read again when SQLite's data_version says another connection committed
        # (one PRAGMA, nothing read otherwise), at each key and every `watch_interval`.
        interval = host_of(self).watch_interval
        if interval:
            self.set_interval(interval, self.catch_up)

    def on_unmount(self) -> None:
        """Close the registry (everything is saved already)."""
        if self.registry is not None:
            self.registry.close()

    # ---- drawing ----------------------------------------------------------------------------

    def refresh_list(self, keep: int | None = None) -> None:
        """Read the redactions again and list those `shown`, the cursor on `keep` (a
        redaction id) when it is listed, else on the row it was on."""
        assert self.registry is not None
        row = self.table.cursor_row
        self._seen = self.registry.data_version()
        self.views = redaction_views(self.registry, width=LIST_WIDTH)
        self.rows = listed(self.views, self.shown, self.reason)
        self.marked &= {v.redaction.id for v in self.rows}
        ids = [v.redaction.id for v in self.rows]
        if keep in ids:
            row = ids.index(keep)
        self.table.clear()
        self._generation += 1
        # The first screenful now, the rest in batches once it is drawn: 20,000 redactions
        # (a campaign whose letters each give an address) cost the first frame nothing.
        self._add_rows(max(FIRST_ROWS, row + 1), self._generation)
        if self.rows:
            self.table.move_cursor(row=min(max(row, 0), len(self.rows) - 1))
        self._title()
        self.show_detail()

    def _add_rows(self, count: int, generation: int) -> None:
        """List `count` more rows (the table's rows are always the first of `rows`), then
        ask for the next batch after the next frame; nothing when the list was redrawn
        meanwhile (`generation`)."""
        if generation != self._generation:
            return
        table = self.table
        start = table.row_count
        for view in self.rows[start : start + count]:
            table.add_row(*self._cells(view), key=str(view.redaction.id))
        if table.row_count < len(self.rows):
            self.call_after_refresh(self._add_rows, BATCH, generation)

    def _reviewed(self, ids: Sequence[int]) -> None:
        """After `ids` were kept or undone: read the redactions again and redraw, in place,
        the rows of the opinions they are in (an undone redaction's words show in the
        words around the others); a row that no longer fits the filter leaves the list.
        The rest keeps its place, so that a key costs the same on 20,000 redactions."""
        assert self.registry is not None
        self.views = redaction_views(self.registry, width=LIST_WIDTH)
        now = {view.redaction.id: view for view in self.views}
        touched = {now[n].redaction.opinion for n in ids if n in now}
        fits = {view.redaction.id for view in listed(self.views, self.shown, self.reason)}
        table, kept = self.table, []
        for view in self.rows:
            rid = view.redaction.id
            if view.redaction.opinion not in touched:
                kept.append(view)
                continue
            key = str(rid)
            added = key in table.rows
            if rid not in fits:
                if added:
                    table.remove_row(key)
                continue
            kept.append(now[rid])
            if added:
                row = table.get_row_index(key)
                for column, cell in enumerate(self._cells(now[rid])):
                    # The column widened to the new text: "by" and "at" were as wide as
                    # the "-" they held, and showed "ta" and "20" once a redaction was kept.
                    table.update_cell_at(Coordinate(row, column), cell, update_width=True)
        self.rows = kept
        self._title()
        self.show_detail()

    def catch_up(self) -> bool:
        """Read the list again when another connection changed the registry since it was
        read, the cursor staying on the redaction it was on (or on its row, when that one
        left the list) and the marks kept; whether it did."""
        if self.registry is None:
            return False
        try:
            if self.registry.data_version() == self._seen:
                return False
        except sqlite3.Error:
            return False  # said by the next action that needs the registry
        chosen = self.selected
        self.refresh_list(keep=chosen.redaction.id if chosen is not None else None)
        message = _("Redactions changed by another reviewer meanwhile: the list is read again")
        self.notify(message, timeout=5)
        return True

    def _cells(self, view: RedactionView) -> tuple[str, ...]:
        r = view.redaction
        return (
            MARK if r.id in self.marked else " ",
            str(r.id),
            r.opinion,
            _(REASONS.get(r.reason, r.reason)),
            _(STATUSES[r.status]),
            r.by or "-",
            r.at[:16].replace("T", " ") if r.at else "-",  # to the minute, in the office's zone
            inert(view.context),
        )

    def _title(self) -> None:
        count = {status: 0 for status in RedactionStatus}
        for view in self.views:
            count[view.redaction.status] += 1
        title = _(
            "Redactions: {pending} to review, {kept} kept, {undone} undone · showing: {shown}"
        ).format(
            pending=count[RedactionStatus.PENDING],
            kept=count[RedactionStatus.CONFIRMED],
            undone=count[RedactionStatus.REVERTED],
            shown=_(SHOWN_NAMES[self.shown]),
        )
        if self.reason is not None:
            why = _(REASONS.get(self.reason, self.reason))
            title = _("{title} · reason: {reason}").format(title=title, reason=why)
        if not self.views:
            title = _("no redactions in the registry")
        self.query_one("#redactions-title", Static).update(title)

    @property
    def selected(self) -> RedactionView | None:
        """The redaction under the cursor, or None when none is listed."""
        row = self.table.cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def show_detail(self) -> None:
        """The redaction under the cursor in its opinion's public text, the marker (or, on
        request, the removed words) highlighted."""
        detail = self.query_one("#redaction-detail", Static)
        chosen = self.selected
        if chosen is None or self.registry is None:
            detail.update("")
            return
        r = chosen.redaction
        text = self.registry.original_texts([r.opinion]).get(r.opinion, "")
        standing = [
            (v.redaction.start, v.redaction.end)
            for v in self.views
            if v.redaction.opinion == r.opinion
            and v.redaction.status != RedactionStatus.REVERTED
            and v.redaction.id != r.id
        ]
        words = around(text, standing, (r.start, r.end), DETAIL_WIDTH)
        reason, status = _(REASONS.get(r.reason, r.reason)), _(STATUSES[r.status])
        head = _("{opinion} · {reason} · {status}").format(
            opinion=r.opinion, reason=reason, status=status
        )
        shown = Text(inert(head) + "\n")
        shown.append(inert(words.before))
        if self.revealed == r.id:
            shown.append(inert(" ".join(r.original.split())), style=REVEALED_STYLE)
        else:
            shown.append(MARKER, style=MARKER_STYLE)
        shown.append(inert(words.after))
        if self.revealed == r.id:
            shown.append("\n" + _("(the removed words, shown on this screen only: o hides them)"))
        detail.update(shown)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Another redaction under the cursor: show it (the removed words hidden again)."""
        self.revealed = None
        self.show_detail()

    # ---- actions ------------------------------------------------------------------------------

    def _chosen(self) -> list[int]:
        """The marked redactions, or the one under the cursor when none is marked."""
        if self.marked:
            return sorted(self.marked)
        chosen = self.selected
        return [chosen.redaction.id] if chosen is not None else []

    def _review(self, keep: bool) -> None:
        if self.catch_up():
            # What the reviewer decided on is not what the registry holds now: they look
            # again and press again, rather than keep or undo what someone just changed.
            message = _("Nothing saved: the list changed; check it and press again")
            self.notify(message, severity="warning", timeout=10)
            return
        ids = self._chosen()
        if not ids or self.registry is None:
            return
        try:
            done = decide(
                self.file,
                self.registry,
                keep=ids if keep else (),
                undo=() if keep else ids,
                login=host_of(self).login,
            )
        except Refused as refusal:  # not a reviewer, worded as the review's refusals
            message = _("Refused: {why}").format(why=refusal)
            self.notify(inert(message), severity="error", timeout=10, markup=False)
            return
        except (ReviewRefused, sqlite3.Error) as refusal:
            message = _("Not saved: {error}").format(error=refusal)
            self.notify(inert(message), severity="error", timeout=10, markup=False)
            return
        # An item whose opinion copies a changed public text was given the new one in the
        # file (or could not be: then said as an error, to run pctui intake sync).
        said = inert("\n".join(done.lines()))
        if done.synced.error:
            self.notify(said, severity="error", timeout=10, markup=False)
        else:
            self.notify(said, timeout=10 if done.synced.changed else 5, markup=False)
        self.marked.clear()
        self.revealed = None
        self._reviewed(ids)

    def action_keep(self) -> None:
        """Keep the marked redactions, or the one under the cursor."""
        self._review(keep=True)

    def action_undo(self) -> None:
        """Undo the marked redactions, or the one under the cursor."""
        self._review(keep=False)

    def action_mark(self) -> None:
        """Mark or unmark the redaction under the cursor, and go to the next."""
        self.catch_up()
        chosen, row = self.selected, self.table.cursor_row
        if chosen is None:
            return
        self.marked ^= {chosen.redaction.id}
        mark = MARK if chosen.redaction.id in self.marked else " "
        self.table.update_cell_at(Coordinate(row, 0), mark)
        self.table.move_cursor(row=row + 1)

    def action_mark_all(self) -> None:
        """Mark every redaction listed, or unmark them all when all are marked."""
        self.catch_up()
        every = {view.redaction.id for view in self.rows}
        self.marked = set() if every and every <= self.marked else every
        # Rows not listed yet get their mark from `_cells` when they are.
        for row, view in enumerate(self.rows[: self.table.row_count]):
            mark = MARK if view.redaction.id in self.marked else " "
            self.table.update_cell_at(Coordinate(row, 0), mark)

    def action_cycle_shown(self) -> None:
        """List the next set: all, to review, kept, undone."""
        self.shown = next_shown(self.shown)
        self.marked.clear()
        self.refresh_list()

    def action_cycle_reason(self) -> None:
        """List only the next reason's redactions (e-mail address, phone number, …), then
        every reason again."""
        self.reason = next_reason(self.reason, self.views)
        self.marked.clear()
        self.refresh_list()

    def action_reveal(self) -> None:
        """Show or hide the removed words of the redaction under the cursor."""
        self.catch_up()
        chosen = self.selected
        if chosen is None:
            return
        self.revealed = None if self.revealed == chosen.redaction.id else chosen.redaction.id
        self.show_detail()

    def action_down(self) -> None:
        """Next redaction (j)."""
        self.catch_up()
        self.table.action_cursor_down()

    def action_up(self) -> None:
        """Previous redaction (k)."""
        self.catch_up()
        self.table.action_cursor_up()

    @opens_at_once
    def action_help(self) -> Opened:
        """Show every key (the help lists this screen's too): `?` did nothing here, and
        escape, pressed to leave a help that had not opened, closed the screen."""
        from pctui.app.screens.help import show_help  # the review screen's; not at open

        return show_help(self, self.file.consultation.review.stages)

    def action_close(self) -> None:
        """Back to the grouping screen."""
        self.dismiss(None)
