"""Layouts offices publish besides the seed's, each fixture a short transcription of a real
result's shape (not its text): unnumbered headings, (1) sections, numbered labelled items."""

from __future__ import annotations

import datetime as dt

import pytest

from pctui.importer import ERROR, read_text

# The shape of a town's result written in Markdown: headings without numbers, sections as
# （1）/(2) headings, with and without ###, and a section that had no opinions.
UNNUMBERED = """\
# 〇〇町自転車活用推進計画（案）に対する意見募集の結果について

## 意見の募集期間

令和7年6月2日（月）～令和7年7月1日（火）

## 意見の受付方法

郵送、持参、電子メール

## 意見数等

### (1) 提出者数

3人

### (2) 意見総数

3件

## ご意見の概要と町の考え方

### （1）計画全般

| No. | ご意見の概要 | 町の考え方 |
| --- | --- | --- |
| 1 | 計画の期間が短い。 | 国の計画に合わせています。 |
| 2 | 【目標】目標値が低い。 | 中間年に見直します。 |

(2) 自転車通行空間

| No. | ご意見の概要 | 町の考え方 |
| --- | --- | --- |
| 3 | 車道の矢羽根を増やして。 | 順次整備します。 |

（3）その他

なし
"""


def test_unnumbered_headings_and_parenthesised_sections() -> None:
    raw = read_text(UNNUMBERED)
    assert raw.notes == []
    assert (raw.opened, raw.closed) == (dt.date(2025, 6, 2), dt.date(2025, 7, 1))
    assert raw.methods == ["郵送", "持参", "電子メール"]
    assert raw.declared_total == 3 and raw.submitter_unit == "人"
    assert raw.sections == ["計画全般", "自転車通行空間", "その他"]
    assert [(i.no, i.section, i.topic) for i in raw.items] == [
        (1, "計画全般", None),
        (2, "計画全般", "目標"),
        (3, "自転車通行空間", None),
    ]


@pytest.mark.parametrize(
    "heading", ["(1) 計画全般", "（1）計画全般", "### （1）計画全般", "⑴ 計画全般"]
)
def test_each_way_of_writing_a_section_heading(heading: str) -> None:
    text = (
        "# 題名\n\n## ご意見の概要と市の考え方\n\n"
        f"{heading}\n\nNo.\tご意見\t市の考え方\n1\t意見。\t回答。\n\n"
        f"{heading.replace('1', '2').replace('⑴', '⑵').replace('計画全般', '交通')}\n\n"
        "No.\tご意見\t市の考え方\n2\t意見二。\t回答二。\n"
    )
    raw = read_text(text)
    assert raw.notes == []
    assert raw.sections == ["計画全般", "交通"]
    assert [i.section for i in raw.items] == ["計画全般", "交通"]


def test_parenthesised_parts_of_a_numbered_section_keep_its_title() -> None:
    text = (
        "# 題名\n\n## 5 ご意見の概要とそれに対する本市の考え方\n\n1 計画に関するご意見\n\n"
        "(1) 全般\n\nNo.\tご意見\t市の考え方\n1\t意見。\t回答。\n\n(2) 交通\n\nなし\n\n"
        "2 その他のご意見\n\nNo.\tご意見\t市の考え方\n2\t意見二。\t回答二。\n"
    )
    raw = read_text(text)
    assert raw.notes == []
    general, traffic = "計画に関するご意見：全般", "計画に関するご意見：交通"
    other = "その他のご意見"
    assert raw.sections == [general, traffic, other]
    assert [i.section for i in raw.items] == [general, other]


# The shape of a city's page listing numbered items with labelled parts (no table), its
# header parts numbered "1." without a space, counts on labelled lines.
LISTED = """\
△△市公園再整備基本計画（素案）に対するパブリックコメントの実施結果

1.意見募集期間
令和6年10月1日(火曜)～10月31日(木曜)

2.意見提出状況
提出者数 2名
提出された意見数 4件

3.意見及び本市の考え方

(1) 計画全般について

1. 意見の概要：遊具を増やしてほしい。　市の考え方：利用者の意見を聞きながら検討します。
2. 意見の概要：【駐車場】
駐車場が足りない。
休日は満車になる。
市の考え方：
近隣の駐車場との連携を検討します。

(2) 管理運営について

3 [お寄せいただいた意見]
夜間照明を明るくしてほしい。
(1) 園路
(2) 駐車場
[市の検討結果と理由]
LED化にあわせて照度を見直します。
4. 意見の概要：トイレを洋式に。
※ご意見は趣旨を損なわない範囲で要約しています。
"""


