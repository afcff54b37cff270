"""What a reader found in a source document, before it becomes a consultation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pctui.base.inert import inert
from pctui.i18n import _

Severity = Literal["error", "warning"]
ERROR: Severity = "error"  # a part that could not be read: import exits 1
WARNING: Severity = "warning"  # read, but it looks wrong


@dataclass(frozen=True)
class Note:
    """Something in the source that could not be read, or that looks wrong, at line:col."""

    line: int
    col: int
    message: str
    severity: Severity = WARNING

    def located(self, source: str) -> str:
        """The note as `SOURCE:line:col: message`."""
        prefix = _("warning: ") if self.severity == WARNING else ""
        return f"{source}:{self.line}:{self.col}: {prefix}{self.message}"


def quoted(text: str, limit: int = 40) -> str:
    """`text` as a message quotes it: at most `limit` characters (… marks a cut), ordinary
    text as written (an ideographic space stays a space), only the characters that could
    harm a terminal made visible."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return inert(cut.replace("\t", " "))


@dataclass
class RawItem:
    """One row of the opinion table as read."""

    no: int
    section: str  # the section's title ("" when the source has no sections)
    opinion: str
    response: str
    line: int
    topic: str | None = None
    count: int = 1
    klass: str = ""  # the outcome class's label


@dataclass
class RawDocument:
    """Everything read from a source: header facts (where present), sections, items, notes."""

    title: str = ""
    organization: str = ""
    opened: dt.date | None = None
    closed: dt.date | None = None
    places: list[str] = field(default_factory=list)
    url: str = ""
    methods: list[str] = field(default_factory=list)
    submitters: dict[str, int] = field(default_factory=dict)
    submitter_unit: str = ""
    declared_total: int | None = None
    opinion_heading: str = ""
    response_heading: str = ""
    sections: list[str] = field(default_factory=list)  # titles, in order, empty ones too
    classes: list[str] = field(default_factory=list)  # labels, in order
    items: list[RawItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    found_table: bool = False  # an opinion table (or a なし section) was found
    seen: dict[int, int] = field(default_factory=dict, repr=False)  # no -> line

    def note(self, line: int, col: int, message: str, severity: Severity = WARNING) -> None:
        """Record a note at 1-based line and column."""
        self.notes.append(Note(line, col, message, severity))

    def add_section(self, title: str) -> None:
        """Add a section title once."""
        if title not in self.sections:
            self.sections.append(title)

    def add_item(self, item: RawItem) -> bool:
        """Add `item` unless its number is taken (then note it and return False)."""
        if item.no in self.seen:
            message = _("No.{no} appears again (first on line {line}); this row is skipped")
            self.note(item.line, 1, message.format(no=item.no, line=self.seen[item.no]), ERROR)
            return False
        self.seen[item.no] = item.line
        self.items.append(item)
        if item.klass and item.klass not in self.classes:
            self.classes.append(item.klass)
        return True
