"""Widgets whose lines are broken by pctui's own rule (`pctui.app.render.wrap`, 禁則処理).

Textual folds a Static's text at the last cell that fits, so Japanese in a dialog could
start a line with 「。」 or end one with 「（」. These widgets build their lines for the
width they are given with the same rule as the item panes, and show them unwrapped.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widget import Widget

from pctui.app.render.wrap import wrap

LineBuilder = Callable[[int], list[Text]]


class WrappedLines(Widget):
    """The lines `build(width)` returns for the content's width, as many as there are."""

    DEFAULT_CSS = """
    WrappedLines {
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(
        self, build: LineBuilder, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._build = build
        self._built: tuple[int, list[Text]] | None = None  # (width, lines)

    def lines(self, width: int) -> list[Text]:
        """The lines for `width` cells (built once per width)."""
        if self._built is None or self._built[0] != width:
            self._built = (width, self._build(max(1, width)))
        return self._built[1]

    def rebuild(self, build: LineBuilder) -> None:
        """Show what `build` makes from now on (the height may change)."""
        self._build, self._built = build, None
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One row per line at `width`."""
        return len(self.lines(width))

    def render(self) -> RenderResult:
        """The lines for the width the content has now."""
        return Text("\n", end="").join(self.lines(self.content_region.width))


class WrappedText(WrappedLines):
    """A text (str: never read as markup) wrapped by pctui's rule; hidden while empty."""

    def __init__(
        self, text: str | Text, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(lambda width: [], id=id, classes=classes)
        self.text = text

    @property
    def text(self) -> str:
        """The text shown, as plain characters."""
        return self._text.plain

    @text.setter
    def text(self, text: str | Text) -> None:
        self._text = text if isinstance(text, Text) else Text(text)
        shown = self._text
        self.rebuild(lambda width: wrap(shown, width))
        self.display = bool(shown.plain)
