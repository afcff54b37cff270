"""Packages whose names are imported from their modules when first used (PEP 562): a
command's start then loads only the modules it uses (`pctui --help` lists every command
without loading the publisher, the importer or git's audit).

`names_from` makes such a package's `__getattr__`. A name that is also the name of the
module that defines it (`pctui.publish.completeness`, the function, in
`pctui/publish/completeness.py`) needs `keep_functions` as well:

The import system binds each submodule, once imported, to its package's attribute of the
same name. An eager package (`from pctui.publish.completeness import completeness` in its
`__init__`) then bound the function over it; a lazy one would keep the module, and `from
pctui.publish import completeness` would give the module or the function depending on
what happened to be imported first. `keep_functions` keeps the function: the package
refuses that one binding, and its `__getattr__` answers the name as for any other.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any


def names_from(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The `__getattr__` of the package named `package`: each name of `homes` imported from
    the module `homes` gives for it (a full dotted name) when first asked for, then kept in
    the package, so that it is found directly from then on."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            # Not one of its names: a submodule (`from pctui.publish import html`) is then
            # imported by the import system itself.
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        __import__(home)  # not importlib, whose package imports warnings at every start
        value = getattr(sys.modules[home], name)
        namespace[name] = value
        return value

    return __getattr__


class _Package(ModuleType):
    """A package that keeps offering a function of the same name as its module."""

    _shadowed: frozenset[str] = frozenset()

    def __setattr__(self, name: str, value: object) -> None:
        if name in self._shadowed and isinstance(value, ModuleType):
            return  # the submodule stays in sys.modules; the name stays the function's
        super().__setattr__(name, value)


def keep_functions(package: str, names: frozenset[str]) -> None:
    """Make the package named `package` keep each of `names` for what its `__getattr__`
    gives, not for the submodule of that name."""
    module = sys.modules[package]
    module.__class__ = _Package
    module.__dict__["_shadowed"] = names
