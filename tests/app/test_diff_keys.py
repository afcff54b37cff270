"""The diff: d cycles inline / side by side / hidden; [ and ] move the base revision;
the diff starts from the revision I last signed."""

from __future__ import annotations

from pctui.model.actions import revise
from pctui.session.diff_state import HIDDEN, INLINE, SIDE_BY_SIDE, DiffBase
from pctui.storage import ConsultationFile


def test_d_cycles_inline_side_by_side_hidden(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("yamada")  # No.1 has two revisions

    async def script(pilot) -> None:
        detail = app.detail

        def shown() -> tuple[str, bool, bool, bool]:
            parts = ("diff-summary", "diff-inline", "diff-old")
            return (app.main.diff.mode, *(detail.part(part) is not None for part in parts))

        assert shown() == (INLINE, True, True, False)
        assert detail.place("diff") is not None
        await pilot.press("d")
        assert shown() == (SIDE_BY_SIDE, True, False, True)
        await pilot.press("d")
        assert shown() == (HIDDEN, False, False, False)
        assert detail.place("diff") is None
        assert not any("diff rev" in line for line in detail.lines)
        await pilot.press("d")
        assert shown() == (INLINE, True, True, False)

    drive(app, script)
    assert disk.bytes() == before


def test_the_inline_diff_strikes_out_and_marks_characters(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        text = app.shown("diff-inline")
        styles = {str(span.style) for span in text.spans}
        assert any("strike" in style for style in styles)
        assert any("underline" in style for style in styles)
        assert app.detail.title("diff") == "diff rev 1 → 2 (previous revision)"

    drive(app, script)


def test_brackets_move_the_base_and_it_starts_since_my_signoff(make_app, drive, disk) -> None:
    # No.7: tanaka approved revision 1, yamada revised it; add a third revision.
    other = ConsultationFile.load(disk.path)
    current = other.consultation.item(7).current.text
    other.transact(7, lambda c: revise(c, 7, "yamada", current + "\n\n第三版", base=2))
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("n")
        screen = app.main
        assert screen.table.selected_no == 7

        def base() -> DiffBase | None:
            return screen.diff.base(screen.selected)

        assert base() == DiffBase(1, "since your sign-off")
        assert screen.check_action("older_base", ()) is None  # already the first
        await pilot.press("right_square_bracket")
        assert base().index == 2
        assert app.detail.title("diff") == "diff rev 2 → 3 (chosen)"
        assert screen.check_action("newer_base", ()) is None  # 3 is the current revision
        await pilot.press("right_square_bracket")
        assert base().index == 2
        await pilot.press("left_square_bracket")
        assert base().index == 1
        await pilot.press("j", "k")  # another item and back: the default again
        assert base().index == 1

    drive(app, script)


def test_an_item_with_one_revision_has_nothing_to_compare(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("G")  # No.10 has one revision
        summary = app.shown("diff-summary")
        assert "nothing to compare" in summary.plain
        assert app.main.check_action("older_base", ()) is None

    drive(app, script)


def test_the_side_by_side_halves_hold_the_old_and_new_text(make_app, drive, disk) -> None:
    item = disk.item(1)
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("d")
        old = app.shown("diff-old")
        new = app.shown("diff-new")
        assert old.plain.replace("↵", "") == item.revisions[0].text
        assert new.plain.replace("↵", "") == item.revisions[1].text

    drive(app, script)
