"""What an import builds: format 2 (docs/format.md) when the source needs it — an answer
over several opinions, numbering restarting under groups, totals printed above the table —
and format 1, as before, when it does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from tests.importer.test_merged_answers import ministry_workbook

from pctui.importer import read_source, to_consultation
from pctui.model.records import Layout

AT = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def test_a_ministry_result_becomes_format_2(tmp_path: Path) -> None:
    raw = read_source(ministry_workbook(tmp_path / "kekka.xlsx"))
    consultation = to_consultation(raw, "tanaka", AT, "kihon-hoshin")
    assert consultation.format == 2
    assert consultation.meta.layout == Layout.LISTED  # every opinion printed under its answer
    assert [(s.id, s.label, s.title) for s in consultation.sections] == [
        ("1", "Ⅰ", "当該意見を踏まえて内容を修正するもの"),
        ("2", "Ⅱ", "その他の主な意見"),
    ]
    first, second, third = consultation.items
    assert [item.no for item in consultation.items] == [1, 2, 3]  # in the order read
    assert [(o.label, o.count) for o in first.opinions] == [("1", 1), ("2", 1)]
    assert first.count == 2 and first.section == "1"
    assert first.current is not None and first.current.text.startswith("ご意見を踏まえ")
    assert [o.label for o in second.opinions] == ["1"] and second.section == "2"
    assert [o.label for o in third.opinions] == ["2"]
    intake = consultation.intake
    assert (intake.published_submitters, intake.published_opinions) == (35, 48)
    assert consultation.total_opinions == 4


def test_a_plain_table_stays_format_1(tmp_path: Path) -> None:
    source = tmp_path / "plain.csv"
    source.write_text("No,ご意見,考え方\n2,意見二,回答二\n1,意見一,回答一\n", encoding="utf-8")
    consultation = to_consultation(read_source(source), "tanaka", AT, "plain")
    assert consultation.format == 1
    assert [(item.no, item.opinion) for item in consultation.items] == [
        (1, "意見一"),
        (2, "意見二"),
    ]
    assert consultation.intake.published_opinions is None
    assert all(section.label == "" for section in consultation.sections)


def test_each_opinion_keeps_its_count_under_a_merged_answer(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["番号", "意見の要旨", "件数", "県の考え方"])
    sheet.append([1, "歩道を広げてほしい。", "12件", "道路整備計画で検討します。"])
    sheet.append([2, "歩道が狭い。", 3, None])
    sheet.append([3, "公園を増やしてほしい。", 1, "公園計画で検討します。"])
    sheet.merge_cells("D2:D3")
    source = tmp_path / "ken.xlsx"
    book.save(source)
    consultation = to_consultation(read_source(source), "tanaka", AT, "ken")
    first, second = consultation.items
    assert [(o.label, o.count) for o in first.opinions] == [("1", 12), ("2", 3)]
    assert first.count == 15 and second.count == 1
    assert consultation.total_opinions == 16
