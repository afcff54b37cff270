"""Standard phrases and the wording rules (pctui.model.phrases), without files."""

from __future__ import annotations

import datetime as dt

from pctui.model.phrases import (
    Phrase,
    contradictions,
    fill,
    identical_answers,
    usage,
    uses,
)
from pctui.model.records import (
    Consultation,
    Intake,
    Item,
    Meta,
    OutcomeClass,
    Review,
    Revision,
    Section,
)

AT = dt.datetime(2025, 12, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def answered(no: int, klass: str | None, text: str, topic: str | None = None) -> Item:
    return Item(no, "1", f"ご意見{no}", topic=topic, klass=klass,
                revisions=[Revision("tanaka", AT, text)])  # fmt: skip


def consultation(*items: Item) -> Consultation:
    classes = [OutcomeClass("hanei", "反映"), OutcomeClass("sanko", "参考"),
               OutcomeClass("other", "その他")]  # fmt: skip
    return Consultation(
        meta=Meta(id="p", title="定型句"),
        intake=Intake(),
        review=Review(["担当"], {}, classes),
        sections=[Section("1", "第1章 総則")],
        items=list(items),
    )


SANKO = Phrase(
    "sanko", "{section}に関するご意見として、今後の参考とさせていただきます。", ("参考",)
)


def test_fill_puts_the_items_facts_in_the_placeholders() -> None:
    item = answered(7, "sanko", "", topic="駐輪場")
    found = consultation(item)
    assert (
        fill(SANKO, found, item)
        == "第1章 総則に関するご意見として、今後の参考とさせていただきます。"
    )
    phrase = Phrase("x", "No.{no}（{topic}、{class}、意見{label}）{unknown}")
    assert fill(phrase, found, item) == "No.7（駐輪場、参考、意見7）{unknown}"


def test_an_answer_uses_a_phrase_whatever_fills_its_placeholders() -> None:
    assert uses(SANKO, "第2章に関するご意見として、今後の参考とさせていただきます。")
    assert not uses(SANKO, "今後の参考とさせていただきます。")
    assert not uses(SANKO, "")
    found = consultation(
        answered(1, "sanko", "第1章に関するご意見として、今後の参考とさせていただきます。"),
        answered(2, "sanko", "ご意見のとおり修正しました。"),
        answered(3, "sanko", "前文。総則に関するご意見として、今後の参考とさせていただきます。"),
    )
    assert usage([SANKO, Phrase("none", "使われない句")], found) == {
        "sanko": [1, 3], "none": [],
    }  # fmt: skip


def test_built_in_rules_catch_wording_against_the_class() -> None:
    found = consultation(
        answered(1, "hanei", "原案のとおりとします。"),  # 反映 but unchanged
        answered(2, "other", "ご意見を踏まえ、修正しました。"),  # その他 but changed
        answered(3, "sanko", "ご意見を踏まえ、修正いたしました。"),  # 参考 but changed
        answered(4, "hanei", "ご意見を踏まえ、修正しました。"),  # fits
        answered(5, None, "原案のとおりとします。"),  # no class: nothing to contradict
        answered(6, "sanko", "原案のとおりとします。"),  # fits
    )
    assert [(c.no, c.label, c.words) for c in contradictions(found)] == [
        (1, "反映", "原案のとおり"), (2, "その他", "修正しました"), (3, "参考", "修正いたしました"),
    ]  # fmt: skip


def test_a_phrase_used_under_a_class_it_is_not_written_for() -> None:
    found = consultation(
        answered(1, "hanei", "第1章に関するご意見として、今後の参考とさせていただきます。"),
        answered(2, "sanko", "第1章に関するご意見として、今後の参考とさせていただきます。"),
    )
    assert [(c.no, c.phrase) for c in contradictions(found, [SANKO])] == [(1, "sanko")]
    # A phrase without classes fits any class.
    anyone = Phrase("any", SANKO.text)
    assert contradictions(found, [anyone]) == []


def test_identical_answers_grouped() -> None:
    found = consultation(
        answered(1, None, "適切に対処して参ります。"),
        answered(2, None, "別の回答です。"),
        answered(3, None, "適切に対処して参ります。\n"),
        answered(4, None, "適切に対処して参ります。"),
        Item(5, "1", "未回答"),
        Item(6, "1", "未回答"),
    )
    assert identical_answers(found) == [[1, 3, 4]]
