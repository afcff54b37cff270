"""A table whose rows are asked for only when drawn: the grouping screen's groups (48,000
of them over 200,000 opinions) and a group's members (a campaign of 200,000 copies).

A Line API widget like the item list: it knows how many rows there are and asks its
owner for the cells of a row (`cells(row)`) the first time the row is on screen. A
DataTable measures every cell of every row when rows are added, which cost 18 s before
the grouping screen's first frame at 200,000 opinions; here a frame draws the rows in view
and nothing else. Columns have the widths the owner gives (the last takes the rest of the
line, cut with the terminal's ellipsis); numbers are right-aligned where asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pctui.app.host import host_of
from pctui.app.render.context import RenderContext
from pctui.app.render.fit import fit_text

GAP = 1  # cells between columns
CACHED_LINES = 2000  # drawn lines kept (by row, style, width) before starting afresh

Cells = tuple[Text, ...]


class LazyTable(ScrollView, can_focus=True):
    """Rows of cells with a row cursor; `show` says how many rows and how to get one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "down", show=False),
        Binding("up", "cursor_up", "up", show=False),
        Binding("pagedown", "page(1)", "page down", show=False),
        Binding("pageup", "page(-1)", "page up", show=False),
        Binding("home", "cursor_to(0)", "first", show=False),
        Binding("end", "cursor_to(-1)", "last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"lazy-table--header", "lazy-table--cursor"}
    DEFAULT_CSS = """
    LazyTable {
        background: $surface;
        & > .lazy-table--header { text-style: bold; background: $panel; }
        & > .lazy-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .lazy-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    class Highlighted(Message):
        """The cursor moved to another row (or the rows were shown anew)."""

        def __init__(self, table: LazyTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> LazyTable:
            """The table whose cursor moved."""
            return self.table

    def __init__(self, headings: Sequence[str], *, right: Sequence[int] = (), id: str) -> None:
        super().__init__(id=id)
        self._headings = tuple(headings)
        self._right = frozenset(right)  # columns aligned right (numbers)
        self._count = 0
        self._cells: Callable[[int], Cells] = lambda row: ()
        self._widths: tuple[int, ...] = ()
        self._cursor = 0
        self._strips: dict[tuple[int, Style, int], Strip] = {}
        self._render_context = RenderContext()
        self._base = Style()

    # ---- what it shows ------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the table has (drawn or not)."""
        return self._count

    @property
    def cursor_row(self) -> int:
        """The 0-based row under the cursor."""
        return self._cursor

    def show(
        self,
        count: int,
        cells: Callable[[int], Cells],
        widths: Sequence[int],
        cursor: int = 0,
    ) -> None:
        """Show `count` rows, row `r` being `cells(r)` (asked when it is first drawn), in
        columns of `widths` cells (the last column takes what is left), the cursor on
        `cursor`; posts Highlighted. `widths` has one width fewer than there are columns."""
        self._count, self._cells, self._widths = count, cells, tuple(widths)
        self._render_context = host_of(self).render_context
        self._strips.clear()
        self._cursor = max(0, min(cursor, count - 1))
        self.virtual_size = Size(self.size.width, count + 1)  # + the heading
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self._cursor))

    def row_text(self, row: int) -> list[str]:
        """The plain text of each cell of `row` (for tests and messages)."""
        return [cell.plain for cell in self._cells(row)]

    def refresh_row(self, row: int) -> None:
        """Draw `row` again (its cells changed: a member marked)."""
        for key in [key for key in self._strips if key[0] == row]:
            del self._strips[key]
        self._refresh_line_of(row)

    # ---- the cursor ---------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        """Put the cursor on `row` (kept within the rows) and scroll it into view."""
        if not self._count:
            return
        row = max(0, min(row, self._count - 1))
        if row == self._cursor:
            return
        old, self._cursor = self._cursor, row
        self._refresh_line_of(old)
        self._refresh_line_of(row)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, row))

    def _refresh_line_of(self, row: int) -> None:
        self.refresh(Region(0, row + 1 - round(self.scroll_offset.y), self.size.width, 1))

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_offset.y)
        visible = max(1, self.size.height - 1)  # the heading takes the first line
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False)
        elif self._cursor >= top + visible:
            self.scroll_to(y=self._cursor - visible + 1, animate=False)

    def action_cursor_down(self) -> None:
        """Next row."""
        self.move_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.move_cursor(self._cursor - 1)

    def action_page(self, direction: int) -> None:
        """One screen of rows down (1) or up (-1)."""
        self.move_cursor(self._cursor + direction * max(1, self.size.height - 2))

    def action_cursor_to(self, row: int) -> None:
        """Row `row` (-1: the last)."""
        self.move_cursor(row if row >= 0 else self._count - 1)

    def on_click(self, event: events.Click) -> None:
        """A click on a row puts the cursor on it."""
        row = event.y - 1 + round(self.scroll_offset.y)
        if event.y >= 1 and 0 <= row < self._count:
            self.move_cursor(row)

    def on_resize(self, event: events.Resize) -> None:
        """Keep the cursor in view after a resize; lines are cut to the new width."""
        self.virtual_size = Size(event.size.width, self._count + 1)
        self._strips.clear()
        self._scroll_to_cursor()

    # ---- drawing --------------------------------------------------------------------------

    def _strip(self, cells: Cells, style: Style) -> Strip:
        line = Text(no_wrap=True, overflow="crop", end="")
        width = self.scrollable_content_region.width  # beside the scrollbar
        for index, cell in enumerate(cells):
            if index < len(self._widths):
                pad = Text(" " * max(0, self._widths[index] - cell.cell_len))
                line.append_text(pad + cell if index in self._right else cell + pad)
                line.append(" " * GAP)
            else:
                line.append_text(fit_text(cell, width - line.cell_len, self._render_context))
                break
        segments = list(line.render(self.app.console))
        return Strip(segments).crop_extend(0, self.size.width, style).apply_style(style)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the lines in `crop`, the widget's style looked up once (not per line)."""
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y`: the heading, then the rows scrolled into view."""
        base = self._base
        if y == 0:
            header = self.get_component_rich_style("lazy-table--header")
            return self._strip(tuple(Text(h) for h in self._headings), base + header)
        row = y - 1 + round(self.scroll_offset.y)
        if row >= self._count:
            return Strip([Segment(" " * self.size.width, base)])
        style = base
        if row == self._cursor:
            style = base + self.get_component_rich_style("lazy-table--cursor")
        key = (row, style, self.size.width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > CACHED_LINES:
                self._strips.clear()
            strip = self._strips[key] = self._strip(self._cells(row), style)
        return strip
