"""The fast path for a format-2 item (its opinions, summaries and sign-offs' basis) reads
exactly what the checked path reads, and reports the same problems, whatever the item holds;
and a well-formed format-2 item takes it."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pctui.base.toml_locate import Locator
from pctui.model.records import Opinion
from pctui.storage import item_schema, opinion_schema
from pctui.storage.checker import Checker
from pctui.storage.header_schema import Header

from .conftest import HEADER
from .fast_path_check import AT, MISSING, REVISION, changed_tables, header, read

BASIS = "sha256:" + "1" * 64
SIGNOFF = {
    "stage": "担当", "by": "yamada", "at": AT, "revision": 1,
    "digest": "sha256:" + "0" * 64, "verdict": "approve", "basis": BASIS,
}  # fmt: skip
OPINION = {"label": "Ⅱ-4", "text": "意見"}
SUMMARY = {"author": "tanaka", "at": AT, "text": "概要"}


FORMAT_TWO = header(HEADER.replace("format = 1", "format = 2", 1))
FORMAT_ONE = header(HEADER)
OPINIONS: list[Any] = [
    [OPINION],
    [OPINION, dict(OPINION, label="2", count=3, sources=["受付-1", "受付-2"])],
    [], "x", [OPINION, "x"],
    [dict(OPINION, label="")], [dict(OPINION, label="　")], [dict(OPINION, label="1\n2")],
    [dict(OPINION, label="\u202e1")], [dict(OPINION, label=1)], [{"text": "意見"}],
    [{"label": "1"}], [dict(OPINION, text=1)],
    [dict(OPINION, count=0)], [dict(OPINION, count=True)], [dict(OPINION, count="2")],
    [dict(OPINION, sources="受付-1")], [dict(OPINION, sources=[1])], [dict(OPINION, sources=[])],
    [dict(OPINION, extra=1)],
]  # fmt: skip
SUMMARIES: list[Any] = [
    [], [SUMMARY], [SUMMARY, dict(SUMMARY, text="改めた概要")], "x", [SUMMARY, 1],
    [dict(SUMMARY, author="ta\nnaka")], [dict(SUMMARY, author=1)],
    [dict(SUMMARY, at=AT.replace(tzinfo=None))], [dict(SUMMARY, at="2025-12-01")],
    [dict(SUMMARY, text=None)], [{"author": "tanaka", "at": AT}], [dict(SUMMARY, extra=1)],
]  # fmt: skip
VALUES: dict[str, list[Any]] = {
    "no": [1, 0, True, "1"],
    "section": ["1", "9", 1],
    "opinions": OPINIONS,
    "summaries": SUMMARIES,
    "opinion": ["意見"],
    "count": [2],
    "revisions": [[], [REVISION], [REVISION, "x"], [dict(REVISION, extra=1)]],
    "signoffs": [
        [], [SIGNOFF], [dict(SIGNOFF, basis="sha256:xyz")], [dict(SIGNOFF, basis=1)],
        [{k: v for k, v in SIGNOFF.items() if k != "basis"}], [dict(SIGNOFF, revision=3)],
    ],
    "topic": ["論点", 1],
    "extra": ["unknown key"],
}  # fmt: skip
BASE = {
    "no": 1, "section": "1", "opinions": [OPINION], "summaries": [SUMMARY],
    "revisions": [REVISION], "signoffs": [SIGNOFF],
}  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(table=changed_tables(BASE, VALUES), at=st.sampled_from([FORMAT_TWO, FORMAT_ONE]))
def test_the_format_two_fast_path_reads_as_the_checked_path(
    table: dict[str, Any], at: Header
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast = read(table, at, True, monkeypatch)
        checked = read(table, at, False, monkeypatch)
    assert fast == checked


CHANGES = [(key, n) for key in sorted(VALUES) for n in range(len(VALUES[key]) + 1)]


@pytest.mark.parametrize(("key", "which"), CHANGES)
def test_each_single_change_reads_as_the_checked_path(key: str, which: int) -> None:
    # Every value once, deterministically: the drawn combinations above may miss one.
    table: dict[str, Any] = dict(BASE)
    if which == len(VALUES[key]):
        table.pop(key, None)
    else:
        table[key] = VALUES[key][which]
    with pytest.MonkeyPatch.context() as monkeypatch:
        for at in (FORMAT_TWO, FORMAT_ONE):
            assert read(table, at, True, monkeypatch) == read(table, at, False, monkeypatch)


@pytest.mark.parametrize("opinions", [OPINIONS[0], OPINIONS[1]])
@pytest.mark.parametrize("summaries", [MISSING, [], [SUMMARY], SUMMARIES[2]])
def test_a_well_formed_format_two_item_takes_the_fast_path(
    opinions: list[Any], summaries: Any
) -> None:
    table = dict(BASE, opinions=opinions)
    if summaries is MISSING:
        del table["summaries"]
    else:
        table["summaries"] = summaries
    found = item_schema._plain_item(table, FORMAT_TWO, Checker("f", Locator(""), []))
    assert found is not None
    assert [o.label for o in found.opinions] == [o["label"] for o in opinions]
    assert found.signoffs[0].basis == BASIS
    assert len(found.summaries) == (0 if summaries is MISSING else len(summaries))


def test_a_format_two_item_in_a_format_one_file_is_left_to_the_checked_path() -> None:
    assert item_schema._plain_item(BASE, FORMAT_ONE, Checker("f", Locator(""), [])) is None


@given(
    st.text(max_size=4).filter(lambda label: label.isprintable() and label.strip()),
    st.text(max_size=8),
    st.integers(min_value=1, max_value=10**6),
    st.lists(st.text(max_size=4), max_size=3).map(tuple),
)
def test_an_opinion_built_by_its_attributes_is_the_dataclasss(
    label: str, text: str, count: int, sources: tuple[str, ...]
) -> None:
    raw = {"label": label, "text": text, "count": count, "sources": list(sources)}
    read = opinion_schema.plain_opinions([raw])
    assert read is not None
    [built] = read
    made = Opinion(label, text, count, sources)
    assert built == made and hash(built) == hash(made)
    # Every field of the dataclass is set (a field added to Opinion must be added there).
    assert {f.name: getattr(built, f.name) for f in dataclasses.fields(Opinion)} == vars(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.text = "changed"  # type: ignore[misc]


@given(
    st.text(max_size=4).filter(lambda label: label.isprintable() and label.strip()),
    st.text(max_size=8),
    st.one_of(st.none(), st.integers(min_value=1, max_value=10**6)),
)
def test_an_opinion_without_sources_is_the_dataclasss_on_its_parsed_table(
    label: str, text: str, count: int | None
) -> None:
    raw: dict[str, Any] = {"label": label, "text": text}
    if count is not None:
        raw["count"] = count
    read = opinion_schema.plain_opinions([raw])
    assert read is not None
    [built] = read
    made = Opinion(label, text, 1 if count is None else count)
    assert built == made and hash(built) == hash(made) and repr(built) == repr(made)
    # Every field reads as the dataclass's: those the table lacks from the class's defaults.
    for field in dataclasses.fields(Opinion):
        assert getattr(built, field.name) == getattr(made, field.name)
    assert dataclasses.replace(built, text="other") == Opinion(label, "other", made.count)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.count = 2  # type: ignore[misc]
