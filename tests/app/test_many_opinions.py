"""An item of 300 opinions in the app: paging through its pane reaches every opinion, the
last one is on screen at the end, the header counts them, and a search for a word of
opinion 250 selects the item and the word is on screen once paged to. What is read is
what the pane paints (`render_line`), in wide and in stacked layouts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.app.many_opinions import (
    NEEDLE,
    OPINIONS,
    opinion_count,
    opinion_text,
    write_many_opinions,
)

from pctui.i18n import ENGLISH, install

SIZES = ((120, 40), (80, 24))  # opinion and response side by side; one above the other


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_many_opinions(tmp_path / "2026-many.toml")


@pytest.fixture
def japanese() -> Iterator[None]:
    install("ja")
    yield
    install(ENGLISH)


def _screen(app) -> dict[int, str]:
    """The pane's lines on screen now, by their line in the pane."""
    detail = app.detail
    top = round(detail.scroll_y)
    return {top + y: detail.render_line(y).text for y in range(detail.size.height)}


async def _page_through(app, pilot) -> dict[int, str]:
    """Every line painted while paging from the top to the end: the first pages with the
    page key (space), the rest scrolled page by page directly (300 key presses would take
    a minute of waiting for the screen), then `end` for the last page."""
    detail = app.detail
    seen = _screen(app)
    for _ in range(3):
        await pilot.press("space")
        seen.update(_screen(app))
    while detail.scroll_y < detail.max_scroll_y:
        detail.scroll_page_down(animate=False)
        seen.update(_screen(app))
    detail.scroll_home(animate=False)
    await pilot.press("end")
    seen.update(_screen(app))
    return seen


def _opinion_column(lines: dict[int, str], width: int) -> str:
    """The opinion box's text, the lines in order, borders and padding taken off."""
    wide = width >= 100
    inner = []
    for number in sorted(lines):
        line = lines[number]
        if not line.startswith("│"):
            continue
        if wide:
            inner.append(line[: line.index("│", 1)][2:].rstrip())
        else:
            inner.append(line[2:].rstrip(" │"))
    return "".join(inner)


@pytest.mark.parametrize("size", SIZES)
def test_paging_reaches_every_opinion_and_ends_on_the_last(make_app, drive, path, size) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        assert app.main.table.selected_no == 1
        await pilot.press("tab")  # the pane has the focus: `end` scrolls it
        assert app.detail.has_focus
        seen = await _page_through(app, pilot)
        assert len(seen) == len(app.detail.lines) > 1000  # every line painted once at least
        shown = re.sub(r"\s", "", _opinion_column(seen, size[0]))
        for number in range(1, OPINIONS + 1):
            # label, full-width space, the text (its spaces and breaks aside), the count
            text = re.sub(r"\s", "", opinion_text(number))
            count = opinion_count(number)
            counted = f"({count}opinion{'s' if count > 1 else ''})"
            assert f"{number}　{text}{counted}".replace("　", "") in shown.replace("　", ""), number
        last = _screen(app)
        bottom = re.sub(r"\s", "", _opinion_column(last, size[0]))
        assert re.sub(r"\s", "", opinion_text(OPINIONS))[-10:] in bottom

    drive(app, script, size=size)


def test_the_header_counts_300_opinions_in_japanese(make_app, drive, path, japanese) -> None:
    app = make_app("yamada", path)
    total = sum(opinion_count(number) for number in range(1, OPINIONS + 1))

    async def script(pilot) -> None:
        assert f"300件の意見、{total}件" in _screen(app)[0]

    drive(app, script)


@pytest.mark.parametrize("size", SIZES)
def test_a_search_finds_opinion_250_and_pages_to_it(make_app, drive, path, size) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("j")
        await pilot.press("slash", *NEEDLE, "enter")
        await pilot.pause()
        assert app.main.table.numbers == [1]
        assert not any(NEEDLE in line for line in _screen(app).values())  # far below
        await pilot.press("tab")
        seen = await _page_through(app, pilot)
        found = [number for number, line in seen.items() if NEEDLE[:3] in line]
        assert found, "the word of opinion 250 was never on screen"
        before = "".join(seen[number] for number in range(found[0] - 40, found[0]))
        assert "250　" in before or "250　" in seen[found[0]]

    drive(app, script, size=size)


def test_the_scrollbar_follows_the_item_shown(make_app, drive, path) -> None:
    """The pane's scrollable height is set without laying the screen out: the scrollbar
    shows the long item, stays (drawn as the gutter, `PaneScrollBar`) with nothing to
    scroll for a short one, and scrolls to the very end."""
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        detail = app.detail
        height = detail.scrollable_content_region.height
        assert detail.show_vertical_scrollbar
        assert detail.vertical_scrollbar.window_virtual_size == len(detail.lines)
        assert detail.max_scroll_y == len(detail.lines) - height
        await pilot.press("j", "j")  # No.3: one short opinion, the whole item fits
        assert len(detail.lines) <= height
        bar = detail.vertical_scrollbar
        assert detail.show_vertical_scrollbar and detail.max_scroll_y == 0
        assert bar.window_virtual_size == len(detail.lines) <= bar.window_size
        await pilot.press("g", "tab", "end")
        await pilot.pause()
        assert detail.show_vertical_scrollbar
        assert detail.scroll_y == detail.max_scroll_y == len(detail.lines) - height
        bottom = _screen(app)
        assert bottom[len(detail.lines) - 1] == detail.lines[-1]  # the last box's bottom

    drive(app, script)
