"""Revising a response: e (in the app, ctrl+s saves, escape asks) and E ($VISUAL/$EDITOR)."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from textual.widgets import Input, TextArea

from pctui.app.screens.confirm import ConfirmScreen
from pctui.app.screens.edit import EditScreen
from pctui.model.actions import revise
from pctui.storage import ConsultationFile


def test_e_then_ctrl_s_saves_a_new_revision(make_app, drive, disk) -> None:
    original = disk.item(10).current.text
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("G", "e")
        assert isinstance(app.screen, EditScreen)
        area = app.screen.query_one(TextArea)
        assert area.text == original
        area.move_cursor(area.document.end)
        await pilot.press("enter", "enter", *"追記しました")
        app.screen.query_one(Input).value = "第2段落を追加"
        await pilot.press("ctrl+s")
        assert app.main.is_current

    drive(app, script)
    item = disk.item(10)
    assert item.current_index == 2
    assert item.current.author == "yamada"
    assert item.current.text == original + "\n\n追記しました"
    assert item.current.note == "第2段落を追加"
    assert app.last_said() == ("information", "No.10: saved revision 2")


def test_e_escape_asks_before_discarding(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("e", "escape")  # nothing typed: closes at once
        assert app.main.is_current
        await pilot.press("e", "x", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, EditScreen)
        await pilot.press("escape", "y")
        assert app.main.is_current

    drive(app, script)
    assert disk.bytes() == before


def test_e_reports_a_revision_saved_meanwhile_and_keeps_both(make_app, drive, disk) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("G", "e")
        other = ConsultationFile.load(disk.path)  # tanaka, in another terminal
        other.transact(10, lambda c: revise(c, 10, "tanaka", "田中の修正版です。", base=1))
        app.screen.query_one(TextArea).text = "山田の修正版です。"
        await pilot.press("ctrl+s")
        severity, message = app.last_said()
        assert severity == "warning"
        assert "meanwhile tanaka saved 1 revision." in message

    drive(app, script)
    texts = [r.text for r in disk.item(10).revisions]
    assert texts[1:] == ["田中の修正版です。", "山田の修正版です。"]


def _editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(body, encoding="utf-8")
    return f"{sys.executable} {script}"


def test_E_runs_VISUAL_on_the_text_and_saves_what_it_wrote(
    make_app, drive, disk, tmp_path, monkeypatch
) -> None:
    editor = _editor(tmp_path, (
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text(encoding='utf-8').replace('。', '。（外部で修正）', 1),"
        " encoding='utf-8')\n"
    ))  # fmt: skip
    monkeypatch.setenv("VISUAL", editor)
    monkeypatch.setenv("EDITOR", "false")  # VISUAL wins
    app = make_app("yamada")
    # The headless test driver cannot give the terminal away; the real one is in the tmux test.
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    original = disk.item(10).current.text

    async def script(pilot) -> None:
        await pilot.press("G", "E")

    drive(app, script)
    item = disk.item(10)
    assert item.current_index == 2
    assert item.current.text == original.replace("。", "。（外部で修正）", 1)


def test_E_saves_nothing_when_the_editor_fails_or_changes_nothing(
    make_app, drive, disk, tmp_path, monkeypatch
) -> None:
    before = disk.bytes()
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app("yamada")
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)

    async def script(pilot) -> None:
        monkeypatch.setenv("EDITOR", "false")
        await pilot.press("E")
        assert app.last_said() == ("error", "the editor exited with status 1; nothing saved")
        monkeypatch.setenv("EDITOR", "true")
        await pilot.press("E")
        assert app.last_said() == ("information", "No.1: text unchanged; nothing saved.")
        monkeypatch.setenv("EDITOR", "/nonexistent/editor")
        await pilot.press("E")
        assert app.last_said()[1].startswith("cannot run the editor '/nonexistent/editor'")

    drive(app, script)
    assert disk.bytes() == before
