"""One-line texts cut with the ellipsis the terminal can draw (pctui.app.render.fit)."""

from __future__ import annotations

from rich.text import Text

from pctui.app.render.context import RenderContext
from pctui.app.render.fit import fit_text

TITLE = Text("住民基本台帳事務に関する評価書", style="bold")  # 30 cells
FULL = RenderContext()
PLAIN = RenderContext(plain=True)


def test_a_text_that_fits_is_left_whole() -> None:
    assert fit_text(TITLE, 30, FULL).plain == TITLE.plain
    assert fit_text(TITLE, 80, FULL).plain == TITLE.plain


def test_a_cut_text_ends_with_the_unicode_ellipsis_and_keeps_its_style() -> None:
    cut = fit_text(TITLE, 9, FULL)
    assert cut.plain == "住民基本…"
    assert cut.cell_len == 9 and cut.style == "bold"


def test_a_wide_character_that_would_not_fit_is_left_out_rather_than_halved() -> None:
    cut = fit_text(TITLE, 8, FULL)
    assert cut.plain == "住民基…" and cut.cell_len == 7


def test_on_a_console_the_ellipsis_is_three_dots() -> None:
    cut = fit_text(TITLE, 9, PLAIN)
    assert cut.plain == "住民基..." and "…" not in cut.plain
    assert fit_text(TITLE, 2, PLAIN).plain == ".."


def test_line_breaks_become_spaces_and_nothing_is_wider_than_asked() -> None:
    text = Text("first line\nsecond\tline")
    assert fit_text(text, 40, FULL).plain == "first line second line"
    for width in range(12):
        assert fit_text(TITLE, width, FULL).cell_len <= width
