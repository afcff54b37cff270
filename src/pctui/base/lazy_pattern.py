"""Regular expressions compiled when first used, not when their module is imported.

Python compiles a pattern in Python (`re._compiler`): 0.1-0.3 ms each. A dozen patterns
that a reading command never uses on a file without a problem (the block reader's, those
that read an error message, the phrase book's) cost 1.7 ms of every start of `validate`
and `status`. `lazy_compile` gives an object that compiles its pattern at the first use of
any of its attributes and from then on holds the compiled pattern's matching methods as
its own, so that each later call costs what a call on the pattern costs.

For the type checker it is the `re.Pattern` it stands for; it is not one for `isinstance`,
so it is for a module's own patterns, used through their methods.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

# The methods a pattern is used through, bound to it at its compilation.
_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute not found: before the first compilation, every one;
        # after it, only those other than _METHODS (pattern, flags, groups, ...).
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(*self._source)
            self._compiled = compiled
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, done when the result is first used."""
    return cast("re.Pattern[AnyStr]", _Lazy(pattern, flags))
