"""How each sign-off stands: valid, stale, withdrawn, or invalid with a reason."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from pctui.model import (
    ANY_ORDER,
    APPROVE,
    APPROVED,
    DRAFT,
    IN_REVIEW,
    Consultation,
    Item,
    Signoff,
    approved_stages,
    item_state,
    sign,
    standings,
    text_digest,
)
from pctui.model.state import INVALID, STALE, VALID, WITHDRAWN

AT = dt.datetime(2025, 12, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def item_one(consultation: Consultation) -> Item:
    item = consultation.item(1)
    assert item is not None
    return item


def forged(consultation: Consultation, **changes: object) -> Item:
    """Item 1 with one sign-off appended as a file could hold it (no model checks)."""
    item = item_one(consultation)
    fields: dict[str, object] = {
        "stage": "担当",
        "by": "yamada",
        "at": AT,
        "revision": 1,
        "digest": text_digest("回答1"),
        "verdict": APPROVE,
    }
    fields.update(changes)
    item.signoffs.append(Signoff(**fields))  # type: ignore[arg-type]
    return item


def only_standing(consultation: Consultation, item: Item) -> tuple[str, str]:
    [standing] = standings(item, consultation.review)
    return standing.status, standing.reason


def test_a_genuine_sign_off_is_valid(consultation: Consultation) -> None:
    item = forged(consultation)
    assert only_standing(consultation, item) == (VALID, "")
    assert standings(item, consultation.review)[0].counts


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"stage": "部長"}, "stage '部長' is not one of review.stages"),
        ({"by": "mallory"}, "'mallory' may not sign stage '担当'"),
        ({"stage": "課長"}, "'yamada' may not sign stage '課長'"),
        ({"revision": 2}, "revision 2 does not exist"),
        ({"revision": 0}, "revision 0 does not exist"),
        ({"digest": text_digest("回答1。")}, "digest does not match the text of revision 1"),
        ({"digest": "sha256:" + "0" * 64}, "digest does not match the text of revision 1"),
        ({"by": "tanaka"}, "'tanaka' wrote revision 1 and may not sign it"),
    ],
    ids=[
        "unknown-stage",
        "signer-not-listed",
        "signer-not-listed-for-stage",
        "missing-revision",
        "revision-zero",
        "digest-of-other-text",
        "digest-mismatch",
        "self-approval",
    ],
)
def test_invalid_sign_offs_and_why(
    consultation: Consultation, changes: dict[str, object], reason: str
) -> None:
    item = forged(consultation, **changes)
    assert only_standing(consultation, item) == (INVALID, reason)
    assert item_state(item, consultation.review) == DRAFT
    assert approved_stages(item, consultation.review) == []


def test_self_approval_is_valid_when_allowed(self_approving: Consultation) -> None:
    item = forged(self_approving, by="tanaka")
    assert only_standing(self_approving, item) == (VALID, "")


def test_a_duplicate_signer_counts_once(consultation: Consultation) -> None:
    # kimura may sign 係長 and 課長, but one login signs at most one stage of a revision.
    forged(consultation, stage="係長", by="kimura")
    item = forged(consultation, stage="課長", by="kimura")
    first, second = standings(item, consultation.review)
    assert first.status == VALID
    assert second.status == INVALID
    assert second.reason == "'kimura' already signed another stage of this revision"
    assert approved_stages(item, consultation.review) == ["係長"]
    assert item_state(item, consultation.review) == IN_REVIEW


def test_a_duplicate_signer_after_a_withdrawal_is_valid(consultation: Consultation) -> None:
    forged(consultation, stage="係長", by="kimura", withdrawn=AT)
    item = forged(consultation, stage="課長", by="kimura")
    assert [s.status for s in standings(item, consultation.review)] == [WITHDRAWN, VALID]


def test_invalid_sign_offs_never_complete_an_item(consultation: Consultation) -> None:
    forged(consultation, stage="担当", by="yamada")
    forged(consultation, stage="係長", by="suzuki", digest="sha256:" + "f" * 64)
    item = forged(consultation, stage="課長", by="sato")
    assert [s.status for s in standings(item, consultation.review)] == [VALID, INVALID, VALID]
    assert item_state(item, consultation.review) == IN_REVIEW
    assert approved_stages(item, consultation.review) == ["担当", "課長"]


def test_an_edited_text_voids_every_sign_off(consultation: Consultation) -> None:
    for login in ("yamada", "suzuki", "sato"):
        sign(consultation, 1, login)
    item = item_one(consultation)
    assert item_state(item, consultation.review) == APPROVED
    # Someone edits revision 1 in the file by hand: the digests no longer match.
    item.revisions[0] = dataclasses.replace(item.revisions[0], text="回答1（こっそり修正）")
    assert {s.status for s in standings(item, consultation.review)} == {INVALID}
    assert item_state(item, consultation.review) == DRAFT


def test_stale_is_for_older_revisions_with_their_digest_intact(
    consultation: Consultation,
) -> None:
    item = consultation.item(2)
    assert item is not None
    first = item.revisions[0]
    item.signoffs.append(Signoff("担当", "tanaka", AT, 1, first.digest, APPROVE))
    [standing] = standings(item, consultation.review)
    assert (standing.status, standing.reason) == (STALE, "on revision 1")
    assert not standing.counts


def test_an_invalid_reason_wins_over_withdrawn_and_stale(consultation: Consultation) -> None:
    item = forged(consultation, by="mallory", withdrawn=AT)
    assert only_standing(consultation, item)[0] == INVALID


def test_standings_are_in_file_order(consultation: Consultation) -> None:
    consultation.review.order = ANY_ORDER  # 後閲: 課長 approves before 担当
    sign(consultation, 1, "sato")
    sign(consultation, 1, "yamada")
    item = item_one(consultation)
    assert [s.signoff.by for s in standings(item, consultation.review)] == ["sato", "yamada"]
    # approved_stages is in review order whatever the file order.
    assert approved_stages(item, consultation.review) == ["担当", "課長"]


def test_a_genuine_sign_off_is_stood_without_wording_a_reason(
    consultation: Consultation, monkeypatch
) -> None:
    # Every status and validate stands each of a national file's sign-offs: the reason is
    # worked out (and worded) only for one that fails a check.
    from pctui.model import state

    def refuse(*args: object) -> str:
        raise AssertionError("invalid_reason was asked about a genuine sign-off")

    monkeypatch.setattr(state, "invalid_reason", refuse)
    item = forged(consultation)
    assert only_standing(consultation, item) == (VALID, "")
    assert type(standings(item, consultation.review)[0]) is state.Standing
