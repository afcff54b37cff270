"""Assignment and internal notes in the model: who may, what is refused, and that neither
makes a sign-off stale."""

from __future__ import annotations

import pytest

from pctui.model import (
    Consultation,
    Refused,
    add_note,
    assign,
    sign,
    standings,
    unassigned,
)
from pctui.model.office import Workload, workloads
from pctui.model.state import APPROVED, DRAFT, IN_REVIEW, VALID

from .conftest import T0


def test_assign_sets_the_assignee_and_keeps_who_and_when(consultation: Consultation) -> None:
    changed = assign(consultation, [1, 3], "yamada", "sato", at=T0)
    assert [item.no for item in changed] == [1, 3]
    one = consultation.items[0]
    assert one.assignee == "yamada"
    assert (one.assignments[-1].by, one.assignments[-1].at) == ("sato", T0)
    assert unassigned(consultation) == [2]


def test_reassigning_appends_and_an_empty_login_takes_the_item_off(
    consultation: Consultation,
) -> None:
    assign(consultation, [1], "yamada", "sato", at=T0)
    assign(consultation, [1], "tanaka", "sato", at=T0)
    assert consultation.items[0].assignee == "tanaka"
    assign(consultation, [1], "", "sato", at=T0)
    item = consultation.items[0]
    assert item.assignee is None
    assert [a.to for a in item.assignments] == ["yamada", "tanaka", ""]


def test_assigning_to_a_login_that_is_not_a_reviewer_is_refused_and_says_who_is(
    consultation: Consultation,
) -> None:
    with pytest.raises(Refused) as refused:
        assign(consultation, [1], "nobody", "sato")
    assert "'nobody'" in str(refused.value) and "tanaka" in str(refused.value)
    assert all(not item.assignments for item in consultation.items)


def test_a_non_reviewer_may_not_assign_or_write_notes(consultation: Consultation) -> None:
    with pytest.raises(Refused):
        assign(consultation, [1], "yamada", "outsider")
    with pytest.raises(Refused):
        add_note(consultation, 1, "outsider", "メモ")
    assert not consultation.items[0].assignments and not consultation.items[0].notes


def test_a_missing_item_refuses_the_whole_assignment(consultation: Consultation) -> None:
    with pytest.raises(Refused):
        assign(consultation, [1, 99], "yamada", "sato")
    assert not consultation.items[0].assignments


def test_assigning_what_is_already_so_is_refused_but_a_mix_changes_the_rest(
    consultation: Consultation,
) -> None:
    assign(consultation, [1], "yamada", "sato", at=T0)
    with pytest.raises(Refused):
        assign(consultation, [1], "yamada", "sato")
    with pytest.raises(Refused):
        assign(consultation, [2], "", "sato")
    changed = assign(consultation, [1, 2], "yamada", "sato")
    assert [item.no for item in changed] == [2]
    assert len(consultation.items[0].assignments) == 1


def test_notes_are_appended_with_who_and_when_and_empty_ones_refused(
    consultation: Consultation,
) -> None:
    note = add_note(consultation, 2, "suzuki", "  法令担当に確認中  ", at=T0)
    assert (note.by, note.at, note.text) == ("suzuki", T0, "法令担当に確認中")
    assert consultation.items[1].notes == [note]
    with pytest.raises(Refused):
        add_note(consultation, 2, "suzuki", " \n ")
    assert len(consultation.items[1].notes) == 1


def test_neither_assigning_nor_a_note_makes_a_signoff_stale(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada", at=T0)
    assign(consultation, [1], "yamada", "sato", at=T0)
    add_note(consultation, 1, "sato", "課長確認済み", at=T0)
    assert [s.status for s in standings(consultation.items[0], consultation.review)] == [VALID]


def test_only_unassigned_leaves_items_someone_took_meanwhile(consultation: Consultation) -> None:
    numbers = unassigned(consultation)
    assign(consultation, [2], "tanaka", "sato", at=T0)  # another reviewer, in between
    changed = assign(consultation, numbers, "yamada", "sato", only_unassigned=True)
    assert [item.no for item in changed] == [1, 3]
    assert consultation.items[1].assignee == "tanaka"
    with pytest.raises(Refused):
        assign(consultation, numbers, "yamada", "sato", only_unassigned=True)


def test_workloads_count_each_assignees_items_and_those_still_open(
    consultation: Consultation,
) -> None:
    assign(consultation, [1, 2], "yamada", "sato", at=T0)
    assign(consultation, [3], "tanaka", "sato", at=T0)
    states = [APPROVED, IN_REVIEW, DRAFT]
    assert workloads(consultation.items, states) == {
        "tanaka": Workload(items=1, open=1),
        "yamada": Workload(items=2, open=1),
    }
