"""The diff between a base revision and the current one: inline, side by side, or hidden."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from pctui.app.diff_state import HIDDEN, INLINE, DiffBase
from pctui.app.render.glyphs import glyph
from pctui.app.render.palette import style
from pctui.app.render.texts import diff_text
from pctui.app.widgets.wrapped_text import WrappedText
from pctui.i18n import _
from pctui.model.diff import changed_characters, char_diff, new_side, old_side
from pctui.model.records import Item


def diff_title(item: Item, base: DiffBase) -> str:
    """ "diff rev 1 → 3 (since your sign-off)": the border title."""
    return _("diff rev {base} {arrow} {current} ({reason})").format(
        base=base.index, arrow=glyph("arrow"), current=item.current_index, reason=_(base.reason)
    )


class DiffView(Vertical):
    """The diff pane; `show` decides what it holds."""

    def compose(self) -> ComposeResult:
        """An inline text, and a pair of texts for side by side."""
        yield Static(id="diff-summary")
        yield WrappedText(id="diff-inline")
        with Horizontal(id="diff-sides"):
            yield WrappedText(id="diff-old")
            yield WrappedText(id="diff-new")

    def show(self, item: Item | None, base: DiffBase | None, mode: str) -> None:
        """Show `item`'s diff from `base` to its current revision in `mode`."""
        self.display = mode != HIDDEN and item is not None
        if item is None or not self.display:
            return
        current = item.current
        inline = self.query_one("#diff-inline", WrappedText)
        sides = self.query_one("#diff-sides", Horizontal)
        summary = self.query_one("#diff-summary", Static)
        if base is None or current is None:
            self.border_title = _("diff")
            self.border_subtitle = _("d mode")
            summary.update(Text(_("Only one revision: nothing to compare yet."), style="dim"))
            inline.display = sides.display = False
            return
        # A pane redrawn at each key press: a response rewritten from scratch gets a coarser
        # diff after 0.2 s rather than a frozen screen for diff-match-patch's default 1 s.
        segments = char_diff(item.revisions[base.index - 1].text, current.text, timeout=0.2)
        deleted, inserted = changed_characters(segments)
        self.border_title = diff_title(item, base)
        self.border_subtitle = _("[ older · ] newer · d mode")
        summary.update(
            Text.assemble(
                (glyph("minus") + str(deleted), style("minus")), " ",
                ("+" + str(inserted), style("plus")), _(" characters; "),
                (glyph("deleted-open") + _("struck") + glyph("deleted-close"), style("deleted")),
                _(" = removed, "),
                (glyph("inserted-open") + _("underlined") + glyph("inserted-close"),
                 style("inserted")),
                _(" = added"),
                style="dim",
            )
        )  # fmt: skip
        inline.display = mode == INLINE
        sides.display = mode != INLINE
        if mode == INLINE:
            inline.update(diff_text(segments))
        else:
            self.query_one("#diff-old", WrappedText).update(diff_text(old_side(segments)))
            self.query_one("#diff-new", WrappedText).update(diff_text(new_side(segments)))
