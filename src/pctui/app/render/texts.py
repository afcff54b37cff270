"""Opinions, responses and diffs as inert Rich Text."""

from __future__ import annotations

from rich.text import Text

from pctui.app.render.glyphs import glyph
from pctui.app.render.palette import style
from pctui.model.diff import DELETE, INSERT, Segment
from pctui.model.inert import inert


def inert_text(text: str, style: str = "") -> Text:
    """`text` made inert and wrapped in a Text (never parsed as markup)."""
    return Text(inert(text), style=style)


def diff_text(segments: list[Segment]) -> Text:
    """Segments as one Text: deletions struck through, insertions bold and underlined.

    A deleted or inserted line break is shown as ↵ before the break itself, because an
    invisible change to the paragraphs would otherwise read as no change at all. With
    plain glyphs (a console that shows no strike-through) changes are also bracketed:
    [-removed-] {+added+}.
    """
    out = Text()
    for op, text in segments:
        shown = inert(text)
        if op in (DELETE, INSERT):
            kind = "deleted" if op == DELETE else "inserted"
            marked = shown.replace("\n", glyph("line-break") + "\n")
            opened, closed = glyph(f"{kind}-open"), glyph(f"{kind}-close")
            out.append(f"{opened}{marked}{closed}", style=style(kind))
        else:
            out.append(shown)
    return out
