"""Every screen's footer shows each of its keys whole at 80 columns, in English and in
Japanese (two cells a character): at 80x24 the grouping screen's footer cut
"R redactions" to "R" under the command palette's key, and the redaction screen's cut
"o removed words" and left out `?` and close. The keys left out of a footer are in `?`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rich.cells import cell_len
from tests.app.redacted_registry import redacted_registry
from tests.session.format_two_file import write_format_two
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from pctui.i18n import ENGLISH, JAPANESE, install

WIDTH = 80
# The keys each footer shows; the others are in the help (`?`).
REVIEW_KEYS = ["a", "x", "u", "e", "c", "/", "f", "?", "q"]
GROUPING_KEYS = ["a", "t", "s", "m", "R", "?", "q"]
REDACTION_KEYS = ["c", "u", "space", "f", "r", "o", "?", "q"]


@pytest.fixture(params=[ENGLISH, JAPANESE])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    install(request.param)
    yield request.param
    install(ENGLISH)


def shown_keys(app) -> list[str]:
    """The footer's keys, after checking that each is drawn whole, its label too."""
    footer = app.screen.query_one(Footer)
    assert footer.region.width == WIDTH
    keys = list(footer.query(FooterKey))
    assert keys
    for key in keys:
        region = key.region
        assert region.x >= 0 and region.right <= WIDTH, (key.key_display, key.description)
        assert region.width >= key.get_content_width(region.size, region.size)
    return [key.key_display for key in keys]


def test_the_review_screens_footer_fits(make_app, drive, language) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.pause()
        assert shown_keys(app) == REVIEW_KEYS

    drive(app, script, size=(WIDTH, 24))


def test_the_grouping_and_redaction_footers_fit(make_app, drive, tmp_path, language) -> None:
    path = write_format_two(tmp_path / "2026-churin.toml")
    app = make_app("tanaka", path, groups=redacted_registry(path))

    async def script(pilot) -> None:
        await pilot.pause()
        assert shown_keys(app) == GROUPING_KEYS
        await pilot.press("R")
        await pilot.pause()
        assert type(app.screen).__name__ == "RedactionScreen"
        assert shown_keys(app) == REDACTION_KEYS

    drive(app, script, size=(WIDTH, 24))


@pytest.mark.parametrize("key", ["s", "h"])
def test_the_board_and_history_footers_speak_japanese(make_app, drive, key) -> None:
    install(JAPANESE)  # "close" was shown in English there
    try:
        app = make_app("yamada")

        async def script(pilot) -> None:
            await pilot.press(key)
            await pilot.pause()
            labels = [k.description for k in app.screen.query_one(Footer).query(FooterKey)]
            assert "閉じる" in labels and "close" not in labels

        drive(app, script, size=(WIDTH, 24))
    finally:
        install(ENGLISH)


@pytest.mark.parametrize(("key", "dialog"), [("A", "AssignScreen"), ("x", "CommentScreen")])
def test_a_dialogs_keys_line_is_one_line_at_80_columns(make_app, drive, language, key, dialog):
    # The assign dialog's line broke between "escape:" and "cancel" (取消し in Japanese).
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == dialog
        hint = app.screen.query_one(".dialog-keys", Static)
        assert cell_len(str(hint.render())) <= hint.content_region.width

    drive(app, script, size=(WIDTH, 24))
