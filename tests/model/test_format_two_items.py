"""Format 2's item: one or more opinions and an optional summary, read through the format-1
names (`opinion`, `count`) by code that shows one row per item."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import pytest

from pctui.model import Item, Opinion, Summary, basis_digest

AT = dt.datetime(2025, 12, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def listed() -> Item:
    return Item(
        7,
        "1",
        opinions=[Opinion("Ⅱ-1", "駐輪場を増やして", 3), Opinion("Ⅱ-2", "料金を下げて", 2)],
    )


def test_a_format_one_item_is_one_opinion_labelled_with_its_number() -> None:
    item = Item(12, "1", "ご意見", count=3)
    assert item.opinions == [Opinion("12", "ご意見", 3)]
    assert (item.opinion, item.count, item.summaries) == ("ご意見", 3, [])


def test_opinion_and_count_set_the_single_opinion() -> None:
    item = Item(12, "1", "ご意見")
    item.opinion = "書き換えたご意見"
    item.count = 4
    assert item.opinions == [Opinion("12", "書き換えたご意見", 4)]


def test_count_is_the_sum_and_opinion_lists_every_opinion_after_its_label() -> None:
    item = listed()
    assert item.count == 5
    assert item.opinion == "Ⅱ-1　駐輪場を増やして\n\nⅡ-2　料金を下げて"


def test_the_current_summary_is_what_one_row_shows() -> None:
    item = listed()
    item.summaries.append(Summary("tanaka", AT, "駐輪場の整備に関するご意見"))
    item.summaries.append(Summary("tanaka", AT, "駐輪場の整備と料金に関するご意見"))
    assert item.summary == item.summaries[-1]
    assert item.opinion == "駐輪場の整備と料金に関するご意見"
    assert item.count == 5


def test_the_single_opinion_cannot_be_set_on_an_item_with_several() -> None:
    item = listed()
    with pytest.raises(AttributeError):
        item.opinion = "一つに"
    with pytest.raises(AttributeError):
        item.count = 1
    assert item == listed()


def test_replace_keeps_the_opinions_and_sets_a_format_one_fact() -> None:
    item = listed()
    assert dataclasses.replace(item, topic="駐輪場").opinions == item.opinions
    single = dataclasses.replace(Item(3, "1", "元の意見", count=2), opinion="新しい意見")
    assert single.opinions == [Opinion("3", "新しい意見", 2)]


def test_the_basis_changes_with_each_part_it_binds() -> None:
    item = listed()
    before = basis_digest(item)
    assert before.startswith("sha256:") and len(before) == len("sha256:") + 64
    first, second = item.opinions
    changed = [
        [second, first],  # the order
        [dataclasses.replace(first, label="Ⅱ-9"), second],
        [dataclasses.replace(first, text="駐輪場を増やして。"), second],
        [dataclasses.replace(first, count=4), second],
        [first],
    ]
    digests = {before}
    for opinions in changed:
        digests.add(basis_digest(Item(7, "1", opinions=opinions)))
    with_summary = listed()
    with_summary.summaries.append(Summary("tanaka", AT, ""))
    digests.add(basis_digest(with_summary))  # an empty summary is not no summary
    assert len(digests) == len(changed) + 2


def test_the_basis_ignores_sources_and_the_unicode_form() -> None:
    item = listed()
    sourced = Item(
        7,
        "1",
        opinions=[
            dataclasses.replace(item.opinions[0], sources=("2025-0001-1",)),
            item.opinions[1],
        ],
    )
    assert basis_digest(sourced) == basis_digest(item)
    decomposed = Item(
        7, "1", opinions=[Opinion(o.label, unicodedata.normalize("NFD", o.text), o.count)
                          for o in [Opinion("1", "ガイドライン", 1)]]
    )  # fmt: skip
    composed = Item(7, "1", opinions=[Opinion("1", "ガイドライン", 1)])
    assert basis_digest(decomposed) == basis_digest(composed)


def test_two_ways_of_cutting_the_same_text_give_two_bases() -> None:
    one = Item(1, "1", opinions=[Opinion("1", "a", 1), Opinion("2", "b", 1)])
    other = Item(1, "1", opinions=[Opinion("1", 'a", "2", "b', 1)])
    assert basis_digest(one) != basis_digest(other)
