"""A result whose file names no organization (a ministry's result imported from its PDF)
never calls itself 本市: its title line and results heading name the answers as its column
does (or neutrally), in every format, and the title reads back without those words."""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pytest

from pctui.importer.facts import clean_title
from pctui.model.records import Consultation
from pctui.publish.document import build
from pctui.publish.files import render


def _without_organization(consultation: Consultation, **meta: object) -> Consultation:
    changed = dataclasses.replace(consultation.meta, organization="", **meta)
    return dataclasses.replace(consultation, meta=changed)


def _text(consultation: Consultation, fmt: str) -> str:
    data = render(consultation, fmt)
    if fmt != "xlsx":
        return data.decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = (c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row)
    return "\n".join(str(value) for value in cells if value is not None)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx"])
def test_no_format_says_honshi_without_an_organization(small: Consultation, fmt: str) -> None:
    consultation = _without_organization(
        small, response_heading="意見に対する考え方", url="https://example.org/r"
    )
    text = _text(consultation, fmt)
    assert "本市" not in text
    assert "の考え方" not in text.replace("意見に対する考え方", "")


def test_the_imported_column_heading_names_the_answers(small: Consultation) -> None:
    pub = build(_without_organization(small, title="交通計画", response_heading="国の考え方"))
    assert pub.heading == "交通計画 寄せられたご意見と国の考え方"
    assert pub.results_heading == "ご意見の概要と国の考え方"


def test_a_bare_heading_gives_neutral_words(small: Consultation) -> None:
    pub = build(_without_organization(small, title="交通計画", response_heading="考え方"))
    assert pub.heading == "交通計画 寄せられたご意見と意見に対する考え方"
    assert pub.results_heading == "ご意見の概要と意見に対する考え方"
    assert clean_title(pub.heading) == "交通計画"


def test_an_organization_keeps_the_seed_s_wording(small: Consultation) -> None:
    consultation = dataclasses.replace(small, meta=dataclasses.replace(small.meta, title="計画"))
    pub = build(consultation)
    assert pub.heading == "計画 寄せられたご意見と本市の考え方"
    assert pub.results_heading == "ご意見の概要とそれに対するサンプル市の考え方"
