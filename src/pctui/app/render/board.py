"""The progress board (`s`) as lines for the width the screen has: the numbers are
`pctui.session.board`'s, the words `pctui.session.board_words`'; here only the drawing.
Each state has its own shade (█ ▓ ▒ ░, or # = ! . in plain mode) as well as its style, so
the bars read in 16 colours and with NO_COLOR alike."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from pctui.app.render.context import RenderContext
from pctui.base.inert import inert
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

LABEL_MOST = 20  # cells a bar's label may take
COUNT = 4  # cells of each count column
BAR_LEAST = 10


def mark(state: State, context: RenderContext) -> str:
    """The shade a bar draws `state` with."""
    return context.glyph(f"bar-{state}")


def bar(counts: dict[State, int], cells: int, context: RenderContext) -> Text:
    """A bar `cells` wide, a styled shade per state in proportion to its items."""
    line = Text()
    for state, width in segments(counts, cells):
        line.append(mark(state, context) * width, style=context.style(state))
    line.append(" " * (cells - line.cell_len))
    return line


def legend(context: RenderContext) -> Text:
    """Each shade with its state's name."""
    line = Text()
    for state in ORDER:
        line.append(f"{mark(state, context)} ", style=context.style(state))
        line.append(f"{state_name(state)}  ")
    line.rstrip()
    return line


def _label(text: str, cells: int) -> str:
    if cell_len(text) <= cells:
        return text + " " * (cells - cell_len(text))
    return set_cell_size(text, cells - 1) + "~"


def _group(
    heading: str, bars: list[Bar], assignees: bool, sizes: tuple[int, int], context: RenderContext
) -> list[Text]:
    label_cells, bar_cells = sizes
    head = Text(_label(heading, label_cells + bar_cells + 1), style="bold")
    for state in ORDER:
        head.append(mark(state, context).rjust(COUNT), style=context.style(state))
    lines = [head]
    for row in bars:
        name = assignee_label(row.label) if assignees else row.label
        line = Text(" " + _label(inert(name), label_cells - 1) + " ")
        line.append_text(bar(row.counts, bar_cells, context))
        for state in ORDER:
            line.append(str(row.counts[state]).rjust(COUNT))
        lines.append(line)
    return lines


def board_lines(board: Board, width: int, context: RenderContext) -> list[Text]:
    """The board for `width` cells: when to publish, the whole, the bars by section, by
    assignee and by stage with their counts, and the items longest in their state."""
    labels = [row.label for row in board.sections + board.stages]
    labels += [assignee_label(row.label) for row in board.assignees]
    label_cells = min(LABEL_MOST, max((cell_len(inert(t)) for t in labels), default=0) + 1)
    bar_cells = max(BAR_LEAST, width - label_cells - 1 - COUNT * len(ORDER))
    total = Text()
    total.append_text(bar(board.counts, label_cells + bar_cells + 1, context))
    lines = [Text(days_left_text(board), style="bold"), total, Text(total_text(board))]
    lines[-1].append("   ")
    lines[-1].append_text(legend(context))
    for heading, bars, assignees in (
        (_(BY_SECTION), board.sections, False),
        (_(BY_ASSIGNEE), board.assignees, True),
        (_(BY_STAGE), board.stages, False),
    ):
        lines += _group(heading, bars, assignees, (label_cells, bar_cells), context)
    lines.append(Text(_(OLDEST), style="bold"))
    for waiting in board.oldest:
        lines.append(Text(" " + waiting_text(waiting)))
    if not board.oldest:
        lines.append(Text(" " + _(NONE_WAITING)))
    for line in lines:
        line.truncate(width, overflow="crop")
    return lines
