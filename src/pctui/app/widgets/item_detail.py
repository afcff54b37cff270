"""The selected item: what it is, the opinion beside the draft response, the diff, the
sign-offs. One scrollable pane, so a long response never hides the sign-offs for good.

The pane draws its boxes itself, as lines (Textual's Line API), instead of holding a widget
per box. With a widget per box, every move to another item changed the boxes' heights, and
Textual laid out and painted the whole screen twice for it: about 30 ms a key press at
median, 50 ms at the 95th percentile. Drawn as lines, a move rebuilds the lines of one item
and paints the part of them that is on screen; lines are built again only when the item,
the width or the diff mode changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pctui.app.diff_state import DiffBase
from pctui.app.render.badges import state_badge
from pctui.app.render.boxes import BoxStyle, box, inner_width, padded, side_by_side
from pctui.app.render.diff_part import DiffPart, diff_part
from pctui.app.render.glyphs import glyph
from pctui.app.render.signoffs import signoff_lines
from pctui.app.render.texts import inert_text
from pctui.app.render.wrap import wrap
from pctui.i18n import _, format_datetime, ngettext
from pctui.model.inert import inert
from pctui.model.records import Consultation, Item
from pctui.model.state import item_state


def meta_line(consultation: Consultation, item: Item) -> Text:
    """ "No.3 approved · 1 住民基本台帳事務… · 【topic】 · 2 opinions · 参考"."""
    line = Text(f"No.{item.no} ", style="bold")
    line.append_text(state_badge(item_state(item, consultation.review), pad=False))
    section = consultation.section(item.section)
    line.append(f" · {inert(item.section)}")
    if section is not None:
        line.append(f" {inert(section.title)}")
    if item.topic:
        line.append(f" · 【{inert(item.topic)}】")
    opinions = ngettext("{count} opinion", "{count} opinions", item.count)
    line.append(" · " + opinions.format(count=item.count))
    if item.klass:
        labels = {c.id: c.label for c in consultation.review.classes}
        line.append(f" · {inert(labels.get(item.klass, item.klass))}")
    return line


def response_title(consultation: Consultation, item: Item) -> str:
    """The response pane's title: the heading and which revision, by whom, when."""
    current = item.current
    heading = inert(consultation.meta.response_heading)
    if current is None:
        return heading + " · " + _("no draft yet")
    revision = _("rev {revision} by {author} {when}").format(
        revision=item.current_index, author=inert(current.author), when=format_datetime(current.at)
    )
    return f"{heading} · {revision}"


WIDE_FROM = 100  # columns from which the opinion and the response stand side by side
TAB = 4  # cells a tab in a text stands for


def _wrap(text: Text, width: int) -> list[Text]:
    """`text` broken into lines of at most `width` cells, tabs first turned into spaces:
    the lines are rendered as they are, and a raw tab would push the box's border aside."""
    if "\t" in text.plain:
        text = text.copy()
        text.expand_tabs(TAB)
    return wrap(text, max(1, width))


@dataclass
class Parts:
    """What the pane shows of one item, before it is broken into lines."""

    meta: Text
    opinion: Text | None = None
    response: Text | None = None
    signoffs: Text | None = None
    diff: DiffPart | None = None
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # box -> (title, subtitle)


