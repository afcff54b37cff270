"""決裁 in order: a stage approves only after every earlier stage has approved the current
revision, unless the file says `[review] order = "any"` (後閲); a request for changes never
waits. `my_turn` is the question `n`, the "needs my sign-off" filter and `status` ask."""

from __future__ import annotations

import copy

import pytest

from pctui.model import (
    ANY_ORDER,
    APPROVED,
    CHANGES_REQUESTED,
    REJECT,
    Consultation,
    Item,
    Refused,
    item_state,
    my_turn,
    progress,
    revise,
    sign,
    withdraw,
)


def item_one(consultation: Consultation) -> Item:
    item = consultation.item(1)
    assert item is not None
    return item


def turns(consultation: Consultation) -> list[str]:
    """The logins whose turn it is to approve item 1, in the fixture's order."""
    item = item_one(consultation)
    found = progress(item, consultation.review)
    logins = ("tanaka", "yamada", "suzuki", "sato", "kimura")
    return [login for login in logins if my_turn(consultation.review, item, found, login)]


def refused_in_order(consultation: Consultation, login: str, message: str) -> None:
    """`login`'s approval of item 1 is refused with `message`, changing nothing."""
    before = copy.deepcopy(consultation)
    with pytest.raises(Refused) as refusal:
        sign(consultation, 1, login)
    assert str(refusal.value) == message
    assert consultation == before


def test_a_later_stage_may_not_approve_before_the_earlier_ones(
    consultation: Consultation,
) -> None:
    refused_in_order(
        consultation,
        "sato",
        "No.1 is waiting for 担当, 係長: 課長 may approve revision 1 only after every "
        'earlier stage has approved it (review.order = "stages")',
    )
    refused_in_order(
        consultation,
        "suzuki",
        "No.1 is waiting for 担当: 係長 may approve revision 1 only after every "
        'earlier stage has approved it (review.order = "stages")',
    )
    # kimura holds 係長 and 課長: neither is next.
    refused_in_order(
        consultation,
        "kimura",
        "No.1 is waiting for 担当: 係長 may approve revision 1 only after every "
        'earlier stage has approved it (review.order = "stages")',
    )
    assert sign(consultation, 1, "yamada").stage == "担当"
    refused_in_order(
        consultation,
        "sato",
        "No.1 is waiting for 係長: 課長 may approve revision 1 only after every "
        'earlier stage has approved it (review.order = "stages")',
    )
    assert sign(consultation, 1, "suzuki").stage == "係長"
    assert sign(consultation, 1, "sato").stage == "課長"
    assert item_state(item_one(consultation), consultation.review) == APPROVED


def test_the_earlier_approvals_must_be_of_the_current_revision(
    consultation: Consultation,
) -> None:
    sign(consultation, 1, "yamada")
    sign(consultation, 1, "suzuki")
    revise(consultation, 1, "tanaka", "回答1（修正）")
    with pytest.raises(
        Refused, match=r"No\.1 is waiting for 担当, 係長: 課長 may approve revision 2"
    ):
        sign(consultation, 1, "sato")


def test_a_withdrawn_earlier_approval_stops_the_later_stages(
    consultation: Consultation,
) -> None:
    sign(consultation, 1, "yamada")
    withdraw(consultation, 1, "yamada")
    with pytest.raises(Refused, match=r"No\.1 is waiting for 担当: 係長 may approve"):
        sign(consultation, 1, "suzuki")


def test_any_stage_one_holds_may_request_changes_out_of_order(
    consultation: Consultation,
) -> None:
    signoff = sign(consultation, 1, "sato", REJECT, comment="根拠を示してください")
    assert (signoff.stage, signoff.verdict) == ("課長", REJECT)
    assert item_state(item_one(consultation), consultation.review) == CHANGES_REQUESTED
    # kimura requests changes at the first stage it holds that has not approved.
    assert sign(consultation, 1, "kimura", REJECT, comment="再検討").stage == "係長"


def test_any_order_allows_approval_after_the_fact(consultation: Consultation) -> None:
    consultation.review.order = ANY_ORDER
    assert sign(consultation, 1, "sato").stage == "課長"
    assert sign(consultation, 1, "kimura").stage == "係長"
    assert sign(consultation, 1, "yamada").stage == "担当"
    assert item_state(item_one(consultation), consultation.review) == APPROVED


def test_my_turn_is_the_stage_that_is_next(consultation: Consultation) -> None:
    # tanaka wrote item 1, so only yamada may sign 担当.
    assert turns(consultation) == ["yamada"]
    sign(consultation, 1, "yamada")
    assert turns(consultation) == ["suzuki", "kimura"]
    sign(consultation, 1, "kimura")
    assert turns(consultation) == ["sato"]  # kimura signed 係長 and may not sign 課長 too
    sign(consultation, 1, "sato")
    assert turns(consultation) == []


def test_in_any_order_every_open_stage_is_someones_turn(consultation: Consultation) -> None:
    consultation.review.order = ANY_ORDER
    assert turns(consultation) == ["yamada", "suzuki", "sato", "kimura"]
    sign(consultation, 1, "sato")
    assert turns(consultation) == ["yamada", "suzuki", "kimura"]


def test_an_item_with_a_request_for_changes_is_nobody_elses_turn_at_that_stage(
    consultation: Consultation,
) -> None:
    sign(consultation, 1, "yamada", REJECT, comment="表現を改めてください")
    # 担当 has not approved: only another 担当 could, and tanaka wrote the draft.
    assert turns(consultation) == []
