"""Opinions, responses and diffs as inert Rich Text, cut to what a pane can show at once.

A text of a megabyte on one line (pasted, or hostile) would take seconds to wrap and lay
out at every key press, so a pane shows at most SHOWN characters of a text, then says how
many more there are; a diff shows each change with CONTEXT characters around it and
counts the unchanged characters it leaves out. The file keeps every character, and `E`
opens a response whole in the reviewer's own editor.
"""

from __future__ import annotations

from rich.text import Text

from pctui.app.render.context import RenderContext
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.model.diff import DELETE, EQUAL, Segment

SHOWN = 20_000  # characters of one text a pane shows
CONTEXT = 400  # unchanged characters a diff shows on each side of a change


NOT_SHOWN_STYLE = "dim italic"


def not_shown_line(count: int, total: int) -> str:
    """The line that says how many characters of a text are not shown, its break first."""
    message = _("… {count} more characters not shown ({total} in all)").format(
        count=f"{count:,}", total=f"{total:,}"
    )
    return "\n" + message


def _not_shown(count: int, total: int) -> Text:
    return Text(not_shown_line(count, total), style=NOT_SHOWN_STYLE)


def inert_text(text: str, style: str = "", limit: int = SHOWN) -> Text:
    """`text` made inert and wrapped in a Text (never parsed as markup); beyond `limit`
    characters, a line saying how many more there are."""
    if len(text) <= limit:
        return Text(inert(text), style=style)
    shown = Text(inert(text[:limit]), style=style)
    shown.append_text(_not_shown(len(text) - limit, len(text)))
    return shown


def _unchanged(text: str, first: bool, last: bool) -> Text:
    """An unchanged run with only CONTEXT characters kept next to each change."""
    keep_start = 0 if first else CONTEXT
    keep_end = 0 if last else CONTEXT
    if len(text) <= keep_start + keep_end + CONTEXT:
        return Text(inert(text))
    out = Text(inert(text[:keep_start]))
    left_out = len(text) - keep_start - keep_end
    out.append(_("〔… {count} unchanged characters …〕").format(count=f"{left_out:,}"),
               style="dim italic")  # fmt: skip
    out.append(inert(text[len(text) - keep_end :]))
    return out


def diff_text(segments: list[Segment], context: RenderContext, limit: int = SHOWN) -> Text:
    """Segments as one Text: deletions struck through, insertions bold and underlined.

    A deleted or inserted line break is shown as ↵ before the break itself, because an
    invisible change to the paragraphs would otherwise read as no change at all. With
    plain glyphs (a console that shows no strike-through) changes are also bracketed:
    [-removed-] {+added+}. When the texts together are longer than `limit` characters,
    unchanged runs are cut to the CONTEXT around each change and what is still beyond
    `limit` is counted, not shown.
    """
    total = sum(len(text) for _, text in segments)
    out = Text()
    done = 0  # characters of the segments shown or counted as left out
    for number, (op, text) in enumerate(segments):
        room = limit - len(out)
        if room <= 0:
            break
        if op == EQUAL:
            last = number == len(segments) - 1
            out.append_text(
                _unchanged(text, number == 0, last) if total > limit else Text(inert(text))
            )
            done += len(text)
            continue
        part = text[:room]
        kind = "deleted" if op == DELETE else "inserted"
        marked = inert(part).replace("\n", context.glyph("line-break") + "\n")
        opened, closed = context.glyph(f"{kind}-open"), context.glyph(f"{kind}-close")
        out.append(f"{opened}{marked}{closed}", style=context.style(kind))
        done += len(part)
    if done < total:
        out.append_text(_not_shown(total - done, total))
    return out
