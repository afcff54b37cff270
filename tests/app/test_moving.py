"""Moving through the list: j/k and arrows, g/G, n/N, tab. Nothing is written."""

from __future__ import annotations

from pctui.app.widgets.item_detail import ItemDetail
from pctui.session.listing import needs_signoff


def test_j_k_and_the_arrows_move_one_item(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("yamada")

    async def script(pilot) -> None:
        seen = [app.main.table.selected_no]
        for key in ("j", "down", "k", "up", "k"):
            await pilot.press(key)
            seen.append(app.main.table.selected_no)
        assert seen == [1, 2, 3, 2, 1, 1]

    drive(app, script)
    assert disk.bytes() == before


def test_g_and_G_go_to_the_first_and_last_item(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("G")
        assert app.main.table.selected_no == 10
        await pilot.press("g")
        assert app.main.table.selected_no == 1

    drive(app, script)


def test_n_and_N_visit_only_items_that_need_my_signoff(make_app, drive, disk) -> None:
    consultation = disk.consultation
    mine = [i.no for i in consultation.items if needs_signoff(consultation, i, "tanaka")]
    assert mine == [7, 8, 9]  # the sample: tanaka wrote No.10, the rest are signed at 担当
    app = make_app("tanaka")

    async def script(pilot) -> None:
        visited = []
        for key in ("n", "n", "n", "n", "N"):
            await pilot.press(key)
            visited.append(app.main.table.selected_no)
        assert visited == [7, 8, 9, 7, 9]  # wraps around at the end, and back

    drive(app, script)


def test_n_says_so_when_nothing_else_needs_me(make_app, drive) -> None:
    app = make_app("yamada")  # yamada can sign No.10 only

    async def script(pilot) -> None:
        await pilot.press("n")
        assert app.main.table.selected_no == 10
        await pilot.press("n")
        assert app.main.table.selected_no == 10
        assert app.last_said() == ("warning", "No other item needs your sign-off.")

    drive(app, script)


def test_tab_moves_focus_between_the_list_and_the_item(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        assert app.focused is app.main.table
        await pilot.press("tab")
        assert isinstance(app.focused, ItemDetail)
        await pilot.press("j")  # j still moves through the list
        assert app.main.table.selected_no == 2
        await pilot.press("tab")
        assert app.focused is app.main.table

    drive(app, script)
