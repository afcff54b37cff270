"""Problems found in a file a person wrote (a consultation, a theme), each with the place a
person should look."""

from __future__ import annotations

from typing import Literal

from pctui.base.record_class import record
from pctui.i18n import _

# Plain strings (a Literal, not an enum): the parallel reader's children send problems
# back through marshal.
Severity = Literal["error", "warning", "note"]
ERROR: Severity = "error"  # the file does not load
WARNING: Severity = "warning"  # said, and the file loads
NOTE: Severity = "note"  # nothing wrong: an explanation of what the file holds

_set = object.__setattr__  # how a frozen record's __init__ sets its fields


@record(frozen=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str
    severity: Severity = ERROR

    def __init__(
        self, path: str, line: int, col: int, message: str, severity: Severity = ERROR
    ) -> None:
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "col", col)
        _set(self, "message", message)
        _set(self, "severity", severity)

    def __str__(self) -> str:
        prefix = {WARNING: _("warning: "), NOTE: _("note: ")}.get(self.severity, "")
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"


class LoadError(Exception):
    """The file could not be loaded; `problems` lists every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line, p.col))
        super().__init__("\n".join(str(p) for p in self.problems))


class SaveError(Exception):
    """The file could not be written; the message says why and what to do."""
