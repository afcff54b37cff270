"""What the fast-path tests of item reading share: items with some keys changed, and one
item read by the fast path or, with the fast path turned off, by the checked path."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

import pytest
from hypothesis import strategies as st

from pctui.base.toml_locate import Locator
from pctui.model.records import Item
from pctui.storage import item_schema
from pctui.storage.checker import Checker
from pctui.storage.header_schema import Header, read_header
from pctui.storage.item_schema import read_item

JST = dt.timezone(dt.timedelta(hours=9))
AT = dt.datetime(2025, 12, 1, 9, 0, tzinfo=JST)
REVISION = {"author": "tanaka", "at": AT, "text": "回答"}
MISSING = object()


def header(text: str) -> Header:
    return read_header(tomllib.loads(text), Checker("h.toml", Locator(text), []))


@st.composite
def changed_tables(
    draw: st.DrawFn, base: dict[str, Any], values: dict[str, list[Any]]
) -> dict[str, Any]:
    """`base` with up to three of its keys changed (to one of `values`), removed or added:
    near the line between what the fast path takes and what it leaves to the checked path."""
    table: dict[str, Any] = dict(base)
    for key in draw(st.lists(st.sampled_from(sorted(values)), max_size=3, unique=True)):
        value = draw(st.sampled_from([*values[key], MISSING]))
        if value is MISSING or value is None:
            table.pop(key, None)
        else:
            table[key] = value
    return table


def read(
    table: dict[str, Any], at: Header, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> tuple[Item | None, list[str]]:
    """The item `table` reads as under header `at`, and the problems reported; with `fast`
    false the fast path is turned off, so the checked path reads it."""
    problems: list[Any] = []
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(item_schema, "_plain_item", lambda *args: None)
        item = read_item(table, at, Checker("f.toml", Locator("", 1), problems))
    return item, [str(p) for p in problems]
