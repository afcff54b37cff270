"""Choosing a standard phrase for an item (pctui.model.phrase_picking), without files."""

from __future__ import annotations

from tests.model.test_phrases import answered, consultation

from pctui.model.phrase_picking import Fit, choices_for, match_score, search, term_score
from pctui.model.phrases import Phrase

SANKO = Phrase("sanko", "{section}に関するご意見として、今後の参考とさせていただきます。",
               ("参考", "その他"))  # fmt: skip
TAISHO = Phrase("taisho", "適切に対処して参ります。")
HANEI = Phrase("hanei", "ご意見を踏まえ、No.{no}の記載を修正しました。", ("反映",))


def test_the_items_class_comes_first_then_any_class_then_other_classes() -> None:
    item = answered(4, "sanko", "")
    found = choices_for([HANEI, TAISHO, SANKO], consultation(item), item)
    assert [(c.phrase.id, c.fit) for c in found] == [
        ("sanko", Fit.CLASS), ("taisho", Fit.ANY), ("hanei", Fit.OTHER)
    ]  # fmt: skip
    assert found[0].filled == "第1章 総則に関するご意見として、今後の参考とさせていただきます。"
    assert found[2].filled == "ご意見を踏まえ、No.4の記載を修正しました。"


def test_an_item_without_a_class_keeps_the_files_order() -> None:
    item = answered(1, None, "")
    found = choices_for([HANEI, TAISHO, SANKO], consultation(item), item)
    assert [c.phrase.id for c in found] == ["hanei", "taisho", "sanko"]
    assert {c.fit for c in found} == {Fit.ANY}


def test_a_term_matches_its_characters_in_order_runs_and_whole_words_scoring_more() -> None:
    assert term_score("参考", "今後の参考とさせて") is not None
    assert term_score("今参", "今後の参考") is not None  # scattered, in order
    assert term_score("参今", "今後の参考") is None  # out of order
    whole, scattered = term_score("参考", "参考"), term_score("参考", "参の考")
    assert whole is not None and scattered is not None and whole > scattered
    early, late = term_score("参考", "参考です"), term_score("参考", "今後の参考")
    assert early is not None and late is not None and early > late


def test_search_reads_ids_and_filled_text_ignoring_case_and_width() -> None:
    item = answered(4, "sanko", "")
    found = choices_for([HANEI, TAISHO, SANKO], consultation(item), item)
    assert [c.phrase.id for c in search(found, "TAI")] == ["taisho"]  # the id, any case
    assert [c.phrase.id for c in search(found, "ｔａｉ")] == ["taisho"]  # full-width letters
    assert [c.phrase.id for c in search(found, "総則")] == ["sanko"]  # the filled-in section
    assert [c.phrase.id for c in search(found, "No.4")] == ["hanei"]
    assert search(found, "xyz") == []


def test_every_word_must_match_and_the_best_comes_first() -> None:
    item = answered(4, "sanko", "")
    found = choices_for([HANEI, TAISHO, SANKO], consultation(item), item)
    assert [c.phrase.id for c in search(found, "ご意見 修正")] == ["hanei"]
    # 参 is in two phrases; 参り is one phrase's whole words, scattered in none of the others
    assert [c.phrase.id for c in search(found, "参り")] == ["taisho"]
    ranked = search(found, "参")
    assert [c.phrase.id for c in ranked] == ["taisho", "sanko"]  # earlier in the text first
    assert search(found, "  ") == found  # nothing typed: all, class first
    assert match_score("", found[0]) == 0
