"""The submissions table's --map and header matching, which share the importer's parsing and
mapped-column lookup but have fields of their own."""

import csv
from pathlib import Path

import pytest

from pctui.intake.columns import MapError, parse_map, recognise
from pctui.intake.fields import FIELDS
from pctui.intake.records import Submission
from pctui.intake.sources import read_source


def test_map_takes_the_intake_fields_and_refuses_the_importers() -> None:
    assert parse_map(["opinion=本文, name=3", ""]) == {"opinion": "本文", "name": "3"}
    with pytest.raises(MapError, match=r"unknown field 'response' \(fields: number, received"):
        parse_map(["response=回答"])
    with pytest.raises(MapError, match="FIELD=HEADER"):
        parse_map(["opinion="])


def test_mapped_columns_come_first_and_headers_fill_the_rest() -> None:
    cells = ["受付番号", "本文", "お名前", "ご意見"]
    assert recognise(cells, {"opinion": "本 文"}) == {"opinion": 1, "number": 0, "name": 2}
    assert recognise(cells, {"name": "9"}) == {"number": 0, "name": 2, "opinion": 3}
    assert recognise(["受付番号", "お名前"], {}) is None


def test_every_column_lands_in_its_field(tmp_path: Path) -> None:
    # The table reader fills a submission's fields by their place among FIELDS: each of
    # them, in any column order, must reach the field it names (and "" where it is absent).
    headers = ["電話番号", "意見", "氏名", "受付日時", "電子メール", "提出方法", "受付番号", "住所"]
    values = ["090-5555-0000", "意見です。", "架空 太郎", "2026-01-05", "t@example.com", "郵送",
              "'0012", "架空市"]  # fmt: skip
    source = tmp_path / "s.csv"
    with source.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([headers, values, ["", "二通目。"]])
    read = read_source(source, {})
    assert [one.submission for one in read.incoming] == [
        Submission("0012", "2026-01-05", "郵送", "架空 太郎", "架空市", "t@example.com",
                   "090-5555-0000", "意見です。"),
        Submission("", raw="二通目。"),
    ]  # fmt: skip
    assert list(Submission._fields) == [*FIELDS[:-1], "raw"]
