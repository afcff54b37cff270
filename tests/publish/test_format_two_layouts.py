"""Format 2 published in its layout: "listed" (one row per opinion, the answer spanning
the item's opinions: HTML rowspan, XLSX merged cells, Markdown referring to the row that
holds it, CSV repeating it) or "summary" (one row per item)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from tests.storage.format_two_text import FIRST, HEADER, SECOND

from pctui.base.long_cells import EXCEL_CELL_LIMIT
from pctui.model import Layout
from pctui.model.records import Consultation, Revision
from pctui.publish.files import render
from pctui.storage import ConsultationFile


def consultation(tmp_path: Path, layout: Layout = Layout.LISTED) -> Consultation:
    path = tmp_path / "two.toml"
    path.write_text(HEADER + FIRST + SECOND, encoding="utf-8")
    loaded = ConsultationFile.load(path).consultation
    loaded.meta.layout = layout
    return loaded


def test_html_spans_the_answer_over_the_item_s_opinions(tmp_path: Path) -> None:
    html = render(consultation(tmp_path), "html").decode("utf-8")
    body = html[html.index('<tbody role="rowgroup">', html.index("part-1")) :]
    rows = body[: body.index("</tbody>")].split("<tr ")[1:]
    assert len(rows) == 3
    assert 'rowspan="3"><p>回答1</p></td>' in rows[0]
    assert all("考え方" not in row for row in rows[1:])  # no answer cell of their own
    assert [row.split('data-label="No.">')[1].split("<")[0] for row in rows] == ["1", "2", "3"]
    assert '<h3 id="part-1">1 Ⅰ 当該意見を踏まえて内容を修正するもの</h3>' in html


def test_xlsx_merges_the_answer_cells(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(render(consultation(tmp_path), "xlsx"))).worksheets[0]
    assert [str(cells) for cells in sheet.merged_cells.ranges] == ["G2:G4"]
    values = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in values[1:]] == ["1", "2", "3", "1"]  # labels restart in Ⅱ
    assert [row[6] for row in values[1:]] == ["回答1", None, None, "回答2"]
    assert [row[3] for row in values[1:]] == [2, 1, 1, 1]  # each opinion's count


def test_an_answer_longer_than_a_cell_is_not_merged_away(tmp_path: Path) -> None:
    long = consultation(tmp_path)
    text = "長" * (EXCEL_CELL_LIMIT + 10)
    long.items[0].revisions.append(Revision("tanaka", long.items[0].revisions[0].at, text))
    sheet = openpyxl.load_workbook(io.BytesIO(render(long, "xlsx"))).worksheets[0]
    assert not sheet.merged_cells.ranges
    answer = "".join(row[6] or "" for row in list(sheet.iter_rows(values_only=True))[1:4])
    assert answer == text


def test_markdown_refers_to_the_row_holding_the_answer(tmp_path: Path) -> None:
    markdown = render(consultation(tmp_path), "md").decode("utf-8")
    assert (
        "| 1 | 駐輪場を増やしてほしい。 | 2 | 回答1 |\n"
        "| 2 | 駅前の駐輪場が足りない。 | 1 | （No.1と同じ） |\n"
        "| 3 | 駐輪場の料金を下げてほしい。 | 1 | （No.1と同じ） |\n"
    ) in markdown


def test_csv_repeats_the_answer_on_every_row(tmp_path: Path) -> None:
    text = render(consultation(tmp_path), "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert [(row[0], row[3], row[5], row[6]) for row in rows] == [
        ("1", "2", "駐輪場を増やしてほしい。", "回答1"),
        ("2", "1", "駅前の駐輪場が足りない。", "回答1"),
        ("3", "1", "駐輪場の料金を下げてほしい。", "回答1"),
        ("1", "1", "計画全体に賛成です。", "回答2"),
    ]


def test_the_summary_layout_prints_one_row_per_item(tmp_path: Path) -> None:
    summary = consultation(tmp_path, Layout.SUMMARY)
    markdown = render(summary, "md").decode("utf-8")
    assert "| 1～3 | 駐輪場の整備に関するご意見 | 4 | 回答1 |\n" in markdown
    html = render(summary, "html").decode("utf-8")
    assert "rowspan" not in html
    assert '<td role="cell" data-label="件数">4</td><td role="cell" data-label="考え方">' in html
    text = render(summary, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert [(row[0], row[3], row[5]) for row in rows] == [
        ("1～3", "4", "駐輪場の整備に関するご意見"),
        ("1", "1", "計画全体に賛成です。"),
    ]
