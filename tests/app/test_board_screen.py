"""The progress board in the TUI (`s`): the session's numbers drawn for the screen's width,
with a shade per state (ASCII marks in plain mode), from the key, the palette and the help."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from pctui.app.render.board import board_lines
from pctui.app.render.context import RenderContext
from pctui.app.screens.board import BoardScreen
from pctui.app.screens.help import HelpScreen
from pctui.session.board import build_board
from pctui.session.board_text import plain, screen_lines
from pctui.session.board_words import ORDER

from .conftest import MakeApp

# The board's clock, fixed so that the days in each state do not change with the date.
NOW = dt.datetime(2026, 1, 5, 12, tzinfo=dt.timezone(dt.timedelta(hours=9)))


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pctui.session.board.consultation_now", lambda consultation: NOW)


def test_s_shows_the_board_and_escape_closes_it(
    make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("yamada")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        text = app.screen.text
        for words in ("publish by: not planned", "by section", "by assignee", "by stage",
                      "(unassigned)", "4/10 approved", "longest in their state:"):  # fmt: skip
            assert words in text
        # Every stage of the sample has its bar.
        for stage in app.file.consultation.review.stages:
            assert any(line.lstrip().startswith(stage) for line in text.splitlines())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main

    drive(app, script)


def test_the_board_fits_80_by_24(make_app: MakeApp, drive: Callable[..., None]) -> None:
    app = make_app("yamada")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        lines = app.screen.text.splitlines()
        # Within the box (80 less border and padding) and the screen's 24 lines (less the
        # box's border and the footer): nothing to scroll.
        assert max(len(line) for line in lines) <= 76
        assert len(lines) <= 21

    drive(app, script, size=(80, 24))


def test_the_board_from_the_palette_and_in_the_help(
    make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("yamada")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Show the progress board" in app.screen.text
        await pilot.press("escape", "ctrl+p", *"progress board")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)

    drive(app, script)


def test_plain_and_monochrome_bars_tell_states_by_their_marks(make_app: MakeApp) -> None:
    board = build_board(make_app("yamada").file.consultation)
    plain = board_lines(board, 76, RenderContext(plain=True, colour=False))
    total = plain[1].plain.rstrip()
    # 4 approved, 1 in review, 1 changes requested, 4 drafts of 10, in ASCII.
    assert set(total) == {"#", "=", "!", "."}
    assert total.count("#") == total.count(".") > total.count("!")
    full = board_lines(board, 76, RenderContext(colour=False))
    assert set(full[1].plain.rstrip()) == {"█", "▓", "▒", "░"}


@pytest.mark.parametrize("width", [30, 76, 120])
def test_the_screen_draws_the_sessions_lines_in_its_styles(make_app: MakeApp, width: int) -> None:
    """One board text (pctui.session.board_text) for the screen and the command: the
    screen only styles the session's lines."""
    board = build_board(make_app("yamada").file.consultation)
    context = RenderContext()
    marks = {state: context.glyph(f"bar-{state}") for state in ORDER}
    drawn = board_lines(board, width, context)
    session = screen_lines(board, width, marks, cell_len)
    assert [line.plain for line in drawn] == [plain(line) for line in session]
    for line, runs in zip(drawn, session, strict=True):
        # Each state's run in the state's style; a heading bold over its whole line.
        styled = {(span.start, span.end): span.style for span in line.spans}
        at = 0
        for run in runs:
            if run.state is not None:
                assert styled[(at, at + len(run.text))] == context.style(run.state)
            at += len(run.text)
        assert (line.style == "bold") == runs[0].bold
