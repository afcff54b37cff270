"""One line of text cut to a width, ending with the ellipsis the terminal can draw.

Textual's `text-overflow: ellipsis` always draws "…", which a Linux console's font does not
have; lines cut here end with the context's ellipsis glyph: "…", or "..." with plain glyphs.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from pctui.app.render.context import RenderContext


def fit_text(text: Text, cells: int, context: RenderContext) -> Text:
    """`text` as one line of at most `cells` cells (styles kept); a cut one ends with the
    ellipsis glyph. Line breaks and tabs become spaces: this is one line."""
    plain = text.plain
    if "\n" in plain or "\t" in plain:
        text = text.copy()
        text.plain = plain.replace("\n", " ").replace("\t", " ")
    if text.cell_len <= cells:
        return text
    ellipsis = context.glyph("ellipsis")
    if cells <= cell_len(ellipsis):
        return Text(set_cell_size(ellipsis, max(0, cells)), end="")
    room, end = cells - cell_len(ellipsis), 0
    for char in text.plain:
        room -= cell_len(char)
        if room < 0:
            break
        end += 1
    cut = text.divide([end])[0] if end else Text(end="")
    cut.append(ellipsis)
    return cut
