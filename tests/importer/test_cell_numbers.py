"""The cell helpers the table and text readers share: a cell's number, and a cell continued
on the next page."""

from __future__ import annotations

from pctui.importer.cells import cell_number, continued


def test_a_cell_number_is_a_whole_number_in_any_width() -> None:
    assert [cell_number(t) for t in ("12", " １２ ", "3.", "３．")] == [12, 12, 3, 3]
    assert [cell_number(t) for t in ("", "-1", "1.5", "一", "No.1")] == [None] * 5


def test_a_continued_cell_starts_a_paragraph_only_after_a_sentence_end() -> None:
    assert continued("賛成です。", "理由は", ("。",)) == "賛成です。\n\n理由は"
    assert continued("駐輪場の", "整備", ("。",)) == "駐輪場の整備"
    assert continued("", "整備", ("。",)) == "整備"
    assert continued("賛成です。", "", ("。",)) == "賛成です。"
    assert continued("Yes!", "more", ("。",)) == "Yes!more"