def item_parts(
    consultation: Consultation, item: Item | None, base: DiffBase | None, mode: str
) -> Parts:
    """The pane's parts for `item` (None: the list is empty), its diff from `base` in `mode`."""
    if item is None:
        message = _("No item matches the filter (f to change it, / to search).")
        return Parts(Text(message, style="italic"))
    current = item.current
    note = _("note: {note}").format(note=inert(current.note)) if current and current.note else ""
    parts = Parts(
        meta_line(consultation, item),
        opinion=inert_text(item.opinion),
        response=inert_text(current.text) if current else Text(glyph("dash"), style="dim"),
        signoffs=signoff_lines(item, consultation.review),
        diff=diff_part(item, base, mode),
    )
    parts.titles["opinion"] = (inert(consultation.meta.opinion_heading), "")
    parts.titles["response"] = (response_title(consultation, item), note)
    parts.titles["signoffs"] = (_("sign-offs"), "")
    if parts.diff is not None:
        parts.titles["diff"] = (parts.diff.title, parts.diff.subtitle)
    return parts


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
    GAP = 1  # cells between the opinion and the response side by side
    SIDES_GAP = 2  # cells between the old and the new text of a diff side by side

    def __init__(self) -> None:
        super().__init__(id="detail")
        self._parts = Parts(Text())
        self._lines: list[Text] = []
        self._built_for: tuple[int, bool] | None = None  # (width, wide) the lines are for
        self._places: dict[str, tuple[int, int]] = {}  # box -> (line, cell) of its corner
        self._strips: dict[tuple[int, Style], Strip] = {}
        self._base = Style()  # the widget's style, taken once per paint (see render_lines)
        self._styles: tuple[BoxStyle, BoxStyle] | None = None  # the lines were drawn in these

    # ---- what it shows ------------------------------------------------------------------

    def show(
        self, consultation: Consultation, item: Item | None, base: DiffBase | None, mode: str
    ) -> None:
        """Show `item` (None: the list is empty) with its diff from `base` in `mode`."""
        self._parts = item_parts(consultation, item, base, mode)
        self._built_for = None
        self._build()
        self.refresh()

    def part(self, name: str) -> Text | None:
        """The text shown as `name` (meta, opinion, response, signoffs, diff-summary,
        diff-inline, diff-old, diff-new), before it is broken into lines; None when it is
        not shown."""
        parts, diff = self._parts, self._parts.diff
        found = {
            "meta": parts.meta,
            "opinion": parts.opinion,
            "response": parts.response,
            "signoffs": parts.signoffs,
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
        """Every line of the pane as plain text (for tests and the tmux checks)."""
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
        """Break the parts into lines for the current width, once per width and item."""
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
        self._places.clear()
        if width <= 0:
            self._lines = []
            return
        parts, lines = self._parts, _wrap(self._parts.meta, width)
        plain_box, diff_box = (
            self._box_style("item-detail--box"),
            self._box_style("item-detail--diff-box"),
        )
        if parts.opinion is not None and parts.response is not None:
            lines += self._texts(parts, width, wide, plain_box, len(lines))
        if parts.diff is not None:
            self._places["diff"] = (len(lines), 0)
            title, subtitle = parts.titles["diff"]
            lines += box(self._diff_body(parts.diff, width, wide), width, diff_box, title, subtitle)
        if parts.signoffs is not None:
            self._places["signoffs"] = (len(lines), 0)
            body = _wrap(parts.signoffs, inner_width(width))
            lines += box(body, width, plain_box, parts.titles["signoffs"][0])
        for line in lines:
            line.end = ""  # one screen line each: no line break rendered after it
        self._lines = lines
        self.virtual_size = Size(width, len(lines))

    def _texts(self, parts: Parts, width: int, wide: bool, style: BoxStyle, top: int) -> list[Text]:
        """The opinion and response boxes: side by side, as tall as each other, when wide;
        one above the other when narrow."""
        assert parts.opinion is not None and parts.response is not None
        opinion_title, _sub = parts.titles["opinion"]
        response_title_, response_subtitle = parts.titles["response"]
        if not wide:
            opinion = box(_wrap(parts.opinion, inner_width(width)), width, style, opinion_title)
            response = box(_wrap(parts.response, inner_width(width)), width, style,
                           response_title_, response_subtitle)  # fmt: skip
            self._places["opinion"] = (top, 0)
            self._places["response"] = (top + len(opinion), 0)
            return opinion + response
        left = (width - self.GAP) // 2
        right = width - self.GAP - left
        opinion_body = _wrap(parts.opinion, inner_width(left))
        response_body = _wrap(parts.response, inner_width(right))
        height = max(len(opinion_body), len(response_body))
        opinion = box(padded(opinion_body, height), left, style, opinion_title)
        response = box(padded(response_body, height), right, style,
                       response_title_, response_subtitle)  # fmt: skip
        self._places["opinion"] = (top, 0)
        self._places["response"] = (top, left + self.GAP)
        return side_by_side(opinion, response, left, self.GAP)

    def _diff_body(self, diff: DiffPart, width: int, wide: bool) -> list[Text]:
        inner = inner_width(width)
        body = _wrap(diff.summary, inner)
        if diff.inline is not None:
            body += _wrap(diff.inline, inner)
        elif diff.old is not None and diff.new is not None:
            if wide:
                left = (inner - self.SIDES_GAP) // 2
                right = inner - self.SIDES_GAP - left
                body += side_by_side(_wrap(diff.old, left), _wrap(diff.new, right), left,
                                     self.SIDES_GAP)  # fmt: skip
            else:
                body += _wrap(diff.old, inner - self.SIDES_GAP) + _wrap(diff.new, inner)
        return body

    # ---- drawing --------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Break the lines again for the new width."""
        self._build()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the lines in `crop`. The widget's style (theme, focus tint) is looked up
        once here: `rich_style` walks every ancestor, and took a third of each line's time."""
        self._base = self.rich_style
        styles = self._box_styles()
        if styles != self._styles:
            # The theme changed: Textual applies the new theme's styles after the screen
            # was redrawn for it, so the boxes are drawn again on this paint.
            self._styles, self._built_for = styles, None
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y` on screen: the pane's line scrolled there."""
        self._build()
        base = self._base
        width = self._width()
        index = y + round(self.scroll_offset.y)
        if index >= len(self._lines):
            return Strip([Segment(" " * width, base)])
        key = (index, base)
        strip = self._strips.get(key)
        if strip is None:
            segments = list(self._lines[index].render(self.app.console))
            strip = Strip(segments).crop_extend(0, width, base).apply_style(base)
            self._strips[key] = strip
        return strip
