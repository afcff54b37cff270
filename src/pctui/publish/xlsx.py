"""The result as an XLSX workbook, byte for byte the same for the same consultation.

A text longer than a cell holds continues in rows below its item's (`long_cells`), never
cut. openpyxl stamps the save time into the document properties and into every zip entry, so
the workbook is written with fixed properties and its zip is rebuilt with fixed entry
times: git then shows a change only when the content changed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from pctui.base.long_cells import pieces
from pctui.publish.document import Publication
from pctui.publish.submitted_render import add_submitted_sheet
from pctui.publish.table import FIELDS, header, records

# Zip entries cannot be dated before 1980; any fixed date will do.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_STAMP = dt.datetime(2000, 1, 1)
WIDTHS = (
    6,
    24,
    16,
    7,
    12,
    60,
    60,
    14,
)  # No, section, topic, count, class, opinion, response, state
_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _sheet_title(text: str) -> str:
    return text.translate(_SHEET_FORBIDDEN)[:31] or "Sheet"


def _summary(pub: Publication) -> list[tuple[str, str | int]]:
    labels = pub.labels
    rows: list[tuple[str, str | int]] = [
        ("", pub.heading),
        (labels.organization, pub.organization),
        (labels.period, pub.period or labels.undated),
        (
            labels.places,
            "\n".join([*pub.places, *pub.web_places, pub.url]).strip("\n") or labels.undated,
        ),
        (labels.methods, labels.list_separator.join(pub.methods) or labels.undated),
        (labels.submitters, f"{pub.submitter_total} {pub.submitter_unit}"),
    ]
    if pub.submissions:  # tallied from the registry: 通 and 人 by method
        rows += [
            (f"{labels.by_method}: {method} ({labels.submission_count})", n)
            for method, n in pub.submissions
        ]
        rows.append(
            (
                f"{labels.by_method}: {labels.total} ({labels.submission_count})",
                pub.submission_total,
            )
        )
        rows += [
            (f"{labels.by_method}: {method} ({labels.submitter_count})", n)
            for method, n in pub.submitters
        ]
        rows.append(
            (f"{labels.by_method}: {labels.total} ({labels.submitter_count})", pub.method_total)
        )
        if pub.distinct_total:
            rows.append(("", labels.distinct_total))
    elif pub.method_table:
        rows += [(f"{labels.by_method}: {method}", n) for method, n in pub.submitters]
        rows.append((f"{labels.by_method}: {labels.total}", pub.method_total))
    rows.append((labels.opinion_total, pub.opinion_total))
    rows += [(f"{labels.by_class}: {label}", n) for label, n in pub.classes]
    if pub.draft:
        rows.insert(0, ("", labels.draft_banner))
    return rows


def _rows_of(record: list[str | int], continued: str) -> list[list[str | int | None]]:
    """The item's row, then a continuation row for each further piece of a text longer
    than a cell holds (its No. cell says which item it continues; see `long_cells`)."""
    cut = [pieces(value) if isinstance(value, str) else [value] for value in record]
    rows: list[list[str | int | None]] = [[each[0] for each in cut]]
    for index in range(1, max(len(each) for each in cut)):
        row: list[str | int | None] = [each[index] if index < len(each) else None for each in cut]
        row[0] = continued.format(no=record[0])
        rows.append(row)
    return rows


def _deterministic_zip(data: bytes) -> bytes:
    """`data` (a zip) rebuilt with every entry dated FIXED_TIME, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _wrapped_text(sheet: Any, wrap: Any) -> None:
    """Every cell of `sheet` aligned by `wrap`, and every string kept as text: a text that
    starts with '=' (from the public, or a method's name) is shown, never run as a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str):
                cell.data_type = "s"


def to_xlsx(pub: Publication) -> bytes:
    """The workbook as bytes: the item table (first sheet) and a summary of the header facts."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    labels = pub.labels
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(labels.items_sheet)
    wrap = Alignment(wrap_text=True, vertical="top")
    names = header(pub)
    sheet.append(names)
    answer_column = FIELDS.index("response")
    spanning: tuple[int, int] | None = None  # (first sheet row, rows left) of a listed answer
    for published, record in zip(pub.rows, records(pub), strict=True):
        if published.span == 0:  # listed layout: the answer is in the item's first row
            record[answer_column] = ""
        if published.span > 1 and len(pieces(published.response)) == 1:
            spanning = (sheet.max_row + 1, published.span)
        for row in _rows_of(record, labels.continued):
            sheet.append(row)
        if spanning is not None:
            start, left = spanning
            spanning = (start, left - 1) if left > 1 else None
            if left == 1:  # the item's last opinion: its answer in one cell over them all
                column = get_column_letter(answer_column + 1)
                sheet.merge_cells(f"{column}{start}:{column}{sheet.max_row}")
    _wrapped_text(sheet, wrap)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index in range(1, len(names) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[index - 1]
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if sheet.max_row > 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{sheet.max_row}"
    summary = workbook.create_sheet(_sheet_title(labels.summary_sheet))
    for label, value in _summary(pub):
        summary.append([label, value])
    _wrapped_text(summary, wrap)
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 80
    add_submitted_sheet(workbook, pub, wrap)
    if pub.draft:
        for each in (sheet, summary):
            each.oddHeader.center.text = labels.draft_banner
            each.evenHeader.center.text = labels.draft_banner
    properties = workbook.properties
    properties.creator = "pctui"
    properties.lastModifiedBy = "pctui"
    properties.title = (labels.draft_mark if pub.draft else "") + pub.heading
    properties.language = pub.language
    properties.created = FIXED_STAMP
    properties.modified = FIXED_STAMP
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() would stamp `modified` with the clock.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _deterministic_zip(buffer.getvalue())
