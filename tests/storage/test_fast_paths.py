"""The fast path for a whole item reads exactly what the checked path reads, and reports the
same problems, whatever the item holds (right, wrong or missing keys of any type)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pctui.base.toml_locate import Locator
from pctui.model.records import Item, Revision
from pctui.storage import item_schema
from pctui.storage.checker import Checker
from pctui.storage.header_schema import Header, read_header
from pctui.storage.item_schema import read_item

from .conftest import HEADER

CLASSES = """
[[review.classes]]
id = "sansei"
label = "賛成"
"""
JST = dt.timezone(dt.timedelta(hours=9))
AT = dt.datetime(2025, 12, 1, 9, 0, tzinfo=JST)
REVISION = {"author": "tanaka", "at": AT, "text": "回答"}
SIGNOFF = {
    "stage": "担当", "by": "yamada", "at": AT, "revision": 1,
    "digest": "sha256:" + "0" * 64, "verdict": "approve",
}  # fmt: skip


def header(text: str) -> Header:
    return read_header(tomllib.loads(text), Checker("h.toml", Locator(text), []))


HEADERS = {
    "sections, no classes": header(HEADER),
    "sections and classes": header(HEADER.replace("[[sections]]", CLASSES + "\n[[sections]]", 1)),
    "no sections": header(HEADER[: HEADER.index("[[sections]]")]),
}
VALUES: dict[str, list[Any]] = {
    "no": [1, 7, 0, -1, True, "1", 2.5],
    "section": ["1", "2", "9", 1, None],
    "opinion": ["意見", "", 1],
    "count": [1, 3, 0, True, "2"],
    "class": ["sansei", "hantai", 1],
    "topic": ["論点", 1],
    "revisions": [
        [], [REVISION], [REVISION, dict(REVISION, text="改")], [REVISION, "x"], "x",
        [{"author": 1, "at": AT, "text": "t"}], [dict(REVISION, extra=1)],
    ],
    "signoffs": [
        [], [SIGNOFF], [dict(SIGNOFF, stage="部長")], [dict(SIGNOFF, revision=3)], "x",
        [SIGNOFF, 5], [dict(SIGNOFF, verdict="maybe")],
    ],
    "extra": ["unknown key"],
}  # fmt: skip
BASE = {"no": 1, "section": "1", "opinion": "意見", "revisions": [REVISION], "signoffs": [SIGNOFF]}
MISSING = object()


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    """A valid item with up to three of its keys changed, removed or added: near the line
    between what the fast path takes and what it leaves to the checked path."""
    table: dict[str, Any] = dict(BASE)
    for key in draw(st.lists(st.sampled_from(sorted(VALUES)), max_size=3, unique=True)):
        value = draw(st.sampled_from([*VALUES[key], MISSING]))
        if value is MISSING or value is None:
            table.pop(key, None)
        else:
            table[key] = value
    return table


def read(
    table: dict[str, Any], at: Header, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> tuple[Item | None, list[str]]:
    problems: list[Any] = []
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(item_schema, "_plain_item", lambda *args: None)
        item = read_item(table, at, Checker("f.toml", Locator("", 1), problems))
    return item, [str(p) for p in problems]


@settings(max_examples=600, deadline=None)
@given(table=tables(), which=st.sampled_from(sorted(HEADERS)))
def test_the_fast_path_reads_as_the_checked_path(table: dict[str, Any], which: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast = read(table, HEADERS[which], True, monkeypatch)
        checked = read(table, HEADERS[which], False, monkeypatch)
    assert fast == checked


def test_a_plain_item_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    table = {"no": 1, "section": "1", "opinion": "意見", "revisions": [REVISION]}
    for which in HEADERS.values():
        assert item_schema._plain_item(table, which, Checker("f", Locator(""), [])) is not None


@given(
    st.text(max_size=4),
    st.datetimes(timezones=st.just(JST)),
    st.text(max_size=8),
    st.none() | st.text(max_size=4),
)
def test_a_revision_built_by_its_attributes_is_the_dataclasss(
    author: str, at: dt.datetime, text: str, note: str | None
) -> None:
    built = item_schema.plain_revision(author, at, text, note)
    made = Revision(author, at, text, note)
    assert built == made and hash(built) == hash(made)
    # Every field of the dataclass is set (a field added to Revision must be added there).
    assert {f.name: getattr(built, f.name) for f in dataclasses.fields(Revision)} == vars(built)
    assert built.digest == made.digest
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.text = "changed"  # type: ignore[misc]
