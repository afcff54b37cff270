"""What the diff pane shows: the diff between a base revision and the current one, inline,
side by side, or nothing (hidden)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from pctui.app.render.context import RenderContext
from pctui.app.render.texts import diff_text
from pctui.i18n import _
from pctui.model.diff import changed_characters, char_diff, new_side, old_side
from pctui.model.records import Item
from pctui.session.diff_state import HIDDEN, INLINE, DiffBase, DiffMode


@dataclass(frozen=True)
class DiffPart:
    """The diff pane's title, subtitle and texts. `inline` is set in the inline mode, `old`
    and `new` side by side; none of them when there is nothing to compare yet."""

    title: str
    subtitle: str
    summary: Text
    inline: Text | None = None
    old: Text | None = None
    new: Text | None = None


def diff_title(item: Item, base: DiffBase, context: RenderContext) -> str:
    """ "diff rev 1 → 3 (since your sign-off)": the border title."""
    return _("diff rev {base} {arrow} {current} ({reason})").format(
        base=base.index,
        arrow=context.glyph("arrow"),
        current=item.current_index,
        reason=_(base.reason),
    )


def diff_summary(deleted: int, inserted: int, context: RenderContext) -> Text:
    """ "−12 +30 characters; struck = removed, underlined = added", in the diff's styles."""
    glyph, style = context.glyph, context.style
    return Text.assemble(
        (glyph("minus") + str(deleted), style("minus")), " ",
        ("+" + str(inserted), style("plus")), _(" characters; "),
        (glyph("deleted-open") + _("struck") + glyph("deleted-close"), style("deleted")),
        _(" = removed, "),
        (glyph("inserted-open") + _("underlined") + glyph("inserted-close"), style("inserted")),
        _(" = added"),
        style="dim",
    )  # fmt: skip


def diff_part(
    item: Item | None, base: DiffBase | None, mode: DiffMode, context: RenderContext
) -> DiffPart | None:
    """The diff pane for `item`'s current revision against `base` in `mode`; None when the
    pane is hidden or there is no item."""
    if item is None or mode == HIDDEN:
        return None
    current = item.current
    if base is None or current is None:
        nothing = Text(_("Only one revision: nothing to compare yet."), style="dim")
        return DiffPart(_("diff"), _("d mode"), nothing)
    # A pane redrawn at each key press: a response rewritten from scratch gets a coarser
    # diff after 0.2 s rather than a frozen screen for diff-match-patch's default 1 s.
    segments = char_diff(item.revisions[base.index - 1].text, current.text, timeout=0.2)
    title, subtitle = diff_title(item, base, context), _("[ older · ] newer · d mode")
    summary = diff_summary(*changed_characters(segments), context)
    if mode == INLINE:
        return DiffPart(title, subtitle, summary, inline=diff_text(segments, context))
    old, new = diff_text(old_side(segments), context), diff_text(new_side(segments), context)
    return DiffPart(title, subtitle, summary, old=old, new=new)
