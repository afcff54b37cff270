"""The text lines and table rows of a PDF, page by page from the top, as blocks for
`table`. Most results are published as PDF, printed from a Word table or an Excel sheet.

pdfplumber finds each table from its ruling lines and gives None for a position a merged
cell covers (an answer spanning several opinions); the text outside the tables comes as
lines (the title, the period, the totals, the group headings Ⅰ．… between tables). A row
broken across a page comes back as a row whose No. cell is empty at the top of the next
page, which `table` joins to the row before. Inside a cell, a line break is where the text
wrapped, not a break of the text: the lines are joined (with a space between two Latin
letters or digits).

A PDF has no line numbers: a block's number is its place among the document's text lines
and table rows (1 for the first), which is what a note's line:col points at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pctui.i18n import _
from pctui.importer.grid import Unreadable
from pctui.importer.table import Block, Cells, Line


def unwrap(text: str | None) -> str | None:
    """A cell's text with the lines it wrapped into joined again."""
    if text is None:
        return None
    joined = ""
    for line in text.split("\n"):
        line = line.strip()
        if joined and line and joined[-1].isascii() and line[0].isascii():
            joined += " "
        joined += line
    return joined


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    middle_x = (obj["x0"] + obj["x1"]) / 2
    middle_y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes)


def _page_blocks(page: Any) -> list[tuple[float, Line | Cells]]:
    """(top, what) for every table row and text line outside the tables of one page."""
    found: list[tuple[float, Line | Cells]] = []
    boxes = []
    for table in page.find_tables():
        boxes.append(table.bbox)
        for row, cells in zip(table.rows, table.extract(), strict=True):
            found.append((row.bbox[1], [unwrap(cell) for cell in cells]))
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for line in outside.extract_text_lines():
        found.append((line["top"], Line(0, line["text"])))
    found.sort(key=lambda entry: entry[0])
    return found


def pdf_blocks(path: Path) -> list[Block]:
    """Every text line (a Line) and table row (a row of cells) of `path`, in reading order."""
    import pdfplumber

    try:
        document = pdfplumber.open(path)
    except Exception as error:  # pdfminer raises many kinds for a file that is not a PDF
        message = _("not a readable PDF ({kind}: {error})")
        raise Unreadable(1, 1, message.format(kind=type(error).__name__, error=error)) from None
    blocks: list[Block] = []
    with document:
        try:
            for page in document.pages:
                for _top, what in _page_blocks(page):
                    if isinstance(what, Line):
                        blocks.append(Line(len(blocks) + 1, what.text))
                    else:
                        blocks.append((len(blocks) + 1, what))
        except Exception as error:  # a page pdfminer cannot parse: said where, no traceback
            message = _("not a readable PDF ({kind}: {error})")
            kind = type(error).__name__
            raise Unreadable(len(blocks) + 1, 1, message.format(kind=kind, error=error)) from None
    return blocks
