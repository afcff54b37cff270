"""Typed reads from parsed TOML tables that record a located problem instead of raising."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from pctui.base.problems import ERROR, WARNING, Problem, Severity
from pctui.base.toml_locate import Locator
from pctui.i18n import N_, _

# Each kind is also its description in messages (translated where it is shown).
STR = N_("a string")
INT = N_("an integer")
BOOL = N_("true or false")
DATE = N_("a date (YYYY-MM-DD)")
DATETIME = N_("a date-time with a UTC offset (e.g. 2025-12-15T10:30:00+09:00)")
TABLE = N_("a table")
STR_LIST = N_("an array of strings")
TABLE_LIST = N_("an array of tables")


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _is_datetime(value: Any) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


# One lookup per value read: loading a national file reads about a million of them.
_CHECKS: dict[str, Callable[[Any], bool]] = {
    STR: _is_str,
    INT: _is_int,
    BOOL: _is_bool,
    DATE: _is_date,
    DATETIME: _is_datetime,
    TABLE: _is_table,
    STR_LIST: _is_str_list,
    TABLE_LIST: _is_table_list,
}

_ZONES: dict[dt.timedelta, dt.timezone] = {dt.timedelta(0): dt.UTC}


def zoned(value: dt.datetime) -> dt.datetime:
    """`value` with a `datetime.timezone` (as tomllib gives), whichever parser read it."""
    zone = value.tzinfo
    if type(zone) is dt.timezone:
        return value
    offset = value.utcoffset()
    assert offset is not None  # only offset date-times get here
    fixed = _ZONES.get(offset)
    if fixed is None:
        fixed = _ZONES[offset] = dt.timezone(offset)
    return value.replace(tzinfo=fixed)


def describe(value: Any) -> str:
    """A short name of a TOML value's type, for messages."""
    if isinstance(value, bool):
        return _("a boolean")
    if isinstance(value, int):
        return _("an integer")
    if isinstance(value, float):
        return _("a float")
    if isinstance(value, str):
        return _("a string")
    if isinstance(value, dt.datetime):
        return _("a date-time") if value.tzinfo else _("a date-time without UTC offset")
    if isinstance(value, dt.date):
        return _("a date")
    if isinstance(value, dt.time):
        return _("a time")
    if isinstance(value, list):
        return _("an array")
    if isinstance(value, dict):
        return _("a table")
    return type(value).__name__


class Checker:
    """Collects problems for one chunk of a file while reading its values."""

    def __init__(self, path: str, locator: Locator, problems: list[Problem]) -> None:
        self.path = path
        self.locator = locator
        self.problems = problems

    def report(
        self, table: str, index: int, key: str | None, message: str, severity: Severity = ERROR
    ) -> None:
        """Record `message` at `key` of the `index`-th `table` of this chunk."""
        line, col = self.locator.find(table, index, key)
        self.problems.append(Problem(self.path, line, col, message, severity))

    def get(
        self,
        data: dict[str, Any],
        key: str,
        kind: str,
        table: str,
        index: int = 0,
        *,
        required: bool = False,
        default: Any = None,
    ) -> Any:
        """`data[key]` when it is of `kind`; else report and return `default`."""
        try:
            value = data[key]
        except KeyError:
            if required:
                where = f"{table}.{key}" if table else key
                message = _("missing {key} ({kind})").format(key=where, kind=_(kind))
                self.report(table, index, None, message)
            return default
        if not _CHECKS[kind](value):
            where = f"{table}.{key}" if table else key
            message = _("{key} must be {kind}, not {actual}").format(
                key=where, kind=_(kind), actual=describe(value)
            )
            self.report(table, index, key, message)
            return default
        if kind == DATETIME:
            return zoned(value)
        return value

    def unknown_keys(
        self,
        data: dict[str, Any],
        known: Iterable[str],
        table: str,
        index: int = 0,
        *,
        inside: str | None = None,
    ) -> None:
        """Warn about keys no version of the format defines (often a typo).

        `inside` names the key of an inline table within `table` that holds `data`
        (`kimura = { … }` in `[review.reviewers]`): the warning points at that key's line.
        """
        known = list(known)
        unknown = data.keys() - known
        if not unknown:
            return
        import difflib  # for the hint only, which a file without a typo never needs

        for key in data:
            if key in unknown:
                close = difflib.get_close_matches(key, known, n=1)
                hint = _("; did you mean {name}?").format(name=repr(close[0])) if close else ""
                path = ".".join(part for part in (table, inside, key) if part)
                message = _("unknown key {key}").format(key=path) + hint
                self.report(table, index, inside or key, message, WARNING)
