"""A result imported as published ("33者62件" above the table) names no method and counts
none by method: its published result prints those totals alone, without a table by
method whose one 0 would contradict them, numbers its parts (1), (2), (3) in order, and
imports back with the same totals."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from tests.storage.format_two_text import FIRST, HEADER, SECOND

from pctui.importer import read_source, to_consultation
from pctui.publish.files import render
from pctui.storage import ConsultationFile


def _printed_alone(tmp_path: Path) -> Path:
    text = HEADER.replace('methods = ["電子メール"]\n', "methods = []\n")
    text = text.replace('submitters = { "電子メール" = 3 }\n', "submitters = {}\n")
    assert "methods = []" in text and "submitters = {}" in text
    path = tmp_path / "printed.toml"
    path.write_text(text + FIRST + SECOND, encoding="utf-8")
    return path


def test_no_table_by_method_and_the_parts_numbered_in_order(tmp_path: Path) -> None:
    consultation = ConsultationFile.load(_printed_alone(tmp_path)).consultation
    markdown = render(consultation, "md").decode("utf-8")
    assert "意見の受付方法別内訳" not in markdown and "| 提出者数 | 0 |" not in markdown
    assert "### (1) 提出者数\n\n5 人" in markdown
    assert "### (2) 意見総数" in markdown
    html = render(consultation, "html").decode("utf-8")
    assert "意見の受付方法別内訳" not in html and "<h3>(2) 意見総数</h3>" in html
    book = openpyxl.load_workbook(io.BytesIO(render(consultation, "xlsx")))
    labels = [row[0] for sheet in book.worksheets[1:] for row in sheet.iter_rows(values_only=True)]
    assert not any(str(label).startswith("意見の受付方法別内訳") for label in labels)


@pytest.mark.parametrize("form", ["md", "html", "xlsx"])
def test_the_printed_totals_come_back(tmp_path: Path, form: str) -> None:
    consultation = ConsultationFile.load(_printed_alone(tmp_path)).consultation
    source = tmp_path / f"printed.{form}"
    source.write_bytes(render(consultation, form))
    raw = read_source(source)
    assert [note.message for note in raw.notes if note.severity == "error"] == []
    at = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    intake = to_consultation(raw, "tanaka", at, "printed").intake
    assert (intake.published_submitters, intake.methods, intake.submitters) == (5, [], {})
