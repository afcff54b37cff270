"""Format 2's opinion keys from the keyboard: o (summary), m (move), M (merge), S (split).
Each test presses the key, answers the dialog (for o: writes in the editor, several lines
as a summary often is), and reads the file back from disk; the
sign-offs the change leaves stale show as stale on screen at once. In a format-1 file each
key is refused, naming pctui migrate, and the file stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two
from textual.widgets import Input, TextArea

from pctui.app.review_actions import palette_commands
from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.confirm import ConfirmScreen
from pctui.app.screens.edit import EditScreen
from pctui.model.state import STALE, standings
from pctui.storage import ConsultationFile


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


def _on_disk(path: Path):
    return ConsultationFile.load(path).consultation


def _stale(path: Path, no: int) -> bool:
    consultation = _on_disk(path)
    item = consultation.item(no)
    assert item is not None
    return [s.status for s in standings(item, consultation.review)] == [STALE]


async def _answer(app, pilot, text: str) -> None:
    assert isinstance(app.screen, CommentScreen)
    app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


def test_o_writes_the_summary_and_the_signoff_shows_stale(make_app, drive, path) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        assert "stale" not in app.shown("signoffs").plain
        await pilot.press("o")
        assert isinstance(app.screen, EditScreen)
        area = app.screen.query_one(TextArea)
        assert area.text == "駐輪場の増設と料金に関するご意見"  # the current one, to revise
        area.text = "駐輪場に関するご意見"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.main.is_current
        assert "stale" in app.shown("signoffs").plain  # at once, without reloading
        assert "駐輪場に関するご意見" in app.shown("opinion").plain

    drive(app, script)
    summary = _on_disk(path).item(1).summary
    assert (summary.author, summary.text) == ("yamada", "駐輪場に関するご意見")
    assert _stale(path, 1)
    assert app.last_said()[1].startswith("No.1: saved the summary of its opinions")


# Two paragraphs, the second of two lines, as a summary often is.
SUMMARY = (
    "駐輪場の増設を求めるご意見。駅前の不足が大きいとのことです。\n\n"
    "料金の引下げを求めるご意見。\n学生と高齢者への配慮も求められています。"
)


def test_o_takes_a_summary_of_several_paragraphs_typed_and_saves_it_exactly(
    make_app, drive, path
) -> None:
    """The summary is edited in a text area of several lines, as the response is: enter
    breaks a line (it does not send), ctrl+s saves, the opinions are shown beside it."""
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("o")
        assert isinstance(app.screen, EditScreen)
        assert "1　" in str(app.screen.query_one("#edit-opinion Static").render())  # labelled
        area = app.screen.query_one(TextArea)
        area.text = ""
        first, second = SUMMARY.split("\n\n")
        for line in (first, "", *second.split("\n")):
            area.insert(line)
            if line != second.split("\n")[-1]:
                await pilot.press("enter")
        assert app.screen is not app.main and area.text == SUMMARY  # enter did not send
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(app, script)
    summary = _on_disk(path).item(1).summary
    assert (summary.author, summary.text) == ("yamada", SUMMARY)
    assert _stale(path, 1)


def test_escape_leaves_the_summary_as_it_was(make_app, drive, path) -> None:
    before = path.read_bytes()
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("o")
        app.screen.query_one(TextArea).insert("追記。")
        await pilot.press("escape")  # asks first: something was typed
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.main.is_current

    drive(app, script)
    assert path.read_bytes() == before


def test_m_moves_an_opinion_and_both_items_go_stale(make_app, drive, path) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("m")
        await _answer(app, pilot, "3 2")

    drive(app, script)
    consultation = _on_disk(path)
    assert [o.label for o in consultation.item(1).opinions] == ["1", "2", "4"]
    assert [o.label for o in consultation.item(2).opinions] == ["5", "3"]
    assert _stale(path, 1) and _stale(path, 2)


def test_m_keeps_the_dialog_open_until_it_can_read_the_answer(make_app, drive, path) -> None:
    before = path.read_bytes()
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("m")
        await _answer(app, pilot, "3")  # no item named
        assert isinstance(app.screen, CommentScreen)
        assert "the No. of the item it goes to" in app.screen.problem_shown
        await pilot.press("escape")

    drive(app, script)
    assert path.read_bytes() == before


def test_shift_m_merges_and_selects_the_item_merged_into(make_app, drive, path) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("j")
        assert app.main.table.selected_no == 2
        await pilot.press("M")
        await _answer(app, pilot, "No.1")
        assert app.main.table.selected_no == 1
        assert app.main.table.numbers == [1, 3]

    drive(app, script)
    consultation = _on_disk(path)
    assert [item.no for item in consultation.items] == [1, 3]
    assert [o.label for o in consultation.item(1).opinions] == ["1", "2", "3", "4", "5"]
    assert _stale(path, 1)


def test_shift_s_splits_into_a_new_item_and_selects_it(make_app, drive, path) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("S")
        await _answer(app, pilot, "3 4")
        assert app.main.table.selected_no == 4
        assert "3　駐輪場の料金を下げてほしい。" in app.shown("opinion").plain

    drive(app, script)
    consultation = _on_disk(path)
    assert [item.no for item in consultation.items] == [1, 4, 2, 3]
    assert [o.label for o in consultation.item(4).opinions] == ["3", "4"]
    assert _stale(path, 1)


def test_a_refusal_is_said_and_changes_nothing(make_app, drive, path) -> None:
    before = path.read_bytes()
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("M")
        await _answer(app, pilot, "3")  # No.3 is in another group, which has labels 1 and 2

    drive(app, script)
    assert app.last_said() == (
        "error",
        "Refused: section '2' already has an opinion labelled 1, 2",
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize("key", ["o", "m", "M", "S"])
def test_each_key_refuses_in_a_format_one_file(make_app, drive, disk, key: str) -> None:
    before = disk.bytes()
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press(key)
        assert app.main.is_current  # refused before any dialog opens

    drive(app, script)
    severity, message = app.last_said()
    assert severity == "error" and "run pctui migrate FILE" in message
    assert disk.bytes() == before


@pytest.mark.parametrize("key", ["o", "m", "M", "S"])
def test_each_key_refuses_a_login_not_a_reviewer(make_app, drive, path, key: str) -> None:
    before = path.read_bytes()
    app = make_app("guest", path)  # "not a reviewer (drafts only)" in the title bar

    async def script(pilot) -> None:
        await pilot.press(key)
        assert app.main.is_current  # refused before any dialog opens

    drive(app, script)
    assert app.last_said() == (
        "error",
        "Refused: 'guest' is not a reviewer of this consultation (see [review.reviewers])",
    )
    assert path.read_bytes() == before


def test_the_palette_offers_the_opinion_actions(make_app, drive, path) -> None:
    app = make_app("yamada", path)
    names: list[str] = []

    async def script(pilot) -> None:
        names.extend(command.title for command in palette_commands(app.main))

    drive(app, script)
    assert {
        "Opinions: Write or revise the summary of the item's opinions",
        "Opinions: Move one of the item's opinions to another item",
        "Opinions: Merge the item into another, which answers its opinions",
        "Opinions: Split opinions off the item into a new, unanswered item",
    } <= set(names)
