"""What a key press in the list redraws: the moved row and the new item in one frame, and
nothing of the screen's layout, whether the new item fits the pane or scrolls."""

from __future__ import annotations

from rich.style import Style


def test_the_next_item_is_drawn_with_the_move(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        main = app.main
        for _ in range(3):
            main.action_next_item()  # as `j` runs it; no message handled since
            assert main.table.selected_no == 2 + _
            assert app.detail.lines[0].startswith(f"No.{main.table.selected_no} ")
            await pilot.pause()
            assert app.detail.lines[0].startswith(f"No.{main.table.selected_no} ")

    drive(app, script)


def test_the_pane_keeps_its_scrollbar_and_draws_it_as_the_gutter_when_it_fits(
    make_app, drive
) -> None:
    app = make_app("yamada")
    seen: set[bool] = set()

    async def script(pilot) -> None:
        detail = app.detail

        def background(x: int, y: int) -> Style | None:
            line = app.screen._compositor.render_strips()[y]
            start = 0
            for segment in line:
                if start <= x < start + segment.cell_length:
                    return segment.style
                start += segment.cell_length
            return None

        for press in ["j"] * 6 + ["tab", "j", "j"]:
            fits = detail.virtual_size.height <= detail.size.height
            seen.add(fits)
            # Shown for a short item too: a scrollbar that came and went laid the screen
            # out again at each such press.
            assert detail.show_vertical_scrollbar and detail.vertical_scrollbar.display
            if fits:
                region = detail.region
                gutter = background(region.right - 1, region.y + 1)
                padding = background(region.right - 3, region.y + 1)  # the pane's own
                assert gutter is not None and padding is not None
                assert gutter.bgcolor == padding.bgcolor, press
            await pilot.press(press)

    drive(app, script)
    assert seen == {True, False}  # the sample's items: some fit the pane, some scroll
