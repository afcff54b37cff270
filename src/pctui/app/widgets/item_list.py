"""The list of items: No., state, stages signed, section, topic and the opinion's first line.

A Line API widget: only the rows on screen are rendered, so a list of 10,000 items opens
and filters as fast as one of 10 (a DataTable measures every cell of every row when rows
are added). Rows are keyed by the item's No., so the selection survives filtering and
reloads, and a row is rebuilt only when its item changed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
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
from pctui.app.render.badges import BADGE_WIDTH, badge_width, stage_marks, state_badge
from pctui.app.render.context import RenderContext
from pctui.app.render.fit import fit_text
from pctui.base.inert import inert
from pctui.i18n import N_, _
from pctui.model.records import Item, Review
from pctui.session.derived import Derived, DerivedCache
from pctui.session.listing import opinion_summary

HEADINGS = ("No", N_("state"), N_("signed"), "§", N_("opinion"))  # translated where drawn
GAP = 2  # cells between columns
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


class ItemList(ScrollView, can_focus=True):
    """The item list with a row cursor; the highlighted row is the selected item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", "down", show=False),
        Binding("up", "cursor(-1)", "up", show=False),
        Binding("pagedown", "page(1)", "page down", show=False),
        Binding("pageup", "page(-1)", "page up", show=False),
        Binding("home", "cursor_to(0)", "first", show=False),
        Binding("end", "cursor_to(-1)", "last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-list--header", "item-list--cursor"}
    DEFAULT_CSS = """
    ItemList {
        background: $surface;
        & > .item-list--header { text-style: bold; background: $panel; }
        & > .item-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .item-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

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
        self._render_context = RenderContext()  # the app's, taken at each `show`
        self._built: dict[int, tuple[Derived, Item, Row]] = {}
        # Drawn lines by (row, style, width): scrolling by one row (every key press at the
        # bottom of the list) then draws one new line instead of the whole screenful.
        self._strips: dict[tuple[int, Style, int], Strip] = {}
        self._widths: tuple[int, int, int, int] = (2, BADGE_WIDTH, 6, 1)
        self._cursor = 0
        self._base = Style()  # the widget's style, taken once per paint (see render_lines)

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
    def cursor_row(self) -> int:
        """The 0-based index of the highlighted row."""
        return self._cursor

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

    # ---- the cursor ---------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        """Highlight row `row` (clamped to the list) and scroll it into view."""
        if not self._numbers:
            return
        row = max(0, min(row, len(self._numbers) - 1))
        if row == self._cursor:
            return
        old, self._cursor = self._cursor, row
        self.refresh_line_of(old)
        self.refresh_line_of(row)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self.selected_no))

    def refresh_line_of(self, row: int) -> None:
        """Repaint row `row` (if it is on screen)."""
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
        """Move the cursor one screen of rows."""
        self.move_cursor(self._cursor + direction * max(1, self.size.height - 2))

    def action_cursor_to(self, row: int) -> None:
        """Move the cursor to row `row` (-1: the last)."""
        self.move_cursor(row if row >= 0 else len(self._numbers) - 1)

    def on_click(self, event: events.Click) -> None:
        """A click on a row selects it."""
        row = event.y - 1 + round(self.scroll_offset.y)
        if event.y >= 1 and 0 <= row < len(self._numbers):
            self.move_cursor(row)

    def on_resize(self, event: events.Resize) -> None:
        """Keep the cursor on screen after the list changed size."""
        self.virtual_size = Size(event.size.width, len(self._numbers) + 1)
        self._strips.clear()
        self._scroll_to_cursor()

    # ---- drawing --------------------------------------------------------------------------

    def _strip(self, cells: tuple[Text, ...], style: Style) -> Strip:
        """One line: the cells padded to their columns (cell-width aware), the last one cut
        to the widget's width, in `style`."""
        line = Text(no_wrap=True, overflow="crop", end="")
        # The width beside the scrollbar: a row cut at the widget's width would lose its
        # last cells (the ellipsis) under the scrollbar.
        width = self.scrollable_content_region.width
        for index, cell in enumerate(cells):
            if index < len(self._widths):
                column = self._widths[index]
                pad = " " * max(0, column - cell.cell_len)
                # Numbers align right, the rest left.
                line.append_text(Text(pad) + cell if index == 0 else cell + Text(pad))
                line.append(" " * GAP)
            else:
                line.append_text(fit_text(cell, width - line.cell_len, self._render_context))
        segments = list(line.render(self.app.console))
        return Strip(segments).crop_extend(0, self.size.width, style).apply_style(style)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the lines in `crop`, looking the widget's style up once (`rich_style` walks
        every ancestor: a tenth of a key press when done for each line)."""
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the widget: the heading, then the rows scrolled into view."""
        base = self._base
        if y == 0:
            header = self.get_component_rich_style("item-list--header")
            return self._strip(tuple(Text(h) for h in headings_shown()), base + header)
        row = y - 1 + round(self.scroll_offset.y)
        if row >= len(self._rows):
            return Strip([Segment(" " * self.size.width, base)])
        style = base
        if row == self._cursor:
            style = base + self.get_component_rich_style("item-list--cursor")
        key = (row, style, self.size.width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 2000:  # a long session of scrolling: start afresh
                self._strips.clear()
            strip = self._strips[key] = self._strip(self._row_at(row), style)
        return strip
