"""`record`: a dataclass whose methods are shared functions, not code compiled at import.

`dataclasses.dataclass` writes each class's `__init__`, `__repr__`, `__eq__` (and for a
frozen class `__hash__`, `__setattr__` and `__delattr__`) as source text and compiles it with
`exec`: the 14 classes of `model/records.py` cost 5 ms of every command's start that way
(Python 3.11; 9.0 ms to create them, 3.6 ms without the generated methods). `record` keeps
what `dataclass` records about the fields (so `dataclasses.fields` and `dataclasses.replace`
work as before) and gives each class methods that behave as the generated ones do: equality
of the fields in order, for the same class only; a frozen class hashed by its fields and
refusing assignment with `FrozenInstanceError`; a mutable class unhashable. Each class writes
its `__init__` itself. (No records nest themselves, so `__repr__` needs no guard against a
cycle.)

The fields are noted without `dataclasses` itself: a record's fields are its annotations
(no record derives from another or annotates a ClassVar), its defaults the class's values
for them, and `field(default_factory=…)` of this module a default made anew for each
record. Importing `dataclasses` (with `copy` and `weakref`) and running its class processing
on the 25 records every command creates cost 2-3 ms of every start; so a record becomes a
dataclass to `dataclasses` the first time something asks (`fields`, `replace`,
`is_dataclass`, …: `__dataclass_fields__` is looked up, and answered by processing the
class then, as `dataclass(init=False, repr=False, eq=False)` did at its creation). `replace`
of this module makes a changed copy without `dataclasses`, for the reader's own records.

For the type checker `record` is `dataclass` (and `field` and `replace` are dataclasses'),
so mypy holds frozen classes frozen.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

__all__ = ["field", "record", "replace"]

_Class = TypeVar("_Class", bound=type)
_FIELDS = "__dataclass_fields__"  # what dataclasses looks up to know a dataclass


class _Factory:
    """`field(default_factory=…)`: noted on the class until `record` takes it off."""

    __slots__ = ("factory",)

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory


def _field(*, default_factory: Callable[[], Any]) -> Any:
    """A field whose default is made by `default_factory` for each record."""
    return _Factory(default_factory)


class _FieldsWhenAsked:
    """`__dataclass_fields__` until first looked up: then the class is processed by
    `dataclasses` as at its creation before, and its own mapping replaces this."""

    def __init__(self, factories: dict[str, Callable[[], Any]]) -> None:
        self.factories = factories

    def __get__(self, instance: object, owner: type) -> Any:
        import dataclasses

        if owner.__dict__.get(_FIELDS) is self:  # not processed yet (threads may race)
            for name, factory in self.factories.items():  # as the class body had them
                setattr(owner, name, dataclasses.field(default_factory=factory))
            delattr(owner, _FIELDS)
            dataclasses.dataclass(init=False, repr=False, eq=False)(owner)
        return owner.__dict__[_FIELDS]


def _replace(obj: Any, /, **changes: Any) -> Any:
    """A copy of the record `obj` with `changes`, made by its `__init__` (as
    `dataclasses.replace` makes it), without importing `dataclasses`."""
    names: tuple[str, ...] = type(obj).__record_names__
    values = {name: getattr(obj, name) for name in names}
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{type(obj).__qualname__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return type(obj)(**values)


def _record(*, frozen: bool = False) -> Callable[[_Class], _Class]:
    """The class decorator: the fields noted, then the shared methods."""

    def make(cls: _Class) -> _Class:
        # The class's own annotations, in order (inspect, which `get_annotations` is in,
        # is deferred: see pctui.cli.deferred).
        annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
        # What the fields are read as must hold: refused here rather than read wrongly.
        if cls.__bases__ != (object,) or any(
            str(kind).startswith(("ClassVar", "InitVar", "KW_ONLY", "typing.ClassVar"))
            for kind in annotations.values()
        ):
            raise TypeError(
                f"{cls.__qualname__}: a record derives from object alone and "
                "annotates only its fields (use dataclass otherwise)"
            )
        names = tuple(annotations)
        factories = {}
        for name in names:
            default = cls.__dict__.get(name)
            if isinstance(default, _Factory):  # made for each record by its __init__
                factories[name] = default.factory
                delattr(cls, name)
        cls.__record_names__ = names  # type: ignore[attr-defined]
        setattr(cls, _FIELDS, _FieldsWhenAsked(factories))
        cls.__match_args__ = names  # type: ignore[attr-defined,misc]  # as dataclass set it
        values: Callable[[Any], Any] = attrgetter(*names)
        if len(names) == 1:  # attrgetter of one name gives the value, not a tuple
            one = values
            values = lambda obj: (one(obj),)  # noqa: E731

        def __repr__(self: Any) -> str:
            shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
            return f"{type(self).__qualname__}({shown})"

        def __eq__(self: Any, other: object) -> bool:
            if other.__class__ is self.__class__:
                return values(self) == values(other)  # type: ignore[no-any-return]
            return NotImplemented

        method: Any
        for method in (__repr__, __eq__):
            method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        cls.__repr__ = __repr__  # type: ignore[assignment]
        cls.__eq__ = __eq__  # type: ignore[assignment]
        if not frozen:
            cls.__hash__ = None  # type: ignore[assignment]
            return cls
        fields = frozenset(names)

        def __hash__(self: Any) -> int:
            return hash(values(self))

        def __setattr__(self: Any, name: str, value: Any) -> None:
            if type(self) is cls or name in fields:
                raise _frozen_error(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)  # records derive from object alone

        def __delattr__(self: Any, name: str) -> None:
            if type(self) is cls or name in fields:
                raise _frozen_error(f"cannot delete field {name!r}")
            object.__delattr__(self, name)

        for method in (__hash__, __setattr__, __delattr__):
            method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        cls.__hash__ = __hash__  # type: ignore[assignment]
        cls.__setattr__ = __setattr__  # type: ignore[assignment]
        cls.__delattr__ = __delattr__  # type: ignore[assignment]
        return cls

    return make


def _frozen_error(message: str) -> Exception:
    from dataclasses import FrozenInstanceError  # only to refuse a change

    return FrozenInstanceError(message)


if TYPE_CHECKING:
    from dataclasses import dataclass as record
    from dataclasses import field, replace
else:
    record = _record
    field = _field
    replace = _replace
