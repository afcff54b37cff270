"""`pctui status --board`: the progress board (pctui.session.board) as text lines that fit
80 columns, one mark per state so that it reads without colour."""

from __future__ import annotations

from typing import Any

from pctui.base.inert import inert
from pctui.cli.common import table_lines, width
from pctui.i18n import _
from pctui.model.state import APPROVED, CHANGES_REQUESTED, DRAFT, IN_REVIEW, State
from pctui.session.board import Bar, Board, segments
from pctui.session.board_words import (
    BY_ASSIGNEE,
    BY_SECTION,
    BY_STAGE,
    NONE_WAITING,
    OLDEST,
    ORDER,
    assignee_label,
    days_left_text,
    total_text,
    waiting_text,
)
from pctui.words import state_name

# One ASCII mark per state: the bars read on any terminal, printed, and with NO_COLOR.
MARKS = {APPROVED: "#", IN_REVIEW: "=", CHANGES_REQUESTED: "!", DRAFT: "."}
LABEL_COLUMNS = 20
BAR_COLUMNS = 30


def cut(text: str, columns: int) -> str:
    """`text` in at most `columns` terminal columns, ending in "~" when cut."""
    if width(text) <= columns:
        return text
    kept = ""
    for char in text:
        if width(kept + char) > columns - 1:
            break
        kept += char
    return kept + "~"


def bar_text(counts: dict[State, int], columns: int = BAR_COLUMNS) -> str:
    """The bar of `counts`, `columns` wide, one mark per state (MARKS)."""
    drawn = "".join(MARKS[state] * cells for state, cells in segments(counts, columns))
    return drawn.ljust(columns)


def legend() -> str:
    """What each mark of a bar stands for."""
    return "  ".join(f"{MARKS[state]} {state_name(state)}" for state in ORDER)


def _rows(heading: str, bars: list[Bar], assignees: bool) -> list[list[str]]:
    """A blank row, a heading with the marks over the count columns, then a bar and the
    counts per row."""
    rows = [[""] * 6, [heading, "", *(MARKS[state] for state in ORDER)]]
    for bar in bars:
        label = assignee_label(bar.label) if assignees else bar.label
        counts = [str(bar.counts[state]) for state in ORDER]
        rows.append(["  " + cut(inert(label), LABEL_COLUMNS), bar_text(bar.counts), *counts])
    return rows


def board_lines(board: Board, title: str) -> list[str]:
    """The whole board as lines of at most 80 columns (labels are cut to LABEL_COLUMNS)."""
    lines = [
        _("progress board: {title}").format(title=inert(title)),
        days_left_text(board),
        _("legend: {marks}").format(marks=legend()),
        f"{bar_text(board.counts)}  {total_text(board)}",
    ]
    rows: list[list[str]] = []
    for heading, bars, assignees in (
        (_(BY_SECTION), board.sections, False),
        (_(BY_ASSIGNEE), board.assignees, True),
        (_(BY_STAGE), board.stages, False),
    ):
        rows += _rows(heading, bars, assignees) if bars else []
    # One table, so that the bars of every group line up.
    lines += table_lines(rows)
    lines += ["", _(OLDEST)]
    lines += ["  " + waiting_text(waiting) for waiting in board.oldest]
    if not board.oldest:
        lines.append("  " + _(NONE_WAITING))
    return lines


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
