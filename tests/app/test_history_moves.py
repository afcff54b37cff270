"""`h` on a format-2 item lists the opinions moved into or out of it with its revisions and
sign-offs, in time order, and names the sign-offs each move left stale: a reviewer whose
approval went stale sees why (the screen showed only revisions and sign-offs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two
from textual.widgets import Input

from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.item_history import HistoryScreen


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


def test_h_shows_a_move_in_and_the_sign_off_it_left_stale(make_app, drive, path) -> None:
    app = make_app("yamada", path)
    shown: list[str] = []

    async def script(pilot) -> None:
        await pilot.press("m")  # opinion 3 of No.1 to No.2, whose 担当 approval goes stale
        assert isinstance(app.screen, CommentScreen)
        app.screen.query_one(Input).value = "3 2"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j", "h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        shown.extend(app.screen.text.split("\n"))

    drive(app, script, size=(100, 30))
    moved = [n for n, line in enumerate(shown) if "moved opinion 3 in from No.1" in line]
    assert len(moved) == 1, shown
    # Recorded as the app's login (the OS login's stand-in here), not the test's own.
    assert shown[moved[0]].split("  ")[1] == "yamada moved opinion 3 in from No.1"
    signed = [n for n, line in enumerate(shown) if "approve of revision 1 by yamada" in line]
    assert signed and signed[0] < moved[0]  # in time order: the sign-off, then the move
    assert shown[moved[0] + 1] == "    left stale: 担当 approve of revision 1 by yamada"
