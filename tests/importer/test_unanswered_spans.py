"""An item not answered yet that answers several opinions, published as a draft in the listed
layout and imported again: its opinions stay one item, unanswered.

The XLSX merges its empty answer cell over its rows, the HTML spans it (rowspan), the
Markdown refers its second row to the first (「（No.2と同じ）」). Each of those says "the
answer of the row above", and the row above is the unanswered item's own: its rows must not
be joined to the last item that has an answer (nor the reference kept as if it were the
answer text). Offices draft in Excel this way too: an answer still to write, merged over the
opinions it will answer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from pctui.importer import read_source
from pctui.model.records import (
    Consultation,
    Intake,
    Item,
    Layout,
    Meta,
    Opinion,
    Review,
    Reviewer,
    Revision,
    Section,
)
from pctui.publish import render

AT = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def draft() -> Consultation:
    """No.1 answered, No.2 (two opinions) not yet, No.3 answered; one group."""

    def item(no: int, labels: list[str], answer: str | None) -> Item:
        opinions = [Opinion(label, f"意見{label}：駐輪場が足りない。", 1) for label in labels]
        revisions = [Revision("tanto", AT, answer)] if answer else []
        return Item(no=no, section="1", opinions=opinions, revisions=revisions)

    meta = Meta(
        id="draft",
        title="駐輪場条例（案）",
        organization="架空市",
        opened=dt.date(2026, 10, 1),
        closed=dt.date(2026, 10, 31),
    )
    meta.layout = Layout.LISTED
    review = Review(stages=["担当"], reviewers={"tanto": Reviewer("tanto", ("担当",))})
    items = [
        item(1, ["1"], "検討します。"),
        item(2, ["2", "3"], None),
        item(3, ["4"], "参考とします。"),
    ]
    sections = [Section("1", "その他の意見", "Ⅰ")]
    return Consultation(meta, Intake(), review, sections, items, format=2)


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx"])
def test_an_unanswered_item_s_opinions_come_back_as_one_unanswered_item(
    fmt: str, tmp_path: Path
) -> None:
    published = tmp_path / f"draft.{fmt}"
    published.write_bytes(render(draft(), fmt, draft=True))
    raw = read_source(published)
    assert [([o.label for o in item.opinions], item.response) for item in raw.items] == [
        (["1"], "検討します。"),
        (["2", "3"], ""),
        (["4"], "参考とします。"),
    ]


def test_an_empty_answer_merged_over_rows_of_a_workbook_is_one_unanswered_item(
    tmp_path: Path,
) -> None:
    """As an office drafts it in Excel: the answer cell for Nos. 2-3 merged, still empty."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["No.", "ご意見", "市の考え方"])
    sheet.append([1, "意見一。", "回答一。"])
    sheet.append([2, "意見二。", None])
    sheet.append([3, "意見三。", None])
    sheet.merge_cells("C3:C4")
    sheet.append([4, "意見四。", None])  # not merged: an item of its own, not answered yet
    source = tmp_path / "book.xlsx"
    book.save(source)
    raw = read_source(source)
    assert [([o.label for o in item.opinions], item.response) for item in raw.items] == [
        (["1"], "回答一。"),
        (["2", "3"], ""),
        (["4"], ""),
    ]
