"""The file changed on disk while the app is open: reload, keep the selection, say so."""

from __future__ import annotations

from pctui.app.review_app import ReviewApp
from pctui.model.actions import revise, sign
from pctui.model.state import IN_REVIEW, item_state
from pctui.storage import ConsultationFile


def test_a_change_by_another_reviewer_is_reloaded_keeping_the_selection(
    make_app, drive, disk
) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("j", "j", "j", "j", "j", "j")
        assert app.main.table.selected_no == 7
        app.main.check_disk()
        assert app.said == []  # nothing changed yet
        other = ConsultationFile.load(disk.path)  # tanaka signs No.7 in another terminal
        other.transact(7, lambda c: sign(c, 7, "tanaka"))
        app.main.check_disk()
        await pilot.pause()
        assert app.last_said() == ("information", "2025-jumin.toml changed on disk; reloaded")
        assert app.main.table.selected_no == 7
        item = app.file.consultation.item(7)
        assert item_state(item, app.file.consultation.review) == IN_REVIEW
        assert app.main.table.row_text(7).split()[:2] == ["7", "review"]

    drive(app, script)


def test_a_broken_file_on_disk_is_reported_once_and_the_last_good_one_kept(
    make_app, drive, disk
) -> None:
    good = disk.bytes()
    app = make_app("yamada")

    async def script(pilot) -> None:
        disk.path.write_bytes(good.replace(b"[[items]]", b"[[items]", 1))
        app.main.check_disk()
        severity, message = app.last_said()
        assert severity == "error"
        assert message.startswith("2025-jumin.toml changed on disk but does not load: ")
        app.main.check_disk()
        assert len(app.said) == 1  # not again every second
        await pilot.press("G", "a")
        severity, message = app.last_said()
        assert severity == "error" and message.startswith("Not saved: ")
        assert "kept" not in message
        disk.path.write_bytes(good)
        app.main.check_disk()
        assert app.last_said()[1] == "2025-jumin.toml changed on disk; reloaded"

    drive(app, script)
    assert disk.bytes() == good


def test_the_file_is_polled_on_a_timer(sample_path, drive, disk) -> None:
    app = ReviewApp(ConsultationFile.load(sample_path), "yamada", watch_interval=0.05)
    said: list[str] = []
    app.notify = lambda message, **kwargs: said.append(message)  # type: ignore[method-assign]

    async def script(pilot) -> None:
        other = ConsultationFile.load(disk.path)
        other.transact(7, lambda c: sign(c, 7, "tanaka"))
        for _ in range(200):  # a condition, not a fixed sleep: at most ~10 s
            if said:
                break
            await pilot.pause(0.05)
        assert said == ["2025-jumin.toml changed on disk; reloaded"]

    drive(app, script)


def test_approving_after_another_reviewer_revised_signs_nothing(make_app, drive, disk) -> None:
    # The app shows revision 2 of No.7; before the file is polled again, tanaka saves a
    # revision 3 in another terminal. Pressing a must not approve text yamada never saw.
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("j", "j", "j", "j", "j", "j")
        shown = app.main.selected
        assert shown is not None and (shown.no, shown.current_index) == (7, 2)
        other = ConsultationFile.load(disk.path)
        other.transact(7, lambda c: revise(c, 7, "tanaka", "第三版の回答", base=2))
        before = disk.bytes()
        await pilot.press("a")
        severity, message = app.last_said()
        assert severity == "error"
        assert "No.7 changed meanwhile: tanaka saved revision 3" in message
        assert disk.bytes() == before
        # The screen now shows revision 3: reading it, yamada may approve it.
        await pilot.pause()
        assert app.main.selected.current_index == 3
        await pilot.press("a")
        assert disk.item(7).signoffs[-1].by == "yamada"
        assert disk.item(7).signoffs[-1].revision == 3

    drive(app, script)
