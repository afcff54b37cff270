"""Fixtures for the pure model tests: a consultation built in memory, no file involved."""

from __future__ import annotations

import datetime as dt

import pytest

from pctui.model import Consultation, Intake, Item, Meta, Review, Reviewer, Revision, Section

JST = dt.timezone(dt.timedelta(hours=9))
T0 = dt.datetime(2025, 12, 1, 9, 0, tzinfo=JST)
STAGES = ["担当", "係長", "課長"]
# The sample's reviewers: two 担当, one 係長, one 課長, and kimura who may sign 係長 and 課長.
REVIEWERS = {
    "tanaka": ("担当",),
    "yamada": ("担当",),
    "suzuki": ("係長",),
    "sato": ("課長",),
    "kimura": ("係長", "課長"),
}


def make_consultation(allow_self_approval: bool = False) -> Consultation:
    """Item 1 has one revision by tanaka, item 2 two revisions by yamada, item 3 none."""
    review = Review(
        stages=list(STAGES),
        reviewers={login: Reviewer(login, stages) for login, stages in REVIEWERS.items()},
        allow_self_approval=allow_self_approval,
    )
    items = [
        Item(1, "1", "ご意見1", revisions=[Revision("tanaka", T0, "回答1")]),
        Item(
            2,
            "1",
            "ご意見2",
            revisions=[Revision("yamada", T0, "初稿"), Revision("yamada", T0, "第二稿")],
        ),
        Item(3, "2", "ご意見3"),
    ]
    return Consultation(
        meta=Meta(id="test", title="テスト"),
        intake=Intake(),
        review=review,
        sections=[Section("1", "第1章"), Section("2", "第2章")],
        items=items,
    )


@pytest.fixture
def consultation() -> Consultation:
    """A fresh in-memory consultation (self-approval off)."""
    return make_consultation()


@pytest.fixture
def self_approving() -> Consultation:
    """The same consultation with `allow_self_approval = true`."""
    return make_consultation(allow_self_approval=True)
