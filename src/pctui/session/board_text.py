"""The progress board as text, built once for `pctui status --board` and the TUI's `s`.

A line is a list of runs; a run is text and, where it is a bar's shade or a legend's mark,
the state it stands for (the TUI styles it, the command prints it as it is), or `bold` for
a heading. The marks (a shade per state, or ASCII marks) and the measure of a text in
terminal cells are the caller's: the TUI measures as Rich draws, the command as a terminal
prints. Two shapes of the same board:

- `screen_lines`: as wide as the screen's box; the total's bar across it with the legend
  beside the total, each group under a heading with the marks over its count columns, each
  label padded to the widest (at most LABEL_MOST cells), the counts right-aligned.
- `print_lines`: at most 80 columns, readable without colour: the title, a legend line, a
  bar of BAR_COLUMNS beside the total, then the groups as one table whose columns line up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pctui.base.inert import inert, inert_cell
from pctui.i18n import _
from pctui.model.state import State
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

Measure = Callable[[str], int]  # the terminal cells a text takes
Marks = Mapping[State, str]  # the mark each state's bar is drawn with

LABEL_MOST = 20  # screen: cells a bar's label may take
COUNT = 4  # screen: cells of each count column
BAR_LEAST = 10  # screen: the narrowest bar
LABEL_COLUMNS = 20  # print: columns of a label
BAR_COLUMNS = 30  # print: columns of a bar
GAP = "  "  # print: between two columns of the groups' table


@dataclass(frozen=True)
class Run:
    """A piece of a line: its text, the state it draws (styled so by the TUI), or bold."""

    text: str
    state: State | None = None
    bold: bool = False


Line = list[Run]


def plain(line: Line) -> str:
    """The line's text."""
    return "".join(run.text for run in line)


def fit(text: str, cells: int, measure: Measure, pad: bool) -> str:
    """`text` in at most `cells` cells, ending in "~" when cut; with `pad`, filled with
    spaces to exactly `cells` (a wide character that does not fit leaves a space)."""
    used = measure(text)
    if used <= cells:
        return text + " " * (cells - used) if pad else text
    kept = ""
    for char in text:
        if measure(kept + char) > cells - 1:
            break
        kept += char
    if pad:
        kept += " " * (cells - 1 - measure(kept))
    return kept + "~"


def bar(counts: dict[State, int], cells: int, marks: Marks) -> Line:
    """A bar `cells` wide: each state's mark over its share of the cells (`segments`)."""
    shares = segments(counts, cells)
    line = [Run(marks[state] * width, state) for state, width in shares]
    drawn = sum(width for _state, width in shares)
    if drawn < cells:
        line.append(Run(" " * (cells - drawn)))
    return line


def legend(marks: Marks) -> Line:
    """Each state's mark with the state's name."""
    line: Line = []
    for state in ORDER:
        line += [Run(f"{marks[state]} ", state), Run(f"{state_name(state)}  ")]
    line[-1] = Run(line[-1].text.rstrip())
    return line


def _groups(board: Board) -> list[tuple[str, list[tuple[str, Bar]]]]:
    """Each group's heading and its bars with their labels as shown (inert, on one line: a
    section's title is a text, and a tab in it would shift the bar)."""
    return [
        (
            _(heading),
            [(inert_cell(assignee_label(b.label) if who else b.label), b) for b in bars],
        )
        for heading, bars, who in (
            (BY_SECTION, board.sections, False),
            (BY_ASSIGNEE, board.assignees, True),
            (BY_STAGE, board.stages, False),
        )
    ]


def _oldest(board: Board, indent: str) -> list[Line]:
    """The heading of the items longest in their state, and a line for each (or none)."""
    lines: list[Line] = [[Run(indent + waiting_text(waiting))] for waiting in board.oldest]
    return lines or [[Run(indent + _(NONE_WAITING))]]


def _crop(line: Line, cells: int, measure: Measure) -> Line:
    """`line` cut to at most `cells` cells (a wide character across the edge: a space)."""
    out: Line = []
    left = cells
    for run in line:
        used = measure(run.text)
        if used > left:
            kept = ""
            for char in run.text:
                if measure(kept + char) > left:
                    break
                kept += char
            kept += " " * (left - measure(kept))
            if kept:
                out.append(Run(kept, run.state, run.bold))
            return out
        out.append(run)
        left -= used
    return out


def screen_lines(board: Board, width: int, marks: Marks, measure: Measure) -> list[Line]:
    """The board for a box `width` cells wide: when to publish, the whole, the bars by
    section, by assignee and by stage with their counts, the items longest in their state."""
    groups = _groups(board)
    labels = [label for _heading, bars in groups for label, _bar in bars]
    label_cells = min(LABEL_MOST, max((measure(t) for t in labels), default=0) + 1)
    bar_cells = max(BAR_LEAST, width - label_cells - 1 - COUNT * len(ORDER))
    lines: list[Line] = [
        [Run(days_left_text(board), bold=True)],
        bar(board.counts, label_cells + bar_cells + 1, marks),
        [Run(total_text(board)), Run("   "), *legend(marks)],
    ]
    for heading, bars in groups:
        head = [Run(fit(heading, label_cells + bar_cells + 1, measure, pad=True), bold=True)]
        lines.append(head + [Run(marks[state].rjust(COUNT), state) for state in ORDER])
        for label, row in bars:
            line = [Run(" " + fit(label, label_cells - 1, measure, pad=True) + " ")]
            line += bar(row.counts, bar_cells, marks)
            line += [Run("".join(str(row.counts[state]).rjust(COUNT) for state in ORDER))]
            lines.append(line)
    lines += [[Run(_(OLDEST), bold=True)], *_oldest(board, " ")]
    return [_crop(line, width, measure) for line in lines]


def _table(rows: list[list[str]], measure: Measure) -> list[str]:
    """`rows` in columns GAP apart, each padded to its widest cell but the last; trailing
    spaces stripped."""
    widest = [max(measure(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    return [
        GAP.join(
            [cell + " " * (widest[i] - measure(cell)) for i, cell in enumerate(row[:-1])]
            + [row[-1]]
        ).rstrip()
        for row in rows
    ]


def print_lines(board: Board, title: str, marks: Marks, measure: Measure) -> list[str]:
    """The whole board as lines of at most 80 columns (labels cut to LABEL_COLUMNS), one
    mark per state so that it reads without colour."""
    lines = [
        _("progress board: {title}").format(title=inert(title)),
        days_left_text(board),
        _("legend: {marks}").format(marks=plain(legend(marks))),
        f"{plain(bar(board.counts, BAR_COLUMNS, marks))}  {total_text(board)}",
    ]
    rows: list[list[str]] = []
    for heading, bars in _groups(board):
        if not bars:
            continue
        rows += [[""] * 6, [heading, "", *(marks[state] for state in ORDER)]]
        for label, row in bars:
            drawn = plain(bar(row.counts, BAR_COLUMNS, marks))
            counts = [str(row.counts[state]) for state in ORDER]
            rows.append(["  " + fit(label, LABEL_COLUMNS, measure, pad=False), drawn, *counts])
    # One table, so that the bars of every group line up.
    lines += _table(rows, measure) if rows else []
    lines += ["", _(OLDEST), *(plain(line) for line in _oldest(board, "  "))]
    return lines
