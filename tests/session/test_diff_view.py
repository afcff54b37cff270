"""The diff's view state in one object: the mode d cycles, the base [ and ] move, chosen
afresh for each item and each new revision (pure)."""

from __future__ import annotations

from dataclasses import replace

from pctui.model.records import Revision
from pctui.session.diff_state import HIDDEN, INLINE, SIDE_BY_SIDE, DiffBase
from pctui.session.diff_view import DiffView

from .test_diff_state import AT, item_with


def test_the_mode_cycles_and_a_hidden_diff_cannot_move() -> None:
    view, item = DiffView("suzuki"), item_with(3, [])
    assert (view.mode, view.shown, view.can_move(item, to_older=True)) == (INLINE, True, True)
    view.cycle()
    assert view.mode == SIDE_BY_SIDE
    view.cycle()
    assert (view.mode, view.shown) == (HIDDEN, False)
    assert not view.can_move(item, to_older=True) and not view.can_move(item, to_older=False)
    view.cycle()
    assert view.mode == INLINE


def test_the_base_moves_and_stops_at_the_ends() -> None:
    view, item = DiffView("suzuki"), item_with(4, [("suzuki", 2, False)])
    assert view.base(item) == DiffBase(2, "since your sign-off")
    assert view.move(item, to_older=False) and view.base(item) == DiffBase(3, "chosen")
    assert not view.can_move(item, to_older=False) and not view.move(item, to_older=False)
    assert view.base(item) == DiffBase(3, "chosen")
    assert view.move(item, to_older=True) and view.move(item, to_older=True)
    assert view.base(item) == DiffBase(1, "chosen") and not view.move(item, to_older=True)


def test_another_item_or_a_new_revision_chooses_the_base_afresh() -> None:
    view, item = DiffView("suzuki"), item_with(3, [])
    view.move(item, to_older=True)
    assert view.base(item) == DiffBase(1, "chosen")
    other = replace(item, no=2)
    assert view.base(other) == DiffBase(2, "previous revision")
    view.move(other, to_older=True)
    revised = replace(other, revisions=[*other.revisions, Revision("tanaka", AT, "第4版")])
    assert view.base(revised) == DiffBase(3, "previous revision")
    assert view.base(None) is None
