"""`progress` (one pass, computed for every item by `status` and `validate`) gives what its
definition in words gives, for any sign-offs a file could hold; `my_turn` too."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pctui.model import APPROVE, REJECT, Item, Review, Reviewer, Revision, Signoff
from pctui.model.actions import Refused, _stage, my_turn, turn_test
from pctui.model.state import (
    APPROVED,
    CHANGES_REQUESTED,
    DRAFT,
    IN_REVIEW,
    progress,
    standings,
)

AT = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
LOGINS = ["tanaka", "suzuki", "sato", "kimura", "nobody"]
REVIEW_STAGES = [[], ["担当"], ["担当", "係長", "課長"], ["担当", "係長", "課長"], ["担当", "担当"]]
TEXTS = ["回答", "改訂"]


def _review(stages: list[str], order: str, self_approval: bool = False) -> Review:
    return Review(
        stages=stages,
        reviewers={
            "tanaka": Reviewer("tanaka", ("担当",)),
            "suzuki": Reviewer("suzuki", ("係長",)),
            "sato": Reviewer("sato", ("課長",)),
            "kimura": Reviewer("kimura", ("係長", "課長")),
        },
        allow_self_approval=self_approval,
        order=order,
    )


# (stage and signer, revision (-1: the current one), digest of that revision or of another
# text, verdict, withdrawn): weighted so that most sign-offs could be genuine, and every rule
# is reached.
PAIRS = [("担当", "tanaka"), ("係長", "suzuki"), ("課長", "sato"), ("係長", "kimura")]
PAIRS += [("課長", "kimura"), ("担当", "suzuki"), ("部長", "sato"), ("担当", "nobody")]
SIGNOFF = st.tuples(
    st.sampled_from(PAIRS),
    st.sampled_from([-1, -1, -1, 1, 0, 3]),
    st.sampled_from([True, True, True, False]),
    st.sampled_from([APPROVE] * 4 + [REJECT, "maybe"]),
    st.sampled_from([False] * 5 + [True]),
)


Drawn = tuple[tuple[str, str], int, bool, str, bool]


def _signoffs(item: Item, drawn: list[Drawn]) -> list[Signoff]:
    made = []
    for (stage, by), number, right, verdict, withdrawn in drawn:
        revision = len(item.revisions) if number == -1 else number
        signed = item.revisions[revision - 1].text if 1 <= revision <= len(item.revisions) else ""
        made.append(
            Signoff(
                stage=stage,
                by=by,
                at=AT,
                revision=revision,
                digest=Revision("x", AT, signed if right else "別文").digest,
                verdict=verdict,
                withdrawn=AT if withdrawn else None,
            )
        )
    return made


def _by_definition(item: Item, review: Review) -> tuple[str, list[str]]:
    valid = [s.signoff for s in standings(item, review) if s.counts]
    approved = {s.stage for s in valid if s.verdict == APPROVE}
    if any(s.verdict == REJECT for s in valid):
        state = CHANGES_REQUESTED
    elif review.stages and approved >= set(review.stages):
        state = APPROVED
    elif approved:
        state = IN_REVIEW
    else:
        state = DRAFT
    return state, [stage for stage in review.stages if stage in approved]


@settings(max_examples=600)
@given(
    st.lists(st.sampled_from(TEXTS), max_size=2),
    st.lists(SIGNOFF, max_size=8),
    st.sampled_from(REVIEW_STAGES),
    st.sampled_from(["stages", "any"]),
    st.sampled_from(LOGINS),
    st.sampled_from(["yamada", "tanaka"]),  # tanaka reviews: his own words he may not sign
)
def test_progress_is_its_definition(
    texts: list[str],
    drawn: list[Drawn],
    stages: list[str],
    order: str,
    login: str,
    author: str,
) -> None:
    item = Item(1, "1", "ご意見", revisions=[Revision(author, AT, text) for text in texts])
    item.signoffs = _signoffs(item, drawn)
    review = _review(stages, order)
    found = progress(item, review)
    assert (found.state, found.approved) == _by_definition(item, review)
    assert found.standings == standings(item, review)
    turn = my_turn(review, item, found, login)
    assert not turn or login in review.reviewers
    # my_turn is the approval `next_stage` would find, asked without its refusals.
    try:
        _stage(review, item, found, login, APPROVE)
    except Refused:
        assert not turn
    else:
        assert turn


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(TEXTS), max_size=2),
            st.lists(SIGNOFF, max_size=6),
            st.sampled_from(["yamada", "tanaka"]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(REVIEW_STAGES),
    st.sampled_from(["stages", "any"]),
    st.sampled_from(LOGINS),
    st.booleans(),
)
def test_one_turn_test_asked_of_many_items_is_my_turn_for_each(
    drawn_items: list[tuple[list[str], list[Drawn], str]],
    stages: list[str],
    order: str,
    login: str,
    self_approval: bool,
) -> None:
    # `status` makes one test and asks it of every item: what it keeps between items
    # (the stages open after each set of approved ones) must not leak into another's answer,
    # with the author's own sign-off allowed or not.
    review = _review(stages, order, self_approval)
    turn = turn_test(review, login)
    for no, (texts, drawn, author) in enumerate(drawn_items, start=1):
        item = Item(no, "1", "ご意見", revisions=[Revision(author, AT, t) for t in texts])
        item.signoffs = _signoffs(item, drawn)
        found = progress(item, review)
        try:
            _stage(review, item, found, login, APPROVE)
        except Refused:
            assert not turn(item, found)
        else:
            assert turn(item, found)


def test_an_item_without_signoffs_is_a_draft_with_nothing_approved() -> None:
    item = Item(1, "1", "ご意見", revisions=[Revision("yamada", AT, "回答")])
    found = progress(item, _review(["担当"], "stages"))
    assert (found.state, found.approved, found.standings) == (DRAFT, [], [])
    assert not my_turn(_review(["担当"], "stages"), item, found, "nobody")
    assert my_turn(_review(["担当"], "stages"), item, found, "tanaka")
