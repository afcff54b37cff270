"""The submissions table's --map and header matching, which share the importer's parsing and
mapped-column lookup but have fields of their own."""

import pytest

from pctui.intake.columns import MapError, parse_map, recognise


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
