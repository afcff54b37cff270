"""The review screen: the item list, the selected item, and every review action.

Each action, bound from the registry (`pctui.app.review_actions`, which says what it needs
on screen), does one thing through `pctui.session.operations` (dialogs: `response_edits`;
highlighted views: `raw_views`; format 2's opinion keys, mixed in: `opinion_edits`) and
redraws from the file's model, the only state besides the list's filter (`where`) and the
diff's view (`diff`, a `DiffView`)."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from pctui.app.at_once import Opened, keys_taken, opens_at_once
from pctui.app.committing import commit_in_worker
from pctui.app.host import host_of
from pctui.app.render.detail import WIDE_FROM
from pctui.app.review_actions import ACTIONS, BY_NAME, bindings, translated
from pctui.app.screens import raw_views, response_edits
from pctui.app.screens.board import BoardScreen
from pctui.app.screens.filter import FilterChoice, FilterScreen
from pctui.app.screens.help import show_help
from pctui.app.screens.office_keys import OfficeKeys
from pctui.app.screens.opinion_edits import OpinionKeys
from pctui.app.screens.raw_views import PendingDiffFound
from pctui.app.widgets.item_detail import ItemDetail
from pctui.app.widgets.item_list import ItemList
from pctui.app.widgets.key_footer import KeyFooter
from pctui.app.widgets.progress_line import ProgressLine
from pctui.app.widgets.search_bar import SearchBar
from pctui.app.widgets.title_bar import TitleBar
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.model.records import Item
from pctui.session import operations
from pctui.session.derived import DerivedCache
from pctui.session.diff_view import DiffView
from pctui.session.listing import ItemIndex, ListFilter, neighbour_needing, visible_items
from pctui.session.operations import ERROR, WARNING, Outcome
from pctui.session.watch import DiskWatch
from pctui.storage import ConsultationFile

TALL_FROM = 36  # terminal lines from which the list may take half the screen


class MainScreen(OfficeKeys, OpinionKeys, Screen[None]):
    """The list above, the selected item below (side by side from 100 columns)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings()
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_FROM, "-wide")]  # noqa: RUF012 (Textual's type)
    # From TALL_FROM lines the list may take half the screen (app.tcss): a third of a tall
    # terminal left items scrolled out of sight above blank lines.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL_FROM, "-tall")]  # noqa: RUF012 (Textual's type)
    AUTO_FOCUS = "#items"

    def __init__(self, file: ConsultationFile, login: str, watch_interval: float | None) -> None:
        super().__init__()
        self.file = file
        self.login = login
        self.where = ListFilter()
        self.diff = DiffView(login)
        self._watch = DiskWatch(file)
        self._derived = DerivedCache()
        self._index = ItemIndex()
        self._answers: tuple[bool | None, ...] = ()  # check_action's, as the footer shows them
        self._watch_interval = watch_interval
        # The list and the pane, kept at hand: asked for some forty times a key press (which
        # actions can run), a query of the screen each time was a tenth of `show_detail`.
        self._table = ItemList()
        self._detail = ItemDetail()
        self._leave_unsaved = False  # quit was pressed once while a change could not be saved
        self._to_last = False  # G was pressed while the file was still being read
        self._shown_move: int | None = None  # the item a move showed before its message came

    # ---- layout and redrawing -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Title, progress, list, detail, the (hidden) search line and the footer."""
        yield TitleBar(self.file.consultation, self.login)
        yield ProgressLine(id="progress")
        yield self._table
        yield self._detail
        yield SearchBar()

    def on_mount(self) -> None:
        """Fill the screen, then add the footer, and start watching the file."""
        self.query_one(SearchBar).display = False
        self.refresh_view()
        # Mounted once an item is selected, the footer is built once with the keys that can
        # run (composed with the rest, it was built twice: 50-80 ms of the first frame).
        self.mount(KeyFooter())
        if self._watch_interval:
            self.set_interval(self._watch_interval, self.check_disk)

    def adopt(self, file: ConsultationFile) -> None:
        """Show `file` (the whole of a file first shown as a preview), keeping the selection."""
        self.file = file
        self._watch = DiskWatch(file)
        self._derived = DerivedCache()
        self.refresh_view()
        if self._to_last:
            self.action_last_item()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The active bindings, their footer labels in the current language."""
        return translated(super().active_bindings)

    @property
    def table(self) -> ItemList:
        """The item list."""
        return self._table

    def item(self, no: int) -> Item | None:
        """Item `no` of the file as it is now (by an index: files may hold 10,000 items)."""
        return self._index.of(self.file.consultation).get(no)

    @property
    def selected(self) -> Item | None:
        """The item the reviewer is looking at, or None when the list is empty."""
        no = self.table.selected_no
        return None if no is None else self.item(no)

    def refresh_view(self, select: int | None = None) -> None:
        """Redraw everything from the model, keeping item `select` (default: the selected
        one) selected when it is still shown."""
        consultation = self.file.consultation
        review = consultation.review
        derived = self._derived
        items = visible_items(
            consultation,
            self.login,
            self.where,
            lambda item: derived.of(item, review).state,
            derived.progress_of(review),
        )
        wanted = select if select is not None else self.table.selected_no
        self.query_one(TitleBar).show(consultation)
        self.table.show(items, review, self._derived, wanted)
        progress = self.query_one(ProgressLine)
        progress.show(consultation, self._derived, self.where, len(items))
        if not self.file.complete:
            total = self.file.expected_items
            progress.show_reading(self.file.path.name, len(consultation.items), total)
        self.show_detail()

    def restyle(self) -> None:
        """Redraw every pre-styled text after the theme changed."""
        self.table.forget_rows()
        self.refresh_view()

    def show_detail(self) -> None:
        """Redraw the selected item's pane, and the footer when what can run changed."""
        detail = self._detail
        item = self.selected
        detail.show(self.file.consultation, item, self.diff.base(item), self.diff.mode)
        # Refreshing bindings rebuilds the footer; doing it on every move made each key
        # press slow (and Textual kept the old footer keys alive), so only on a change.
        answers = tuple(self.check_action(action.name, ()) for action in ACTIONS)
        if answers != self._answers:
            self._answers = answers
            self.refresh_bindings()

    def on_item_list_highlighted(self, event: ItemList.Highlighted) -> None:
        """A new item is selected (an arrow key, a click, the list shown anew): show it.
        Not again when the move was shown as it was made (`_move_to_row`), nor for a
        move the cursor has already left (the message of the row it is on follows)."""
        if event.no != self.table.selected_no:
            return
        if event.no is not None and event.no == self._shown_move:
            self._shown_move = None
            return
        self._show_selected()

    def _show_selected(self) -> None:
        self.show_detail()
        self._detail.scroll_home(animate=False)

    def say(self, outcome: Outcome) -> None:
        """Show `outcome` as a notification. Never as markup: messages quote file text and
        name tables such as [review.reviewers]."""
        timeout = 10 if outcome.severity == ERROR else 5
        message = inert(outcome.message)  # refusals quote stage names and logins from the file
        self.notify(message, severity=outcome.severity, timeout=timeout, markup=False)

    def report(self, outcome: Outcome, select: int | None = None) -> None:
        """Say what an action did; redraw when the file changed, selecting item `select`."""
        for notice in self._watch.new_notices():
            self.say(notice)
        self.say(outcome)
        if outcome.changed:
            self.refresh_view(select)

    def check_disk(self) -> None:
        """Reload when the file changed on disk, keeping the selected item by its No."""
        outcomes = self._watch.check()
        if not outcomes:
            return
        selected = self.table.selected_no
        for outcome in outcomes:
            self.say(outcome)
        if any(outcome.changed for outcome in outcomes):
            self.refresh_view(select=selected)

    # ---- which actions can run ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Disable (None: shown dimmed) what cannot run now. Review actions stay enabled
        when an item is selected, so a refusal is explained rather than silent.

        The keys are bound with priority (`pctui.app.at_once`): while the search line has
        the focus, each goes to it (None: passed on, dimmed in the footer meanwhile): a
        character of the query, its enter and escape."""
        known = BY_NAME.get(action)
        if isinstance(self.focused, Input) and known is not None:
            return None
        needs = known.needs if known is not None else None
        item = self.selected
        if (met := self.needs_met(needs, item)) is not True:
            return met  # None: dimmed; False: hidden (no registry, see office_keys)
        if item is not None and action in ("older_base", "newer_base"):
            return True if self.diff.can_move(item, action == "older_base") else None
        return True

    # ---- moving ---------------------------------------------------------------------------

    def _move_to_row(self, row: int) -> None:
        self._to_last = False  # another move replaces a `G` still waiting for the file
        before = self.table.selected_no
        self.table.move_cursor(row)  # clamped to the list's rows
        if self.table.selected_no != before:
            # Shown now, not when the list's message comes back: the list's rows and the
            # item are drawn in one frame, and the message finds the move shown.
            self._show_selected()
            self._shown_move = self.table.selected_no

    def action_next_item(self) -> None:
        """Select the next item."""
        self._move_to_row(self.table.cursor_row + 1)

    def action_previous_item(self) -> None:
        """Select the previous item."""
        self._move_to_row(self.table.cursor_row - 1)

    def action_first_item(self) -> None:
        """Select the first item."""
        self._move_to_row(0)

    def action_last_item(self) -> None:
        """Select the last item. While a large file is still being read, the preview's last
        row is not the list's: the move is kept and made once the whole file is shown."""
        self._move_to_row(self.table.row_count - 1)
        if not self.file.complete:
            self._to_last = True
            self.say(Outcome(_("The last item is selected once the file is read."), changed=False))

    def _move_needing(self, step: int) -> None:
        consultation = self.file.consultation
        numbers = self.table.numbers
        items = [item for no in numbers if (item := self.item(no))]
        review, derived = consultation.review, self._derived
        found = neighbour_needing(
            consultation,
            items,
            self.table.selected_no,
            self.login,
            step,
            derived.progress_of(review),
        )
        if found is None:
            if self.where != ListFilter():
                message = _("No other item needs your sign-off in this filter.")
            else:
                message = _("No other item needs your sign-off.")
            self.say(Outcome(message, WARNING, False))
            return
        self._move_to_row(numbers.index(found.no))

    def action_next_needing(self) -> None:
        """Select the next item that needs my sign-off."""
        self._move_needing(1)

    def action_previous_needing(self) -> None:
        """Select the previous item that needs my sign-off."""
        self._move_needing(-1)

    def action_page_item(self) -> None:
        """Scroll the item's panes down one screen, as a pager does; back to the top from
        the end."""
        detail = self.query_one(ItemDetail)
        if detail.scroll_y >= detail.max_scroll_y:
            detail.scroll_home(animate=False)
        else:
            detail.scroll_page_down(animate=False)

    def on_key(self, event: events.Key) -> None:
        """A character key that does nothing here says so and points to the help, rather
        than doing nothing at all. (Keys reach the screen before the bindings are tried.)"""
        if not event.is_printable or event.character is None:
            return
        if isinstance(self.focused, Input):
            return
        bound = super().active_bindings
        if any(key in bound for key in (event.key, *event.aliases)):
            return
        message = _("“{key}” does nothing here; ? shows every key.").format(key=event.character)
        self.say(Outcome(message, changed=False))

    def action_switch_focus(self) -> None:
        """Focus the list, or the item's panes when the list has it, at once (`focus()`
        waits for the next turn, and a key typed right after tab went to the old one)."""
        if self.focused is self.table:
            self.set_focus(self.query_one(ItemDetail))
        else:
            self.set_focus(self.table)

    # ---- reviewing ------------------------------------------------------------------------

    def action_approve(self) -> None:
        """Approve the current revision."""
        if (item := self.selected) is not None:
            # The revision, opinions and summary on screen: approving must not sign any
            # saved meanwhile.
            basis = operations.shown_basis(self.file, item)
            outcome = operations.approve(self.file, item.no, self.login, item.current_index, basis)
            self.report(outcome)
            if outcome.approved:  # committed as `pctui signoff` would, off the screen's thread
                commit_in_worker(self, self.file, self.say, item.no)

    def action_commit(self) -> None:
        """Commit what HEAD does not hold yet, as `pctui commit` (git runs in a worker)."""
        commit_in_worker(self, self.file, self.say)

    @opens_at_once
    def action_request_changes(self) -> Opened:
        """Ask for a comment, then request changes."""
        if (item := self.selected) is not None:
            return response_edits.request_changes(self, item)
        return None

    def action_withdraw(self) -> None:
        """Withdraw my sign-off on the current revision."""
        if (item := self.selected) is not None:
            self.report(operations.withdraw_mine(self.file, item.no, self.login))

    @opens_at_once
    def action_edit(self) -> Opened:
        """Edit the draft response in the app."""
        if (item := self.selected) is not None:
            return response_edits.edit_here(self, item)
        return None

    def action_external_edit(self) -> None:
        """Edit the draft response in $VISUAL / $EDITOR (the app steps aside meanwhile)."""
        if (item := self.selected) is not None and response_edits.edit_outside(self, item):
            # What was typed right after E, in one burst, was read before the editor took
            # the terminal: it was meant for the editor, not for the list afterwards. When
            # the terminal could not hand over, no editor had them: they run as typed.
            host_of(self).keys_typed_for_the_editor()

    # ---- the diff -------------------------------------------------------------------------

    def action_cycle_diff(self) -> None:
        """Inline → side by side → hidden."""
        self.diff.cycle()
        self.show_detail()

    def action_older_base(self) -> None:
        """Compare the current revision with an older one."""
        if (item := self.selected) is not None and self.diff.move(item, to_older=True):
            self.show_detail()

    def action_newer_base(self) -> None:
        """Compare the current revision with a newer one."""
        if (item := self.selected) is not None and self.diff.move(item, to_older=False):
            self.show_detail()

    # ---- view -----------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search line, holding the current query. Its key is a priority binding
        (run as the key arrives, before the keys after it go anywhere), so what is typed
        right after `/`, in one burst over SSH, goes into the search, not to the list;
        while the search line is open, a `/` is a character of the query (`check_action`)."""
        bar = self.query_one(SearchBar)
        bar.value = self.where.query
        bar.display = True
        # At once, not after the keys already waiting (focus() waits): what is typed right
        # after `/` goes into the search, not to the list ("“z” does nothing here").
        self.set_focus(bar)

    def _close_search(self) -> None:
        self.query_one(SearchBar).display = False
        self.set_focus(self.table)  # at once: the next key is the list's

    async def action_apply_search(self) -> None:
        """Apply the query (enter in the search line, bound with priority), once the line
        has taken the characters typed before enter; the keys after it go to the list."""
        bar = self.query_one(SearchBar)
        await keys_taken(bar)
        self._apply_search(bar.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Apply the search (an empty one shows everything again)."""
        if not isinstance(event.input, SearchBar):
            return
        event.stop()
        self._apply_search(event.value)

    def _apply_search(self, query: str) -> None:
        self.where = replace(self.where, query=query.strip())
        self._close_search()
        self.refresh_view()
        if not self.table.row_count:
            message = _("Nothing matches “{query}”.").format(query=query.strip())
            self.say(Outcome(message, WARNING, False))

    def on_search_bar_cancelled(self, event: SearchBar.Cancelled) -> None:
        """Close the search line, leaving the list as it was."""
        self._close_search()

    @opens_at_once
    def action_filter(self) -> Opened:
        """Choose what the list shows."""

        def chosen(choice: FilterChoice | None) -> None:
            if choice is not None:
                self.where = choice.applied_to(self.where)
                self.refresh_view()

        review, derived = self.file.consultation.review, self._derived
        screen = FilterScreen(self.file.consultation, self.login, derived.progress_of(review))
        return self.app.push_screen(screen, chosen)

    @opens_at_once
    def action_view_source(self) -> Opened:
        """Show the selected item's TOML block as the file holds it, highlighted."""
        if (item := self.selected) is not None:
            return raw_views.show_source(self, item)
        return None

    def action_pending_diff(self) -> None:
        """Show what a commit of the file would record (git runs in a worker)."""
        raw_views.read_pending_diff(self)

    def on_pending_diff_found(self, message: PendingDiffFound) -> None:
        """Show the diff, or say why there is none."""
        raw_views.show_pending_diff(self, message.found)

    @opens_at_once
    def action_board(self) -> Opened:
        """Show the progress board."""
        return self.app.push_screen(BoardScreen(self.file.consultation))

    @opens_at_once
    def action_help(self) -> Opened:
        """Show every key."""
        return show_help(self, self.file.consultation.review.stages)

    def action_suspend(self) -> None:
        """Suspend the app to the shell (ctrl+z); `fg` brings it back, redrawn (`ReviewApp`)."""
        self.app.action_suspend_process()

    def action_quit(self) -> None:
        """Leave; every action is already saved. A change kept after a failed save (a full
        disk) is written first; if it fails again, say so and leave only when asked again."""
        if not self._leave_unsaved and (refused := operations.save_before_leaving(self.file)):
            self._leave_unsaved = True
            self.say(refused)
            return
        self.app.exit()
