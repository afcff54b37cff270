"""Who may sign what: the stage-order rule and every refusal, each leaving the model as it was."""

from __future__ import annotations

import copy

import pytest

from pctui.model import (
    APPROVED,
    REJECT,
    Consultation,
    Refused,
    item_state,
    next_stage,
    revise,
    sign,
    withdraw,
)


def refused(consultation: Consultation, action: object, match: str) -> None:
    """Assert `action()` is refused with `match` in the message and changes nothing."""
    before = copy.deepcopy(consultation)
    with pytest.raises(Refused, match=match):
        action()  # type: ignore[operator]
    assert consultation == before


def test_the_first_stage_in_review_order_that_the_login_may_sign(
    consultation: Consultation,
) -> None:
    item = consultation.item(1)
    assert item is not None
    sign(consultation, 1, "yamada")
    # kimura may sign 係長 and 課長: 係長 comes first in review.stages.
    assert next_stage(consultation, item, "kimura") == "係長"
    sign(consultation, 1, "suzuki")
    # Once 係長 approved, kimura's first remaining stage is 課長.
    assert next_stage(consultation, item, "kimura") == "課長"


def test_a_login_with_two_stages_signs_only_one_per_revision(
    consultation: Consultation,
) -> None:
    sign(consultation, 1, "yamada")
    assert sign(consultation, 1, "kimura").stage == "係長"
    refused(
        consultation,
        lambda: sign(consultation, 1, "kimura"),
        "you already signed stage '係長' of No.1 revision 1",
    )
    # Another person completes 課長; a new revision lets kimura sign again.
    sign(consultation, 1, "sato")
    item = consultation.item(1)
    assert item is not None
    assert item_state(item, consultation.review) == APPROVED
    revise(consultation, 1, "tanaka", "回答1 改")
    sign(consultation, 1, "yamada")
    assert sign(consultation, 1, "kimura").stage == "係長"


def test_a_login_may_not_sign_a_stage_another_already_approved(
    consultation: Consultation,
) -> None:
    sign(consultation, 1, "yamada")
    refused(
        consultation,
        lambda: sign(consultation, 1, "yamada"),
        "already signed",
    )
    # tanaka wrote it; with 担当 approved by yamada there is nothing left for a 担当.
    consultation.review.allow_self_approval = True
    refused(
        consultation,
        lambda: sign(consultation, 1, "tanaka"),
        r"every stage you may sign \(担当\) already approved No\.1 \(by yamada at 担当\)$",
    )


