"""The item pane draws its own boxes: what a reviewer's text holds (tabs, line breaks in a
note) stays inside them, and a new theme recolours them at once."""

from __future__ import annotations

from rich.cells import cell_len

from pctui.model.actions import revise
from pctui.storage import ConsultationFile


def test_tabs_and_line_breaks_stay_inside_the_boxes(make_app, drive, disk) -> None:
    file = ConsultationFile.load(disk.path)
    file.transact(
        1, lambda c: revise(c, 1, "tanaka", "前\t後\t表の\t列", note="一行目\n二行目\tまで")
    )
    app = make_app("yamada")

    async def script(pilot) -> None:
        detail = app.detail
        for width in (120, 80, 60):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            room = detail.scrollable_content_region.width
            assert all("\t" not in line and "\n" not in line for line in detail.lines)
            assert all(cell_len(line) <= room for line in detail.lines), width
            assert any("前  後" in line for line in detail.lines)  # to the next tab stop of 4
            assert any("note: 一行目 二行目 まで" in line for line in detail.lines)

    drive(app, script)


def test_a_new_theme_recolours_the_boxes_at_once(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        detail = app.detail

        def border_colour() -> object:
            top, _left = detail.place("opinion")
            corner = detail.render_line(top - round(detail.scroll_offset.y))
            return next(seg.style.color for seg in corner if seg.text.strip())

        before = border_colour()
        for theme in ("pctui-light", "pctui-high-contrast"):
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            wanted = detail.get_component_rich_style("item-detail--box", partial=True).color
            assert border_colour() == wanted != before, theme
            before = wanted

    drive(app, script)
