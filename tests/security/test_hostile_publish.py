"""Hostile text in the published files: escaped where the format has markup, controls shown
as visible marks, and nothing a spreadsheet would run as a formula.

The real `pctui publish --draft` writes the four files; each is read back as bytes (the
XLSX as the XML inside its zip), so the check is on what a reader's program receives.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
from tests.security.conftest import raw_controls

from pctui.model import revise
from pctui.storage import ConsultationFile


def publish(path: Path, out: Path) -> dict[str, bytes]:
    """Run `pctui publish --draft`; returns each format's bytes."""
    done = subprocess.run(
        [sys.executable, "-m", "pctui.cli.entry", "publish", "--draft", "--out", str(out),
         str(path)], capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    return {fmt: (out / f"2025-jumin.{fmt}").read_bytes() for fmt in ("md", "html", "csv", "xlsx")}


def xlsx_parts(data: bytes) -> dict[str, str]:
    """The text of every XML part of a workbook."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_no_control_bidi_or_invisible_character_reaches_any_format(
    hostile_path: Path, tmp_path: Path
) -> None:
    files = publish(hostile_path, tmp_path / "out")
    html = files["html"].decode("utf-8")
    markdown = files["md"].decode("utf-8")
    table = files["csv"].decode("utf-8")
    assert table.startswith("\ufeff")  # the byte order mark Excel needs; the only one
    # RFC 4180 ends records with CRLF: the only carriage returns allowed.
    assert raw_controls(table[1:].replace("\r\n", "\n")) == []
    assert raw_controls(html) == [] and raw_controls(markdown) == []
    for name, part in xlsx_parts(files["xlsx"]).items():
        assert raw_controls(part.replace("\r\n", "\n")) == [], name
    shown_markdown = re.sub(r"\\(.)", r"\1", markdown)  # as a Markdown reader shows it
    for text in (html, shown_markdown, table):
        assert "␛]52;c;cHduZWQ=␇" in text and "\\u202e" in text and "\\u200b" in text
        assert "\\u009b2J" in text and "\\u009d0" in text  # C1 controls
    # NEL is a line break in every format (in a CSV cell a line feed).
    assert "␡<br>\\u009b2J" in html and "␡<br>\\u009b2J" in shown_markdown
    assert "␡\n\\u009b2J" in table
    assert "住民基本台帳␛]0;owned␇事務\\u202e" in html  # the header too


def test_markup_in_an_opinion_is_text_in_html_and_markdown(
    hostile_path: Path, tmp_path: Path
) -> None:
    files = publish(hostile_path, tmp_path / "out")
    html = files["html"].decode("utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = files["md"].decode("utf-8")
    assert "<script" not in markdown
    assert "\\[x\\](javascript:alert(1))" in markdown  # a link no Markdown renderer makes


def test_formula_starts_are_text_in_csv_and_xlsx(sample_copy: Path, tmp_path: Path) -> None:
    # Four responses starting with each character a spreadsheet reads as a formula.
    starts = {
        7: '=HYPERLINK("http://example.invalid/","詳細")',
        8: "+81-11-000-0000 までお問い合わせください。",
        9: "-（ハイフン）で始まる回答です。",
        10: "@SUM(A1:A9)",
    }
    file = ConsultationFile.load(sample_copy)
    for no, text in starts.items():
        base = file.consultation.item(no).current_index  # type: ignore[union-attr]
        file.transact(no, lambda c, no=no, text=text, base=base: revise(c, no, "tanaka", text,
                                                                         base=base))  # fmt: skip
    files = publish(sample_copy, tmp_path / "out")
    rows = list(csv.reader(io.StringIO(files["csv"].decode("utf-8-sig"), newline="")))
    responses = {row[0]: row[6] for row in rows[1:]}
    for no, text in starts.items():
        # The documented guard: a leading apostrophe, which Excel hides and pctui import removes.
        assert responses[str(no)] == "'" + text
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    sheet = book.worksheets[0]
    cells = {row[0].value: row[6] for row in sheet.iter_rows(min_row=2)}
    for no, text in starts.items():
        assert cells[no].value == text  # the approved words exactly …
        assert cells[no].data_type == "s"  # … stored as text, never as a formula
    sheet_xml = xlsx_parts(files["xlsx"])["xl/worksheets/sheet1.xml"]
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
