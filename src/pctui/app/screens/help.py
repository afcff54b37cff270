"""The key help (`?`), generated from the action registry (`pctui.app.render.help_text`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import AwaitMount

from pctui.app.host import host_of
from pctui.app.render.help_text import help_lines
from pctui.app.widgets.wrapped_text import WrappedLines, WrappedText
from pctui.i18n import N_, _

FOOTNOTE = N_(
    "ctrl+p opens the command palette with every action that can run now. "
    "Every action is saved to the file at once; quitting asks only when a save failed "
    "(a full disk, a read-only file) and a change is still kept in memory."
)


class HelpScreen(ModalScreen[None]):
    """Keys and what they do, and what the list's marks mean for `stages`; j/k and the
    page keys scroll it, escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "close", id="pctui.help.close"),
        Binding("j", "scroll(1)", "down", show=False, id="pctui.help.down"),
        Binding("k", "scroll(-1)", "up", show=False, id="pctui.help.up"),
        Binding("g", "edge(0)", "top", show=False, id="pctui.help.top"),
        Binding("G", "edge(1)", "bottom", show=False, id="pctui.help.bottom"),
    ]

    def __init__(
        self, keys_changed: Mapping[str, str] | None = None, stages: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self._keys_changed = keys_changed
        self._stages = tuple(stages)

    def compose(self) -> ComposeResult:
        """The help text in a scrollable box."""
        with VerticalScroll(classes="dialog", id="help"):
            context = host_of(self).render_context
            yield WrappedLines(
                lambda width: help_lines(width, context, self._stages, self._keys_changed),
                id="help-keys",
            )
            yield WrappedText(_(FOOTNOTE), classes="dialog-keys")

    def on_mount(self) -> None:
        """Title the box and give it the keys (arrows and page keys scroll it too)."""
        box = self.query_one("#help", VerticalScroll)
        box.border_title = _("pctui keys (escape closes)")
        box.focus()

    @property
    def text(self) -> str:
        """The help as shown now, one line per line (for tests)."""
        keys = self.query_one("#help-keys", WrappedLines)
        return "\n".join(line.plain for line in keys.lines(keys.content_region.width))

    def action_scroll(self, lines: int) -> None:
        """Scroll `lines` down (negative: up)."""
        # At once (immediate), not after the next refresh: each of several keys arriving
        # together scrolled from the same place, so five j's moved one line.
        box = self.query_one("#help", VerticalScroll)
        box.scroll_relative(y=lines, animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        """Scroll to the top (0) or the bottom (1)."""
        box = self.query_one("#help", VerticalScroll)
        if end:
            box.scroll_end(animate=False)
        else:
            box.scroll_home(animate=False)

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)


def show_help(screen: Screen[Any], stages: Sequence[str]) -> AwaitMount:
    """Open the help over `screen` (the review, grouping and redaction screens alike), with
    the keys as this user's keymap sets them."""
    return screen.app.push_screen(HelpScreen(host_of(screen).keys_changed, stages))
