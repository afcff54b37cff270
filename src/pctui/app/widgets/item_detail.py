"""The selected item: what it is, the opinion beside the draft response, the diff, the
sign-offs. One scrollable pane, so a long response never hides the sign-offs for good."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from pctui.app.diff_state import DiffBase
from pctui.app.render.badges import state_badge
from pctui.app.render.glyphs import glyph
from pctui.app.render.signoffs import signoff_lines
from pctui.app.render.texts import inert_text
from pctui.app.widgets.diff_view import DiffView
from pctui.app.widgets.wrapped_text import WrappedText
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


class ItemDetail(VerticalScroll):
    """Everything about one item, scrolled as one."""

    def __init__(self) -> None:
        super().__init__(id="detail")

    def compose(self) -> ComposeResult:
        """Meta line, the two texts, the diff and the sign-offs."""
        yield Static(id="meta")
        with Horizontal(id="texts"):
            yield WrappedText(id="opinion", classes="text-pane")
            yield WrappedText(id="response", classes="text-pane")
        yield DiffView(id="diff")
        yield Static(id="signoffs")

    def show(
        self, consultation: Consultation, item: Item | None, base: DiffBase | None, mode: str
    ) -> None:
        """Show `item` (None: the list is empty) with its diff from `base` in `mode`."""
        meta = self.query_one("#meta", Static)
        opinion = self.query_one("#opinion", Static)
        response = self.query_one("#response", Static)
        signoffs = self.query_one("#signoffs", Static)
        self.query_one("#texts").display = signoffs.display = item is not None
        self.query_one(DiffView).show(item, base, mode)
        if item is None:
            meta.update(Text(_("No item matches the filter (f to change it, / to search)."),
                             style="italic"))  # fmt: skip
            return
        meta.update(meta_line(consultation, item))
        opinion.border_title = inert(consultation.meta.opinion_heading)
        opinion.update(inert_text(item.opinion))
        response.border_title = response_title(consultation, item)
        current = item.current
        response.update(inert_text(current.text) if current else Text(glyph("dash"), style="dim"))
        if current and current.note:
            response.border_subtitle = _("note: {note}").format(note=inert(current.note))
        else:
            response.border_subtitle = ""
        signoffs.border_title = _("sign-offs")
        signoffs.update(signoff_lines(item, consultation.review))
