"""The model's records behave as the dataclasses they were, without code compiled at import."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest

from pctui.model import record_class, records

RECORDS = [
    value
    for value in vars(records).values()
    if isinstance(value, type) and dataclasses.is_dataclass(value)
]
FROZEN = {
    "Revision",
    "Opinion",
    "Summary",
    "Assignment",
    "Note",
    "Reviewer",
    "OutcomeClass",
    "Section",
}


def _reference(cls: type) -> type:
    """The same fields as a class made by `dataclasses.dataclass` itself."""
    made = dataclasses.make_dataclass(
        cls.__name__,
        [
            (f.name, Any, copy)
            for f, copy in zip(dataclasses.fields(cls), _copied_fields(cls), strict=True)
        ],
        frozen=cls.__name__ in FROZEN,
    )
    return made


def _copied_fields(cls: type) -> list[Any]:
    copies = []
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING:
            copies.append(dataclasses.field(default_factory=f.default_factory))
        else:
            copies.append(dataclasses.field(default=f.default))
    return copies


def _values(cls: type, tag: str) -> dict[str, Any]:
    return {f.name: f"{tag}{i}" for i, f in enumerate(dataclasses.fields(cls))}


def test_every_record_is_found() -> None:
    assert len(RECORDS) == 14
    assert {cls.__name__ for cls in RECORDS} >= FROZEN


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_a_record_behaves_as_its_dataclass(cls: type) -> None:
    reference = _reference(cls)
    values = _values(cls, "a")
    mine, theirs = cls(**values), reference(**values)
    if cls is not records.Item:  # Item's own __init__ takes the format-1 shorthand too
        names = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
        assert names == [f.name for f in dataclasses.fields(cls)]
        assert repr(cls(**values)) == repr(theirs)
        defaults = reference(**{f.name: values[f.name] for f in _required(cls)})
        assert vars(cls(**{f.name: values[f.name] for f in _required(cls)})) == vars(defaults)
    assert repr(mine) == repr(theirs).replace(reference.__qualname__, cls.__qualname__)
    assert mine == cls(**values)
    assert mine != cls(**_values(cls, "b"))
    assert mine.__eq__(theirs) is NotImplemented
    changed = dataclasses.replace(mine, **{dataclasses.fields(cls)[0].name: "other"})
    assert changed != mine and type(changed) is cls
    if cls.__name__ in FROZEN:
        assert hash(mine) == hash(cls(**values))
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, dataclasses.fields(cls)[0].name, "x")
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(mine, dataclasses.fields(cls)[0].name)
        with pytest.raises(dataclasses.FrozenInstanceError):
            mine.elsewhere = 1  # type: ignore[attr-defined]
    else:
        with pytest.raises(TypeError):
            hash(mine)


def _required(cls: type) -> list[Any]:
    return [
        f
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]


def test_defaults_made_by_a_factory_are_new_for_each_record() -> None:
    first, second = records.Intake(), records.Intake()
    first.methods.append("郵送")
    assert second.methods == [] and records.Meta("i", "t").places == []
    assert records.Review([], {}).classes == []


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_no_method_of_a_record_is_compiled_at_import(cls: type) -> None:
    # dataclass compiles the methods it writes from source text: 5 ms of every start.
    for name in ("__init__", "__repr__", "__eq__"):
        source = getattr(cls, name).__code__.co_filename
        assert source in (records.__file__, record_class.__file__), (name, source)
