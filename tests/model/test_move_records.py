"""Each move, merge and split is recorded in the items it changed (who, when, which
opinions, from and to, the item's basis before and after: docs/format.md "Records of
moves"), and the item's history lists it with the sign-offs it left stale or made stand
again. Without the records a reviewer asking why an approval went stale could not see that
an opinion had been moved in."""

from __future__ import annotations

import datetime as dt

from tests.model.test_opinion_actions import AT, approve, format_two, item

from pctui.model import add_summary, basis_digest, merge_items, move_opinion, sign, split_item
from pctui.model.history import EventKind, item_events
from pctui.model.records import Move, MoveAction

LATER = AT + dt.timedelta(hours=1)


def test_a_move_is_recorded_in_both_items() -> None:
    consultation = format_two()
    before = {no: basis_digest(item(consultation, no)) for no in (1, 2)}
    move_opinion(consultation, 1, "2", 2, login="tanaka", at=LATER)
    after = {no: basis_digest(item(consultation, no)) for no in (1, 2)}
    expected = [Move(MoveAction.MOVE, 1, 2, ("2",), "tanaka", LATER, before[no], after[no])
                for no in (1, 2)]  # fmt: skip
    assert [item(consultation, 1).moves, item(consultation, 2).moves] == [[e] for e in expected]
    assert item(consultation, 3).moves == []


def test_a_merge_is_recorded_in_the_item_merged_into_and_a_split_in_both() -> None:
    consultation = format_two()
    was = basis_digest(item(consultation, 1))
    merge_items(consultation, 2, 1, login="suzuki", at=LATER)
    (merged,) = item(consultation, 1).moves
    assert (merged.action, merged.source, merged.target, merged.labels) == (
        MoveAction.MERGE, 2, 1, ("4",)
    )  # fmt: skip
    assert (merged.by, merged.was, merged.basis) == (
        "suzuki",
        was,
        basis_digest(item(consultation, 1)),
    )
    new = split_item(consultation, 1, ["4"], login="suzuki", at=LATER)
    assert item(consultation, 1).moves[-1].action == MoveAction.SPLIT
    assert item(consultation, 1).moves[-1].basis == was  # as before the merge
    (split,) = new.moves
    assert (split.source, split.target, split.labels, split.was) == (1, new.no, ("4",), "")


def test_history_names_the_sign_offs_a_move_left_stale_and_those_it_made_stand_again() -> None:
    consultation = format_two()
    approve(consultation, 1)
    move_opinion(consultation, 1, "3", 2, login="tanaka", at=LATER)
    move_opinion(consultation, 2, "3", 1, login="tanaka", at=LATER + dt.timedelta(hours=1))
    events = item_events(item(consultation, 1), consultation.review)
    kinds = [event.kind for event in events]
    assert kinds == [EventKind.REVISION, *[EventKind.SIGNOFF] * 3, EventKind.MOVE, EventKind.MOVE]
    out, back = events[-2:]
    assert [n for n, _s in out.stale] == [1, 2, 3] and out.again == ()
    assert [s.by for _n, s in out.stale] == ["yamada", "suzuki", "sato"]
    assert back.stale == () and [n for n, _s in back.again] == [1, 2, 3]
    # No.2 had no sign-off: its records name none.
    assert all(e.stale == () == e.again for e in item_events(item(consultation, 2)))


def test_sign_offs_given_after_a_move_or_withdrawn_before_it_are_not_named() -> None:
    consultation = format_two()
    move_opinion(consultation, 1, "3", 2, login="tanaka", at=AT)
    approve(consultation, 1)  # signed at AT, the same moment: after the move's basis
    moved = item_events(item(consultation, 1), consultation.review)
    assert all(event.stale == () for event in moved)
    move_opinion(consultation, 1, "2", 2, login="tanaka", at=LATER)
    last = item_events(item(consultation, 1), consultation.review)[-1]
    assert [s.by for _n, s in last.stale] == ["yamada", "suzuki", "sato"]


def test_a_sign_off_without_a_basis_is_left_stale_by_the_first_move() -> None:
    """Given in format 1 (no basis), it stood while the item had format 1's shape: the
    first move out of it left it stale; after a summary nothing it stood on is there."""
    consultation = format_two()
    only = item(consultation, 2)  # one opinion, labelled 4, not its No.: give it its No.
    only.opinions = [only.opinions[0].__class__("2", "意見四")]
    consultation.format = 1
    for login in ("tanaka", "suzuki", "sato"):
        sign(consultation, 2, login, at=AT)
    consultation.format = 2
    assert all(s.basis is None for s in only.signoffs)
    move_opinion(consultation, 1, "3", 2, login="tanaka", at=LATER)
    moved_in = item_events(only, consultation.review)[-1]
    assert [s.by for _n, s in moved_in.stale] == ["tanaka", "suzuki", "sato"]
    add_summary(consultation, 2, "tanaka", "概要", at=LATER + dt.timedelta(hours=1))
    move_opinion(consultation, 2, "3", 1, login="tanaka", at=LATER + dt.timedelta(hours=2))
    back = item_events(only, consultation.review)[-1]
    assert back.stale == () and back.again == ()  # the summary keeps it stale


def test_a_sign_off_without_a_basis_already_stale_before_the_records_is_not_named() -> None:
    """A format-2 file from before moves were recorded: No.1 (three opinions) lost format
    1's shape unrecorded, so its format-1 sign-offs were stale already; the first recorded
    move did not leave them stale and does not name them."""
    consultation = format_two()
    first = item(consultation, 1)
    consultation.format = 1
    first.opinions = [first.opinions[0].__class__("1", "意見一")]
    approve(consultation, 1)  # in format 1: no basis
    consultation.format = 2
    first.opinions = format_two().items[0].opinions  # three, moved in unrecorded
    move_opinion(consultation, 1, "3", 2, login="tanaka", at=LATER)
    assert item_events(first, consultation.review)[-1].stale == ()
