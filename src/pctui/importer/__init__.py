"""Importing a consultation from what an office already has: a published result in Markdown
or plain text, PDF or Word, a CSV or an XLSX table. No Textual, no Rich."""

from __future__ import annotations

import re
from pathlib import Path

from pctui.i18n import _
from pctui.importer.build import DEFAULT_STAGES, to_consultation
from pctui.importer.columns import FIELDS, MapError, check_numbers, parse_map
from pctui.importer.facts import derive_id, slug
from pctui.importer.grid import Unreadable, csv_rows, decode, read_grid, xlsx_rows
from pctui.importer.header_parts import read_document
from pctui.importer.html_page import html_to_markdown
from pctui.importer.pdf import pdf_blocks
from pctui.importer.raw import ERROR, WARNING, Note, RawDocument, RawItem, quoted
from pctui.importer.summary import read_summary
from pctui.importer.table import EMPTY_ANSWER, SAME_AS_ABOVE, UNANSWERED
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


__all__ = [
    "DEFAULT_STAGES",
    "EMPTY_ANSWER",
    "ERROR",
    "FIELDS",
    "SAME_AS_ABOVE",
    "UNANSWERED",
    "WARNING",
    "MapError",
    "Note",
    "RawDocument",
    "RawItem",
    "Unreadable",
    "derive_id",
    "parse_map",
    "quoted",
    "read_source",
    "read_text",
    "slug",
    "to_consultation",
]
