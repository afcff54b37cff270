"""The paragraphs and table rows of a Word document (.docx), in document order, as blocks
for `table`: offices draft their results as Word tables, the answer cell merged down over
the opinions it answers.

Word has no line numbers: a block's number is its place among the document's paragraphs
and table rows (1 for the first), which is what a note's line:col points at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pctui.i18n import _
from pctui.importer.grid import Unreadable
from pctui.importer.rows import Cells
from pctui.importer.table import Block, Line

CONTINUE = "continue"  # w:vMerge without "restart": the cell above goes on here


def _cell_text(cell: Any) -> str:
    """A cell's text: its paragraphs (Enter in Word) separated by a blank line, as the
    consultation file keeps paragraphs (and as an HTML <p> is read); a line break inside a
    paragraph (Shift+Enter) stays a line break. Empty paragraphs only space the others."""
    paragraphs = [paragraph.text.strip(" \t\u3000\n") for paragraph in cell.paragraphs]
    return "\n\n".join(text for text in paragraphs if text)


def _row_cells(row: Any, table: Any) -> Cells:
    """The cells of one table row by grid column: the text of each cell, None for a cell
    merged with the one above it, "" for the columns a cell spans to its right."""
    from docx.table import _Cell

    cells: Cells = []
    for tc in row.tc_lst:
        if tc.vMerge == CONTINUE:
            cells.append(None)
        else:
            cells.append(_cell_text(_Cell(tc, table)))
        cells.extend("" for _ in range(tc.grid_span - 1))
    return cells


def docx_blocks(path: Path) -> list[Block]:
    """Every paragraph (a Line) and table row (a row of cells) of `path`, in order."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds for a file that is not a .docx
        message = _("not a readable Word document ({kind}: {error})")
        raise Unreadable(1, 1, message.format(kind=type(error).__name__, error=error)) from None
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, document).text
            blocks.append(Line(len(blocks) + 1, text))
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            for row in child.tr_lst:
                blocks.append((len(blocks) + 1, _row_cells(row, table)))
    return blocks
