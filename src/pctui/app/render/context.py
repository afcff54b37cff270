"""How marks are drawn on this terminal in this theme: one value the app builds and hands
to every renderer, rather than switches kept in the modules (a test, or a second app in
the same process, could otherwise see another app's choice).

`ReviewApp` builds it at start-up from the terminal (colour or not, `plain` glyphs or
not) and builds it again with the new theme's styles when the theme changes; the screen
passes it to the widgets with what they show, and they to the render functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from pctui.app.render.glyphs import FULL, PLAIN
from pctui.app.render.palette import COLOUR, MONOCHROME


@dataclass(frozen=True)
class RenderContext:
    """`plain`: marks from the console-safe set (`glyphs.PLAIN`); `colour`: the theme's
    `styles` (mark -> style) rather than the attribute-only `palette.MONOCHROME`."""

    plain: bool = False
    colour: bool = True
    styles: Mapping[str, str] = field(default_factory=lambda: dict(COLOUR))

    def glyph(self, name: str) -> str:
        """The characters of the mark called `name` ("unsigned", "line-break", …)."""
        return (PLAIN if self.plain else FULL)[name]

    def style(self, name: str) -> str:
        """The style of the mark called `name` (a state, a standing, "deleted", …)."""
        return (self.styles if self.colour else MONOCHROME).get(name, "")

    def restyled(self, styles: Mapping[str, str]) -> RenderContext:
        """This context with a theme's `styles` (used while colour is on)."""
        return replace(self, styles=dict(styles))
