"""The progress board's numbers (pctui.session.board): per section, assignee and stage, the
days left to publish_by, the items longest in their state, and the bars' cells."""

from __future__ import annotations

import datetime as dt

from pctui.model import text_digest
from pctui.model.records import (
    APPROVE,
    REJECT,
    Assignment,
    Consultation,
    Intake,
    Item,
    Meta,
    Review,
    Reviewer,
    Revision,
    Section,
    Signoff,
    Verdict,
)
from pctui.model.state import APPROVED, CHANGES_REQUESTED, DRAFT, IN_REVIEW
from pctui.session.board import build_board, segments

JST = dt.timezone(dt.timedelta(hours=9))
STAGES = ["担当", "係長", "課長"]


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2025, 12, day, hour, tzinfo=JST)


def drafted(no: int, section: str, day: int, *signs: tuple[str, str, Verdict, int]) -> Item:
    text = f"回答{no}"
    signoffs = [
        Signoff(stage, by, at(when), 1, text_digest(text), verdict)
        for stage, by, verdict, when in signs
    ]
    return Item(no, section, f"ご意見{no}", revisions=[Revision("tanaka", at(day), text)],
                signoffs=signoffs)  # fmt: skip


def consultation(publish_by: dt.date | None = None) -> Consultation:
    reviewers = {
        "yamada": Reviewer("yamada", ("担当",)),
        "suzuki": Reviewer("suzuki", ("係長",)),
        "sato": Reviewer("sato", ("課長",)),
    }
    items = [
        # 1: approved at every stage; 2: approved by 担当, waiting for 係長;
        # 3: 係長 requested changes; 4: drafted, waiting for 担当; 5: no draft yet.
        drafted(1, "1", 1, ("担当", "yamada", APPROVE, 2), ("係長", "suzuki", APPROVE, 3),
                ("課長", "sato", APPROVE, 4)),
        drafted(2, "1", 2, ("担当", "yamada", APPROVE, 5)),
        drafted(3, "2", 3, ("担当", "yamada", APPROVE, 4), ("係長", "suzuki", REJECT, 6)),
        drafted(4, "2", 8),
        Item(5, "2", "ご意見5"),
    ]  # fmt: skip
    meta = Meta(id="board", title="ボード", closed=dt.date(2025, 11, 30), publish_by=publish_by)
    return Consultation(
        meta=meta,
        intake=Intake(),
        review=Review(STAGES, reviewers),
        sections=[Section("1", "第1章"), Section("2", "第2章"), Section("3", "第3章")],
        items=items,
    )


NOW = dt.datetime(2025, 12, 10, 12, tzinfo=JST)


def test_counts_per_section_and_in_all() -> None:
    board = build_board(consultation(), NOW)
    assert board.total == 5
    assert board.counts == {DRAFT: 2, IN_REVIEW: 1, CHANGES_REQUESTED: 1, APPROVED: 1}
    by_section = {bar.label: bar.counts for bar in board.sections}
    assert by_section["第1章"] == {DRAFT: 0, IN_REVIEW: 1, CHANGES_REQUESTED: 0, APPROVED: 1}
    assert by_section["第2章"] == {DRAFT: 2, IN_REVIEW: 0, CHANGES_REQUESTED: 1, APPROVED: 0}
    # A section without items is on the board, with an empty bar.
    assert by_section["第3章"] == {DRAFT: 0, IN_REVIEW: 0, CHANGES_REQUESTED: 0, APPROVED: 0}


def test_per_stage_each_item_where_it_stands_at_that_stage() -> None:
    stages = {bar.key: bar.counts for bar in build_board(consultation(), NOW).stages}
    # 担当 approved 1-3; 4 waits for 担当; 5 has nothing to approve.
    assert stages["担当"] == {DRAFT: 1, IN_REVIEW: 1, CHANGES_REQUESTED: 0, APPROVED: 3}
    # 係長 approved 1, waited on by 2, rejected 3; 4 and 5 have not reached it.
    assert stages["係長"] == {DRAFT: 2, IN_REVIEW: 1, CHANGES_REQUESTED: 1, APPROVED: 1}
    assert stages["課長"] == {DRAFT: 4, IN_REVIEW: 0, CHANGES_REQUESTED: 0, APPROVED: 1}


