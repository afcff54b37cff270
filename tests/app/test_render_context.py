"""The render context: how marks are drawn belongs to each app, not to the process, so an
app (or a test) choosing plain glyphs or no colour changes no other app's drawing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.text import Text
from textual.pilot import Pilot

from pctui.app.render.badges import state_badge
from pctui.app.render.context import RenderContext
from pctui.app.render.fit import fit_text
from pctui.app.render.glyphs import FULL, PLAIN
from pctui.app.render.palette import COLOUR, MONOCHROME
from pctui.model.state import APPROVED

from .conftest import MakeApp


def test_the_default_context_draws_unicode_marks_in_colour() -> None:
    context = RenderContext()
    assert context.glyph("ellipsis") == FULL["ellipsis"] == "…"
    assert context.style("inserted") == COLOUR["inserted"]


def test_restyled_keeps_glyphs_and_colour_and_no_colour_ignores_the_theme() -> None:
    theme = {"inserted": "bold magenta"}
    plain = RenderContext(plain=True).restyled(theme)
    assert plain.plain and plain.glyph("ellipsis") == PLAIN["ellipsis"] == "..."
    assert plain.style("inserted") == "bold magenta"
    assert plain.style("no such mark") == ""
    grey = RenderContext(colour=False).restyled(theme)
    assert grey.style("inserted") == MONOCHROME["inserted"]


def test_render_functions_draw_with_the_context_they_are_given() -> None:
    title = Text("住民基本台帳事務に関する評価書")
    assert fit_text(title, 9, RenderContext(plain=True)).plain == "住民基..."
    assert fit_text(title, 9, RenderContext()).plain == "住民基本…"
    badge = state_badge(APPROVED, RenderContext(colour=False))
    assert badge.style == MONOCHROME[APPROVED]


@pytest.mark.parametrize("first_plain", [True, False])
def test_an_app_made_later_does_not_change_how_another_draws(
    make_app: MakeApp,
    drive: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
    first_plain: bool,
) -> None:
    """Made one after the other (as a test or a second `pctui open` in one process could),
    each app draws with its own glyphs and colour."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app("tanaka", plain=first_plain)
    monkeypatch.setenv("NO_COLOR", "1")
    other = make_app("tanaka", plain=not first_plain)
    assert other.render_context.plain != first_plain and not other.render_context.colour

    async def script(pilot: Pilot[None]) -> None:
        signed = app.main.table.row_text(5).split()[2]
        assert signed == ("12-" if first_plain else "担係・")
        assert ("[-struck-]" in str(app.shown("diff-summary"))) == first_plain
        badge = [segment for segment in app.main.table.render_line(1) if "approved" in segment.text]
        assert badge[0].style is not None and badge[0].style.color is not None  # in colour

    drive(app, script)
