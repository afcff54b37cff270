"""The model's records, and the other records every command creates at its start, behave as
the dataclasses they were, without code compiled at import."""

from __future__ import annotations

import dataclasses
import inspect
import sys
from typing import Any, ClassVar

import pytest

from pctui.base import problems, record_class
from pctui.cli import language
from pctui.model import actions, office, phrases, records
from pctui.storage import chunks, consultation_file, header_schema, reader

MODEL_RECORDS = [
    value
    for value in vars(records).values()
    if isinstance(value, type) and dataclasses.is_dataclass(value)
]
# Records beyond the model that `validate` and `status` create at their start (each was a
# dataclass: about 1 ms of every command's start apiece).
OTHER_RECORDS = [
    problems.Problem,
    chunks.Chunk,
    reader.Loaded,
    actions.Revised,
    phrases.Phrase,
    phrases.Contradiction,
    header_schema.Header,
    office.Workload,
    consultation_file._Pending,
    language.Settled,
]
RECORDS = MODEL_RECORDS + OTHER_RECORDS
FROZEN = {
    "Revision",
    "Opinion",
    "Summary",
    "Assignment",
    "Note",
    "Move",
    "Reviewer",
    "OutcomeClass",
    "Section",
    "Problem",
    "Chunk",
    "Loaded",
    "Revised",
    "Phrase",
    "Contradiction",
    "Workload",
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
    assert len(MODEL_RECORDS) == 15
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
        assert _state(cls(**{f.name: values[f.name] for f in _required(cls)})) == _state(defaults)
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


def _state(record: object) -> dict[str, Any]:
    """The fields' values (a record with __slots__ has no __dict__)."""
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}  # type: ignore[arg-type]


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
        assert source in (sys.modules[cls.__module__].__file__, record_class.__file__), (
            name,
            source,
        )


def test_a_chunk_keeps_its_slots_and_copies() -> None:
    import copy
    import pickle

    chunk = chunks.Chunk("[[items]]\n", 3)
    assert not hasattr(chunk, "__dict__")
    assert copy.copy(chunk) == chunk and pickle.loads(pickle.dumps(chunk)) == chunk


def test_cached_properties_still_work_on_records() -> None:
    phrase = phrases.Phrase("p1", "{x} のとおりです。")
    assert phrase.pattern is phrase.pattern  # computed once, kept on the frozen record
    header = header_schema.Header(records.Meta("i", "t"), records.Intake(), records.Review([], {}))
    assert header.section_ids == frozenset() and header.sections == []


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_replace_of_record_class_is_dataclasses_replace(cls: type) -> None:
    mine = cls(**_values(cls, "a"))
    first = dataclasses.fields(cls)[0].name
    ours = record_class.replace(mine, **{first: "other"})  # type: ignore[type-var]
    assert ours == dataclasses.replace(mine, **{first: "other"}) and type(ours) is cls
    assert record_class.replace(mine) == mine  # type: ignore[type-var]
    with pytest.raises(TypeError):
        record_class.replace(mine, no_such_field=1)  # type: ignore[type-var]


def test_a_record_becomes_a_dataclass_when_first_asked() -> None:
    @record_class.record(frozen=True)
    class Pair:
        """Two values, the second made anew for each record."""

        left: str
        right: list[str] = record_class.field(default_factory=list)

        def __init__(self, left: str, right: list[str] | None = None) -> None:
            object.__setattr__(self, "left", left)
            object.__setattr__(self, "right", [] if right is None else right)

    noted = vars(Pair)["__dataclass_fields__"]
    assert not isinstance(noted, dict)  # not processed at its creation
    assert not hasattr(Pair, "right")  # the factory is no class attribute
    assert Pair.__match_args__ == ("left", "right")  # type: ignore[attr-defined]
    fields = dataclasses.fields(Pair)  # type: ignore[arg-type]
    assert isinstance(vars(Pair)["__dataclass_fields__"], dict)  # processed once asked
    assert [f.name for f in fields] == ["left", "right"]
    assert fields[1].default_factory is list and fields[0].default is dataclasses.MISSING
    assert not hasattr(Pair, "right")
    assert dataclasses.is_dataclass(Pair) and dataclasses.replace(Pair("a"), left="b") == Pair("b")


def test_a_record_refuses_what_its_fields_would_be_read_wrongly_from() -> None:
    with pytest.raises(TypeError, match="derives from object alone"):

        @record_class.record()
        class Counted:
            """A class variable annotated among the fields."""

            limit: ClassVar[int] = 3
            name: str

    class Base:
        """A base of a record."""

    with pytest.raises(TypeError, match="derives from object alone"):

        @record_class.record()
        class Derived(Base):
            """A record with a base."""

            name: str
