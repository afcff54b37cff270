"""A read-only view of text highlighted by Pygments: an item's TOML block (`v`) and the
file's pending git diff (`D`), in the current theme's Pygments style."""

from __future__ import annotations

from typing import ClassVar

from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from pctui.app.host import host_of
from pctui.base.inert import inert
from pctui.i18n import N_, _

TOML = "toml"
DIFF = "diff"
MAX_LINES = 5000  # beyond this the view is slow to build; the rest is one command away
CUT = N_("{more} more lines not shown; run `{command}` to see them all")
KEYS = N_("escape or q closes · j/k, arrows, page up/down scroll")


def highlighted(
    code: str, lexer: str, style: str, start_line: int = 1, line_numbers: bool = True
) -> Syntax:
    """`code` made inert (control and bidi characters shown, never sent to the terminal)
    and highlighted with the Pygments `lexer` in the Pygments `style`."""
    return Syntax(
        inert(code),
        lexer,
        theme=style,
        line_numbers=line_numbers,
        start_line=start_line,
        word_wrap=True,  # long Japanese lines wrap rather than run off an 80-column screen
        indent_guides=False,
    )


def cut(code: str, limit: int = MAX_LINES) -> tuple[str, int]:
    """(`code` up to `limit` lines, how many lines were left out)."""
    lines = code.splitlines(keepends=True)
    if len(lines) <= limit:
        return code, 0
    return "".join(lines[:limit]), len(lines) - limit


class CodeScreen(ModalScreen[None]):
    """Highlighted text filling the screen, scrollable; escape or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "close", id="pctui.code.close"),
        Binding("j", "scroll(1)", "down", show=False, id="pctui.code.down"),
        Binding("k", "scroll(-1)", "up", show=False, id="pctui.code.up"),
        Binding("g", "edge(0)", "top", show=False, id="pctui.code.top"),
        Binding("G", "edge(1)", "bottom", show=False, id="pctui.code.bottom"),
    ]

    def __init__(
        self,
        title: str,
        code: str,
        lexer: str,
        style: str,
        start_line: int = 1,
        command: str = "",
    ) -> None:
        super().__init__()
        self._title = title
        self._code, self._left_out = cut(code)
        self._lexer = lexer
        self._style = style
        self._start_line = start_line
        self._command = command

    def compose(self) -> ComposeResult:
        """The text in a scrollable box, and what was left out."""
        with VerticalScroll(id="code-box", classes="dialog"):
            code = highlighted(self._code, self._lexer, self._style, self._start_line)
            yield Static(code, id="code")
            if self._left_out:
                note = _(CUT).format(more=self._left_out, command=self._command)
                ellipsis = host_of(self).render_context.glyph("ellipsis")
                note = f"{ellipsis} {note}"
                yield Static(Text(note, style="italic"), id="code-cut")

    def on_mount(self) -> None:
        """Title the box and let the keys scroll it."""
        box = self.query_one("#code-box", VerticalScroll)
        box.border_title = self._title
        box.border_subtitle = _(KEYS)
        box.focus()

    @property
    def code(self) -> str:
        """The text shown (inert, as highlighted)."""
        return inert(self._code)

    @property
    def lexer(self) -> str:
        """The Pygments lexer highlighting it."""
        return self._lexer

    @property
    def style(self) -> str:
        """The Pygments style highlighting it."""
        return self._style

    def action_scroll(self, lines: int) -> None:
        """Scroll `lines` down (negative: up)."""
        box = self.query_one("#code-box", VerticalScroll)
        # At once (immediate), not after the next refresh: each of several keys arriving
        # together scrolled from the same place, so five j's moved one line.
        box.scroll_relative(y=lines, animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        """Scroll to the top (0) or the bottom (1)."""
        box = self.query_one("#code-box", VerticalScroll)
        if end:
            box.scroll_end(animate=False)
        else:
            box.scroll_home(animate=False)

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
