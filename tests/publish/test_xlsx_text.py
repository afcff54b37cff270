"""In both sheets of the workbook a text that looks like a formula stays text."""

from __future__ import annotations

import dataclasses
import io

import openpyxl

from pctui.model.records import Consultation
from pctui.publish import render


def test_a_formula_like_text_in_the_summary_sheet_is_text(small: Consultation) -> None:
    method = '=HYPERLINK("https://example.org","窓口")'
    intake = dataclasses.replace(small.intake, methods=[method], submitters={method: 2})
    book = openpyxl.load_workbook(
        io.BytesIO(render(dataclasses.replace(small, intake=intake), "xlsx"))
    )
    cells = [cell for row in book.worksheets[1].iter_rows() for cell in row]
    shown = [cell for cell in cells if isinstance(cell.value, str) and method in cell.value]
    assert len(shown) == 2  # the methods' line and the method's own count
    assert all(cell.data_type == "s" for cell in shown)
    assert all(cell.alignment.wrap_text for cell in cells)
