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
    lines = [top_edge(width, style, context, title)]
    lines.extend(body_line(content, width, style, context) for content in body)
    lines.append(bottom_edge(width, style, context, subtitle))
    return lines


def top_edge(width: int, style: BoxStyle, context: RenderContext, title: str = "") -> Text:
    """A box's top border with `title` at the left."""
    corners = SOLID if context.plain else ROUND
    return _edge((corners[0], corners[1]), title, width, style, True, context)


def bottom_edge(width: int, style: BoxStyle, context: RenderContext, subtitle: str = "") -> Text:
    """A box's bottom border with `subtitle` at the right."""
    corners = SOLID if context.plain else ROUND
    return _edge((corners[2], corners[3]), subtitle, width, style, False, context)


def body_line(content: Text, width: int, style: BoxStyle, context: RenderContext) -> Text:
    """One line of a box's body: the sides, `content` and the padding to `width` cells."""
    side = (SOLID if context.plain else ROUND)[5]
    line = Text(end="")  # no base style: the body keeps its own colours
    line.append(side + " ", style=style.border)
    line.append_text(content)
    line.append(" " * max(0, inner_width(width) - content.cell_len))
    line.append(" " + side, style=style.border)
    return line


def side_by_side(left: list[Text], right: list[Text], left_width: int, gap: int) -> list[Text]:
    """Two columns of lines (the left ones padded to `left_width` cells, then `gap` spaces),
    as tall as the taller one."""
    return [
        row(
            left[number] if number < len(left) else None,
            right[number] if number < len(right) else None,
            left_width,
            gap,
        )
        for number in range(max(len(left), len(right)))
    ]


def row(left: Text | None, right: Text | None, left_width: int, gap: int) -> Text:
    """One line of two columns: `left` padded to `left_width` cells (blank when None),
    `gap` spaces, then `right` (nothing when None)."""
    line = Text(end="")
    if left is not None:
        line.append_text(left)
        line.append(" " * max(0, left_width - left.cell_len))
    else:
        line.append(" " * left_width)
    line.append(" " * gap)
    if right is not None:
        line.append_text(right)
    return line


def padded(lines: list[Text], height: int) -> list[Text]:
    """`lines` with blank lines added to make `height` (two boxes side by side line up)."""
    return lines + [Text(end="") for _ in range(height - len(lines))]
