"""Every state transition of an item: draft, in-review, changes-requested, approved."""

from __future__ import annotations

import datetime as dt

from pctui.model import (
    ANY_ORDER,
    APPROVED,
    CHANGES_REQUESTED,
    DRAFT,
    IN_REVIEW,
    REJECT,
    Consultation,
    approved_stages,
    item_state,
    revise,
    sign,
    stage_counts,
    standings,
    state_counts,
    withdraw,
)
from pctui.model.state import STALE, VALID, WITHDRAWN

LATER = dt.datetime(2025, 12, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def state(consultation: Consultation, no: int) -> str:
    item = consultation.item(no)
    assert item is not None
    return item_state(item, consultation.review)


def stages(consultation: Consultation, no: int) -> list[str]:
    item = consultation.item(no)
    assert item is not None
    return approved_stages(item, consultation.review)


def test_an_unsigned_revision_is_a_draft(consultation: Consultation) -> None:
    assert state(consultation, 1) == DRAFT
    assert stages(consultation, 1) == []


def test_an_item_without_any_revision_is_a_draft(consultation: Consultation) -> None:
    assert state(consultation, 3) == DRAFT


def test_draft_to_in_review_to_approved(consultation: Consultation) -> None:
    first = sign(consultation, 1, "yamada")
    assert first.stage == "担当"
    assert first.revision == 1
    assert state(consultation, 1) == IN_REVIEW
    assert stages(consultation, 1) == ["担当"]
    assert sign(consultation, 1, "suzuki").stage == "係長"
    assert state(consultation, 1) == IN_REVIEW
    assert stages(consultation, 1) == ["担当", "係長"]
    assert sign(consultation, 1, "sato").stage == "課長"
    assert state(consultation, 1) == APPROVED
    assert stages(consultation, 1) == ["担当", "係長", "課長"]


def test_a_sign_off_records_the_digest_of_the_current_text(consultation: Consultation) -> None:
    item = consultation.item(2)
    assert item is not None and item.current is not None
    signoff = sign(consultation, 2, "tanaka", at=LATER)
    assert signoff.revision == 2
    assert signoff.digest == item.current.digest
    assert signoff.at == LATER
    assert signoff.by == "tanaka"
    assert signoff.withdrawn is None


def test_reject_requests_changes(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada")
    signoff = sign(consultation, 1, "suzuki", REJECT, comment="  根拠条文を明記  ")
    assert signoff.verdict == REJECT
    assert signoff.comment == "根拠条文を明記"
    assert state(consultation, 1) == CHANGES_REQUESTED
    # Where stages may approve in any order, a later stage's approval does not hide the
    # request for changes either.
    consultation.review.order = ANY_ORDER
    sign(consultation, 1, "sato")
    assert state(consultation, 1) == CHANGES_REQUESTED


def test_reject_on_a_draft_requests_changes(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada", REJECT, comment="表現を改めてください")
    assert state(consultation, 1) == CHANGES_REQUESTED
    assert stages(consultation, 1) == []


def test_a_new_revision_makes_sign_offs_stale_and_the_item_a_draft(
    consultation: Consultation,
) -> None:
    for login in ("yamada", "suzuki", "sato"):
        sign(consultation, 1, login)
    assert state(consultation, 1) == APPROVED
    done = revise(consultation, 1, "yamada", "回答1（修正）", note="語句修正")
    assert done.index == 2
    assert done.revision.note == "語句修正"
    item = consultation.item(1)
    assert item is not None
    assert state(consultation, 1) == DRAFT
    assert stages(consultation, 1) == []
    assert [s.status for s in standings(item, consultation.review)] == [STALE] * 3
    assert all(s.reason == "on revision 1" for s in standings(item, consultation.review))


def test_a_new_revision_clears_a_request_for_changes(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada", REJECT, comment="誤字")
    revise(consultation, 1, "tanaka", "回答1（誤字修正）")
    assert state(consultation, 1) == DRAFT


def test_signing_after_a_revision_signs_the_new_revision(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada")
    revise(consultation, 1, "tanaka", "回答1 改")
    # yamada signed revision 1 only, so may sign revision 2.
    signoff = sign(consultation, 1, "yamada")
    assert (signoff.stage, signoff.revision) == ("担当", 2)
    assert state(consultation, 1) == IN_REVIEW


def test_withdraw_returns_the_item_to_its_earlier_state(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada")
    sign(consultation, 1, "suzuki")
    taken = withdraw(consultation, 1, "suzuki", at=LATER)
    assert taken.stage == "係長"
    assert taken.withdrawn == LATER
    item = consultation.item(1)
    assert item is not None
    assert len(item.signoffs) == 2  # kept for history, only marked
    assert [s.status for s in standings(item, consultation.review)] == [VALID, WITHDRAWN]
    assert state(consultation, 1) == IN_REVIEW
    assert stages(consultation, 1) == ["担当"]
    withdraw(consultation, 1, "yamada")
    assert state(consultation, 1) == DRAFT


def test_withdrawing_an_approval_of_an_approved_item(consultation: Consultation) -> None:
    for login in ("yamada", "suzuki", "sato"):
        sign(consultation, 1, login)
    withdraw(consultation, 1, "sato")
    assert state(consultation, 1) == IN_REVIEW


def test_withdrawing_a_reject_clears_the_request(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada", REJECT, comment="要再考")
    withdraw(consultation, 1, "yamada")
    assert state(consultation, 1) == DRAFT


def test_after_withdrawing_the_same_login_may_sign_again(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada", REJECT, comment="要再考")
    withdraw(consultation, 1, "yamada")
    assert sign(consultation, 1, "yamada").stage == "担当"
    assert state(consultation, 1) == IN_REVIEW


def test_counts_follow_the_states(consultation: Consultation) -> None:
    assert state_counts(consultation) == {
        DRAFT: 3,
        IN_REVIEW: 0,
        CHANGES_REQUESTED: 0,
        APPROVED: 0,
    }
    for login in ("yamada", "suzuki", "sato"):
        sign(consultation, 1, login)
    sign(consultation, 2, "tanaka", REJECT, comment="再考")
    assert state_counts(consultation) == {
        DRAFT: 1,
        IN_REVIEW: 0,
        CHANGES_REQUESTED: 1,
        APPROVED: 1,
    }
    assert stage_counts(consultation) == {"担当": 1, "係長": 1, "課長": 1}
    assert list(state_counts(consultation)) == [DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED]
