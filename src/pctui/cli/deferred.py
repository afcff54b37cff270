"""Standard-library modules the command line's start imports only on others' behalf and
almost never uses: each stands in `sys.modules` as a placeholder until something asks it
for a name, and only then is imported.

`dataclasses` imports `inspect` (with ast, dis, tokenize and linecache: 5 ms) for one
call, made only for a class without a docstring, and every model class has one.
`urllib.parse`, which `pathlib` imports for `Path.as_uri`, imports `ipaddress` (1 ms) for
URLs with a bracketed host. A reading command's whole start is 50-60 ms, and on a small
national file the start is most of the command (issue 19). Anything that does use the
module gets it whole at its first attribute: `from inspect import signature` and
`inspect.signature(...)` alike (Textual, in `pctui open`, uses `inspect` at once).
"""

from __future__ import annotations

import sys
from types import ModuleType

DEFERRED = ("inspect", "ipaddress")


class Deferred(ModuleType):
    """A module not imported yet: its first attribute asked for imports it."""

    def __getattr__(self, name: str) -> object:
        # Only names the placeholder lacks come here; after the import it holds every one.
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        __import__(self.__name__)  # not importlib: its package imports warnings
        module = sys.modules[self.__name__]
        self.__dict__.update(module.__dict__)
        return getattr(module, name)


def defer(names: tuple[str, ...] = DEFERRED) -> None:
    """Put a placeholder in `sys.modules` for each of `names` not imported yet."""
    for name in names:
        if name not in sys.modules:
            sys.modules[name] = Deferred(name)
