"""Reading an opinion table from CSV or XLSX: a header row, then one item per row.

Recognised columns: see `columns`. Without a No. column, rows are numbered in order. A
section column groups rows into sections by title, in order of first appearance; a class
column gives each row's outcome class by label. Notes point at line (CSV) or row (XLSX)
and column numbers.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from pctui.base.formula import FORMULA_START
from pctui.base.long_cells import continued_no
from pctui.i18n import _
from pctui.importer.cells import split_topic
from pctui.importer.columns import recognise
from pctui.importer.facts import clean_title
from pctui.importer.raw import ERROR, RawDocument, RawItem, quoted
from pctui.importer.summary import summary_names

HEADER_SEARCH = 30  # a header row is looked for in this many first rows (titles may precede it)

Row = tuple[int, list[str]]  # (1-based line or row number, cells)


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
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_START):
        text = text[1:]
    lines = text.rstrip().split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines) if len(lines) > 1 else text.strip()


def _int(text: str) -> int | None:
    digits = unicodedata.normalize("NFKC", text).strip().rstrip(".")
    return int(digits) if digits.isdigit() else None


def read_grid(rows: Iterable[Row], mapping: dict[str, str] | None = None) -> RawDocument:
    """Read rows of cells (the header row first, possibly after some title rows)."""
    doc = RawDocument()
    columns: dict[str, int] | None = None
    for number, cells in rows:
        if columns is None:
            found = recognise(cells, mapping)
            if found is not None:
                columns = found
                doc.found_table = True
                doc.opinion_heading = cells[found["opinion"]]
                doc.response_heading = cells[found["response"]]
            elif number >= HEADER_SEARCH:
                break
            elif any(cells) and not doc.title:
                doc.title = clean_title(next(c for c in cells if c))
            continue
        if not any(cells):
            continue
        _row(doc, columns, number, cells)
    if columns is None:
        message = _(
            "no header row naming the opinion and response columns in the first "
            "{rows} rows (e.g. No, opinion, response; see --map)"
        )
        doc.note(1, 1, message.format(rows=HEADER_SEARCH), ERROR)
    return doc


def _row(doc: RawDocument, columns: dict[str, int], number: int, cells: list[str]) -> None:
    def get(field: str) -> str:
        index = columns.get(field)
        return cells[index] if index is not None and index < len(cells) else ""

    continuing = continued_no(get("no")) if "no" in columns else None
    if continuing is not None:
        _continue(doc, columns, number, cells, continuing)
        return
    if "no" in columns:
        no = _int(get("no"))
        if no is None or no < 1:
            col = columns["no"] + 1
            message = _("No. '{text}' is not a number of 1 or more; row skipped")
            doc.note(number, col, message.format(text=quoted(get("no"), 20)), ERROR)
            return
    else:
        no = len(doc.items) + 1
    section = get("section")
    if section:
        doc.add_section(section)
    topic = get("topic") or None
    opinion = get("opinion")
    if topic is None:
        topic, opinion = split_topic(opinion)
    item = RawItem(
        no=no,
        section=section,
        opinion=opinion,
        response=get("response"),
        line=number,
        topic=topic,
        klass=get("class"),
    )
    count = get("count")
    if count:
        parsed = _int(count)
        if parsed is None or parsed < 1:
            col = columns["count"] + 1
            message = _("count '{text}' is not a number of 1 or more; 1 is used")
            doc.note(number, col, message.format(text=quoted(count, 20)))
        else:
            item.count = parsed
    if not opinion:
        doc.note(number, columns["opinion"] + 1, _("No.{no} has no opinion text").format(no=no))
    doc.add_item(item)


def _continue(
    doc: RawDocument, columns: dict[str, int], number: int, cells: list[str], no: int
) -> None:
    """A continuation row (`12（続き）`, written by pctui's XLSX for a text longer than a
    cell holds): its pieces are joined to item `no`'s texts, which must be just above."""
    last = doc.items[-1] if doc.items else None
    if last is None or last.no != no:
        message = _("a continuation of No.{no} that does not follow its row; row skipped")
        doc.note(number, columns["no"] + 1, message.format(no=no), ERROR)
        return
    for field in ("opinion", "response"):
        index = columns.get(field)
        if index is not None and index < len(cells):
            setattr(last, field, getattr(last, field) + cells[index])


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


def xlsx_rows(path: Path, mapping: dict[str, str] | None = None) -> tuple[list[Row], list[Row]]:
    """The rows of the first sheet of `path` that holds an opinion table (or of the first
    sheet), and the rows of a summary sheet pctui wrote ([] when there is none)."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        message = _("not a readable XLSX workbook ({kind}: {error})")
        raise Unreadable(1, 1, message.format(kind=type(error).__name__, error=error)) from None
    try:
        sheets, summary, table = [], [], None
        for sheet in workbook.worksheets:
            rows = [
                (number, [clean(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            if sheet.title in summary_names():
                summary = rows
            elif table is None and any(
                recognise(cells, mapping) is not None for _, cells in rows[:HEADER_SEARCH]
            ):
                table = rows
            sheets.append(rows)
        if table is None:
            table = sheets[0] if sheets else []
        return table, summary
    finally:
        workbook.close()
