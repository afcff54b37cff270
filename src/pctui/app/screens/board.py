"""The progress board (`s`): the whole screen, so that a consultation of a few sections reads
at a glance on 80×24; j/k and the page keys scroll a longer one, escape, q or s closes it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from pctui.app.host import host_of
from pctui.app.render.board import board_lines
from pctui.app.review_actions import translated
from pctui.app.widgets.wrapped_text import WrappedLines
from pctui.base.inert import inert
from pctui.i18n import N_, _
from pctui.model.records import Consultation
from pctui.session.board import build_board


class BoardScreen(Screen[None]):
    """The board of `consultation` as it is when opened (the numbers are computed once)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,s", "close", N_("close"), id="pctui.board.close"),
        Binding("j,down", "scroll(1)", "down", show=False, id="pctui.board.down"),
        Binding("k,up", "scroll(-1)", "up", show=False, id="pctui.board.up"),
    ]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The active bindings, their footer labels in the current language ("close" was
        shown in English on a Japanese screen)."""
        return translated(super().active_bindings)

    def __init__(self, consultation: Consultation) -> None:
        super().__init__()
        self._title = consultation.meta.title
        self.board = build_board(consultation)

    def compose(self) -> ComposeResult:
        """The board in a scrollable box, and the footer."""
        context = host_of(self).render_context
        with VerticalScroll(id="board"):
            yield WrappedLines(
                lambda width: board_lines(self.board, width, context), id="board-lines"
            )
        yield Footer()

    def on_mount(self) -> None:
        """Title the box and give it the keys."""
        box = self.query_one("#board", VerticalScroll)
        box.border_title = _("progress board: {title}").format(title=inert(self._title))
        box.border_subtitle = _("escape closes")
        box.focus()

    @property
    def text(self) -> str:
        """The board as shown now, one line per line (for tests)."""
        lines = self.query_one("#board-lines", WrappedLines)
        return "\n".join(line.plain for line in lines.lines(lines.content_region.width))

    def action_scroll(self, lines: int) -> None:
        """Scroll `lines` down (negative: up)."""
        # At once (immediate), not after the next refresh: each of several keys arriving
        # together scrolled from the same place, so five j's moved one line.
        box = self.query_one("#board", VerticalScroll)
        box.scroll_relative(y=lines, animate=False, immediate=True)

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
