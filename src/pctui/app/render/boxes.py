"""Bordered boxes drawn as lines of Rich Text: a title in the top border, a subtitle in the
bottom one, a body padded by one cell on each side.

The item detail draws its panes itself (see `pctui.app.widgets.item_detail`) rather than
as one Textual widget each: with a widget per pane, every key press changed their heights,
and Textual laid out and painted the whole screen twice. Drawn here, the boxes look as the
widgets' `border: round` did: rounded corners, or straight ones where the console can draw
only those (plain glyphs in the `RenderContext`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from pctui.app.render.context import RenderContext

ROUND = ("╭", "╮", "╰", "╯", "─", "│")
SOLID = ("┌", "┐", "└", "┘", "─", "│")


@dataclass(frozen=True)
class BoxStyle:
    """How a box is drawn: its border, its title and its subtitle."""

    border: Style
    title: Style
    subtitle: Style


def inner_width(width: int) -> int:
    """Cells a box `width` cells wide leaves for its body (border and padding taken)."""
    return max(1, width - 4)


def _fit(text: str, cells: int, ellipsis: str) -> str:
    """`text` cut to `cells` cells with an ellipsis when it is longer."""
    if cell_len(text) <= cells:
        return text
    if cells <= cell_len(ellipsis):
        return set_cell_size(text, max(0, cells))
    return set_cell_size(text, cells - cell_len(ellipsis)) + ellipsis


def _edge(
    corners: tuple[str, str],
    label: str,
    width: int,
    style: BoxStyle,
    top: bool,
    context: RenderContext,
) -> Text:
    """A top (title at the left) or bottom (subtitle at the right) border line."""
    left, right = corners
    line_char = (SOLID if context.plain else ROUND)[4]
    # A border is one line: a line break or tab in a note or a heading is a space there.
    label = label.replace("\n", " ").replace("\t", " ")
    room = width - 2
    out = Text(end="")
    out.append(left, style=style.border)
    if label and room >= 5:
        shown = _fit(label, room - 4, context.glyph("ellipsis"))
        rest = room - cell_len(shown) - 3
        if top:
            out.append(line_char + " ", style=style.border)
            out.append(shown, style=style.title)
            out.append(" " + line_char * rest, style=style.border)
        else:
            out.append(line_char * rest + " ", style=style.border)
            out.append(shown, style=style.subtitle)
            out.append(" " + line_char, style=style.border)
    else:
        out.append(line_char * max(0, room), style=style.border)
    out.append(right, style=style.border)
    return out


def box(
    body: list[Text],
    width: int,
    style: BoxStyle,
    context: RenderContext,
    title: str = "",
    subtitle: str = "",
) -> list[Text]:
    """`body` (lines already no wider than `inner_width(width)`) in a box `width` cells
    wide: one line per body line plus the two borders, each exactly `width` cells."""
    top_left, top_right, bottom_left, bottom_right, _, side = SOLID if context.plain else ROUND
    inner = inner_width(width)
    lines = [_edge((top_left, top_right), title, width, style, True, context)]
    for content in body:
        line = Text(end="")  # no base style: the body keeps its own colours
        line.append(side + " ", style=style.border)
        line.append_text(content)
        line.append(" " * max(0, inner - content.cell_len))
        line.append(" " + side, style=style.border)
        lines.append(line)
    lines.append(_edge((bottom_left, bottom_right), subtitle, width, style, False, context))
    return lines


def side_by_side(left: list[Text], right: list[Text], left_width: int, gap: int) -> list[Text]:
    """Two columns of lines (the left ones padded to `left_width` cells, then `gap` spaces),
    as tall as the taller one."""
    lines: list[Text] = []
    for row in range(max(len(left), len(right))):
        line = Text(end="")
        if row < len(left):
            line.append_text(left[row])
            line.append(" " * max(0, left_width - left[row].cell_len))
        else:
            line.append(" " * left_width)
        line.append(" " * gap)
        if row < len(right):
            line.append_text(right[row])
        lines.append(line)
    return lines


def padded(lines: list[Text], height: int) -> list[Text]:
    """`lines` with blank lines added to make `height` (two boxes side by side line up)."""
    return lines + [Text(end="") for _ in range(height - len(lines))]
