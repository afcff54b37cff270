"""An item's sign-offs, one line each (stage, who, when, revision, verdict, standing) with
the comment below: lines rather than a table so a long comment wraps under its sign-off.
The internal notes, shown beside them, are drawn the same way (who, when, the text)."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from rich.text import Text

from pctui.app.render.badges import standing_word, verdict_word
from pctui.app.render.context import RenderContext
from pctui.app.render.texts import inert_text
from pctui.base.inert import inert
from pctui.i18n import _, format_datetime
from pctui.model.records import Item, Review
from pctui.model.state import standings
from pctui.model.zones import in_zone


def _padded(text: str, cells: int) -> str:
    return text + " " * max(0, cells - cell_len(text))


def signoff_lines(
    item: Item, review: Review, zone: dt.tzinfo | None, context: RenderContext
) -> Text:
    """The sign-offs of `item` in file order, each marked valid / stale / withdrawn /
    invalid against the current revision, their times as the clock in `zone` (the
    consultation's) read; a line saying there are none otherwise."""
    if not item.signoffs:
        return Text(_("No sign-offs yet."), style="dim")
    rows = standings(item, review)
    stage_cells = max(cell_len(inert(s.signoff.stage)) for s in rows)
    by_cells = max(cell_len(inert(s.signoff.by)) for s in rows)
    when = [format_datetime(in_zone(s.signoff.at, zone)) for s in rows]
    when_cells = max(cell_len(text) for text in when)
    out = Text()
    for number, standing in enumerate(rows):
        signoff = standing.signoff
        line = Text(style="" if standing.counts else "dim")
        line.append(_padded(inert(signoff.stage), stage_cells) + " ", style="bold")
        line.append(_padded(inert(signoff.by), by_cells) + " ")
        line.append(_padded(when[number], when_cells) + " ")
        line.append(_("rev {revision}").format(revision=signoff.revision) + " ")
        line.append_text(verdict_word(signoff.verdict, context))
        line.append(" ")
        line.append_text(standing_word(standing.status, context, standing.reason))
        if number:
            out.append("\n")
        out.append_text(line)
        if signoff.comment:
            out.append("\n    " + context.glyph("open-quote"))
            out.append_text(inert_text(signoff.comment, style="italic"))
            out.append(context.glyph("close-quote"))
    return out


def note_lines(item: Item, zone: dt.tzinfo | None, context: RenderContext) -> Text | None:
    """The internal notes of `item`, oldest first: who and when, the text below; None when
    it has none (the pane then shows no notes box)."""
    if not item.notes:
        return None
    out = Text()
    for number, note in enumerate(item.notes):
        if number:
            out.append("\n")
        out.append(inert(note.by), style="bold")
        out.append(" " + format_datetime(in_zone(note.at, zone)))
        for line in note.text.split("\n"):
            out.append("\n    ")
            out.append_text(inert_text(line))
    return out
