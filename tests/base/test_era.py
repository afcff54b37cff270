"""Japanese era dates: boundaries of 令和/平成/昭和/大正, 元年, weekdays, reading them back."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pctui.base.era import era_date, era_period, era_period_short, parse_dates

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2019, 4, 30), "平成31年4月30日"),  # the last day of 平成
        (D(2019, 5, 1), "令和元年5月1日"),  # the first day of 令和 is 元年
        (D(2019, 12, 31), "令和元年12月31日"),
        (D(2020, 1, 1), "令和2年1月1日"),
        (D(2025, 11, 12), "令和7年11月12日"),
        (D(1989, 1, 7), "昭和64年1月7日"),  # the last day of 昭和
        (D(1989, 1, 8), "平成元年1月8日"),
        (D(1926, 12, 24), "大正15年12月24日"),
        (D(1926, 12, 25), "昭和元年12月25日"),
        (D(1912, 7, 29), "明治45年7月29日"),
        (D(1912, 7, 30), "大正元年7月30日"),
        (D(1873, 1, 1), "明治6年1月1日"),
        (D(1872, 12, 31), "1872-12-31"),  # before the Gregorian calendar: ISO
    ],
)
def test_era_date_boundaries(day: dt.date, expected: str) -> None:
    assert era_date(day) == expected


def test_weekday_in_full_width_brackets_as_the_seed_prints_it() -> None:
    assert era_date(D(2025, 11, 12), weekday=True) == "令和7年11月12日（水）"
    assert era_date(D(2025, 12, 11), weekday=True) == "令和7年12月11日（木）"


def test_period_lines_of_the_seed() -> None:
    opened, closed = D(2025, 11, 12), D(2025, 12, 11)
    assert era_period(opened, closed) == "令和7年11月12日（水）～令和7年12月11日（木）"
    assert era_period_short(opened, closed) == "令和7年11月12日～12月11日"


def test_short_period_keeps_the_year_across_a_year_or_an_era() -> None:
    assert era_period_short(D(2024, 12, 20), D(2025, 1, 20)) == "令和6年12月20日～令和7年1月20日"
    assert era_period_short(D(2019, 4, 1), D(2019, 5, 31)) == "平成31年4月1日～令和元年5月31日"


def test_parse_the_seed_period_and_the_annex_line() -> None:
    found, errors = parse_dates("令和7年11月12日（水）～令和7年12月11日（木）")
    assert [f.date for f in found] == [D(2025, 11, 12), D(2025, 12, 11)]
    assert errors == [] and all(not f.warning for f in found)
    found, errors = parse_dates("(令和7年11月12日～12月11日実施)")
    assert [f.date for f in found] == [D(2025, 11, 12), D(2025, 12, 11)]


def test_parse_full_width_digits_gannen_and_year_roll() -> None:
    found, _ = parse_dates("令和元年５月１日～平成３１年４月３０日")
    assert [f.date for f in found] == [D(2019, 5, 1), D(2019, 4, 30)]
    found, _ = parse_dates("令和6年12月20日～1月20日")
    assert [f.date for f in found] == [D(2024, 12, 20), D(2025, 1, 20)]


def test_parse_rejects_a_date_outside_its_era_with_a_hint() -> None:
    found, errors = parse_dates("平成31年5月1日")
    assert found == []
    assert "not a date of 平成" in errors[0] and "令和元年5月1日" in errors[0]
    _, errors = parse_dates("令和7年2月30日")
    assert "is not a date" in errors[0]


def test_parse_warns_when_the_weekday_does_not_match() -> None:
    found, _ = parse_dates("令和7年11月12日（木）")
    assert found[0].date == D(2025, 11, 12)
    assert "水曜日" in found[0].warning


def test_parse_iso_dates_when_there_is_no_era_date() -> None:
    found, _ = parse_dates("2025-11-12 – 2025-12-11")
    assert [f.date for f in found] == [D(2025, 11, 12), D(2025, 12, 11)]


@given(st.dates(min_value=D(1873, 1, 1), max_value=D(2100, 12, 31)))
def test_every_era_date_reads_back_as_itself(day: dt.date) -> None:
    found, errors = parse_dates(era_date(day, weekday=True))
    assert errors == []
    assert [f.date for f in found] == [day]
    assert not found[0].warning
