"""The progress board's text, built once (pctui.session.board_text) for the TUI's `s` and
`pctui status --board`: the command prints exactly the session's lines (the screen draws
them too: tests/app/test_board_screen.py), and the layout's pieces (cutting a label,
cropping a line) are right for wide characters."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from pctui.cli.board_text import MARKS
from pctui.cli.board_text import board_lines as printed_board
from pctui.model.state import APPROVED, DRAFT
from pctui.session.board import build_board
from pctui.session.board_text import Run, _crop, fit, plain, print_lines, screen_lines

from .test_board import consultation

NOW = dt.datetime(2025, 12, 20, 12, tzinfo=dt.timezone(dt.timedelta(hours=9)))


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pctui.session.board.consultation_now", lambda consultation: NOW)


def columns(text: str) -> int:
    """Terminal columns, East Asian wide characters two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_the_screens_shape_fills_the_width_it_is_given() -> None:
    board = build_board(consultation(dt.date(2025, 12, 24)))
    lines = screen_lines(board, 60, MARKS, columns)
    assert plain(lines[0]) == "publish by 2025-12-24: 4 days left" and lines[0][0].bold
    assert columns(plain(lines[1])) == 60 - 4 * 4  # the whole bar over label and bar
    assert [run.state for run in lines[1] if run.state] == [APPROVED, "in-review",
                                                            "changes-requested", DRAFT]  # fmt: skip
    assert all(columns(plain(line)) <= 60 for line in lines)
    assert plain(lines[4]).startswith(" 第1章 ") and plain(lines[4]).endswith("   1   1   0   0")


def test_the_command_prints_the_sessions_lines() -> None:
    board = build_board(consultation(dt.date(2025, 12, 24)))
    lines = printed_board(board, "計画（案）")
    assert lines == print_lines(board, "計画（案）", MARKS, columns)
    assert lines[:3] == [
        "progress board: 計画（案）",
        "publish by 2025-12-24: 4 days left",
        "legend: # approved  = in-review  ! changes-requested  . draft",
    ]
    assert all(columns(line) <= 80 for line in lines)


def test_fit_cuts_with_a_tilde_and_pads_past_a_wide_character() -> None:
    assert fit("第1章", 8, columns, pad=True) == "第1章   "
    assert fit("第1章", 8, columns, pad=False) == "第1章"
    # 4 cells: "あ" (2) and a space where the next wide character does not fit, then "~".
    assert fit("あいうえ", 4, columns, pad=True) == "あ ~"
    assert fit("あいうえ", 4, columns, pad=False) == "あ~"


def test_crop_keeps_the_runs_and_their_states_within_the_width() -> None:
    line = [Run("ab"), Run("##", APPROVED), Run("表示", DRAFT)]
    assert _crop(line, 5, columns) == [Run("ab"), Run("##", APPROVED), Run(" ", DRAFT)]
    assert _crop(line, 8, columns) == line
