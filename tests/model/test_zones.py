"""Times in the consultation's zone, not the server's: which zone, and new times stored in it.

The process clock is set to UTC (TZ=UTC, as on most cloud machines): what the office sees
must not depend on it.
"""

from __future__ import annotations

import datetime as dt
import time
import zoneinfo
from collections.abc import Iterator
from dataclasses import replace

import pytest
from tests.model.conftest import make_consultation

from pctui.model import Consultation, revise, sign, withdraw
from pctui.model.zones import consultation_zone, in_zone, now_in, zone_named

UTC_STAMP = dt.datetime(2025, 12, 15, 13, 16, 59, tzinfo=dt.UTC)
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
NINE_HOURS = dt.timedelta(hours=9)


@pytest.fixture(autouse=True)
def utc_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's own zone is UTC for the test (and the machine's again after it)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def stamped_utc(consultation: Consultation) -> Consultation:
    """Every time in the consultation rewritten as UTC (a file written on a UTC server)."""
    for item in consultation.items:
        item.revisions = [replace(r, at=r.at.astimezone(dt.UTC)) for r in item.revisions]
    return consultation


def test_the_named_zone_comes_first() -> None:
    consultation = make_consultation()
    consultation.meta.timezone = "America/New_York"
    assert consultation_zone(consultation) == zoneinfo.ZoneInfo("America/New_York")


def test_else_the_offset_the_files_own_times_were_written_with() -> None:
    consultation = make_consultation()
    consultation.meta.language = "en"
    eastern = dt.timezone(dt.timedelta(hours=-5))
    item = consultation.items[1]
    item.revisions = [replace(r, at=r.at.astimezone(eastern)) for r in item.revisions]
    first = consultation.items[0]
    first.revisions = [replace(first.revisions[0], at=UTC_STAMP)]  # UTC tells nothing
    assert consultation_zone(consultation) == dt.timezone(dt.timedelta(hours=-5))


def test_else_the_zone_of_its_language() -> None:
    japanese = stamped_utc(make_consultation())
    assert consultation_zone(japanese) == TOKYO
    english = stamped_utc(make_consultation())
    english.meta.language = "en"
    assert consultation_zone(english) is None  # English is spoken in many zones: the system's


def test_a_name_that_is_no_zone_is_passed_over() -> None:
    consultation = stamped_utc(make_consultation())
    for name in ["Asia/Tokio", "localtime", "Asia", "../etc/passwd", "", "Asia/Tokyo\n"]:
        assert zone_named(name) is None, name
        consultation.meta.timezone = name
        assert consultation_zone(consultation) == TOKYO  # its language's, as if unnamed


def test_a_signoff_on_a_utc_server_is_stored_in_the_office_zone() -> None:
    consultation = stamped_utc(make_consultation())
    signed = sign(consultation, 1, "yamada")
    assert signed.at.utcoffset() == NINE_HOURS
    assert signed.at.isoformat().endswith("+09:00")
    assert abs(signed.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    withdrawn = withdraw(consultation, 1, "yamada")
    assert withdrawn.withdrawn is not None and withdrawn.withdrawn.utcoffset() == NINE_HOURS
    revised = revise(consultation, 3, "tanaka", "新しい回答")
    assert revised.revision.at.utcoffset() == NINE_HOURS


def test_a_named_zone_gives_its_offset_of_the_moment() -> None:
    consultation = make_consultation()
    consultation.meta.timezone = "Europe/London"
    signed = sign(consultation, 1, "yamada")
    london = zoneinfo.ZoneInfo("Europe/London").utcoffset(dt.datetime.now())
    assert signed.at.utcoffset() == london  # not +09:00 from the file's own times


def test_a_time_is_read_on_the_zones_clock() -> None:
    shown = in_zone(UTC_STAMP, TOKYO)
    assert (shown.date(), shown.hour, shown.minute) == (dt.date(2025, 12, 15), 22, 16)
    late = in_zone(dt.datetime(2025, 12, 15, 16, 30, tzinfo=dt.UTC), TOKYO)
    assert late.date() == dt.date(2025, 12, 16)  # the day it was in Tokyo
    assert in_zone(UTC_STAMP, None).utcoffset() == dt.timedelta(0)  # None: the system's


def test_now_in_a_zone_is_to_the_second_with_a_fixed_offset() -> None:
    moment = now_in(TOKYO)
    assert moment.microsecond == 0
    assert type(moment.tzinfo) is dt.timezone and moment.utcoffset() == NINE_HOURS
    assert now_in(None).tzinfo is dt.UTC  # the server's own zone, UTC here


def test_a_revision_kept_as_written() -> None:
    # Stored times are never rewritten: only shown in the zone (a digest-bound record).
    consultation = stamped_utc(make_consultation())
    before = [r.at.isoformat() for r in consultation.items[1].revisions]
    sign(consultation, 2, "tanaka")
    assert [r.at.isoformat() for r in consultation.items[1].revisions] == before


class CountingItems(list):  # type: ignore[type-arg]
    """A list of items that counts how often it is walked."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        CountingItems.walks += 1
        return super().__iter__()


def test_a_file_of_utc_times_is_scanned_once_not_at_every_question() -> None:
    # The item pane asks for the zone several times a key press; an English file with only
    # UTC times was walked item by item each time (30 ms at 10,000 items).
    consultation = stamped_utc(make_consultation())
    consultation.meta.language = "en"
    consultation.items = CountingItems(consultation.items)
    CountingItems.walks = 0
    assert {consultation_zone(consultation) for _ in range(5)} == {None}
    assert CountingItems.walks == 1
    consultation.items.append(replace(consultation.items[0], no=99))  # merge/split: again
    consultation_zone(consultation)
    assert CountingItems.walks == 2
