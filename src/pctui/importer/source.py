"""Reading a source by its kind: a published result (PDF, Word, HTML, Markdown, plain text),
a CSV or an XLSX."""

from __future__ import annotations

import re
from pathlib import Path

from pctui.i18n import _
from pctui.importer.columns import check_numbers
from pctui.importer.grid import csv_rows, decode, read_grid, xlsx_rows
from pctui.importer.header_parts import read_document
from pctui.importer.html_page import html_to_markdown
from pctui.importer.pdf import pdf_blocks
from pctui.importer.raw import RawDocument
from pctui.importer.rows import UNANSWERED
from pctui.importer.summary import read_summary
from pctui.importer.text import read_text
from pctui.importer.word import docx_blocks

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv")
HTML_SUFFIXES = (".html", ".htm")
_HTML_START = re.compile(r"\ufeff?\s*<(?:!doctype html|html)\b", re.IGNORECASE)


def read_source(
    path: Path, mapping: dict[str, str] | None = None, empty_answer: str = UNANSWERED
) -> RawDocument:
    """Read `path` by its kind (PDF by suffix or signature, Word by suffix, XLSX by suffix or
    zip signature, CSV/TSV by suffix, HTML by suffix or its opening tag, else text).

    `empty_answer` says how an empty answer cell under a filled one is read (see `table`).

    Raises MapError when `mapping` names a column number past a CSV's or XLSX's widest row,
    Unreadable when the file cannot be read at all; anything else that could not be
    read is in the returned document's `notes`. OSError propagates.
    """
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return read_document(pdf_blocks(path), mapping, empty_answer, keeps_merges=True)
    if suffix == ".docx":
        return read_document(docx_blocks(path), mapping, empty_answer, keeps_merges=True)
    if suffix in XLSX_SUFFIXES or data.startswith(b"PK\x03\x04"):
        table, summary = xlsx_rows(path, mapping)
        check_numbers(mapping or {}, (len(cells) for _, cells in table))
        raw = read_grid(table, mapping, empty_answer, keeps_merges=True)
        if summary:
            read_summary(summary, raw)
            raw.take_printed_totals()
        return raw
    text, encoding = decode(data)
    if path.suffix.lower() in CSV_SUFFIXES:
        rows = csv_rows(text)
        check_numbers(mapping or {}, (len(cells) for _, cells in rows))
        raw = read_grid(rows, mapping, empty_answer)
    elif suffix in HTML_SUFFIXES or _HTML_START.match(text):
        raw = read_text(html_to_markdown(text), mapping, empty_answer)
    else:
        raw = read_text(text, mapping, empty_answer)
    if encoding != "utf-8":
        message = _("read as {encoding} (Shift_JIS); the consultation file is UTF-8")
        raw.note(1, 1, message.format(encoding=encoding))
    return raw