def test_numbered_items_with_labels() -> None:
    raw = read_text(LISTED)
    assert [(n.line, n.message) for n in raw.notes if n.severity == ERROR] == [
        (30, "not read (not in a table): '※ご意見は趣旨を損なわない範囲で要約しています。'")
    ]
    assert raw.title == "△△市公園再整備基本計画（素案）"
    assert (raw.opened, raw.closed) == (dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    assert raw.declared_total == 4 and raw.submitter_unit == "名"
    assert raw.sections == ["計画全般について", "管理運営について"]
    assert [(i.no, i.section, i.topic, i.opinion, i.response) for i in raw.items] == [
        (1, "計画全般について", None, "遊具を増やしてほしい。",
         "利用者の意見を聞きながら検討します。"),
        (2, "計画全般について", "駐車場", "駐車場が足りない。\n休日は満車になる。",
         "近隣の駐車場との連携を検討します。"),
        (3, "管理運営について", None, "夜間照明を明るくしてほしい。\n(1) 園路\n(2) 駐車場",
         "LED化にあわせて照度を見直します。"),
        (4, "管理運営について", None, "トイレを洋式に。", ""),
    ]  # fmt: skip
    assert [i.line for i in raw.items] == [14, 15, 23, 29]


def test_a_sentence_starting_with_a_label_word_is_not_a_label() -> None:
    raw = read_text(
        "# 題名\n\n## ご意見と市の考え方\n\n1. 意見の概要：歩道が狭い。\n"
        "市の考え方は次のとおりとの意見もある。\n回答：拡幅を検討します。\n"
    )
    assert raw.notes == []
    (item,) = raw.items
    assert item.opinion == "歩道が狭い。\n市の考え方は次のとおりとの意見もある。"
    assert item.response == "拡幅を検討します。"


# The shape of a city's results page whose facts sit in a summary box, one label and value
# a line, above numbered items with bracketed labels.
SUMMARY_BOX = """\
第2次総合計画（後期基本計画）素案

意見募集期間 平成30年6月26日(火曜日)から7月25日(水曜日)
提出された意見件数 2件(2人)

1 [お寄せいただいた意見]
財政の見通しを示してほしい。
[市の検討結果と理由]
施策の整理とあわせてお示しします。
2 [お寄せいただいた意見]
評価指標が空欄である。
[市の検討結果と理由]
実績を整理してお示しします。
"""


def test_facts_on_labelled_lines_above_labelled_items() -> None:
    raw = read_text(SUMMARY_BOX)
    assert raw.notes == []
    assert raw.title == "第2次総合計画（後期基本計画）素案"
    assert (raw.opened, raw.closed) == (dt.date(2018, 6, 26), dt.date(2018, 7, 25))
    assert raw.declared_total == 2
    assert [(i.no, i.opinion, i.response) for i in raw.items] == [
        (1, "財政の見通しを示してほしい。", "施策の整理とあわせてお示しします。"),
        (2, "評価指標が空欄である。", "実績を整理してお示しします。"),
    ]


def test_a_part_heading_with_its_line_after_a_space_then_numbered_sections() -> None:
    """ "1 意見の募集期間　令和7年…" holds the period after a space (no colon), and a numbered
    line after the period or the methods is the first section of the results, not a line
    of that part (as a Word result drafted without a ご意見の概要 heading has it)."""
    text = (
        "〇〇市自転車活用推進計画（案）に対する意見募集の結果\n"
        "1 意見の募集期間　令和7年4月1日～令和7年4月30日\n"
        "2 意見の受付方法 郵送、電子メール\n"
        "1 計画全般について\n"
        "No.\tご意見\t市の考え方\n"
        "1\t計画が分かりやすい。\tありがとうございます。\n"
    )
    raw = read_text(text)
    assert raw.notes == []
    assert (raw.opened, raw.closed) == (dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert raw.methods == ["郵送", "電子メール"]
    assert raw.sections == ["計画全般について"]
    assert [(item.no, item.section) for item in raw.items] == [(1, "計画全般について")]
