"""The list of items: No., state, stages signed, section, topic and the opinion's first line.

A `RowView` (the cursor, keys and drawing it shares with the grouping screen's tables):
only the rows on screen are rendered, so a list of 10,000 items opens and filters as fast
as one of 10 (a DataTable measures every cell of every row when rows are added). Rows are
keyed by the item's No., so the selection survives filtering and reloads, and a row is
rebuilt only when its item changed.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.message import Message

from pctui.app.host import host_of
from pctui.app.render.badges import BADGE_WIDTH, badge_width, stage_marks, state_badge
from pctui.app.render.context import RenderContext
from pctui.app.widgets.row_view import Cells, RowView
from pctui.base.inert import inert
from pctui.i18n import N_, _
from pctui.model.records import Item, Review
from pctui.session.derived import Derived, DerivedCache
from pctui.session.listing import opinion_summary

HEADINGS = ("No", N_("state"), N_("signed"), "§", N_("opinion"))  # translated where drawn
# Characters of the opinion a row holds: more than the widest terminal shows. The row is
# cut to the list's width when drawn (with the ellipsis the terminal can draw).
SUMMARY_CHARS = 500
Row = tuple[Text, Text, Text, Text, Text]


def item_row(item: Item, review: Review, derived: Derived, context: RenderContext) -> Row:
    """The cells of one item's row."""
    summary = Text()
    if item.topic:
        summary.append(f"【{inert(item.topic)}】", style="bold")
    summary.append(inert(opinion_summary(item, SUMMARY_CHARS, context.glyph("ellipsis"))))
    return (
        Text(str(item.no)),
        state_badge(derived.state, context),
        stage_marks(review, list(derived.approved), context),
        Text(inert(item.section)),
        summary,
    )


def column_widths(items: list[Item], review: Review) -> tuple[int, int, int, int]:
    """Cells of the No., state, signed and section columns (the opinion takes the rest)."""
    headings = headings_shown()
    no = max([cell_len(headings[0]), *(len(str(item.no)) for item in items)])
    signed = max(cell_len(headings[2]), 2 * len(review.stages))
    section = max([cell_len(headings[3]), *(cell_len(inert(item.section)) for item in items)])
    return no, max(badge_width(), cell_len(headings[1])), signed, section


def headings_shown() -> tuple[str, ...]:
    """The column headings in the current language."""
    return tuple(_(heading) if heading not in ("No", "§") else heading for heading in HEADINGS)


class ItemList(RowView):
    """The item list with a row cursor; the highlighted row is the selected item."""

    GAP = 2

    class Highlighted(Message):
        """The cursor moved to another item (None: the list is empty)."""

        def __init__(self, no: int | None) -> None:
            super().__init__()
            self.no = no

    def __init__(self) -> None:
        super().__init__(id="items")
        self._numbers: list[int] = []
        # Rows are built when first drawn: the first frame of a large file draws 30 rows,
        # not the thousands the list holds.
        self._items: list[Item] = []
        self._rows: list[Row | None] = []
        self._review: Review | None = None
        self._derived: DerivedCache | None = None
        self._built: dict[int, tuple[Derived, Item, Row]] = {}
        self._widths = (2, BADGE_WIDTH, 6, 1)

    # ---- what it shows ------------------------------------------------------------------

    @property
    def numbers(self) -> list[int]:
        """The No. of each row, top to bottom."""
        return list(self._numbers)

    @property
    def row_count(self) -> int:
        """How many rows the list shows."""
        return len(self._numbers)

    @property
    def selected_no(self) -> int | None:
        """The No. of the highlighted row, or None when the list is empty."""
        return self._numbers[self._cursor] if self._numbers else None

    def row_text(self, no: int) -> str:
        """The plain text of item `no`'s row, cells separated by spaces (for tests)."""
        row = self._row_at(self._numbers.index(no))
        return " ".join(cell.plain for cell in row)

    def _row(self, item: Item, review: Review, derived: DerivedCache) -> Row:
        state = derived.of(item, review)
        built = self._built.get(item.no)
        if built and built[0] is state and built[1] is item:
            return built[2]
        row = item_row(item, review, state, self._render_context)
        self._built[item.no] = (state, item, row)
        return row

    def _row_at(self, index: int) -> Row:
        """The cells of row `index`, built the first time they are needed."""
        row = self._rows[index]
        if row is None:
            assert self._review is not None and self._derived is not None
            row = self._rows[index] = self._row(self._items[index], self._review, self._derived)
        return row

    def row_cells(self, row: int) -> Cells:
        """The cells of row `row`."""
        return self._row_at(row)

    def headings(self) -> tuple[str, ...]:
        """The column headings in the current language."""
        return headings_shown()

    def right_aligned(self, column: int) -> bool:
        """The No. aligns right, the rest left."""
        return column == 0

    def cursor_moved(self) -> None:
        """Say which item is selected now."""
        self.post_message(self.Highlighted(self.selected_no))

    def show(
        self, items: list[Item], review: Review, derived: DerivedCache, select: int | None
    ) -> None:
        """Show `items`, keeping `select` highlighted when it is among them (otherwise the
        row at the same position, so acting on a filtered list moves on naturally)."""
        before = self.selected_no
        self._numbers = [item.no for item in items]
        self._items, self._review, self._derived = items, review, derived
        self._render_context = host_of(self).render_context
        self._rows = [None] * len(items)
        self._widths = column_widths(items, review)
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(items) + 1)  # + the heading
        if select is not None and select in self._numbers:
            self._cursor = self._numbers.index(select)
        self._cursor = max(0, min(self._cursor, len(items) - 1))
        self.refresh()
        self._scroll_to_cursor()
        if self.selected_no != before:
            self.post_message(self.Highlighted(self.selected_no))

    def forget_rows(self) -> None:
        """Drop the rows built so far (their styles changed with the theme); the next `show`
        builds them again."""
        self._built.clear()
        self._strips.clear()
