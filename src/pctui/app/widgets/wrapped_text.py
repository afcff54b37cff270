"""A Static whose text is broken into lines by Japanese line-breaking rules."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widgets import Static

from pctui.app.render.wrap import wrap


class WrappedText(Static):
    """Shows a Rich Text wrapped with `pctui.app.render.wrap` instead of plain folding."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._cache: tuple[int, Text, Text] | None = None  # (width, content, wrapped)

    def _wrapped(self, width: int) -> Text:
        content = self.content
        if not isinstance(content, Text):
            content = Text(str(content))
        if self._cache and self._cache[0] == width and self._cache[1] is content:
            return self._cache[2]
        wrapped = Text("\n").join(wrap(content, width))
        self._cache = (width, content, wrapped)
        return wrapped

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Lines the text takes at `width` cells."""
        return len(self._wrapped(width).split("\n", allow_blank=True)) if width else 0

    def render(self) -> RenderResult:
        """The text broken into lines for the current width."""
        return self._wrapped(self.content_size.width)
