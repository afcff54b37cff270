"""The derived-state cache: recomputed when an item's state may have changed, including
format 2's changes to its opinions and summary, which leave its sign-offs stale."""

from __future__ import annotations

from pathlib import Path

from tests.session.format_two_file import write_format_two

from pctui.model.opinions import add_summary, move_opinion
from pctui.model.state import item_state
from pctui.session.derived import DerivedCache
from pctui.storage import ConsultationFile


def test_a_summary_or_a_moved_opinion_changes_the_cached_state(tmp_path: Path) -> None:
    consultation = ConsultationFile.load(write_format_two(tmp_path / "f2.toml")).consultation
    review, cache = consultation.review, DerivedCache()
    first, second = consultation.item(1), consultation.item(2)
    assert first is not None and second is not None
    signed = cache.of(first, review).state
    assert cache.of(second, review).state == signed
    add_summary(consultation, 1, "yamada", "駐輪場に関するご意見")
    assert cache.of(first, review).state == item_state(first, review) != signed
    move_opinion(consultation, 1, "4", 2, login="tanaka")
    assert cache.of(second, review).state == item_state(second, review) != signed
