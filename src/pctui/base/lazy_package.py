"""Packages whose names are imported from their modules when first used (PEP 562), when a
name is also the name of the module that defines it (`pctui.publish.completeness`, the
function, in `pctui/publish/completeness.py`).

The import system binds each submodule, once imported, to its package's attribute of the
same name. An eager package (`from pctui.publish.completeness import completeness` in its
`__init__`) then bound the function over it; a lazy one would keep the module, and `from
pctui.publish import completeness` would give the module or the function depending on
what happened to be imported first. `keep_functions` keeps the function: the package
refuses that one binding, and its `__getattr__` answers the name as for any other.
"""

from __future__ import annotations

import sys
from types import ModuleType


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
