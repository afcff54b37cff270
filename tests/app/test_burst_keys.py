"""Keys typed in one burst after a key that opens a dialog or a screen, as they arrive over
SSH: each reaches the dialog, in order, and none goes to the list behind it. (The dialog's
field got the focus after them: `x` then "Please fix" left the reason empty, and the list
said "“P” does nothing here" and so on, in the tmux walk-through.)

Each test posts the keys to the app at once, as Textual's driver does when they arrive
together, rather than pressing them one by one and waiting between."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two
from tests.session.group_registry import grouped_registry
from textual import events
from textual.app import SuspendNotSupported
from textual.widgets import Input, TextArea

from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.edit import EditScreen
from pctui.app.screens.help import HelpScreen
from pctui.app.screens.review import MainScreen
from pctui.app.widgets.search_bar import SearchBar
from pctui.app.widgets.wrapped_text import WrappedText
from pctui.model.state import APPROVED, item_state
from pctui.storage import ConsultationFile

KEY_NAMES = {" ": "space", "/": "slash", "?": "question_mark", "*": "asterisk"}


def burst(app, typed: str) -> None:
    """Post every key of `typed` to the app at once, as keys arriving together are."""
    for character in typed:
        app.post_message(events.Key(KEY_NAMES.get(character, character), character))


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


def nothing_went_to_the_list(app) -> bool:
    return not [said for said in app.said if "does nothing" in said[1]]


def test_x_then_the_reason_in_one_burst_is_the_reason(make_app, drive, sample_path) -> None:
    app = make_app("sato")  # 課長: No.5 waits for him, and an `a` sent to the list approves it

    async def script(pilot) -> None:
        # `n` in the burst too: the `x` bound at once ran before it, on No.1.
        burst(app, "nxPlease fix a typo")
        await settle(pilot)
        assert isinstance(app.screen, CommentScreen)
        assert "No.5" in app.screen.query_one(WrappedText).text
        assert app.screen.query_one(Input).value == "Please fix a typo"
        assert nothing_went_to_the_list(app)

    drive(app, script)
    consultation = ConsultationFile.load(sample_path).consultation
    item = consultation.item(5)
    assert item is not None and item_state(item, consultation.review) != APPROVED


def test_i_then_the_note_in_one_burst_is_the_note(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        burst(app, "icall the submitter")
        await settle(pilot)
        assert isinstance(app.screen, CommentScreen)
        assert app.screen.query_one(Input).value == "call the submitter"
        assert nothing_went_to_the_list(app)

    drive(app, script)


def test_e_then_text_in_one_burst_is_typed_in_the_editor(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        burst(app, "eNew ")
        await settle(pilot)
        assert isinstance(app.screen, EditScreen)
        area = app.screen.query_one(TextArea)
        assert area.text.startswith("New ")
        assert nothing_went_to_the_list(app)

    drive(app, script)


def test_keys_after_question_mark_are_the_helps(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        burst(app, "?q")  # q closes the help, and does not quit
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        burst(app, "?j")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert app.main.table.cursor_row == 0  # j scrolled the help, not the list

    drive(app, script)
    assert app.return_code is None


def test_a_key_bound_at_once_is_a_character_in_the_search(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        burst(app, "/fix? x/e")
        await settle(pilot)
        assert app.main.query_one(SearchBar).value == "fix? x/e"
        assert isinstance(app.screen, MainScreen)  # no dialog opened
        assert nothing_went_to_the_list(app)

    drive(app, script)


@pytest.fixture
def two(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


@pytest.mark.parametrize(("key", "typed"), [("m", "1-2 3"), ("M", "2"), ("S", "1-1 1-2")])
def test_opinion_keys_then_the_answer_in_one_burst(make_app, drive, two, key, typed) -> None:
    app = make_app("yamada", two)

    async def script(pilot) -> None:
        burst(app, key + typed)
        await settle(pilot)
        assert isinstance(app.screen, CommentScreen)
        assert app.screen.query_one(Input).value == typed
        assert nothing_went_to_the_list(app)

    drive(app, script)


@pytest.mark.parametrize("key", ["t", "m"])
def test_grouping_keys_then_the_answer_in_one_burst(make_app, drive, two, key) -> None:
    app = make_app("tanaka", two, groups=grouped_registry(two))

    async def script(pilot) -> None:
        burst(app, "j" + key + "12")  # on the second group, which j selects first
        await settle(pilot)
        assert isinstance(app.screen, CommentScreen)
        assert "G-2026-0005-1" in app.screen.query_one(WrappedText).text
        assert app.screen.query_one(Input).value == "12"

    drive(app, script)


def test_keys_typed_while_the_app_starts_wait_for_the_screen(make_app) -> None:
    # Typed ahead over a slow connection: the screen has no item selected yet, and `i`,
    # run as it arrived, found none and the note went nowhere.
    app = make_app("yamada")

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            burst(app, "icall back")
            await settle(pilot)
            assert isinstance(app.screen, CommentScreen)
            assert app.screen.query_one(Input).value == "call back"

    asyncio.run(main())


def test_keys_after_enter_in_a_dialog_go_to_the_list(make_app, drive, sample_path) -> None:
    # The `j` typed after the reason's enter went into the closing dialog's field.
    app = make_app("sato")

    async def script(pilot) -> None:
        burst(app, "nxneeds a date")
        app.post_message(events.Key("enter", "\r"))
        burst(app, "j")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.main.selected is not None and app.main.selected.no == 6

    drive(app, script)
    item = ConsultationFile.load(sample_path).consultation.item(5)
    assert item is not None and item.signoffs[-1].comment == "needs a date"


@pytest.mark.parametrize(("opening", "box"), [("?", "#help"), ("v", "#code-box"), ("s", "#board")])
def test_each_j_of_a_burst_scrolls_a_view_one_line(make_app, drive, opening, box) -> None:
    # The views scrolled after the next refresh, each j from the same place: five j's
    # arriving together moved one line.
    app = make_app("yamada")

    async def script(pilot) -> None:
        burst(app, opening + "jjjjj")
        await settle(pilot)
        assert app.screen.query_one(box).scroll_y == 5

    drive(app, script, size=(80, 12))


def test_keys_after_enter_in_the_search_go_to_the_list(make_app, drive) -> None:
    # "/クラウド", enter and j searched "クラウドj": the j went into the search line.
    app = make_app("yamada")

    async def script(pilot) -> None:
        burst(app, "/クラウド")
        app.post_message(events.Key("enter", "\r"))
        burst(app, "j")
        await settle(pilot)
        assert app.main.where.query == "クラウド"
        assert app.main.table.row_count > 1
        assert app.main.table.cursor_row == 1
        assert nothing_went_to_the_list(app)

    drive(app, script)


def test_tab_then_j_and_space_move_in_the_members(make_app, drive, two) -> None:
    # tab went to the focused list and was run after the j behind it: j moved the groups.
    app = make_app("tanaka", two, groups=grouped_registry(two))

    async def script(pilot) -> None:
        screen = app.screen
        app.post_message(events.Key("tab", "\t"))
        burst(app, "j ")
        await settle(pilot)
        assert screen.groups.cursor_row == 0
        assert screen.focused is screen.members
        assert screen.marked == {screen.member_at(1)}

    drive(app, script)


def test_ctrl_z_still_undoes_in_the_editor(make_app, drive) -> None:
    # ctrl+z suspends pctui everywhere but in the editor's text, where it undoes.
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("e")
        area = app.screen.query_one(TextArea)
        before = area.text
        await pilot.press("X")
        assert area.text != before
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area.text == before

    drive(app, script)


def test_keys_typed_right_after_E_are_the_editors(make_app, drive, sample_path, monkeypatch):
    # Read with the E before the editor took the terminal, the `a` ran once it closed and
    # approved No.5, whose text the reviewer was in the middle of editing.
    monkeypatch.setenv("VISUAL", "true")  # leaves the text as it is
    app = make_app("sato")
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # headless: no terminal

    async def script(pilot) -> None:
        await pilot.press("j", "j", "j", "j")
        assert app.main.selected is not None and app.main.selected.no == 5
        burst(app, "Eaj")
        await settle(pilot)
        assert app.main.selected is not None and app.main.selected.no == 5
        assert app.last_said() == ("information", "No.5: text unchanged; nothing saved.")
        await pilot.press("j")  # typed after the editor closed: the list's as ever
        assert app.main.selected is not None and app.main.selected.no == 6

    drive(app, script)
    item = ConsultationFile.load(sample_path).consultation.item(5)
    assert item is not None and "sato" not in [signoff.by for signoff in item.signoffs]


def test_keys_typed_right_after_a_refused_E_run_as_typed(make_app, drive, monkeypatch):
    # No editor took the terminal (it cannot hand over): nothing the keys were typed for
    # but the list. They were dropped all the same, so "Ej" left the cursor where it was.
    app = make_app("sato")

    @contextlib.contextmanager
    def cannot_hand_over() -> Iterator[None]:
        raise SuspendNotSupported("no terminal to hand over")
        yield  # a generator, as App.suspend is

    monkeypatch.setattr(app, "suspend", cannot_hand_over)

    async def script(pilot) -> None:
        await pilot.press("j", "j", "j", "j")
        assert app.main.selected is not None and app.main.selected.no == 5
        burst(app, "Ejj")
        await settle(pilot)
        assert ("error", "This terminal cannot hand over to an editor; use e.") in app.said
        assert app.main.selected is not None and app.main.selected.no == 7

    drive(app, script)


@pytest.mark.parametrize(("keys", "start"), [(["down"], 4), (["up"], 6), (["end", "up"], 9)])
def test_a_letter_after_arrow_keys_runs_after_them(
    make_app, drive, sample_path, keys, start
) -> None:
    # `a` is bound at once and the arrows are the list's own: run as it arrived, the `a`
    # of "↓a" acted on the row the cursor was leaving (No.4, which sato signed already).
    app = make_app("sato")
    landing = {4: 5, 6: 5, 9: 9}[start]

    async def script(pilot) -> None:
        await pilot.press(*["j"] * (start - 1))
        assert app.main.selected is not None and app.main.selected.no == start
        for key in keys:
            app.post_message(events.Key(key, None))
        burst(app, "a")
        await settle(pilot)
        assert app.main.selected is not None and app.main.selected.no == landing

    drive(app, script)
    consultation = ConsultationFile.load(sample_path).consultation
    item = consultation.item(5)  # waits for sato
    assert item is not None and ("sato" in [signoff.by for signoff in item.signoffs]) == (
        landing == 5
    )
