"""The list of items: No., state, stages signed, section, topic and the opinion's first line.

Rows are keyed by the item's No., so the selection survives filtering and reloads. When
the rows shown are the same items as before (an action, a reload), cells are updated in
place instead of rebuilding a list that may hold 10,000 items.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from pctui.app.derived import Derived, DerivedCache
from pctui.app.listing import opinion_summary
from pctui.app.render.badges import stage_marks, state_badge
from pctui.model.inert import inert
from pctui.model.records import Item, Review

COLUMNS = ("no", "state", "stages", "section", "summary")
Row = tuple[Text, Text, Text, Text, Text]


def item_row(item: Item, review: Review, derived: Derived) -> Row:
    """The cells of one item's row."""
    summary = Text()
    if item.topic:
        summary.append(f"【{inert(item.topic)}】", style="bold")
    summary.append(inert(opinion_summary(item)))
    return (
        Text(str(item.no), justify="right"),
        state_badge(derived.state),
        stage_marks(review, list(derived.approved)),
        Text(inert(item.section)),
        summary,
    )


class ItemTable(DataTable[Text]):
    """The item list (a row cursor; the highlighted row is the selected item)."""

    def __init__(self) -> None:
        super().__init__(id="items", cursor_type="row", zebra_stripes=False)
        self._numbers: list[int] = []
        self._rows: dict[int, Row] = {}
        self._built: dict[int, tuple[Derived, Item, Row]] = {}  # rows are rebuilt on change only

    def on_mount(self) -> None:
        """Set up the columns (labels short enough for 80 columns)."""
        for key, label in zip(COLUMNS, ("No", "state", "signed", "§", "opinion"), strict=True):
            self.add_column(label, key=key)

    @property
    def numbers(self) -> list[int]:
        """The No. of each row, top to bottom."""
        return list(self._numbers)

    @property
    def selected_no(self) -> int | None:
        """The No. of the highlighted row, or None when the list is empty."""
        if not self._numbers:
            return None
        return self._numbers[min(self.cursor_row, len(self._numbers) - 1)]

    def _row(self, item: Item, review: Review, derived: DerivedCache) -> Row:
        state = derived.of(item, review)
        built = self._built.get(item.no)
        if built and built[0] is state and built[1] is item:
            return built[2]
        row = item_row(item, review, state)
        self._built[item.no] = (state, item, row)
        return row

    def show(
        self, items: list[Item], review: Review, derived: DerivedCache, select: int | None
    ) -> None:
        """Show `items`, keeping `select` highlighted when it is among them (otherwise the
        row at the same position, so acting on a filtered list moves on naturally)."""
        numbers = [item.no for item in items]
        rows = {item.no: self._row(item, review, derived) for item in items}
        position = self.cursor_row
        if numbers == self._numbers:
            for no, row in rows.items():
                if row is not self._rows.get(no):
                    for key, cell in zip(COLUMNS, row, strict=True):
                        self.update_cell(str(no), key, cell)
        else:
            self.clear()
            for no in numbers:
                self.add_row(*rows[no], key=str(no))
        self._numbers, self._rows = numbers, rows
        if select in rows:
            position = numbers.index(select)
        if numbers:
            self.move_cursor(row=min(position, len(numbers) - 1), animate=False, scroll=True)
