"""公表場所, decided once for every format: which lists there are, their numbers and marks."""

from __future__ import annotations

import dataclasses

from pctui.model.records import Consultation
from pctui.publish.document import KANA_MARKS, PlaceList, build
from pctui.publish.files import render


def _with(consultation: Consultation, **meta: object) -> Consultation:
    return dataclasses.replace(consultation, meta=dataclasses.replace(consultation.meta, **meta))


def test_offices_then_website_numbered_in_order(small: Consultation) -> None:
    places = ["本庁舎", "中央区役所", "例市公式ホームページ"]
    consultation = _with(small, places=places, url="", organization="例市")
    assert build(consultation).place_lists == [
        PlaceList(1, "市役所等での配布", marked=[("ア", "本庁舎"), ("イ", "中央区役所")]),
        PlaceList(2, "例市公式ホームページによる公開", named=["例市公式ホームページ"]),
    ]


def test_a_website_alone_is_list_1_and_its_address_is_kept(small: Consultation) -> None:
    consultation = _with(small, places=[], url="https://example.org/r")
    (only,) = build(consultation).place_lists
    assert (only.number, only.url, only.marked) == (1, "https://example.org/r", [])


def test_marks_run_out_after_the_kana_and_english_has_none(small: Consultation) -> None:
    many = [f"窓口{i}" for i in range(len(KANA_MARKS) + 2)]
    marks = [mark for mark, _ in build(_with(small, places=many)).place_lists[0].marked]
    assert marks == [*KANA_MARKS, "", ""]
    english = build(_with(small, places=["City Hall"], language="en")).place_lists[0]
    assert english.marked == [("", "City Hall")]


def test_both_formats_print_the_same_lists(small: Consultation) -> None:
    consultation = _with(small, places=["本庁舎", "例市ホームページ"], url="", organization="例市")
    markdown = render(consultation, "md").decode()
    html = render(consultation, "html").decode()
    assert "### (1) 市役所等での配布\n\nア 本庁舎\n\n### (2) 例市公式" in markdown
    assert '<h3>(1) 市役所等での配布</h3>\n<ul class="places">' in html
    assert '<span class="mark" aria-hidden="true">ア</span> 本庁舎</li>' in html
    assert "<h3>(2) 例市公式ホームページによる公開</h3>\n<p>例市ホームページ</p>" in html
