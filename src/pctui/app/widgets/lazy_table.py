"""A table whose rows are asked for only when drawn: the grouping screen's groups (48,000
of them over 200,000 opinions) and a group's members (a campaign of 200,000 copies).

A `RowView`, like the item list: it knows how many rows there are and asks its owner for
the cells of a row (`cells(row)`) the first time the row is on screen. Columns have the
widths the owner gives (the last takes the rest of the line, cut with the terminal's
ellipsis); numbers are right-aligned where asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.geometry import Size
from textual.message import Message

from pctui.app.host import host_of
from pctui.app.widgets.row_view import Cells, RowView

__all__ = ["Cells", "LazyTable"]


class LazyTable(RowView):
    """Rows of cells with a row cursor; `show` says how many rows and how to get one."""

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

    # ---- what it shows ------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the table has (drawn or not)."""
        return self._count

    def row_cells(self, row: int) -> Cells:
        """The cells of `row`, from the owner."""
        return self._cells(row)

    def headings(self) -> tuple[str, ...]:
        """The headings the owner gave."""
        return self._headings

    def right_aligned(self, column: int) -> bool:
        """Whether the owner said `column` holds numbers."""
        return column in self._right

    def cursor_moved(self) -> None:
        """Say which row the cursor is on."""
        self.post_message(self.Highlighted(self, self._cursor))

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
        self.refresh_line_of(row)
