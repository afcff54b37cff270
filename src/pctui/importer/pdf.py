"""The text lines and table rows of a PDF, page by page from the top, as blocks for
`table`. Most results are published as PDF, printed from a Word table or an Excel sheet.

pdfplumber finds each table from its ruling lines and gives None for a position a merged
cell covers (an answer spanning several opinions); the text outside the tables comes as
lines (the title, the period, the totals, the group headings Ⅰ．… between tables). A row
broken across a page comes back as a row whose No. cell is empty at the top of the next
page, which `table` joins to the row before.

Inside a cell, most line breaks are where the text wrapped at the cell's edge: those lines
are joined (with a space between two Latin letters or digits). A line that ends short of
the edge although the next line's first word would still have fitted was ended by its
author (a list item, "以下の記述を追加しました。" before the text added): the break is kept.
A gap between two lines taller than half a line is a blank line: a new paragraph.

A PDF has no line numbers: a block's number is its place among the document's text lines
and table rows (1 for the first), which is what a note's line:col points at.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from pctui.i18n import _
from pctui.importer.grid import Unreadable
from pctui.importer.rows import Cells
from pctui.importer.table import Block, Line


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


Box = tuple[float, float, float, float]
PARAGRAPH_GAP = 0.5  # a gap between lines taller than this many font sizes is a blank line
SLACK = 0.6  # room left at a line's end beyond the next word, in font sizes, that a wrap leaves


def _first_word_width(chars: list[dict[str, Any]]) -> float:
    """The width of a line's first word: its Latin letters and digits up to a space, or its
    first character (Japanese may wrap after any character)."""
    first = chars[0]
    end = first
    if first["text"].isascii() and first["text"].isalnum():
        for char in chars[1:]:
            if not (char["text"].isascii() and char["text"].strip()):
                break
            end = char
    return float(end["x1"] - first["x0"])


def cell_text(chars: list[dict[str, Any]]) -> str:
    """The text of one table cell from its characters, wrapped lines joined again and the
    line breaks and blank lines its author made kept (see the module docstring)."""
    from pdfplumber.utils.text import chars_to_textmap

    if not chars:
        return ""
    lines = chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=True)
    lines = [line for line in lines if line["chars"]]
    if not lines:
        return ""
    right = max(float(line["x1"]) for line in lines)
    text = str(lines[0]["text"])
    for before, line in pairwise(lines):
        size = float(line["chars"][0].get("size") or (line["bottom"] - line["top"]) or 10)
        if line["top"] - before["bottom"] > PARAGRAPH_GAP * size:
            text += "\n\n"
        elif right - before["x1"] > _first_word_width(line["chars"]) + SLACK * size:
            text += "\n"
        elif text[-1:].isascii() and text[-1:].strip() and line["text"][:1].isascii():
            text += " "
        text += str(line["text"])
    return text


def _in_box(char: dict[str, Any], box: Box) -> bool:
    """Whether the middle of `char` lies in `box` (as pdfplumber assigns characters to cells)."""
    middle_x = (char["x0"] + char["x1"]) / 2
    middle_y = (char["top"] + char["bottom"]) / 2
    return bool(box[0] <= middle_x < box[2] and box[1] <= middle_y < box[3])


def _table_rows(page: Any, table: Any) -> list[tuple[float, Cells]]:
    """(top, cells) of each row of `table`, None where a merged cell from a row above covers
    the position.

    pdfplumber lays every row on one grid made of all the column edges the table has, and
    gives None for a position no cell starts at. A cell spanning to its right over such a
    position (two tables on one page whose columns differ by a few points, a heading row
    merged across) is read as that one cell, the spanned positions left out; a position
    covered from above keeps its None (a merged answer)."""
    edges = sorted({box[0] for box in table.cells})
    rows: list[tuple[float, Cells]] = []
    for row in table.rows:
        inside = [char for char in page.chars if _in_box(char, row.bbox)]
        cells: Cells = []
        reach = 0.0  # how far right the last cell of this row reaches
        for edge, box in zip(edges, row.cells, strict=True):
            if box is None:
                if reach <= edge + 1:
                    cells.append(None)
                continue
            reach = float(box[2])
            cells.append(cell_text([char for char in inside if _in_box(char, box)]))
        rows.append((row.bbox[1], cells))
    return rows


# A line opening a list item or a heading: never the rest of the line above it.
_OPENS = re.compile(r"^(?:[ア-ン][ 　]|[・※■□◆◇●○]|[(（]?[0-9０-９]{1,2}[)）.．、 　]|[ⅠⅡⅢⅣⅤ])")


def _text_lines(lines: list[dict[str, Any]]) -> list[tuple[float, str]]:
    """(top, text) of the text lines outside the tables, a line wrapped at the text's right
    edge (a long title) joined with the next one of the same size."""
    right = max((float(line["x1"]) for line in lines), default=0.0)
    joined: list[tuple[float, str]] = []
    before: dict[str, Any] | None = None
    for line in lines:
        size = float(line["chars"][0].get("size") or 10) if line["chars"] else 10.0
        if (
            before is not None
            and before["chars"]
            and abs(float(before["chars"][0].get("size") or 10) - size) < 0.5
            and line["top"] - before["bottom"] < PARAGRAPH_GAP * size
            and right - before["x1"] <= _first_word_width(line["chars"]) + SLACK * size
            and not _OPENS.match(line["text"])
        ):
            top, text = joined[-1]
            space = " " if text[-1:].isascii() and line["text"][:1].isascii() else ""
            joined[-1] = (top, text + space + line["text"])
        else:
            joined.append((float(line["top"]), str(line["text"])))
        before = line
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
        found.extend(_table_rows(page, table))
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for top, text in _text_lines(outside.extract_text_lines(return_chars=True)):
        found.append((top, Line(0, text)))
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