def test_every_item_unassigned_without_assignees() -> None:
    board = build_board(consultation(), NOW)
    assert [(bar.key, bar.total) for bar in board.assignees] == [("", 5)]


def test_counts_per_assignee_with_the_unassigned_last() -> None:
    found = consultation()
    for no, login in ((1, "yamada"), (3, "tanaka"), (4, "yamada")):
        item = found.item(no)
        assert item is not None
        item.assignments.append(Assignment(login, "suzuki", at(1)))
    # 2 was given to tanaka, then taken off everyone: unassigned again.
    two = found.item(2)
    assert two is not None
    two.assignments += [Assignment("tanaka", "suzuki", at(1)), Assignment("", "suzuki", at(2))]
    board = build_board(found, NOW)
    assert [(bar.key, bar.counts) for bar in board.assignees] == [
        ("tanaka", {DRAFT: 0, IN_REVIEW: 0, CHANGES_REQUESTED: 1, APPROVED: 0}),
        ("yamada", {DRAFT: 1, IN_REVIEW: 0, CHANGES_REQUESTED: 0, APPROVED: 1}),
        ("", {DRAFT: 1, IN_REVIEW: 1, CHANGES_REQUESTED: 0, APPROVED: 0}),
    ]


def test_days_left_to_publish_by() -> None:
    assert build_board(consultation(), NOW).days_left is None
    board = build_board(consultation(dt.date(2025, 12, 24)), NOW)
    assert (board.publish_by, board.days_left) == (dt.date(2025, 12, 24), 14)
    assert build_board(consultation(dt.date(2025, 12, 10)), NOW).days_left == 0
    assert build_board(consultation(dt.date(2025, 12, 7)), NOW).days_left == -3


def test_days_left_counted_in_the_consultations_zone() -> None:
    # 23:30 UTC on the 9th is already the 10th in Tokyo.
    late = dt.datetime(2025, 12, 9, 23, 30, tzinfo=dt.UTC)
    assert build_board(consultation(dt.date(2025, 12, 11)), late).days_left == 1


def test_oldest_in_their_state_leaves_out_approved_items() -> None:
    board = build_board(consultation(), NOW)
    # 5 (no draft) waits since the close, 30 Nov; 2 since 担当 approved on the 5th;
    # 3 since the rejection on the 6th; 4 since its draft on the 8th. 1 is approved.
    assert [(w.no, w.state, w.days) for w in board.oldest] == [
        (5, DRAFT, 10), (2, IN_REVIEW, 5), (3, CHANGES_REQUESTED, 4), (4, DRAFT, 2),
    ]  # fmt: skip
    assert [w.no for w in build_board(consultation(), NOW, limit=2).oldest] == [5, 2]


def test_a_withdrawal_restarts_the_time_in_state() -> None:
    found = consultation()
    item = found.item(2)
    assert item is not None
    item.signoffs[0].withdrawn = at(9)  # 担当's approval taken back: a draft again since the 9th
    waiting = {w.no: (w.state, w.days) for w in build_board(found, NOW).oldest}
    assert waiting[2] == (DRAFT, 1)


def test_segments_fill_the_width_and_show_every_state() -> None:
    counts = {DRAFT: 1, IN_REVIEW: 0, CHANGES_REQUESTED: 1, APPROVED: 98}
    cells = segments(counts, 20)
    assert sum(width for _, width in cells) == 20
    # Work done first; a single item still gets a cell.
    assert cells == [(APPROVED, 18), (CHANGES_REQUESTED, 1), (DRAFT, 1)]
    assert segments({DRAFT: 0, IN_REVIEW: 0, CHANGES_REQUESTED: 0, APPROVED: 0}, 20) == []
    assert segments({DRAFT: 1, IN_REVIEW: 1, CHANGES_REQUESTED: 0, APPROVED: 2}, 8) == [
        (APPROVED, 4), (IN_REVIEW, 2), (DRAFT, 2),
    ]  # fmt: skip
