"""An item's history (`h`): every revision (with its changes from the one before), summary,
sign-off, withdrawal, assignment, note and (format 2) move, merge and split with the
sign-offs it left stale, oldest first, each with the commit that brought it into git. git
runs in a worker; the file's own history shows meanwhile."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from pctui.app.host import host_of
from pctui.app.render.context import RenderContext
from pctui.app.render.texts import diff_text, inert_text
from pctui.app.render.wrap import wrap
from pctui.app.review_actions import translated
from pctui.app.widgets.wrapped_text import WrappedLines
from pctui.git.item_history import Entry, ItemHistory, item_history
from pctui.i18n import N_, _
from pctui.model.history import item_events
from pctui.session.item_history_text import body, revision_note, source, what, when
from pctui.storage import ConsultationFile

INDENT = "    "


def entry_lines(entry: Entry, context: RenderContext, git_read: bool, width: int) -> list[Text]:
    """One entry in lines of at most `width` cells: when and what in bold, where git has it
    (once git was read), the body indented below (a revision's changes struck and
    underlined as in the diff pane). Each body line is wrapped inside the indent: wrapped
    with the head as one text, its continuations began at the left edge, level with the
    entries' dates, and a line broken between words began with their space."""
    head = Text(when(entry) + "  ", style="dim")
    head.append_text(inert_text(what(entry), style="bold"))
    if git_read:
        head.append("  (")
        head.append_text(inert_text(source(entry), style="dim"))
        head.append(")")
    diff = entry.event.diff
    shown = diff_text(diff, context) if diff is not None else inert_text(body(entry))
    if diff is not None and (note := revision_note(entry)):
        shown.append_text(inert_text("\n" + note))
    lines = [_without_leading_space(line) for line in wrap(head, width)]
    inside = max(1, width - len(INDENT))
    for paragraph in shown.split("\n", allow_blank=True):
        if paragraph.plain:
            lines += [Text(INDENT) + line for line in wrap(paragraph, inside)]
    return lines


def _without_leading_space(line: Text) -> Text:
    """`line` without the space a break between words leaves at its start."""
    return line[1:] if line.plain.startswith(" ") else line


class HistoryScreen(Screen[None]):
    """Item `no`'s history as the file holds it now; escape, q or h closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,h", "close", N_("close"), id="pctui.history.close"),
        Binding("j,down", "scroll(1)", "down", show=False, id="pctui.history.down"),
        Binding("k,up", "scroll(-1)", "up", show=False, id="pctui.history.up"),
    ]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The active bindings, their footer labels in the current language ("close" was
        shown in English on a Japanese screen)."""
        return translated(super().active_bindings)

    def __init__(self, file: ConsultationFile, no: int) -> None:
        super().__init__()
        self._file = file
        self._no = no
        self.history: ItemHistory | None = None  # with git's side, once read

    def compose(self) -> ComposeResult:
        """The history in a scrollable box, and the footer."""
        with VerticalScroll(id="history"):
            yield WrappedLines(self._lines, id="history-lines")
        yield Footer()

    def _lines(self, width: int) -> list[Text]:
        context = host_of(self).render_context
        found = self.history
        if found is None:  # git not read yet: the file's own entries
            item = self._file.consultation.item(self._no)
            events = item_events(item, self._file.consultation.review) if item else []
            found = ItemHistory(entries=[Entry(event, None) for event in events])
        lines: list[Text] = []
        if self.history is not None and self.history.git_problem:
            problem = _("git: {problem}; the file's own history is shown").format(
                problem=self.history.git_problem
            )
            lines += wrap(inert_text(problem, style="italic"), width)
        for entry in found.entries:
            lines += entry_lines(entry, context, self.history is not None, width)
        if not found.entries:
            lines.append(Text(_("No.{no} has no history yet").format(no=self._no), style="dim"))
        return lines

    def on_mount(self) -> None:
        """Title the box, give it the keys and read git's side."""
        box = self.query_one("#history", VerticalScroll)
        box.border_title = _("history of No.{no}").format(no=self._no)
        box.border_subtitle = _("reading git …")
        box.focus()
        self._read_git()

    @work(thread=True, exclusive=True, group="history")
    def _read_git(self) -> None:
        found = item_history(self._file, self._no)
        self.app.call_from_thread(self._show, found)

    def _show(self, found: ItemHistory) -> None:
        self.history = found
        box = self.query_one("#history", VerticalScroll)
        box.border_subtitle = _("escape closes")
        self.query_one("#history-lines", WrappedLines).rebuild(self._lines)

    @property
    def text(self) -> str:
        """The history as shown now, one line per line (for tests)."""
        lines = self.query_one("#history-lines", WrappedLines)
        return "\n".join(line.plain for line in lines.lines(lines.content_region.width))

    def action_scroll(self, lines: int) -> None:
        """Scroll `lines` down (negative: up)."""
        # At once (immediate), not after the next refresh: each of several keys arriving
        # together scrolled from the same place, so five j's moved one line.
        box = self.query_one("#history", VerticalScroll)
        box.scroll_relative(y=lines, animate=False, immediate=True)

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
