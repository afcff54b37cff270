"""What a reader found in a source document, before it becomes a consultation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pctui.base.inert import inert
from pctui.i18n import _


def label_key(label: str) -> int | str:
    """What a label is told apart by within a section: a number as its value ("１２" is 12),
    any other label as written."""
    return int(label) if label.isdecimal() else label


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
class RawOpinion:
    """A further opinion answered by the same answer as the item it is joined to."""

    label: str  # as published: "12", "Ⅱ-4"
    text: str
    line: int
    count: int = 1


@dataclass
class RawItem:
    """One answer of the opinion table as read, with the opinion of its first row and the
    opinions of the rows joined to it (an answer cell merged or left empty under it)."""

    no: int
    section: str  # the section's title ("" when the source has no sections)
    opinion: str
    response: str
    line: int
    topic: str | None = None
    count: int = 1
    klass: str = ""  # the outcome class's label
    label: str = ""  # the first opinion's label as published ("" = str(no))
    joined: list[RawOpinion] = field(default_factory=list)
    summary: str = ""  # 意見の概要 printed for the opinions (a summary-layout row)

    @property
    def opinions(self) -> list[RawOpinion]:
        """Every opinion this answer covers, the first row's first."""
        first = RawOpinion(self.label or str(self.no), self.opinion, self.line, self.count)
        return [first, *self.joined]

    def extend(self, opinion: str, response: str, join: Callable[[str, str], str]) -> None:
        """A row continued on the next page: its pieces go to the last opinion and the answer."""
        if self.joined:
            self.joined[-1].text = join(self.joined[-1].text, opinion)
        else:
            self.opinion = join(self.opinion, opinion)
        self.response = join(self.response, response)


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
    # A table by method tallied from a registry (pctui intake tally): its 提出通数 row, and
    # its 提出者数 total, which counts once one who sent by two methods.
    submissions: dict[str, int] = field(default_factory=dict)
    submitters_total: int | None = None
    declared_total: int | None = None  # 意見総数 as printed
    declared_submitters: int | None = None  # 提出者数 as printed
    opinion_heading: str = ""
    response_heading: str = ""
    sections: list[str] = field(default_factory=list)  # titles, in order, empty ones too
    classes: list[str] = field(default_factory=list)  # labels, in order
    items: list[RawItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    found_table: bool = False  # an opinion table (or a なし section) was found
    published_submitters: int | None = None  # "○者○件" above the table, as printed
    published_opinions: int | None = None
    section_labels: dict[str, str] = field(default_factory=dict)  # title -> "Ⅰ"
    columns: list[tuple[str, str, int]] = field(default_factory=list)  # field, header, 1-based
    unused_columns: list[tuple[str, int]] = field(default_factory=list)  # header, 1-based
    restarted: bool = False  # numbering starts again in a later section
    joined_merged: int = 0  # rows joined to the answer above: the answer cell was merged
    joined_empty: int = 0  # … the answer cell was empty and read as "same as above"
    left_empty: int = 0  # empty answer cells under a filled one read as "not answered yet"
    joined_repeated: int = 0  # … the answer cell repeated the one above and was read so too
    # Labels as published read from the No. column (Ⅱ-4, 問3): kept, the items numbered in
    # the order read; the import says so.
    labelled: list[str] = field(default_factory=list)
    seen: dict[int | str, tuple[int, str]] = field(default_factory=dict, repr=False)

    def note(self, line: int, col: int, message: str, severity: Severity = WARNING) -> None:
        """Record a note at 1-based line and column."""
        self.notes.append(Note(line, col, message, severity))

    def add_section(self, title: str, label: str = "") -> None:
        """Add a section title once (with its group label such as "Ⅰ", when it has one)."""
        if title not in self.sections:
            self.sections.append(title)
        if label:
            self.section_labels[title] = label

    def claim(self, no: int | str, line: int, section: str) -> bool:
        """Take number `no` (or a label as published, `cells.label_key`) for a row in
        `section`, unless a row of that section has it (then note it and return False). A
        number seen in an earlier section starts the numbering again there (the groups Ⅰ,
        Ⅱ … of a ministry's result): the row keeps it as label."""
        first = self.seen.get(no)
        if first is not None and first[1] == section:
            message = _("No.{no} appears again (first on line {line}); this row is skipped")
            self.note(line, 1, message.format(no=no, line=first[0]), ERROR)
            return False
        if first is not None:
            self.restarted = True
        self.seen[no] = (line, section)
        return True

    def add_item(self, item: RawItem) -> bool:
        """Add `item` unless its number is taken in its section (see `claim`)."""
        if not self.claim(label_key(item.label or str(item.no)), item.line, item.section):
            return False
        self.items.append(item)
        if item.klass and item.klass not in self.classes:
            self.classes.append(item.klass)
        return True

    def shaped_as_format_2(self) -> bool:
        """Whether what was read holds what only format 2 keeps: an answer covering several
        opinions, groups with their labels, numbering that starts again, published totals."""
        return (
            self.restarted
            or bool(self.section_labels)
            or self.published_opinions is not None
            or any(item.joined for item in self.items)
            or bool(self.submissions)
            or bool(self.labelled)
            # 提出者数 printed without a table by method: only format 2 keeps that total.
            or (self.declared_submitters is not None and not self.submitters)
        )

    def take_printed_totals(self) -> None:
        """In a format-2 result, 提出者数 and 意見総数 printed as other than the table by
        method and the listed counts add up to are the totals as published (a result may
        list only the main opinions): kept as such, not reported as a mismatch."""
        if not self.shaped_as_format_2():
            return
        counted = sum(o.count for item in self.items for o in item.opinions)
        if self.published_opinions is None and self.declared_total not in (None, counted):
            self.published_opinions = self.declared_total
            self.declared_total = counted
        summed = sum(self.submitters.values())
        if self.submitters_total is not None:  # distinct people, as the table printed them
            summed = self.submitters_total
        if self.published_submitters is None and self.declared_submitters not in (None, summed):
            self.published_submitters = self.declared_submitters
            self.declared_submitters = summed
