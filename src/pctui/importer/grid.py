"""The rows of a CSV or XLSX source, read as a table by `table`.

Recognised columns: see `columns`. Without a No. column, rows are numbered in order. A
section column groups rows into sections by title, in order of first appearance; a class
column gives each row's outcome class by label. An XLSX cell covered by a merged cell that
starts in a row above is None (an answer merged down over several opinions). Notes point at
line (CSV) or row (XLSX) and column numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pctui.base.formula import FORMULA_START
from pctui.i18n import _
from pctui.importer.columns import recognise
from pctui.importer.rows import HEADER_SEARCH, UNANSWERED, Row

if TYPE_CHECKING:
    from pctui.importer.raw import RawDocument

TextRow = tuple[int, list[str]]  # a row of a sheet pctui reads as labels and values


class Unreadable(Exception):
    """The source cannot be read at all; the message says why, at line:col."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def clean(value: object) -> str:
    """A cell's text: numbers without '.0', CRLF as LF, Excel's formula guard removed,
    blank lines and spaces around it dropped. In a cell of several lines the spaces that
    open a line are kept, the first line's too: they lay out a citizen's table or list."""
    if value is None:
        return ""
    if type(value) is str and "\n" not in value and "\r" not in value and value[:1] != "'":
        # One line, no formula guard: what the steps below come to, without their lists (a
        # national submissions CSV is hundreds of thousands of such cells).
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_START):
        text = text[1:]
    lines = text.rstrip().split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines) if len(lines) > 1 else text.strip()


def read_grid(
    rows: Iterable[Row],
    mapping: dict[str, str] | None = None,
    empty_answer: str = UNANSWERED,
    keeps_merges: bool = False,
) -> RawDocument:
    """Read rows of cells (the header row first, possibly after some title rows);
    `keeps_merges` for a workbook, whose rows mark merged cells."""
    # Imported here: `pctui intake import` splits its CSV with this module's functions and
    # never reads an opinion table (the table's reader and the header's: 50 ms of its start).
    from pctui.importer.header_parts import read_document

    return read_document(rows, mapping, empty_answer, keeps_merges)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a text source: UTF-8 (with or without BOM), else Shift_JIS (cp932)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, utf8_error.start) + 1
        message = _("neither UTF-8 nor Shift_JIS text; save it as UTF-8")
        raise Unreadable(line, 1, message) from None


def csv_rows(text: str) -> list[Row]:
    """The records of CSV (or tab-separated) text with the line each starts on."""
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    start = 1
    try:
        for record in reader:
            rows.append((start, [clean(value) for value in record]))
            start = reader.line_num + 1
    except csv.Error as error:
        # The csv module's own words stay English: Python has no catalog for them.
        raise Unreadable(reader.line_num, 1, _("CSV: {error}").format(error=error)) from None
    return rows


def _sheet_rows(sheet: Any) -> list[Row]:
    """The rows of an openpyxl worksheet, a cell covered by a merge from a row above None."""
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row + 1, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                covered.add((row, col))
    rows: list[Row] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells: list[str | None] = [
            None if (number, col) in covered else clean(value)
            for col, value in enumerate(values, start=1)
        ]
        rows.append((number, cells))
    return rows


def xlsx_rows(path: Path, mapping: dict[str, str] | None = None) -> tuple[list[Row], list[TextRow]]:
    """The rows of the first sheet of `path` that holds an opinion table (or of the first
    sheet), and the rows of a summary sheet pctui wrote ([] when there is none).

    The workbook is opened in full (not read-only) mode: only that mode reads merged cells.
    """
    import openpyxl

    from pctui.importer.summary import summary_names

    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        message = _("not a readable XLSX workbook ({kind}: {error})")
        raise Unreadable(1, 1, message.format(kind=type(error).__name__, error=error)) from None
    try:
        sheets: list[list[Row]] = []
        summary: list[TextRow] = []
        table = None
        for sheet in workbook.worksheets:
            rows = _sheet_rows(sheet)
            if sheet.title in summary_names():
                summary = [(number, [c or "" for c in cells]) for number, cells in rows]
            elif table is None and any(
                recognise([c or "" for c in cells], mapping) is not None
                for _, cells in rows[:HEADER_SEARCH]
            ):
                table = rows
            sheets.append(rows)
        if table is None:
            table = sheets[0] if sheets else []
        return table, summary
    finally:
        workbook.close()
