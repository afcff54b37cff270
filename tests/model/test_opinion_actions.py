"""Format 2's actions on opinions (summary, move, merge, split): what each does, what it
refuses with nothing changed, and that every item it changes loses its sign-offs to
staleness while the others keep theirs."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from tests.model.conftest import make_consultation

from pctui.model import (
    APPROVED,
    Consultation,
    Item,
    Opinion,
    Refused,
    Section,
    add_summary,
    basis_digest,
    item_state,
    merge_items,
    move_opinion,
    sign,
    split_item,
    standings,
)
from pctui.model.identity import current_login
from pctui.model.state import OTHER_BASIS, STALE, VALID

AT = dt.datetime(2025, 12, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def format_two() -> Consultation:
    """The model tests' consultation as format 2: No.1 answers opinions 1, 2 and 3 of
    section 1, No.2 opinion 4, No.3 opinion 1 of section 2 (labels restart there)."""
    consultation = make_consultation()
    consultation.format = 2
    first, second, third = consultation.items
    first.opinions = [Opinion("1", "意見一", 2), Opinion("2", "意見二"), Opinion("3", "意見三")]
    second.opinions = [Opinion("4", "意見四")]
    third.opinions = [Opinion("1", "別の章の意見")]
    return consultation


def approve(consultation: Consultation, no: int) -> None:
    for login in ("yamada" if no == 1 else "tanaka", "suzuki", "sato"):
        sign(consultation, no, login, at=AT)
    assert item_state(item(consultation, no), consultation.review) == APPROVED


def item(consultation: Consultation, no: int) -> Item:
    found = consultation.item(no)
    assert found is not None
    return found


def statuses(consultation: Consultation, no: int) -> list[tuple[str, str]]:
    return [(s.status, s.why) for s in standings(item(consultation, no), consultation.review)]


def test_signing_in_format_two_binds_the_basis() -> None:
    consultation = format_two()
    signoff = sign(consultation, 1, "yamada", at=AT)
    assert signoff.basis == basis_digest(item(consultation, 1))


def test_signing_in_format_one_binds_no_basis() -> None:
    consultation = make_consultation()
    assert sign(consultation, 1, "yamada", at=AT).basis is None


def test_a_new_summary_makes_the_sign_offs_stale() -> None:
    consultation = format_two()
    approve(consultation, 1)
    summary = add_summary(consultation, 1, "tanaka", "駐輪場に関するご意見", at=AT)
    assert item(consultation, 1).summaries == [summary]
    assert statuses(consultation, 1) == [(STALE, OTHER_BASIS)] * 3
    [first, *_rest] = standings(item(consultation, 1), consultation.review)
    assert first.reason == "given before the opinions or the summary changed"
    sign(consultation, 1, "yamada", at=AT)  # signs again, for the summary as it is now
    assert statuses(consultation, 1)[-1] == (VALID, "")


def test_moving_an_opinion_makes_both_items_stale() -> None:
    consultation = format_two()
    for no in (1, 2):
        approve(consultation, no)
    moved = move_opinion(consultation, 1, "2", 2, login="tanaka")
    assert moved == Opinion("2", "意見二")
    assert [o.label for o in item(consultation, 1).opinions] == ["1", "3"]
    assert [o.label for o in item(consultation, 2).opinions] == ["4", "2"]
    for no in (1, 2):
        assert {status for status, _why in statuses(consultation, no)} == {STALE}
        assert item_state(item(consultation, no), consultation.review) != APPROVED


def test_moving_it_back_restores_what_was_approved() -> None:
    consultation = format_two()
    approve(consultation, 2)
    move_opinion(consultation, 1, "2", 2, login="tanaka")
    assert item_state(item(consultation, 2), consultation.review) != APPROVED
    move_opinion(
        consultation, 2, "2", 1, login="tanaka"
    )  # the opinions approved, in the same order, again
    assert item_state(item(consultation, 2), consultation.review) == APPROVED


def test_merging_moves_every_opinion_and_removes_the_item() -> None:
    consultation = format_two()
    approve(consultation, 1)
    merged = merge_items(consultation, 2, 1, login="tanaka")
    assert (merged.into, merged.removed, merged.opinions) == (1, 2, (Opinion("4", "意見四"),))
    assert consultation.item(2) is None
    assert [o.label for o in item(consultation, 1).opinions] == ["1", "2", "3", "4"]
    assert {status for status, _why in statuses(consultation, 1)} == {STALE}


def test_splitting_makes_a_new_item_after_it_and_the_old_one_stale() -> None:
    consultation = format_two()
    approve(consultation, 1)
    new = split_item(consultation, 1, ["3", "2"], login="tanaka")
    assert new.no == 4 and new.section == "1" and not new.revisions
    assert new.opinions == [Opinion("3", "意見三"), Opinion("2", "意見二")]
    assert [i.no for i in consultation.items] == [1, 4, 2, 3]
    assert [o.label for o in item(consultation, 1).opinions] == ["1"]
    assert {status for status, _why in statuses(consultation, 1)} == {STALE}
    assert split_item(consultation, 4, ["2"], new_no=10, login="tanaka").no == 10


def test_a_format_one_sign_off_holds_while_the_item_keeps_its_format_one_shape() -> None:
    consultation = make_consultation()
    approve(consultation, 2)
    consultation.format = 2  # as `pctui migrate` leaves it: the same items, no basis
    assert statuses(consultation, 2) == [(VALID, "")] * 3
    item(consultation, 1).opinions.append(Opinion("9", "追加"))
    move_opinion(consultation, 1, "9", 2, login="tanaka")
    assert statuses(consultation, 2) == [(STALE, OTHER_BASIS)] * 3
    consultation_with_summary = make_consultation()
    approve(consultation_with_summary, 2)
    consultation_with_summary.format = 2
    add_summary(consultation_with_summary, 2, "tanaka", "概要", at=AT)
    assert statuses(consultation_with_summary, 2) == [(STALE, OTHER_BASIS)] * 3


def test_a_sign_off_with_another_basis_is_stale_not_invalid() -> None:
    consultation = format_two()
    approve(consultation, 2)
    signoffs = item(consultation, 2).signoffs
    signoffs[0].basis = "sha256:" + "0" * 64
    assert statuses(consultation, 2)[0] == (STALE, OTHER_BASIS)


REFUSALS = [
    (lambda c: add_summary(c, 1, "tanaka", "  ", at=AT), "the summary is empty"),
    (lambda c: move_opinion(c, 1, "9", 2, login="tanaka"), "No.1 has no opinion labelled 9"),
    (lambda c: move_opinion(c, 2, "4", 1, login="tanaka"), "opinion 4 is the last of No.2"),
    (lambda c: move_opinion(c, 1, "1", 1, login="tanaka"), "No.1 already holds opinion 1"),
    (
        lambda c: move_opinion(c, 1, "1", 3, login="tanaka"),
        "section '2' already has an opinion labelled 1",
    ),
    (lambda c: move_opinion(c, 1, "1", 99, login="tanaka"), "there is no item No.99"),
    (lambda c: merge_items(c, 1, 1, login="tanaka"), "No.1 cannot be merged into itself"),
    (
        lambda c: merge_items(c, 1, 3, login="tanaka"),
        "section '2' already has an opinion labelled 1",
    ),
    (lambda c: split_item(c, 1, [], login="tanaka"), "name the opinions of No.1"),
    (lambda c: split_item(c, 1, ["1", "2", "3"], login="tanaka"), "No.1 would keep no opinion"),
    (lambda c: split_item(c, 1, ["2"], new_no=3, login="tanaka"), "No.3 already exists"),
    (lambda c: split_item(c, 1, ["7"], login="tanaka"), "No.1 has no opinion labelled 7"),
]


@pytest.mark.parametrize(("action", "why"), REFUSALS)
def test_a_refused_action_changes_nothing(action, why) -> None:  # type: ignore[no-untyped-def]
    consultation = format_two()
    before = copy.deepcopy(consultation)
    with pytest.raises(Refused, match=why):
        action(consultation)
    assert consultation == before


@pytest.mark.parametrize("login", ["guest", None])  # None: the OS login, not a reviewer here
def test_a_login_not_a_reviewer_is_refused_and_nothing_changes(login: str | None) -> None:
    for action in (
        lambda c: add_summary(c, 1, login or current_login(), "概要", at=AT),
        lambda c: move_opinion(c, 1, "2", 2, login=login),
        lambda c: merge_items(c, 2, 1, login=login),
        lambda c: split_item(c, 1, ["2"], login=login),
    ):
        consultation = format_two()
        assert current_login() not in consultation.review.reviewers
        before = copy.deepcopy(consultation)
        with pytest.raises(Refused, match="is not a reviewer of this consultation"):
            action(consultation)
        assert consultation == before


def test_format_one_refuses_every_action_and_points_to_migrate() -> None:
    for action in (
        lambda c: add_summary(c, 1, "tanaka", "概要", at=AT),
        lambda c: move_opinion(c, 1, "1", 2, login="tanaka"),
        lambda c: merge_items(c, 2, 1, login="tanaka"),
        lambda c: split_item(c, 1, ["1"], login="tanaka"),
    ):
        consultation = make_consultation()
        before = copy.deepcopy(consultation)
        with pytest.raises(Refused, match="pctui migrate FILE"):
            action(consultation)
        assert consultation == before


def test_labels_may_restart_in_another_section() -> None:
    consultation = format_two()
    consultation.sections.append(Section("3", "第3章"))
    item(consultation, 2).section = "3"
    item(consultation, 2).opinions.append(Opinion("1", "第3章の意見"))
    move_opinion(consultation, 2, "4", 3, login="tanaka")  # 4 is free in section 2
    assert [o.label for o in item(consultation, 3).opinions] == ["1", "4"]
