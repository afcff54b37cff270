"""Japanese era (和暦) dates as published results print them: 令和7年11月12日（水）.

Written out here rather than taken from the locale: the C library's era tables vary by
system, and a statutory publication must print the same date everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from pctui.base.inert import inert
from pctui.i18n import _

WEEKDAYS = "月火水木金土日"  # date.weekday(): Monday is 0


@dataclass(frozen=True)
class Era:
    """An era name and the first day of its year 1 (元年)."""

    name: str
    start: dt.date


# Newest first. Dates before the Gregorian calendar was adopted (明治6年 = 1873-01-01) are
# not era dates in the modern sense, so they are printed as ISO dates instead.
ERAS = (
    Era("令和", dt.date(2019, 5, 1)),
    Era("平成", dt.date(1989, 1, 8)),
    Era("昭和", dt.date(1926, 12, 25)),
    Era("大正", dt.date(1912, 7, 30)),
    Era("明治", dt.date(1868, 1, 25)),
)
GREGORIAN_FROM = dt.date(1873, 1, 1)


def era_of(day: dt.date) -> tuple[Era, int] | None:
    """The era `day` falls in and its year within the era (1 = 元年); None before 1873."""
    if day < GREGORIAN_FROM:
        return None
    for era in ERAS:
        if day >= era.start:
            return era, day.year - era.start.year + 1
    return None  # unreachable: GREGORIAN_FROM is inside 明治


def era_year(era: Era, year: int) -> str:
    """'令和7年', or '令和元年' for the first year, as official documents write it."""
    return f"{era.name}{'元' if year == 1 else year}年"


def era_date(day: dt.date, weekday: bool = False, year: bool = True) -> str:
    """`day` as 令和7年11月12日, with （水） when `weekday`; without the year part when not `year`.

    Dates before 1873 come back as ISO dates.
    """
    found = era_of(day)
    if found is None:
        return day.isoformat()
    text = f"{day.month}月{day.day}日"
    if year:
        text = era_year(*found) + text
    if weekday:
        text += f"（{WEEKDAYS[day.weekday()]}）"
    return text


def era_period(opened: dt.date, closed: dt.date, weekday: bool = True) -> str:
    """The period as the seed's header prints it: 令和7年11月12日（水）～令和7年12月11日（木）."""
    return f"{era_date(opened, weekday)}～{era_date(closed, weekday)}"


def era_period_short(opened: dt.date, closed: dt.date) -> str:
    """The period with the closing year left out when it is the same: 令和7年11月12日～12月11日."""
    same = era_of(opened) is not None and era_of(opened) == era_of(closed)
    return f"{era_date(opened)}～{era_date(closed, year=not same)}"


_ERA_DATE = re.compile(
    r"(?:(?P<era>令和|平成|昭和|大正|明治)\s*(?P<year>元|\d{1,2})\s*年\s*)?"
    r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
    r"(?:\s*[（(]\s*(?P<weekday>[月火水木金土日])\s*(?:曜日?)?\s*[)）])?"
)
_ISO_DATE = re.compile(r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?")


@dataclass(frozen=True)
class ParsedDate:
    """A date read from text, where it was found, and any doubt about it."""

    date: dt.date
    start: int  # offset in the (NFKC-normalised) text
    end: int
    warning: str = ""


def normalise(text: str) -> str:
    """`text` with full-width digits and brackets made ASCII (NFKC), as dates are matched."""
    return unicodedata.normalize("NFKC", text)


def _era_named(name: str) -> Era:
    return next(era for era in ERAS if era.name == name)


def text_of(match: re.Match[str]) -> str:
    """A date as a message quotes it (ordinary text, harmful characters made visible)."""
    return inert(match.group())


def parse_dates(text: str) -> tuple[list[ParsedDate], list[str]]:
    """Every era or ISO date in `text`, and messages for those that are not real dates.

    A date without its own era year (…～12月11日) takes the era and year of the date before
    it, as the seed's 実施 line writes it; a date after it that lies earlier rolls to the next
    year. A weekday in brackets that does not match the date is kept but warned about.
    Offsets refer to `normalise(text)`.
    """
    norm = normalise(text)
    found: list[ParsedDate] = []
    errors: list[str] = []
    last: tuple[Era, int] | None = None
    for match in _ERA_DATE.finditer(norm):
        month, day_no = int(match["month"]), int(match["day"])
        if match["era"]:
            era, year = _era_named(match["era"]), 1 if match["year"] == "元" else int(match["year"])
        elif last is not None:
            era, year = last
        else:
            errors.append(
                _("'{text}' has no era year (write it as 令和7年…)").format(text=text_of(match))
            )
            continue
        gregorian = era.start.year + year - 1
        try:
            day = dt.date(gregorian, month, day_no)
            if not match["era"] and found and day < found[-1].date:
                day = dt.date(gregorian + 1, month, day_no)
        except ValueError:
            errors.append(_("'{text}' is not a date").format(text=text_of(match)))
            continue
        now = era_of(day)
        if match["era"] and (now is None or now[0] != era):
            hint = _("; did you mean {date}?").format(date=era_date(day)) if now else ""
            message = _("'{text}' is not a date of {era}{hint}")
            errors.append(message.format(text=text_of(match), era=era.name, hint=hint))
            continue
        warning = ""
        if match["weekday"] and match["weekday"] != WEEKDAYS[day.weekday()]:
            message = _("'{text}': {date} is a {actual}曜日, not {written}曜日")
            warning = message.format(
                text=text_of(match),
                date=day.isoformat(),
                actual=WEEKDAYS[day.weekday()],
                written=match["weekday"],
            )
        last = (era, year) if match["era"] else last
        found.append(ParsedDate(day, match.start(), match.end(), warning))
    if not found:
        for match in _ISO_DATE.finditer(norm):
            try:
                day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                errors.append(_("'{text}' is not a date").format(text=text_of(match)))
                continue
            found.append(ParsedDate(day, match.start(), match.end()))
    return found, errors
