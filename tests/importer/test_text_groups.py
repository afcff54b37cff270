"""A ministry's result as Markdown or text: the 資料番号 above the title, the period and the
○者○件 totals above the table, groups Ⅰ/Ⅱ (rows of the table or lines between tables) with
numbering restarting under them, and an empty answer cell under a filled one."""

from __future__ import annotations

import datetime as dt

import pytest

from pctui.importer import ERROR, SAME_AS_ABOVE, read_text

ABOVE = """資料３

〇〇基本方針（案）に対する意見募集の結果について

（意見募集期間：令和７年10月31日～11月21日）

※パブリックコメント意見提出総数　３５者４８件

"""
IN_TABLE = (
    ABOVE
    + """| No. | 御意見の概要 | 御意見に対する考え方 |
|---|---|---|
| Ⅰ．当該意見を踏まえて内容を修正するもの | | |
| 1 | 第3章の記述が分かりにくい。 | ご意見を踏まえ、第3章を修正しました。 |
| 2 | 第3章に事例を加えてほしい。 | |
| Ⅱ．その他の主な意見 | | |
| 1 | 対象を広げるべきだ。 | 原案のとおりとします。 |
"""
)
BETWEEN_TABLES = (
    ABOVE
    + """Ⅰ．当該意見を踏まえて内容を修正するもの

No.\t御意見の概要\t御意見に対する考え方
1\t第3章の記述が分かりにくい。\tご意見を踏まえ、第3章を修正しました。
2\t第3章に事例を加えてほしい。\t

Ⅱ．その他の主な意見

No.\t御意見の概要\t御意見に対する考え方
1\t対象を広げるべきだ。\t原案のとおりとします。
"""
)


@pytest.mark.parametrize("text", [IN_TABLE, BETWEEN_TABLES], ids=["rows", "lines"])
def test_groups_restart_and_the_facts_above_are_read(text: str) -> None:
    raw = read_text(text)
    assert [note for note in raw.notes if note.severity == ERROR] == []
    assert raw.title == "〇〇基本方針（案）"
    assert (raw.opened, raw.closed) == (dt.date(2025, 10, 31), dt.date(2025, 11, 21))
    assert (raw.published_submitters, raw.published_opinions) == (35, 48)
    assert raw.section_labels == {
        "当該意見を踏まえて内容を修正するもの": "Ⅰ",
        "その他の主な意見": "Ⅱ",
    }
    assert [(item.no, item.section[:3]) for item in raw.items] == [
        (1, "当該意"),
        (2, "当該意"),
        (1, "その他"),
    ]
    (warning,) = raw.notes
    assert "1 row has an empty answer cell under a filled one" in warning.message


def test_same_as_above_joins_the_row_to_the_answer_above() -> None:
    raw = read_text(IN_TABLE, empty_answer=SAME_AS_ABOVE)
    first, second = raw.items
    assert [(o.label, o.text) for o in first.opinions] == [
        ("1", "第3章の記述が分かりにくい。"),
        ("2", "第3章に事例を加えてほしい。"),
    ]
    assert second.opinions[0].label == "1" and raw.joined_empty == 1


def test_a_guessed_column_of_numbers_is_refused_in_a_text_table() -> None:
    table = "| No. | 意見ID | 市の考え方 |\n|---|---|---|\n| 1 | 301 | 回答。 |\n"
    raw = read_text("# 題名\n\n" + table)
    assert raw.items == [] and not raw.found_table
    messages = [note.message for note in raw.notes]
    assert any("'意見ID' (column 2) holds only numbers" in m for m in messages)
    assert any("--map opinion=HEADER" in m for m in messages)
