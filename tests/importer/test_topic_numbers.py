"""A 項目 column of numbers, in a table without a No. column, read as the rows' numbering
only where it is one, and never losing a number as published (pctui.importer.topic_numbers).
"""

from __future__ import annotations

import datetime as dt

from pctui.importer import read_text
from pctui.importer.build import needs_format_2, to_consultation

AT = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _table(numbers: list[str]) -> str:
    rows = [["項目", "ご意見", "市の考え方"]]
    rows += [[number, f"意見{index}です。", f"回答{index}です。"] for index, number in
             enumerate(numbers, 1)]  # fmt: skip
    return "\n".join("\t".join(row) for row in rows)


def test_numbers_repeating_within_a_section_stay_the_topics() -> None:
    # A chapter's number over each of its opinions numbers topics, not rows: read as the
    # numbering, every topic was dropped and nothing said so.
    raw = read_text(_table(["1", "1", "2", "2", "3"]))
    assert [item.topic for item in raw.items] == ["1", "1", "2", "2", "3"]
    assert raw.columns[0] == ("topic", "項目", 1)


def test_numbers_other_than_the_places_are_kept_as_published() -> None:
    # 3, 5, 7: the items are numbered 1, 2, 3 in the order read; the numbers as published
    # are labels, which a format-1 file has no place for: they were lost there.
    raw = read_text(_table(["3", "5", "7"]))
    assert [(item.no, item.topic) for item in raw.items] == [(1, None), (2, None), (3, None)]
    assert needs_format_2(raw)
    consultation = to_consultation(raw, "tanaka", AT, "kekka")
    labels = [[o.label for o in item.opinions] for item in consultation.items]
    assert labels == [["3"], ["5"], ["7"]]


def test_a_numbering_of_the_rows_stays_format_one() -> None:
    raw = read_text(_table(["1", "2", "3"]))
    assert [(item.no, item.topic, item.label) for item in raw.items] == [
        (1, None, ""),
        (2, None, ""),
        (3, None, ""),
    ]
    assert not needs_format_2(raw)
