"""`pctui status --board`: the progress board as `pctui.session.board_text` lays it out in
80 columns, one ASCII mark per state so that it reads without colour, and as JSON."""

from __future__ import annotations

from typing import Any

from pctui.cli.common import width
from pctui.model.state import APPROVED, CHANGES_REQUESTED, DRAFT, IN_REVIEW
from pctui.session.board import Bar, Board
from pctui.session.board_text import print_lines

# One ASCII mark per state: the bars read on any terminal, printed, and with NO_COLOR.
MARKS = {APPROVED: "#", IN_REVIEW: "=", CHANGES_REQUESTED: "!", DRAFT: "."}


def board_lines(board: Board, title: str) -> list[str]:
    """The whole board as lines of at most 80 columns (labels are cut to 20)."""
    return print_lines(board, title, MARKS, width)


def board_data(board: Board) -> dict[str, Any]:
    """The board as plain data, for `status --board --json`."""

    def bars(found: list[Bar]) -> list[dict[str, Any]]:
        return [{"key": bar.key, "label": bar.label, "counts": bar.counts} for bar in found]

    return {
        "total": board.total,
        "counts": board.counts,
        "publish_by": board.publish_by.isoformat() if board.publish_by else None,
        "days_left": board.days_left,
        "sections": bars(board.sections),
        "assignees": bars(board.assignees),
        "stages": bars(board.stages),
        "oldest": [
            {"no": w.no, "state": w.state, "since": w.since.isoformat(), "days": w.days}
            for w in board.oldest
        ],
    }
