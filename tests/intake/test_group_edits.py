"""Splitting and merging groups, and turning a group into an item's opinion, on records in
memory: ids, representatives, added texts, counts and sources, and every refusal."""

from __future__ import annotations

import datetime as dt

import pytest

from pctui.intake.answering import accept_group, answered_by, attach_group
from pctui.intake.group_edits import merge_groups, split_group
from pctui.intake.records import Group, Member
from pctui.model.actions import Refused
from pctui.model.digest import basis_digest
from pctui.model.history import EventKind, item_events
from pctui.model.records import Consultation, Move, MoveAction
from pctui.storage import ConsultationFile

TEXTS = {
    "A-1": "駐輪場を増やしてほしい。",
    "B-1": "駐輪場を増やしてほしい。駅の東側にもお願いします。",
    "C-1": "駐輪場を増やしてほしい。",
    "D-1": "料金を下げてほしい。",
}
GROUP = Group(
    "G-A-1",
    "A-1",
    (Member("A-1"), Member("B-1", "駅の東側にもお願いします。"), Member("C-1")),
)


def test_split_keeps_the_group_and_leads_the_new_one_by_its_first_member() -> None:
    kept, new = split_group(GROUP, ["C-1", "B-1"], TEXTS)
    assert kept == Group("G-A-1", "A-1", (Member("A-1"),))
    assert new.id == "G-B-1" and new.representative == "B-1"
    # C-1 says less than its new representative: it adds nothing to it.
    assert new.members == (Member("B-1"), Member("C-1", ""))


def test_split_of_the_representative_gives_what_stays_a_new_leader() -> None:
    kept, new = split_group(GROUP, ["A-1"], TEXTS)
    assert (kept.id, kept.representative) == ("G-B-1", "B-1")
    assert kept.members == (Member("B-1"), Member("C-1", ""))
    assert new == Group("G-A-1", "A-1", (Member("A-1"),))


@pytest.mark.parametrize(
    ("selected", "why"),
    [
        ([], "select the opinions that leave group G-A-1"),
        (["D-1"], "D-1 not in group G-A-1"),
        (["A-1", "B-1", "C-1"], "group G-A-1 would keep no opinion: leave at least one in it"),
    ],
)
def test_split_refusals(selected: list[str], why: str) -> None:
    with pytest.raises(Refused, match=why):
        split_group(GROUP, selected, TEXTS)


def test_merge_appends_the_other_members_with_what_they_add() -> None:
    other = Group("G-D-1", "D-1", (Member("D-1"),))
    merged = merge_groups(GROUP, other, TEXTS)
    assert merged.id == "G-A-1" and merged.members[:3] == GROUP.members
    assert merged.members[3].opinion == "D-1"
    assert "料金" in merged.members[3].added
    with pytest.raises(Refused, match="cannot be merged into itself"):
        merge_groups(GROUP, GROUP, TEXTS)


def _format_two(tmp_path_factory: pytest.TempPathFactory) -> Consultation:
    from tests.session.format_two_file import write_format_two

    path = write_format_two(tmp_path_factory.mktemp("f2") / "2026-churin.toml")
    return ConsultationFile.load(path).consultation


def test_accept_adds_one_item_counting_every_member(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    consultation = _format_two(tmp_path_factory)
    item = accept_group(consultation, GROUP, TEXTS["A-1"], login="tanaka")
    assert (item.no, item.section) == (4, "2")  # after No.3, in its section
    (opinion,) = item.opinions
    assert (opinion.label, opinion.text, opinion.count) == ("4", TEXTS["A-1"], 3)
    assert opinion.sources == ("A-1", "B-1", "C-1")
    assert consultation.items[-1] is item
    assert answered_by(consultation) == {"A-1": 4, "B-1": 4, "C-1": 4}
    with pytest.raises(Refused, match=r"A-1 of group G-A-1 is already answered by No\.4"):
        accept_group(consultation, GROUP, TEXTS["A-1"], login="tanaka")


def test_attach_adds_an_opinion_with_a_free_label(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    consultation = _format_two(tmp_path_factory)
    opinion = attach_group(consultation, 2, GROUP, TEXTS["A-1"], login="tanaka")
    item = consultation.item(2)
    assert item is not None and item.opinions[-1] is opinion
    # "2" is No.1's second opinion in section 1: the next free label is "2-2".
    assert (opinion.label, opinion.count, opinion.sources) == ("2-2", 3, ("A-1", "B-1", "C-1"))
    with pytest.raises(Refused, match=r"already answered by No\.2"):
        attach_group(consultation, 1, GROUP, TEXTS["A-1"], login="tanaka")
    with pytest.raises(Refused, match=r"No\.9"):
        attach_group(
            consultation, 9, Group("G-D-1", "D-1", (Member("D-1"),)), TEXTS["D-1"], login="tanaka"
        )


def test_a_format_one_file_is_refused(tmp_path_factory: pytest.TempPathFactory) -> None:
    consultation = _format_two(tmp_path_factory)
    consultation.format = 1
    with pytest.raises(Refused, match="format 1"):
        accept_group(consultation, GROUP, TEXTS["A-1"], login="tanaka")
    assert len(consultation.items) == 3


def test_accept_and_attach_are_a_reviewers_and_refused_to_anyone_else_first(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Like a move or merge of opinions: a login not in [review.reviewers] is refused
    before anything else is looked at (here, a group already answered), nothing changed."""
    consultation = _format_two(tmp_path_factory)
    attach_group(consultation, 2, GROUP, TEXTS["A-1"], login="tanaka")
    before = [(item.no, list(item.opinions), list(item.moves)) for item in consultation.items]
    why = "'guest' is not a reviewer of this consultation"
    with pytest.raises(Refused, match=why):
        accept_group(consultation, GROUP, TEXTS["A-1"], login="guest")
    with pytest.raises(Refused, match=why):
        attach_group(consultation, 1, GROUP, TEXTS["A-1"], login="guest")
    assert [(i.no, list(i.opinions), list(i.moves)) for i in consultation.items] == before


def test_accept_and_attach_record_who_added_which_opinion_with_the_bases(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The record a move makes: who, when, the label, the item's basis before and after
    (a new item had none before), `from` 0 for the registry; the item's history then
    names the sign-off the attach left stale."""
    consultation = _format_two(tmp_path_factory)
    at = dt.datetime(2026, 3, 5, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    item = accept_group(consultation, GROUP, TEXTS["A-1"], login="tanaka", at=at)
    assert item.moves == [
        Move(MoveAction.ACCEPT, 0, 4, ("4",), "tanaka", at, "", basis_digest(item))
    ]
    two = consultation.item(2)
    assert two is not None
    was = basis_digest(two)
    single = Group("G-D-1", "D-1", (Member("D-1"),))
    attach_group(consultation, 2, single, TEXTS["D-1"], login="suzuki", at=at)
    assert two.moves == [
        Move(MoveAction.ATTACH, 0, 2, ("2-2",), "suzuki", at, was, basis_digest(two))
    ]
    (event,) = [e for e in item_events(two, consultation.review) if e.kind == EventKind.ATTACH]
    assert [(n, s.by) for n, s in event.stale] == [(1, "yamada")]
