"""The progress board (`s`) for the width the screen has: the lines are
`pctui.session.board_text`'s (the same that `pctui status --board` prints, in the screen's
shape); here only the styling. Each state has its own shade (█ ▓ ▒ ░, or # = ! . in plain
mode) as well as its style, so the bars read in 16 colours and with NO_COLOR alike."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from pctui.app.render.context import RenderContext
from pctui.session.board import Board
from pctui.session.board_text import Line, screen_lines
from pctui.session.board_words import ORDER


def _styled(line: Line, context: RenderContext) -> Text:
    """A line as Rich text: a run of a state in its style; a heading opening the line bold
    over the whole line (the marks beside it too)."""
    runs = list(line)
    text = Text(runs.pop(0).text, style="bold") if runs and runs[0].bold else Text()
    for run in runs:
        text.append(run.text, style=context.style(run.state) if run.state else "")
    return text


def board_lines(board: Board, width: int, context: RenderContext) -> list[Text]:
    """The board for `width` cells (see `pctui.session.board_text.screen_lines`)."""
    marks = {state: context.glyph(f"bar-{state}") for state in ORDER}
    return [_styled(line, context) for line in screen_lines(board, width, marks, cell_len)]
