"""The selected item: what it is, the opinion beside the draft response, the diff, the
sign-offs. One scrollable pane, so a long response never hides the sign-offs for good.

The pane draws its boxes itself, as lines (Textual's Line API, the lines from
`pctui.app.render.detail`), instead of holding a widget per box. With a widget per box,
every move to another item changed the boxes' heights, and Textual laid out and painted the
whole screen twice for it: about 30 ms a key press at median, 50 ms at the 95th percentile.
Drawn as lines, a move rebuilds the lines of one item and paints the part of them that is
on screen; lines are built again only when the item, the width, the diff mode or the theme
changes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.geometry import Region, Size
from textual.renderables.blank import Blank
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from pctui.app.host import host_of
from pctui.app.render.boxes import BoxStyle
from pctui.app.render.context import RenderContext
from pctui.app.render.detail import WIDE_FROM, Parts, item_parts, lay_out
from pctui.app.render.line_sources import Lines
from pctui.app.render.styled import as_text
from pctui.model.records import Consultation, Item
from pctui.session.diff_state import DiffBase, DiffMode


class PaneScrollBar(ScrollBar):
    """The pane's scrollbar, drawn as the empty gutter (the pane's background) while the
    item fits. The pane keeps it shown (`overflow-y: scroll`): a scrollbar that appears
    and goes as items are long or short lays the whole screen out again each time, a
    quarter of the key presses on a file of short items."""

    # Widget.render's own type: a Visual (Blank) is what Textual draws a plain colour with.
    def render(self) -> RenderResult:  # type: ignore[override]
        """The scrollbar, or the pane's background when there is nothing to scroll."""
        if self.window_virtual_size <= self.window_size and self.parent is not None:
            return Blank(self.parent.background_colors[1])
        return super().render()


