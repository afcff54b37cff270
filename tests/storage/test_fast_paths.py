"""The fast path for a whole item reads exactly what the checked path reads, and reports the
same problems, whatever the item holds (right, wrong or missing keys of any type)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pctui.base.toml_locate import Locator
from pctui.model.records import Revision
from pctui.storage import item_schema
from pctui.storage.checker import Checker

from .conftest import HEADER
from .fast_path_check import AT, JST, REVISION, changed_tables, header, read

CLASSES = """
[[review.classes]]
id = "sansei"
label = "賛成"
"""
SIGNOFF = {
    "stage": "担当", "by": "yamada", "at": AT, "revision": 1,
    "digest": "sha256:" + "0" * 64, "verdict": "approve",
}  # fmt: skip


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


@settings(max_examples=600, deadline=None)
@given(table=changed_tables(BASE, VALUES), which=st.sampled_from(sorted(HEADERS)))
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


@pytest.mark.parametrize("note", [None, "誤字を修正"])
def test_a_revision_read_on_the_fast_path_is_the_dataclasss(note: str | None) -> None:
    raw = dict(REVISION) if note is None else dict(REVISION, note=note)
    table = dict(BASE, revisions=[raw], signoffs=[])
    item = item_schema._plain_item(
        table, HEADERS["sections, no classes"], Checker("f", Locator(""), [])
    )
    assert item is not None
    [built] = item.revisions
    made = Revision(raw["author"], raw["at"], raw["text"], note)
    assert built == made and hash(built) == hash(made) and repr(built) == repr(made)
    assert built.note == note and built.digest == made.digest
    assert dataclasses.replace(built, text="改") == Revision(made.author, made.at, "改", note)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.text = "changed"  # type: ignore[misc]
