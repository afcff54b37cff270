"""An answer that lists its points ① ② … keeps them: a circled number is a section's heading
(世田谷区's ① 計画の策定について) only over an item, not inside an answer's text."""

from __future__ import annotations

from pctui.importer import ERROR, read_text

ANSWER_WITH_POINTS = "\n".join(
    [
        "計画案に対する意見募集の結果について",
        "",
        "1 計画全般について",
        "1. 意見の概要：計画の財源について説明が足りない。",
        "市の考え方：次の点を考慮しています。",
        "① 財源の確保について",
        "② 事業の優先順位について",
        "以上の点から、計画を進めてまいります。",
        "2. 意見の概要：計画の期間が長すぎる。",
        "市の考え方：期間は適切と考えます。",
    ]
)


def test_points_listed_in_an_answer_stay_in_it() -> None:
    # The answer was cut at ①, "① …：② …" made a section, and the line after left unread.
    raw = read_text(ANSWER_WITH_POINTS)
    assert [note.message for note in raw.notes if note.severity == ERROR] == []
    assert [item.response for item in raw.items] == [
        "次の点を考慮しています。\n① 財源の確保について\n② 事業の優先順位について\n"
        "以上の点から、計画を進めてまいります。",
        "期間は適切と考えます。",
    ]
    assert {item.section for item in raw.items} == {"計画全般について"}


def test_a_circled_heading_over_the_next_item_is_a_section() -> None:
    text = "\n".join(
        [
            "計画案に対する区民意見及び区の考え方について",
            "(4) 意見概要及び区の考え方",
            "① 計画の策定について",
            "意見概要 : 計画期間を十年としてはどうか。",
            "区の考え方: 八年間としました。",
            "② 計画策定の背景について",
            "意見概要: 税収の流出に対応してほしい。",
            "区の考え方: 検討します。",
        ]
    )
    raw = read_text(text)
    assert [(item.section, item.response) for item in raw.items] == [
        ("計画の策定について", "八年間としました。"),
        ("計画策定の背景について", "検討します。"),
    ]
