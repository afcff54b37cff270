"""A No. (番号) column holding labels as published (`Ⅱ-4`, `2-1`, `1-(2)`, `問3`, `①`,
`A-1`; issue 16): each label is kept as its opinion's label, the item numbered in the order
read, and the import says so. A cell that is clearly no label (a sentence: the column mapped
wrong) is refused with a message naming --map. Round trips with such labels are in
test_roundtrip_format2.py (the "labelled" cases)."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from pctui.importer import (
    ERROR,
    SAME_AS_ABOVE,
    RawDocument,
    parse_map,
    read_source,
    to_consultation,
)
from pctui.importer.no_cells import published_label
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]
LABELS = ["Ⅱ-4", "2-1", "1-(2)", "問3", "①", "A-1", "12"]
ROWS = [(label, f"{label}の意見。", f"{label}への回答。") for label in LABELS]


def _labels(raw: RawDocument) -> list[list[str]]:
    return [[o.label for o in item.opinions] for item in raw.items]


def _checked(raw: RawDocument) -> None:
    assert [n.message for n in raw.notes if n.severity == ERROR] == []
    assert _labels(raw) == [[label] for label in LABELS]
    assert [item.opinion for item in raw.items] == [text for _, text, _ in ROWS]
    assert raw.labelled == LABELS[:-1]  # "12" is a number: not counted as a kept label
    at = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.UTC)
    built = to_consultation(raw, "tanaka", at, "labels")
    assert built.format == 2
    assert [item.no for item in built.items] == list(range(1, len(LABELS) + 1))
    assert [[o.label for o in item.opinions] for item in built.items] == [[x] for x in LABELS]


@pytest.mark.parametrize(
    "cell", ["Ⅱ-4", "2-1", "1-(2)", "問3", "①", "A-1", "第3章", "Ⅲ", "一", "(1)-2"]
)
def test_labels_as_published(cell: str) -> None:
    assert published_label(cell) == cell


@pytest.mark.parametrize(
    "cell",
    ["", "12", "0", "-1", "駐輪場を増やしてほしい。", "賛成です", "その他一式", "A 1", "yes"],
)
def test_what_is_no_label(cell: str) -> None:
    assert published_label(cell) is None


def test_csv_keeps_the_labels_and_says_so(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "labels.csv"
    lines = ["No,ご意見,考え方", *(",".join(row) for row in ROWS)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _checked(read_source(source))
    target = tmp_path / "labels.toml"
    done = pctui("import", source, "-o", target)
    assert done.returncode == 0, done.stderr
    assert "kept 6 labels as published from the No. column (such as 'Ⅱ-4')" in done.stdout
    assert "numbered in the order read" in done.stdout
    items = ConsultationFile.load(target).consultation.items
    assert [item.opinions[0].label for item in items] == LABELS
    assert pctui("validate", target).returncode == 0


def test_xlsx_keeps_the_labels(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["番号", "意見の概要", "市の考え方"])
    for row in ROWS:
        sheet.append(list(row))
    source = tmp_path / "labels.xlsx"
    book.save(source)
    _checked(read_source(source))


def test_markdown_and_text_keep_the_labels(tmp_path: Path) -> None:
    markdown = tmp_path / "labels.md"
    table = [
        "| No. | ご意見 | 市の考え方 |",
        "|---|---|---|",
        *(f"| {' | '.join(r)} |" for r in ROWS),
    ]
    markdown.write_text("# 計画（案）の結果\n\n" + "\n".join(table) + "\n", encoding="utf-8")
    _checked(read_source(markdown))
    text = tmp_path / "labels.txt"
    rows = ["No.\tご意見\t市の考え方", *("\t".join(row) for row in ROWS)]
    text.write_text("計画（案）の結果\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    _checked(read_source(text))


def test_labels_under_a_merged_answer_and_joined_in_one_cell(tmp_path: Path) -> None:
    source = tmp_path / "joined.csv"
    source.write_text(
        "No,ご意見,考え方\nⅡ-4,一つ目。,まとめて回答します。\nⅡ-5,二つ目。,\n"
        "問6・問7,まとめた意見。,別の回答。\n",
        encoding="utf-8",
    )
    raw = read_source(source, empty_answer=SAME_AS_ABOVE)
    assert _labels(raw) == [["Ⅱ-4", "Ⅱ-5"], ["問6", "問7"]]


def test_a_label_twice_in_a_section_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "twice.csv"
    source.write_text(
        "No,ご意見,考え方\n問3,一つ目。,回答。\n問3,二つ目。,回答。\n", encoding="utf-8"
    )
    raw = read_source(source)
    assert [(n.line, n.severity) for n in raw.notes] == [(3, ERROR)]
    assert "No.問3 appears again (first on line 2)" in raw.notes[0].message
    assert _labels(raw) == [["問3"]]


def test_a_sentence_in_the_no_column_is_refused_naming_map(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "wrong.csv"
    source.write_text(
        "意見,ご意見,考え方\n駐輪場を増やしてほしいという意見です。,一つ目。,回答。\n"
        "1,二つ目。,回答。\n",
        encoding="utf-8",
    )
    done = pctui("import", source, "-o", tmp_path / "wrong.toml", "--map", "no=意見")
    assert done.returncode == 1
    said = f"{source}:2:1: No. '駐輪場を増やしてほしいという意見です。' is neither a number"
    assert said in done.stderr
    assert "--map no=HEADER" in done.stderr


def test_labelled_rows_are_no_header_when_map_names_columns_by_number(tmp_path: Path) -> None:
    """With --map naming columns by number any row would match as a header: a row whose No.
    cell is a label is a row of the table, as one with a number is."""
    markdown = tmp_path / "mapped.md"
    table = ["| 番号 | 内容 | 見解 |", "|---|---|---|", *(f"| {' | '.join(r)} |" for r in ROWS)]
    markdown.write_text("# 結果\n\n" + "\n".join(table) + "\n", encoding="utf-8")
    _checked(read_source(markdown, parse_map(["no=1", "opinion=2", "response=3"])))
