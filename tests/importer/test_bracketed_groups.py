"""Group headings numbered in brackets, "(1) …" / "（１）…" / "⑴ …", keep that label as the
section's, as Ⅰ/Ⅱ do, in a text result too (lines between tables, or a row of one cell);
a plain "1 …" does not (its number is the section's place: publish would print "1 1 …")."""

from __future__ import annotations

import pytest

from pctui.importer import ERROR, read_text

TITLE = "〇〇計画（案）に対する意見募集の結果について\n\n"
HEADER = "No.\tご意見\t市の考え方\n"
BETWEEN = (
    TITLE
    + "{first}\n\n"
    + HEADER
    + "1\t計画が分かりやすい。\tありがとうございます。\n\n"
    + "{second}\n\n"
    + HEADER
    + "1\t駐輪場を増やして。\t検討します。\n"
)
IN_TABLE = (
    TITLE
    + "| No. | ご意見 | 市の考え方 |\n|---|---|---|\n"
    + "| {first} | | |\n| 1 | 計画が分かりやすい。 | ありがとうございます。 |\n"
    + "| {second} | | |\n| 1 | 駐輪場を増やして。 | 検討します。 |\n"
)


@pytest.mark.parametrize("layout", [BETWEEN, IN_TABLE], ids=["between-tables", "in-table"])
@pytest.mark.parametrize("second", ["(2) 施策の展開", "（２）施策の展開", "⑵ 施策の展開"])
def test_bracketed_headings_keep_their_label(layout: str, second: str) -> None:
    raw = read_text(layout.format(first="(1) 計画全般について", second=second))
    assert [note.message for note in raw.notes if note.severity == ERROR] == []
    assert raw.sections == ["計画全般について", "施策の展開"]
    assert raw.section_labels == {"計画全般について": "(1)", "施策の展開": "(2)"}
    assert [(item.no, item.section) for item in raw.items] == [
        (1, "計画全般について"),
        (1, "施策の展開"),
    ]
