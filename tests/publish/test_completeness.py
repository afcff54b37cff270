"""The check before publishing: what 行政手続法 第43条 needs, and which items are not approved."""

from __future__ import annotations

from pctui.model.actions import revise
from pctui.model.records import Consultation
from pctui.publish import completeness, unapproved


def _messages(consultation: Consultation, blocking: bool) -> list[str]:
    return [f.message for f in completeness(consultation) if f.blocking == blocking]


def test_the_small_fixture_blocks_nothing(small: Consultation) -> None:
    assert _messages(small, blocking=True) == []
    # No.4 carries control and bidi characters: published as visible marks, and said so.
    assert any("No.4" in m and "visible mark" in m for m in _messages(small, blocking=False))


def test_missing_title_dates_and_response_block(small: Consultation) -> None:
    small.meta.title = " "
    small.meta.opened = None
    small.meta.closed = None
    small.items[2].revisions.clear()
    found = completeness(small)
    blocking = {(f.where.table, f.where.key, f.where.no) for f in found if f.blocking}
    assert blocking == {
        ("consultation", "title", None),
        ("consultation", "opened", None),
        ("consultation", "closed", None),
        ("items", "opinion", 3),
    }
    assert any(f.message == "第43条: No.3 has no response" for f in found)


def test_counts_that_do_not_add_up(small: Consultation) -> None:
    small.intake.submitters = {"郵送": 0}
    assert any("no submitters" in m for m in _messages(small, blocking=True))
    small.intake.submitters = {"郵送": 50}
    assert any("fewer opinions (6" in m for m in _messages(small, blocking=False))
    small.intake.submitters = {"窓口": 1}
    assert any("'窓口'" in m for m in _messages(small, blocking=False))


def test_missing_places_and_organization_are_warnings(small: Consultation) -> None:
    small.meta.places = []
    small.meta.url = ""
    small.meta.organization = ""
    warnings = _messages(small, blocking=False)
    assert any("consultation.places" in m for m in warnings)
    assert any("organization" in m for m in warnings)


def test_no_items_is_published_as_none(small: Consultation) -> None:
    small.items = []
    small.intake.submitters = {}
    assert _messages(small, blocking=True) == []
    assert any("なし" in m for m in _messages(small, blocking=False))


def test_unapproved_lists_items_whose_current_revision_lacks_approval(small: Consultation) -> None:
    assert unapproved(small) == []
    revise(small, 2, "haruto", "新しい回答案です。")
    assert [(item.no, state) for item, state in unapproved(small)] == [(2, "draft")]


def test_totals_as_published_count_without_a_table_by_method(small: Consultation) -> None:
    """A result imported as published ("33者62件") has its submitters as printed and no
    count by method: publishing goes ahead on those, as the result prints them."""
    small.format = 2
    small.intake.submitters = {}
    assert any("no submitters" in m for m in _messages(small, blocking=True))
    small.intake.published_submitters, small.intake.published_opinions = 33, 62
    assert not any("no submitters" in m for m in _messages(small, blocking=True))
    small.intake.published_submitters = 70  # more submitters than opinions printed
    assert any("fewer opinions (62" in m for m in _messages(small, blocking=False))
