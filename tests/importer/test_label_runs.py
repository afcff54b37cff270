"""The summary layout's No. cell for an item answering many opinions: consecutive numbers
as a range (「1～36」, 「1～3・5」), read back by the import as the same labels."""

from __future__ import annotations

import pytest
from tests.importer.test_roundtrip_format2 import gapped, generated

from pctui.base.label_runs import joined, split
from pctui.importer.joined_numbers import joined_labels
from pctui.publish.document import build

CELLS = [
    ([str(n) for n in range(1, 37)], "1～36"),
    (["1", "2", "3", "5"], "1～3・5"),
    (["2", "3"], "2・3"),
    (["5", "6", "7", "3"], "5～7・3"),
    (["Ⅱ-4", "Ⅱ-5", "Ⅱ-6"], "Ⅱ-4・Ⅱ-5・Ⅱ-6"),
    (["3", "2", "1"], "3・2・1"),
]


@pytest.mark.parametrize(("labels", "cell"), CELLS)
def test_runs_print_as_ranges_and_read_back(labels: list[str], cell: str) -> None:
    assert joined(labels) == cell
    assert split(cell) == labels
    assert joined_labels(cell) == labels


def test_ranges_as_offices_type_them() -> None:
    assert joined_labels("１～３") == ["1", "2", "3"]
    assert joined_labels("1〜3・7") == ["1", "2", "3", "7"]
    assert joined_labels("1 ～ 3") == ["1", "2", "3"]
    assert joined_labels("5～3") is None  # descending: no range, and no label either


def test_the_summary_layout_prints_the_range() -> None:
    numbers = [row.number for row in build(generated()).rows]
    assert numbers[:4] == ["1", "2～4", "5～34", "35"]
    assert [row.number for row in build(gapped()).rows][1:3] == ["2・4", "5～34・3"]
