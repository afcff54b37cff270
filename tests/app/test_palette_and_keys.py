"""The command palette in the reviewer's language, names kept as written; Enter, Space and
keys that do nothing on the review screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot

from pctui.app.review_actions import BY_NAME
from pctui.app.screens.help import HelpScreen
from pctui.app.widgets.item_detail import ItemDetail
from pctui.i18n import ENGLISH, install

from .conftest import MakeApp


@pytest.fixture
def japanese() -> Iterator[None]:
    install("ja")
    yield
    install(ENGLISH)


def test_palette_names_keep_the_case_of_names() -> None:
    assert "$VISUAL" in BY_NAME["external_edit"].palette_name
    assert "HEAD" in BY_NAME["pending_diff"].palette_name
    assert BY_NAME["approve"].palette_name == "Review: Approve the current revision"


def test_textuals_own_commands_and_prompt_are_in_japanese(
    japanese: None, make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("tanaka")

    async def script(pilot: Pilot[None]) -> None:
        titles = [command.title for command in app.get_system_commands(app.main)]
        for english in ("Theme", "Quit", "Keys", "Maximize", "Screenshot"):
            assert english not in titles
        assert {"テーマ", "終了", "キー一覧", "スクリーンショット"} <= set(titles)
        assert "決裁: 現在の版を承認します" in titles  # the review actions, unchanged
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "コマンドを検索…"

    drive(app, script)


def test_keys_in_the_palette_opens_pctuis_help(
    make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("tanaka")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p", *"Keys")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

    drive(app, script)


def test_enter_focuses_the_item_and_space_pages_it(
    make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("tanaka")

    async def script(pilot: Pilot[None]) -> None:
        detail = app.main.query_one(ItemDetail)
        assert app.main.table.has_focus
        await pilot.press("enter")
        assert detail.has_focus
        await pilot.press("enter")
        assert app.main.table.has_focus
        assert detail.max_scroll_y > 0
        await pilot.press("space")
        await pilot.pause()
        assert detail.scroll_y > 0
        while detail.scroll_y < detail.max_scroll_y:
            await pilot.press("space")
            await pilot.pause()
        await pilot.press("space")  # at the end: back to the top
        await pilot.pause()
        assert detail.scroll_y == 0
        assert not app.said

    drive(app, script, size=(80, 24))


@pytest.mark.parametrize("key", ["l", "z"])
def test_a_key_that_does_nothing_says_so(
    key: str, make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("tanaka")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press(key)
        assert app.last_said() == ("information", f"“{key}” does nothing here; ? shows every key.")
        await pilot.press("tab", key)  # the same with the item focused
        assert len(app.said) == 2
        await pilot.press("j", "d", "slash", key)  # bound keys, and typing in the search line
        assert len(app.said) == 2

    drive(app, script)
