"""A one-line Static whose text is cut with the ellipsis the terminal can draw."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.widgets import Static

from pctui.app.host import host_of
from pctui.app.render.fit import fit_text


class OneLine(Static):
    """One line of Rich Text, cut to the widget's width by `fit_text`: on a Linux console
    with "...", where CSS `text-overflow: ellipsis` would draw a "…" its font lacks."""

    def render(self) -> RenderResult:
        """The text fitted to the width the content has now."""
        content = self.content
        if isinstance(content, Text):
            return fit_text(content, self.content_region.width, host_of(self).render_context)
        return super().render()
