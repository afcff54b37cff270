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

For the type checker `record` is `dataclass`, so mypy holds frozen classes frozen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

__all__ = ["record"]

_Class = TypeVar("_Class", bound=type)


def _record(*, frozen: bool = False) -> Callable[[_Class], _Class]:
    """The class decorator: `dataclass` without generated methods, then the shared ones."""

    def make(cls: _Class) -> _Class:
        dataclasses.dataclass(init=False, repr=False, eq=False)(
            cls
        )  # the same class, its fields noted
        names = tuple(field.name for field in dataclasses.fields(cls))
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
                raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)  # records derive from object alone

        def __delattr__(self: Any, name: str) -> None:
            if type(self) is cls or name in fields:
                raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
            object.__delattr__(self, name)

        for method in (__hash__, __setattr__, __delattr__):
            method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        cls.__hash__ = __hash__  # type: ignore[assignment]
        cls.__setattr__ = __setattr__  # type: ignore[assignment]
        cls.__delattr__ = __delattr__  # type: ignore[assignment]
        return cls

    return make


if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:
    record = _record
