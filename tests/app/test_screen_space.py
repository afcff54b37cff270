"""The review screen uses the terminal it has: the list grows on tall terminals, rows run to
the right edge of wide ones, and lines cut short end with an ellipsis the terminal can
draw (three dots on a Linux console)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks import generate
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from pctui.app.render.glyphs import FULL

from .conftest import MakeApp
from .test_language import screen_text


def consultation_of(items: int, tmp_path: Path) -> Path:
    path = tmp_path / f"c{items}.toml"
    generate.write(path, items)
    return path


def visible_rows(app) -> int:  # type: ignore[no-untyped-def]
    """Rows of items the list shows without scrolling."""
    return min(app.main.table.row_count, app.main.table.scrollable_content_region.height - 1)


@pytest.mark.parametrize(("size", "items", "shown"), [((120, 40), 12, 12), ((200, 60), 40, 25)])
def test_a_tall_terminal_shows_more_of_the_list(
    size: tuple[int, int],
    items: int,
    shown: int,
    make_app: MakeApp,
    drive: Callable[..., None],
    tmp_path: Path,
) -> None:
    app = make_app("tanaka", path=consultation_of(items, tmp_path))

    async def script(pilot: Pilot[None]) -> None:
        assert visible_rows(app) >= shown
        # The item below keeps at least as many lines as the list takes.
        detail = app.detail.size.height
        assert detail >= app.main.table.size.height - 1

    drive(app, script, size=size)


def test_the_list_keeps_a_third_of_a_short_terminal(
    make_app: MakeApp, drive: Callable[..., None], tmp_path: Path
) -> None:
    app = make_app("tanaka", path=consultation_of(40, tmp_path))

    async def script(pilot: Pilot[None]) -> None:
        assert app.main.table.size.height <= 24 * 35 // 100 + 1

    drive(app, script, size=(80, 24))


def test_rows_run_to_the_right_edge_of_a_wide_terminal(
    make_app: MakeApp, drive: Callable[..., None], tmp_path: Path
) -> None:
    app = make_app("tanaka", path=consultation_of(12, tmp_path))

    async def script(pilot: Pilot[None]) -> None:
        table = app.main.table
        width = table.scrollable_content_region.width
        long_rows = [no for no in table.numbers if len(app.main.item(no).opinion) > 120]
        assert long_rows
        for row in range(1, 4):
            line = "".join(segment.text for segment in table.render_line(row)).rstrip()
            assert width - 2 <= sum(2 if ord(c) > 0x2E7F else 1 for c in line) <= width
            assert line.endswith(FULL["ellipsis"])

    drive(app, script, size=(200, 60))


def test_a_console_title_is_cut_with_three_dots(
    make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("tanaka", theme="pctui-terminal", plain=True)

    async def script(pilot: Pilot[None]) -> None:
        title = app.main.query_one("#title", Static)
        drawn = title.render()
        assert isinstance(drawn, Text) and drawn.plain.endswith("...")
        assert drawn.cell_len <= title.content_region.width
        assert "…" not in screen_text(pilot)

    drive(app, script, size=(60, 24))