class ItemDetail(ScrollView, can_focus=True):
    """Everything about one item, scrolled as one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "item-detail--box",
        "item-detail--diff-box",
        "item-detail--title",
        "item-detail--subtitle",
    }
    DEFAULT_CSS = """
    ItemDetail {
        & > .item-detail--box { color: $primary-muted; }
        & > .item-detail--diff-box { color: $secondary-muted; }
        & > .item-detail--title { color: $text; }
        & > .item-detail--subtitle { color: $text-muted; }
    }
    """

    def __init__(self) -> None:
        super().__init__(id="detail")
        self._parts = Parts(Text())
        self._lines: Lines = []
        self._built_for: tuple[int, bool] | None = None  # (width, wide) the lines are for
        self._places: dict[str, tuple[int, int]] = {}  # box -> (line, cell) of its corner
        self._strips: dict[tuple[int, Style], Strip] = {}
        self._base = Style()  # the widget's style, taken once per paint (see render_lines)
        self._styles: tuple[BoxStyle, BoxStyle] | None = None  # the lines were drawn in these
        self._render_context = RenderContext()  # the app's, taken at each `show`
        self._painting: tuple[int, int] | None = None  # (width, top line) during a paint

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The pane's scrollbar (`PaneScrollBar`), made as Textual makes its own."""
        if self._vertical_scrollbar is None:
            thickness = self.scrollbar_size_vertical
            bar = PaneScrollBar(vertical=True, name="vertical", thickness=thickness)
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    # ---- what it shows ------------------------------------------------------------------

    def show(
        self, consultation: Consultation, item: Item | None, base: DiffBase | None, mode: DiffMode
    ) -> None:
        """Show `item` (None: the list is empty) with its diff from `base` in `mode`."""
        self._render_context = host_of(self).render_context
        self._parts = item_parts(consultation, item, base, mode, self._render_context)
        self._built_for = None
        self._build()
        self.refresh()

    def part(self, name: str) -> Text | None:
        """The text shown as `name` (meta, opinion, response, signoffs, notes, diff-summary,
        diff-inline, diff-old, diff-new), before it is broken into lines; None when it is
        not shown."""
        parts, diff = self._parts, self._parts.diff
        found = {
            "meta": parts.meta,
            "opinion": as_text(parts.opinion) if parts.opinion is not None else None,
            "response": parts.response,
            "signoffs": parts.signoffs,
            "notes": parts.notes,
            "diff-summary": diff.summary if diff else None,
            "diff-inline": diff.inline if diff else None,
            "diff-old": diff.old if diff else None,
            "diff-new": diff.new if diff else None,
        }
        return found[name]

    def title(self, box_name: str) -> str:
        """The title in the border of box `box_name` (opinion, response, diff, signoffs)."""
        return self._parts.titles.get(box_name, ("", ""))[0]

    def subtitle(self, box_name: str) -> str:
        """The subtitle in the bottom border of box `box_name`."""
        return self._parts.titles.get(box_name, ("", ""))[1]

    def place(self, box_name: str) -> tuple[int, int] | None:
        """(line, cell) of box `box_name`'s top-left corner, None when it is not shown."""
        self._build()
        return self._places.get(box_name)

    @property
    def lines(self) -> list[str]:
        """Every line of the pane as plain text (what the tests read)."""
        self._build()
        return [line.plain for line in self._lines]

    # ---- laying it out --------------------------------------------------------------------

    def _width(self) -> int:
        """Cells a line may take: the content's width less the scrollbar's."""
        return self.scrollable_content_region.width

    def _box_style(self, border: str) -> BoxStyle:
        return BoxStyle(
            self.get_component_rich_style(border, partial=True),
            self.get_component_rich_style("item-detail--title", partial=True),
            self.get_component_rich_style("item-detail--subtitle", partial=True),
        )

    def _box_styles(self) -> tuple[BoxStyle, BoxStyle]:
        return self._box_style("item-detail--box"), self._box_style("item-detail--diff-box")

    def _build(self) -> None:
        """Lay the parts out for the current width, once per width and item."""
        if self._styles is None:
            self._styles = self._box_styles()
        width = self._width()
        # From the app's width, as the screen's -wide class is: that class is set after
        # this widget hears of a resize, and would leave the boxes stacked on a wide screen.
        wide = self.app.size.width >= WIDE_FROM if self.is_attached else True
        if self._built_for == (width, wide):
            return
        self._built_for = (width, wide)
        self._strips.clear()
        layout = lay_out(self._parts, width, wide, self._styles, self._render_context)
        self._lines, self._places = layout.lines, layout.places
        self._resize_virtually(Size(max(0, width), len(self._lines)))

    def _resize_virtually(self, size: Size) -> None:
        """Make the scrollable area `size`. Setting `virtual_size` lays the whole screen out
        again, which Textual needs for a widget whose content sets its height; this pane's
        height is the screen's to give, so only its scrollbar is told, unless the pane is
        not laid out yet. (The scrollbar is always shown, `PaneScrollBar`: one that
        appeared or went laid the screen out.) A layout of the screen was a fifth of each
        key press's CPU."""
        if size == self.virtual_size:
            return
        if not self.is_mounted or not self.container_size:
            self.virtual_size = size
            return
        self.set_reactive(ItemDetail.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    # ---- drawing --------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Break the lines again for the new width."""
        self._build()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the lines in `crop`. The widget's style (theme, focus tint), its width and
        how far it is scrolled are looked up once here: `rich_style` walks every ancestor,
        and took a third of each line's time."""
        self._base = self.rich_style
        styles = self._box_styles()
        if styles != self._styles:
            # The theme changed: Textual applies the new theme's styles after the screen
            # was redrawn for it, so the boxes are drawn again on this paint.
            self._styles, self._built_for = styles, None
        self._build()
        self._painting = (self._width(), round(self.scroll_offset.y))
        try:
            return super().render_lines(crop)
        finally:
            self._painting = None

    def render_line(self, y: int) -> Strip:
        """Line `y` on screen: the pane's line scrolled there."""
        if self._painting is None:  # asked for outside a paint
            self._build()
            width, top = self._width(), round(self.scroll_offset.y)
        else:
            width, top = self._painting
        base = self._base
        index = y + top
        if index >= len(self._lines):
            return Strip([Segment(" " * width, base)])
        key = (index, base)
        strip = self._strips.get(key)
        if strip is None:
            segments = list(self._lines[index].render(self.app.console))
            strip = Strip(segments).crop_extend(0, width, base).apply_style(base)
            self._strips[key] = strip
        return strip
