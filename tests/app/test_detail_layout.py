"""The item pane laid out without Textual: every line fits, boxes where they belong."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style

from pctui.app.render.boxes import BoxStyle
from pctui.app.render.context import RenderContext
from pctui.app.render.detail import item_parts, lay_out
from pctui.session.diff_state import INLINE, SIDE_BY_SIDE, default_base
from pctui.storage import ConsultationFile

STYLES = (BoxStyle(Style(), Style(), Style()),) * 2
CONTEXT = RenderContext()


def test_every_item_fits_every_width_wide_or_stacked(sample_path: Path) -> None:
    consultation = ConsultationFile.load(sample_path).consultation
    for item in consultation.items:
        base = default_base(item, "yamada")
        for mode in (INLINE, SIDE_BY_SIDE):
            parts = item_parts(consultation, item, base, mode, CONTEXT)
            for width, wide in ((30, False), (78, False), (118, True), (158, True)):
                layout = lay_out(parts, width, wide, STYLES, CONTEXT)
                assert all(line.cell_len <= width for line in layout.lines), (item.no, width)
                opinion, response = layout.places["opinion"], layout.places["response"]
                assert (opinion[0] == response[0]) == wide
                assert layout.places["signoffs"][0] < len(layout.lines)


def test_an_empty_list_shows_only_its_message(sample_path: Path) -> None:
    consultation = ConsultationFile.load(sample_path).consultation
    parts = item_parts(consultation, None, None, INLINE, CONTEXT)
    layout = lay_out(parts, 80, True, STYLES, CONTEXT)
    assert [line.plain for line in layout.lines] == [
        "No item matches the filter (f to change it, / to search)."
    ]
    assert layout.places == {}
