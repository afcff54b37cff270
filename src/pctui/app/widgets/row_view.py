"""What the item list and the grouping screen's tables share: a Line API list of rows under
a heading, with a row cursor.

Only the rows on screen are drawn, each the first time it is on screen (a DataTable
measures every cell of every row when rows are added: 18 s before the grouping screen's
first frame at 200,000 opinions). A row is cells padded to their columns' widths, the
last cell taking what is left of the line, cut with the ellipsis the terminal can draw;
drawn lines are kept by (row, style, width), so that scrolling one row draws one line.
Keys move the cursor (↓ ↑, page down and up, home, end), a click puts it on a row. A
subclass says how many rows there are, what a row's cells are and which columns are
numbers, and posts its own message when the cursor moves.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pctui.app.render.context import RenderContext
from pctui.app.render.fit import fit_text

CACHED_LINES = 2000  # drawn lines kept before starting afresh (a long session of scrolling)

Cells = tuple[Text, ...]


class RowView(ScrollView, can_focus=True):
    """Rows under a heading, with a row cursor; see the module."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", "down", show=False),
        Binding("up", "cursor(-1)", "up", show=False),
        Binding("pagedown", "page(1)", "page down", show=False),
        Binding("pageup", "page(-1)", "page up", show=False),
        Binding("home", "cursor_to(0)", "first", show=False),
        Binding("end", "cursor_to(-1)", "last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-view--header", "row-view--cursor"}
    DEFAULT_CSS = """
    RowView {
        background: $surface;
        & > .row-view--header { text-style: bold; background: $panel; }
        & > .row-view--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .row-view--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    GAP: ClassVar[int] = 1  # cells between columns

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._cursor = 0
        self._widths: tuple[int, ...] = ()  # of every column but the last
        self._strips: dict[tuple[int, Style, int], Strip] = {}
        self._render_context = RenderContext()  # the app's, taken by the subclass's `show`
        self._base = Style()  # the widget's style, taken once per paint (see render_lines)

    # ---- what a subclass says -------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows there are (drawn or not)."""
        raise NotImplementedError

    def row_cells(self, row: int) -> Cells:
        """The cells of `row` (asked the first time it is drawn)."""
        raise NotImplementedError

    def headings(self) -> tuple[str, ...]:
        """The column headings, as drawn."""
        raise NotImplementedError

    def right_aligned(self, column: int) -> bool:
        """Whether `column` holds numbers (aligned right)."""
        return False

    def cursor_moved(self) -> None:
        """The cursor is on another row: post the subclass's message."""

    # ---- the cursor -----------------------------------------------------------------------

    @property
    def cursor_row(self) -> int:
        """The 0-based row under the cursor."""
        return self._cursor

    def move_cursor(self, row: int) -> None:
        """Put the cursor on `row` (kept within the rows) and scroll it into view."""
        count = self.row_count
        if not count:
            return
        row = max(0, min(row, count - 1))
        if row == self._cursor:
            return
        old, self._cursor = self._cursor, row
        self.refresh_line_of(old)
        self.refresh_line_of(row)
        self._scroll_to_cursor()
        self.cursor_moved()

    def refresh_line_of(self, row: int) -> None:
        """Repaint `row` (if it is on screen)."""
        self.refresh(Region(0, row + 1 - round(self.scroll_offset.y), self.size.width, 1))

    def _scroll_to_cursor(self) -> None:
        # The heading takes the first line on screen, so a row shows below it.
        top = round(self.scroll_offset.y)
        visible = max(1, self.size.height - 1)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False)
        elif self._cursor >= top + visible:
            self.scroll_to(y=self._cursor - visible + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        """Move the cursor `step` rows."""
        self.move_cursor(self._cursor + step)

    def action_page(self, direction: int) -> None:
        """One screen of rows down (1) or up (-1)."""
        self.move_cursor(self._cursor + direction * max(1, self.size.height - 2))

    def action_cursor_to(self, row: int) -> None:
        """Row `row` (-1: the last)."""
        self.move_cursor(row if row >= 0 else self.row_count - 1)

    def on_click(self, event: events.Click) -> None:
        """A click on a row puts the cursor on it."""
        row = event.y - 1 + round(self.scroll_offset.y)
        if event.y >= 1 and 0 <= row < self.row_count:
            self.move_cursor(row)

    def on_resize(self, event: events.Resize) -> None:
        """Keep the cursor in view after a resize; lines are cut to the new width."""
        self.virtual_size = Size(event.size.width, self.row_count + 1)
        self._strips.clear()
        self._scroll_to_cursor()

    # ---- drawing --------------------------------------------------------------------------

    def _strip(self, cells: Cells, style: Style) -> Strip:
        """One line: the cells padded to their columns (cell-width aware), the last one cut
        to the widget's width, in `style`."""
        line = Text(no_wrap=True, overflow="crop", end="")
        # The width beside the scrollbar: a row cut at the widget's width would lose its
        # last cells (the ellipsis) under the scrollbar.
        width = self.scrollable_content_region.width
        for index, cell in enumerate(cells):
            if index < len(self._widths):
                pad = Text(" " * max(0, self._widths[index] - cell.cell_len))
                line.append_text(pad + cell if self.right_aligned(index) else cell + pad)
                line.append(" " * self.GAP)
            else:
                line.append_text(fit_text(cell, width - line.cell_len, self._render_context))
                break
        segments = list(line.render(self.app.console))
        return Strip(segments).crop_extend(0, self.size.width, style).apply_style(style)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the lines in `crop`, looking the widget's style up once (`rich_style` walks
        every ancestor: a tenth of a key press when done for each line)."""
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y`: the heading, then the rows scrolled into view."""
        base = self._base
        if y == 0:
            header = self.get_component_rich_style("row-view--header")
            return self._strip(tuple(Text(h) for h in self.headings()), base + header)
        row = y - 1 + round(self.scroll_offset.y)
        if row >= self.row_count:
            return Strip([Segment(" " * self.size.width, base)])
        style = base
        if row == self._cursor:
            style = base + self.get_component_rich_style("row-view--cursor")
        key = (row, style, self.size.width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > CACHED_LINES:
                self._strips.clear()
            strip = self._strips[key] = self._strip(self.row_cells(row), style)
        return strip
