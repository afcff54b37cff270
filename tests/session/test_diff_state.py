"""Which revisions the diff compares and how it is shown (pure)."""

from __future__ import annotations

import datetime as dt

from pctui.model.records import APPROVE, Item, Revision, Signoff
from pctui.session.diff_state import (
    HIDDEN,
    INLINE,
    SIDE_BY_SIDE,
    DiffBase,
    DiffMode,
    default_base,
    newer,
    next_mode,
    older,
)

AT = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def item_with(revisions: int, signed: list[tuple[str, int, bool]]) -> Item:
    texts = [Revision("tanaka", AT, f"第{n}版") for n in range(1, revisions + 1)]
    signoffs = [
        Signoff("係長", by, AT, rev, texts[rev - 1].digest, APPROVE,
                withdrawn=AT if withdrawn else None)
        for by, rev, withdrawn in signed
    ]  # fmt: skip
    return Item(no=1, section="1", opinion="意見", revisions=texts, signoffs=signoffs)


def test_modes_cycle() -> None:
    assert [next_mode(m) for m in (INLINE, SIDE_BY_SIDE, HIDDEN)] == [SIDE_BY_SIDE, HIDDEN, INLINE]


def test_the_modes_are_one_type_in_the_order_d_cycles() -> None:
    assert list(DiffMode) == [INLINE, SIDE_BY_SIDE, HIDDEN]
    assert all(type(next_mode(mode)) is DiffMode for mode in DiffMode)


def test_default_is_the_previous_revision_or_nothing() -> None:
    assert default_base(item_with(0, []), "suzuki") is None
    assert default_base(item_with(1, []), "suzuki") is None
    assert default_base(item_with(3, []), "suzuki") == DiffBase(2, "previous revision")


def test_default_starts_from_my_last_signoff_unless_withdrawn() -> None:
    item = item_with(4, [("suzuki", 1, False), ("suzuki", 2, False), ("sato", 3, False)])
    assert default_base(item, "suzuki") == DiffBase(2, "since your sign-off")
    item = item_with(4, [("suzuki", 1, False), ("suzuki", 2, True)])
    assert default_base(item, "suzuki") == DiffBase(1, "since your sign-off")
    item = item_with(2, [("suzuki", 2, False)])  # signed the current one: previous
    assert default_base(item, "suzuki") == DiffBase(1, "previous revision")


def test_older_and_newer_stop_at_the_ends() -> None:
    item = item_with(3, [])
    assert older(item, DiffBase(2, "x")) == DiffBase(1, "chosen")
    assert older(item, DiffBase(1, "x")) is None
    assert newer(item, DiffBase(1, "x")) == DiffBase(2, "chosen")
    assert newer(item, DiffBase(2, "x")) is None
    assert older(item, None) is None and newer(item, None) is None
