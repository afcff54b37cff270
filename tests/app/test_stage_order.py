"""決裁 order in the TUI: `n`/`N` and the "needs my sign-off" filter send a reviewer only to
items where their stage is next; `a` on an item that waits for an earlier stage is refused
with a notification and changes nothing; `x` still works there.

In the sample, No.1–4 are approved, No.5 has 担当 and 係長 (課長 is next), No.6 has 担当
and a request for changes from 係長, No.7–10 are drafts nobody has approved."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.filter import FilterScreen
from pctui.model.state import CHANGES_REQUESTED, item_state


def with_order(path: Path, order: str) -> None:
    """Say `[review] order = ORDER` in the sample copy."""
    text = path.read_text(encoding="utf-8")
    assert "\n[review]\n" in text
    path.write_text(text.replace("\n[review]\n", f'\n[review]\norder = "{order}"\n', 1), "utf-8")


def test_n_takes_a_kacho_only_where_kacho_is_next(make_app, drive) -> None:
    app = make_app("sato")

    async def script(pilot) -> None:
        await pilot.press("n")
        assert app.main.table.selected_no == 5
        await pilot.press("n")  # the drafts wait for 担当 and 係長; No.6 for 係長
        assert app.main.table.selected_no == 5
        assert app.last_said() == ("warning", "No other item needs your sign-off.")
        await pilot.press("N")
        assert app.main.table.selected_no == 5

    drive(app, script)


def test_the_needs_me_filter_of_a_kacho(make_app, drive) -> None:
    app = make_app("sato")

    async def script(pilot) -> None:
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        options = app.screen.query_one(OptionList)
        assert str(options.get_option_at_index(2).prompt) == "needs my sign-off (1)"
        await pilot.press("down", "down", "enter")
        assert app.main.table.numbers == [5]

    drive(app, script)


def test_a_on_a_draft_not_yet_approved_below_is_refused(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("sato")

    async def script(pilot) -> None:
        await pilot.press("G")  # No.10, a draft
        assert app.main.table.selected_no == 10
        await pilot.press("a")
        await pilot.pause()

    drive(app, script)
    assert app.last_said() == (
        "error",
        "Refused: No.10 is waiting for 担当, 係長: 課長 may approve revision 1 only after "
        'every earlier stage has approved it (review.order = "stages")',
    )
    assert disk.bytes() == before


def test_x_on_such_a_draft_requests_changes_at_my_stage(make_app, drive, disk) -> None:
    app = make_app("sato")

    async def script(pilot) -> None:
        await pilot.press("G", "x")
        assert isinstance(app.screen, CommentScreen)
        await pilot.press(*"konkyo", "enter")
        await pilot.pause()

    drive(app, script)
    item = disk.item(10)
    assert (item.signoffs[-1].stage, item.signoffs[-1].by) == ("課長", "sato")
    assert item_state(item, disk.consultation.review) == CHANGES_REQUESTED


def test_where_order_is_any_n_and_a_work_out_of_order(make_app, drive, disk, sample_path) -> None:
    with_order(sample_path, "any")
    app = make_app("sato")

    async def script(pilot) -> None:
        visited = []
        for _ in range(5):
            await pilot.press("n")
            visited.append(app.main.table.selected_no)
        assert visited == [5, 6, 7, 8, 9]
        await pilot.press("a")  # No.9, a draft: 課長 approves after the fact
        await pilot.pause()

    drive(app, script)
    assert [s.stage for s in disk.item(9).signoffs if s.by == "sato"] == ["課長"]
