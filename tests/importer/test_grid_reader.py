"""Reading CSV and XLSX tables: header names in Japanese or English, --map, bad rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pctui.importer import ERROR, MapError, Unreadable, parse_map, read_source
from pctui.importer.columns import field_of, recognise


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("No.", "no"), ("番号", "no"), ("ＮＯ", "no"), ("寄せられたご意見", "opinion"),
        ("ご意見の概要", "opinion"), ("Comment", "opinion"), ("札幌市の考え方", "response"),
        ("ご意見に対する市の考え方", "response"), ("回答", "response"), ("Response", "response"),
        ("対応区分", "class"), ("Outcome", "class"), ("件数", "count"), ("Count", "count"),
        ("分類", "section"), ("Section", "section"), ("項目", "topic"), ("状態", "state"),
        ("備考", None), ("ご意見を踏まえ修正しました。", None),
    ],
)  # fmt: skip
def test_header_names(header: str, field: str | None) -> None:
    assert field_of(header) == field


def test_map_overrides_recognition() -> None:
    cells = ["整理番号", "内容", "市の見解", "メモ"]
    assert recognise(cells) is None
    mapping = parse_map(["opinion=内容,response=3"])
    assert recognise(cells, mapping) == {"no": 0, "opinion": 1, "response": 2}
    with pytest.raises(MapError, match="unknown field 'answer'"):
        parse_map(["answer=回答"])
    with pytest.raises(MapError, match="FIELD=HEADER"):
        parse_map(["opinion"])


def test_csv_in_english_with_sections_classes_and_counts(tmp_path: Path) -> None:
    source = tmp_path / "results.csv"
    source.write_text(
        "No,Section,Topic,Count,Outcome,Opinion,Response\r\n"
        '1,Roads,Safety,2,Adopted,"Wider pavements.\n\nAnd benches.",We will widen them.\r\n'
        "2,Parks,,1,Noted,More trees.,'=Considered later.\r\n",
        encoding="utf-8",
    )
    raw = read_source(source)
    assert raw.notes == []
    assert raw.sections == ["Roads", "Parks"] and raw.classes == ["Adopted", "Noted"]
    one, two = raw.items
    assert (one.topic, one.count, one.klass) == ("Safety", 2, "Adopted")
    assert one.opinion == "Wider pavements.\n\nAnd benches."
    assert two.response == "=Considered later."  # the apostrophe guard is removed
    assert (raw.opinion_heading, raw.response_heading) == ("Opinion", "Response")


def test_csv_shift_jis_tab_separated_without_no_column(tmp_path: Path) -> None:
    source = tmp_path / "kekka.tsv"
    source.write_bytes("ご意見\t回答\n意見その1\t回答その1\n意見その2\t回答その2\n".encode("cp932"))
    raw = read_source(source)
    assert [(i.no, i.opinion, i.response) for i in raw.items] == [
        (1, "意見その1", "回答その1"),
        (2, "意見その2", "回答その2"),
    ]
    assert any("Shift_JIS" in note.message for note in raw.notes)


def test_csv_bad_rows_are_reported_with_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(
        'No,ご意見,考え方\n1,"二行に\nわたる意見",回答\nX,意見,回答\n1,重複,回答\n3,意見,回答\n',
        encoding="utf-8",
    )
    raw = read_source(source)
    notes = {(n.line, n.col): n for n in raw.notes}
    assert notes[(4, 1)].severity == ERROR and "'X' is neither a number" in notes[(4, 1)].message
    assert "No.1 appears again (first on line 2)" in notes[(5, 1)].message
    assert [i.no for i in raw.items] == [1, 3]


def test_csv_without_a_header_row(tmp_path: Path) -> None:
    source = tmp_path / "nohead.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    raw = read_source(source)
    assert not raw.found_table and raw.notes[0].severity == ERROR


def test_xlsx_with_title_rows_above_the_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["〇〇計画（案）に対する意見募集の結果"])
    sheet.append([])
    sheet.append(["番号", "ご意見の概要", "市の考え方", "対応区分"])
    sheet.append([1, "意見です。\n\n二段落目。", "回答です。", "参考"])
    sheet.append([2.0, "二件目。", None, None])
    source = tmp_path / "kekka.xlsx"
    book.save(source)
    raw = read_source(source)
    assert raw.notes == []
    assert raw.title == "〇〇計画（案）"  # the publisher adds 寄せられたご意見と…の考え方 itself
    assert [(i.no, i.opinion, i.response, i.klass) for i in raw.items] == [
        (1, "意見です。\n\n二段落目。", "回答です。", "参考"),
        (2, "二件目。", "", ""),
    ]


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    source = tmp_path / "fake.xlsx"
    source.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(Unreadable, match="not a readable XLSX"):
        read_source(source)