def test_every_stage_of_a_login_approved(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada")
    sign(consultation, 1, "suzuki")
    sign(consultation, 1, "sato")
    refused(
        consultation,
        lambda: sign(consultation, 1, "kimura"),
        r"every stage you may sign \(係長, 課長\) already approved No\.1 "
        r"\(by suzuki at 係長, sato at 課長\)$",
    )


def test_self_approval_is_refused(consultation: Consultation) -> None:
    refused(
        consultation,
        lambda: sign(consultation, 1, "tanaka"),
        "you wrote revision 1 of No.1; another reviewer must sign it",
    )


def test_self_rejection_is_refused_too(consultation: Consultation) -> None:
    refused(
        consultation,
        lambda: sign(consultation, 1, "tanaka", REJECT, comment="自分で差し戻し"),
        "self-approval is off",
    )


def test_the_author_of_an_earlier_revision_may_sign_the_current_one(
    consultation: Consultation,
) -> None:
    revise(consultation, 1, "yamada", "回答1 改")
    assert sign(consultation, 1, "tanaka").stage == "担当"


def test_self_approval_allowed_when_configured(self_approving: Consultation) -> None:
    signoff = sign(self_approving, 1, "tanaka")
    assert (signoff.stage, signoff.by) == ("担当", "tanaka")


def test_not_a_reviewer_is_refused(consultation: Consultation) -> None:
    refused(
        consultation,
        lambda: sign(consultation, 1, "mallory"),
        r"'mallory' is not a reviewer of this consultation \(see \[review.reviewers\]\)",
    )


def test_an_item_without_a_draft_cannot_be_signed(consultation: Consultation) -> None:
    refused(consultation, lambda: sign(consultation, 3, "yamada"), "No.3 has no draft response")


def test_an_unknown_item_is_refused_naming_the_range(consultation: Consultation) -> None:
    refused(
        consultation,
        lambda: sign(consultation, 42, "yamada"),
        r"there is no item No\.42 \(items: 1\.\.3\)",
    )
    refused(consultation, lambda: withdraw(consultation, 0, "yamada"), "no item No.0")
    refused(consultation, lambda: revise(consultation, 9, "yamada", "x"), "no item No.9")


def test_a_reject_needs_a_comment(consultation: Consultation) -> None:
    refused(
        consultation,
        lambda: sign(consultation, 1, "yamada", REJECT),
        "needs a comment",
    )
    refused(
        consultation,
        lambda: sign(consultation, 1, "yamada", REJECT, comment="   "),
        "needs a comment",
    )


def test_an_unknown_verdict_is_refused(consultation: Consultation) -> None:
    refused(
        consultation,
        lambda: sign(consultation, 1, "yamada", "maybe"),
        "verdict must be 'approve' or 'reject'",
    )


def test_withdraw_without_a_sign_off_is_refused(consultation: Consultation) -> None:
    refused(
        consultation,
        lambda: withdraw(consultation, 1, "yamada"),
        "you have no sign-off on No.1 revision 1 to withdraw",
    )


def test_a_stale_sign_off_cannot_be_withdrawn(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada")
    revise(consultation, 1, "tanaka", "回答1 改")
    refused(consultation, lambda: withdraw(consultation, 1, "yamada"), "revision 2 to withdraw")


def test_a_withdrawn_sign_off_cannot_be_withdrawn_twice(consultation: Consultation) -> None:
    sign(consultation, 1, "yamada")
    withdraw(consultation, 1, "yamada")
    refused(consultation, lambda: withdraw(consultation, 1, "yamada"), "no sign-off")


def test_an_empty_revision_is_refused(consultation: Consultation) -> None:
    refused(consultation, lambda: revise(consultation, 1, "tanaka", " \n "), "text is empty")


def test_an_unchanged_revision_is_refused(consultation: Consultation) -> None:
    refused(
        consultation,
        lambda: revise(consultation, 1, "yamada", "回答1"),
        "the same as revision 1; nothing to save",
    )


def test_revise_reports_revisions_saved_since_the_author_started(
    consultation: Consultation,
) -> None:
    # yamada started from revision 2; tanaka saved revision 3 meanwhile.
    revise(consultation, 2, "tanaka", "tanaka の稿")
    done = revise(consultation, 2, "yamada", "yamada の稿", base=2)
    assert done.index == 4
    assert [r.author for r in done.concurrent] == ["tanaka"]
    assert revise(consultation, 2, "tanaka", "最終稿", base=4).concurrent == []


def test_a_first_revision_may_be_drafted_by_anyone(consultation: Consultation) -> None:
    # Drafting is not signing: a login outside review.reviewers may write a response.
    done = revise(consultation, 3, "clerk", "回答3")
    assert done.index == 1
    assert done.revision.author == "clerk"


def test_a_signoff_of_a_revision_no_longer_current_is_refused(
    consultation: Consultation,
) -> None:
    # yamada read revision 1; tanaka saved revision 2 meanwhile.
    revise(consultation, 1, "tanaka", "回答1 改")
    for verdict, comment in (("approve", None), (REJECT, "直してください")):
        refused(
            consultation,
            lambda verdict=verdict, comment=comment: sign(
                consultation, 1, "yamada", verdict, comment, seen=1
            ),
            "No.1 changed meanwhile: tanaka saved revision 2, and you read revision 1",
        )
    assert sign(consultation, 1, "yamada", seen=2).revision == 2
