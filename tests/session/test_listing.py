"""What the list shows: filters, search folding, items needing a sign-off (pure)."""

from __future__ import annotations

import datetime as dt

from tests.session.format_two_file import write_format_two

from pctui.model.opinions import merge_items, split_item
from pctui.model.records import Item, Opinion, Revision, Summary
from pctui.session.listing import (
    NEEDS_ME,
    ItemIndex,
    ListFilter,
    fold,
    matches,
    neighbour_needing,
    opinion_summary,
    visible_items,
)
from pctui.storage import ConsultationFile


def test_fold_makes_full_width_half_width_and_case_match() -> None:
    assert fold("ＩＳＭＡＰ") == fold("ismap") == "ismap"
    assert fold("ｶｰﾄﾞ") == fold("カード")


def test_matches_opinion_topic_and_current_response_only() -> None:
    at = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    item = Item(
        no=1, section="1", opinion="不正アクセスの対策は", topic="システム総論",
        revisions=[Revision("tanaka", at, "古い回答"), Revision("tanaka", at, "新しい回答")],
    )  # fmt: skip
    assert matches(item, "")
    assert matches(item, "アクセス")
    assert matches(item, "総論")
    assert matches(item, "新しい")
    assert not matches(item, "古い")  # an old revision is history, not what is proposed


def test_matches_every_opinion_and_the_summary_of_a_format_two_item() -> None:
    at = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    opinions = [Opinion("1", "駐輪場を増やしてほしい。", 2), Opinion("Ⅱ-4", "料金を下げてほしい。")]
    item = Item(1, "1", opinions=opinions, summaries=[Summary("tanaka", at, "駐輪場の整備")])
    assert matches(item, "料金")  # the second opinion, hidden behind the summary before
    assert matches(item, "増やして")
    assert matches(item, "整備")
    assert not matches(item, "Ⅱ-4")  # labels are not text: "1" would match every item


def test_filters_combine(disk) -> None:
    consultation = disk.consultation
    numbers = lambda where: [i.no for i in visible_items(consultation, "tanaka", where)]  # noqa: E731
    assert numbers(ListFilter()) == list(range(1, 11))
    assert numbers(ListFilter(state="approved")) == [1, 2, 3, 4]
    assert numbers(ListFilter(state=NEEDS_ME)) == [7, 8, 9]
    assert numbers(ListFilter(section="2")) == []
    assert numbers(ListFilter(state=NEEDS_ME, query="zzz")) == []
    assert ListFilter(state="draft", section="1", query=" x ").describe() == (
        "state=draft section=1 /x"
    )
    assert ListFilter().describe() == ""


def test_neighbour_needing_wraps_and_skips_the_current(disk) -> None:
    consultation = disk.consultation
    items = consultation.items
    assert neighbour_needing(consultation, items, 1, "tanaka", 1).no == 7
    assert neighbour_needing(consultation, items, 9, "tanaka", 1).no == 7
    assert neighbour_needing(consultation, items, 7, "tanaka", -1).no == 9
    assert neighbour_needing(consultation, items, None, "tanaka", -1).no == 9
    assert neighbour_needing(consultation, items, 10, "yamada", 1) is None
    assert neighbour_needing(consultation, [], None, "tanaka", 1) is None


def test_opinion_summary_drops_the_topic_and_cuts_long_lines() -> None:
    item = Item(no=1, section="1", opinion="【論点】\n\n" + "長" * 80, topic="論点")
    assert opinion_summary(item, limit=10) == "長" * 9 + "…"
    item = Item(no=2, section="1", opinion="【論点】 本文", topic="論点")
    assert opinion_summary(item) == "本文"


def test_the_item_index_is_built_again_only_for_another_consultation(disk) -> None:
    index, consultation = ItemIndex(), disk.consultation
    by_no = index.of(consultation)
    assert by_no == {item.no: item for item in consultation.items}
    assert index.of(consultation) is by_no  # the same consultation: no rebuild
    reloaded = ConsultationFile.load(disk.path).consultation
    assert index.of(reloaded) is not by_no and index.of(reloaded)[1] is reloaded.item(1)


def test_the_item_index_is_built_again_after_a_merge_or_split_in_place(tmp_path) -> None:
    consultation = ConsultationFile.load(write_format_two(tmp_path / "f2.toml")).consultation
    index = ItemIndex()
    assert sorted(index.of(consultation)) == [1, 2, 3]
    merge_items(consultation, 2, 1, login="tanaka")  # the same consultation object, one item fewer
    assert sorted(index.of(consultation)) == [1, 3]
    split_item(consultation, 1, ["5"], login="tanaka")
    assert sorted(index.of(consultation)) == [1, 3, 4]


def test_the_screens_cache_of_progress_gives_the_same_answers(disk) -> None:
    # The review screen hands its cache of each item's progress to `n` and the "needs my
    # sign-off" filter: the same items, for every login, as computing it afresh.
    from pctui.model.actions import sign
    from pctui.session.derived import DerivedCache

    consultation = disk.consultation
    items, cache = consultation.items, DerivedCache()
    cached = cache.progress_of(consultation.review)
    for login in ("tanaka", "suzuki", "sato", "yamada", "nobody"):
        where = ListFilter(state=NEEDS_ME)
        assert visible_items(consultation, login, where, None, cached) == visible_items(
            consultation, login, where
        )
        for current in (None, 1, 7, 9):
            for step in (1, -1):
                assert neighbour_needing(
                    consultation, items, current, login, step, cached
                ) is neighbour_needing(consultation, items, current, login, step)
    # A sign-off given since is seen: tanaka's turn at No.7 is over.
    needs_me = ListFilter(state=NEEDS_ME)
    before = [i.no for i in visible_items(consultation, "tanaka", needs_me, None, cached)]
    sign(consultation, 7, "tanaka")
    after = [i.no for i in visible_items(consultation, "tanaka", needs_me, None, cached)]
    assert 7 in before and 7 not in after
    assert after == [i.no for i in visible_items(consultation, "tanaka", needs_me)]
    # And an item whose progress the cache held, with a sign-off already: computed again.
    signed_before = [
        i.no for i in visible_items(consultation, "suzuki", needs_me, None, cached) if i.signoffs
    ]
    assert signed_before
    sign(consultation, signed_before[0], "suzuki")
    assert signed_before[0] not in [
        i.no for i in visible_items(consultation, "suzuki", needs_me, None, cached)
    ]
