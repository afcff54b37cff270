"""Scrollbars drawn only with glyphs a Linux console has (half block and space).

Textual smooths the ends of a scrollbar's thumb with eighth blocks (▁ ▂ ▃ …), which a
console font lacks; this renderer rounds them to a half block or nothing. Installed with
Textual's documented hook `ScrollBar.renderer` by `run_app` in plain-glyph mode.
"""

from __future__ import annotations

from typing import ClassVar

from textual.scrollbar import ScrollBarRender


class PlainScrollBarRender(ScrollBarRender):
    """A scrollbar whose thumb ends are a lower half block (▄) or a whole cell."""

    VERTICAL_BARS: ClassVar[list[str]] = [" ", " ", " ", "▄", "▄", "▄", "▄", " "]
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8
