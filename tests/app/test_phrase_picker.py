"""The standard phrase picker in the editor (ctrl+t): search by typing, the arrows choose,
enter inserts the phrase filled in for the item at the cursor, escape cancels."""

from __future__ import annotations

from pathlib import Path

from tests.session.format_two_file import write_format_two
from textual.widgets import Input, TextArea

from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.edit import EditScreen
from pctui.app.screens.phrase_picker import PhrasePicker
from pctui.storage import ConsultationFile

PHRASES = """\
[[phrases]]
id = "hanei"
text = "ご意見を踏まえ、No.{no}の記載を修正しました。"
classes = ["反映", "反映済み"]

[[phrases]]
id = "taisho"
text = "適切に対処して参ります。"

[[phrases]]
id = "sanko"
text = "{section}に関するご意見として、今後の参考とさせていただきます。"
classes = ["参考"]
"""
SECTION = "住民基本台帳事務に関する特定個人情報保護評価に対するご意見"


def with_phrases(sample_path: Path) -> None:
    (sample_path.parent / "phrases.toml").write_text(PHRASES, encoding="utf-8")


def test_a_phrase_typed_in_part_is_inserted_at_the_cursor_and_saved(
    make_app, drive, disk, sample_path
) -> None:
    with_phrases(sample_path)
    original = disk.item(10).current.text
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("G", "e")
        area = app.screen.query_one(TextArea)
        area.move_cursor(area.document.end)
        await pilot.press("enter", "ctrl+t")
        picker = app.screen
        assert isinstance(picker, PhrasePicker)
        # No.10 is 参考: its class's phrase first, then any class's, then 反映's
        assert [c.phrase.id for c in picker.shown] == ["sanko", "taisho", "hanei"]
        await pilot.press(*"対処")
        assert [c.phrase.id for c in picker.shown] == ["taisho"]
        await pilot.press("enter")
        assert isinstance(app.screen, EditScreen)
        assert area.text == original + "\n適切に対処して参ります。"
        await pilot.press("ctrl+s")
        assert app.main.is_current

    drive(app, script)
    item = disk.item(10)
    assert item.current_index == 2 and item.current.author == "yamada"
    assert item.current.text == original + "\n適切に対処して参ります。"


def test_the_arrows_choose_and_the_phrase_is_filled_in_for_the_item(
    make_app, drive, disk, sample_path
) -> None:
    with_phrases(sample_path)
    original = disk.item(1).current.text
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("e", "ctrl+t")  # the cursor at the start of the text
        picker = app.screen
        assert isinstance(picker, PhrasePicker)
        # No.1 is 反映済み: hanei is written for it, taisho for any class, sanko for 参考
        assert [c.phrase.id for c in picker.shown] == ["hanei", "taisho", "sanko"]
        await pilot.press("down", "down", "up", "up", "enter")
        area = app.screen.query_one(TextArea)
        assert area.text == "ご意見を踏まえ、No.1の記載を修正しました。" + original
        await pilot.press("ctrl+s")

    drive(app, script)
    assert disk.item(1).current.text == "ご意見を踏まえ、No.1の記載を修正しました。" + original


def test_escape_cancels_and_nothing_matching_inserts_nothing(
    make_app, drive, disk, sample_path
) -> None:
    with_phrases(sample_path)
    before = disk.bytes()
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("G", "e", "ctrl+t", *"参考", "escape")
        assert isinstance(app.screen, EditScreen)
        assert not app.screen.changed
        await pilot.press("ctrl+t", *"zzz", "enter")
        picker = app.screen
        assert isinstance(picker, PhrasePicker)  # still open: nothing to insert
        assert picker.shown == []
        none = str(picker.query_one("#phrase-none").render())
        assert none == "No phrase matches; backspace to widen the search."
        await pilot.press("backspace", "backspace", "backspace", "enter")
        assert isinstance(app.screen, EditScreen) and app.screen.changed  # sanko inserted
        assert app.screen.query_one(TextArea).text.startswith(SECTION + "に関するご意見として")
        await pilot.press("escape", "y")
        assert app.main.is_current

    drive(app, script)
    assert disk.bytes() == before


def test_without_phrases_the_editor_says_where_to_put_them(
    make_app, drive, disk, sample_path
) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("e", "ctrl+t")
        assert isinstance(app.screen, EditScreen)

    drive(app, script)
    beside = sample_path.parent / "phrases.toml"
    assert app.last_said() == (
        "warning",
        f"No standard phrases: put a phrases.toml at {beside} (docs/format.md says how).",
    )


def test_the_summarys_editor_takes_a_phrase_too(make_app, drive, tmp_path) -> None:
    """Format 2: `o` opens the summary of an item's opinions in the editor; ctrl+t there
    inserts a phrase at the cursor, and ctrl+s saves the summary with it."""
    path = write_format_two(tmp_path / "2026-churin.toml")
    (tmp_path / "phrases.toml").write_text(
        '[[phrases]]\nid = "yoshi"\ntext = "（{section}）"\n', encoding="utf-8"
    )
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("o")
        area = app.screen.query_one(TextArea)
        area.text = "駐輪場に関するご意見"
        area.move_cursor(area.document.end)
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, PhrasePicker)
        await pilot.press(*"yo", "enter")
        assert isinstance(app.screen, EditScreen)
        assert area.text == "駐輪場に関するご意見（当該意見を踏まえて内容を修正するもの）"
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(app, script)
    summary = ConsultationFile.load(path).consultation.item(1).summary
    assert summary.text == "駐輪場に関するご意見（当該意見を踏まえて内容を修正するもの）"


def test_a_request_for_changes_has_no_phrases(make_app, drive, sample_path) -> None:
    with_phrases(sample_path)
    app = make_app("suzuki")

    async def script(pilot) -> None:
        await pilot.press("x", "ctrl+t")
        assert isinstance(app.screen, CommentScreen)  # no picker over a reviewer's comment
        assert app.screen.query_one(Input).value == ""

    drive(app, script)
    assert not [message for _, message in app.said if "phrase" in message]  # nor a notice


def test_the_palette_in_the_editor_offers_the_phrases(make_app, drive, sample_path) -> None:
    with_phrases(sample_path)
    app = make_app("suzuki")

    async def script(pilot) -> None:
        await pilot.press("x")  # a request's comment: no editor commands
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert not [title for title in titles if title.startswith("Editor: ")]
        await pilot.press("escape", "e")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Editor: insert a standard phrase" in titles
        assert "Editor: save the text as a new revision" in titles
        await pilot.press("ctrl+p", *"standard phrase")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PhrasePicker)

    drive(app, script)
