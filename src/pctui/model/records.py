"""The records a consultation file holds, as plain dataclasses (no I/O, no UI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import overload

from pctui.model.digest import text_digest

# The closed vocabularies of the file are StrEnums: each member is the very string the file
# and --json hold (it compares, hashes, formats and is written as that string), and strict
# mypy tells a verdict from an order or a stage name.


class Verdict(StrEnum):
    """A sign-off's `verdict`."""

    APPROVE = "approve"
    REJECT = "reject"


APPROVE, REJECT = Verdict.APPROVE, Verdict.REJECT
VERDICTS = tuple(Verdict)
# The member for a string the file holds: a dictionary look-up, where Verdict(text) takes
# thirty times as long (readers make one for each of a national file's 30,000 sign-offs).
VERDICT_OF: dict[str, Verdict] = {verdict.value: verdict for verdict in Verdict}


class Order(StrEnum):
    """`[review] order`: whether a stage approves only after every earlier stage has (決裁 in
    order, the default) or in any order (an office that allows 後閲, approval after the fact)."""

    STAGES = "stages"
    ANY = "any"


IN_ORDER, ANY_ORDER = Order.STAGES, Order.ANY
ORDERS = tuple(Order)


class CommitMode(StrEnum):
    """`[git] commit`: whether the sign-off that completes an item commits it (on-approve)
    or the office runs `pctui commit` (manual, the default)."""

    ON_APPROVE = "on-approve"
    MANUAL = "manual"


COMMIT_MODES = tuple(CommitMode)


class _TextDigest:
    """A revision's `digest`, computed on first use and then kept in the revision's own
    attributes, where later reads find it directly (as functools.cached_property does,
    without the lock Python 3.11 takes on every first read: 20 ms for a national file)."""

    @overload
    def __get__(self, revision: None, owner: type[Revision]) -> _TextDigest: ...
    @overload
    def __get__(self, revision: Revision, owner: type[Revision]) -> str: ...
    def __get__(self, revision: Revision | None, owner: type[Revision]) -> str | _TextDigest:
        if revision is None:
            return self
        value = text_digest(revision.text)
        revision.__dict__["digest"] = value
        return value


@dataclass(frozen=True)
class Revision:
    """One version of an item's draft response. Revisions are only ever appended."""

    author: str
    at: dt.datetime
    text: str
    note: str | None = None

    digest = _TextDigest()  # the digest a sign-off of this revision must carry (not a field)


@dataclass
class Signoff:
    """A reviewer's verdict on one revision at one stage, bound to its text by a digest.

    `withdrawn` is set (never cleared) when the signer takes the sign-off back; the record
    itself stays so that history and item-level merges remain append-only.
    """

    stage: str
    by: str
    at: dt.datetime
    revision: int
    digest: str
    verdict: Verdict
    comment: str | None = None
    withdrawn: dt.datetime | None = None


@dataclass
class Item:
    """One (possibly merged) opinion, the revisions of its response and their sign-offs."""

    no: int
    section: str
    opinion: str
    topic: str | None = None
    count: int = 1
    klass: str | None = None
    revisions: list[Revision] = field(default_factory=list)
    signoffs: list[Signoff] = field(default_factory=list)

    @property
    def current(self) -> Revision | None:
        """The current draft response: the last revision, or None when nothing is drafted."""
        return self.revisions[-1] if self.revisions else None

    @property
    def current_index(self) -> int:
        """1-based index of the current revision (0 when there is none)."""
        return len(self.revisions)


@dataclass(frozen=True)
class Reviewer:
    """A login allowed to sign some stages, with the name and email used in commit trailers."""

    login: str
    stages: tuple[str, ...]
    name: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class OutcomeClass:
    """An outcome class of a response (反映, 参考, …)."""

    id: str
    label: str


@dataclass
class Review:
    """How responses are approved: the ordered stages and who may sign each."""

    stages: list[str]
    reviewers: dict[str, Reviewer]
    classes: list[OutcomeClass] = field(default_factory=list)
    allow_self_approval: bool = False
    order: Order = Order.STAGES

    def stages_of(self, login: str) -> tuple[str, ...]:
        """Stages `login` may sign, in review order (empty when not a reviewer)."""
        reviewer = self.reviewers.get(login)
        if reviewer is None:
            return ()
        return tuple(s for s in self.stages if s in reviewer.stages)


@dataclass(frozen=True)
class Section:
    """A group of items in the published table."""

    id: str
    title: str


@dataclass
class Intake:
    """How opinions could be submitted and how many submitters used each method."""

    methods: list[str] = field(default_factory=list)
    submitters: dict[str, int] = field(default_factory=dict)
    submitter_unit: str = "人"

    @property
    def total_submitters(self) -> int:
        """Sum of submitters over every method."""
        return sum(self.submitters.values())


@dataclass
class Meta:
    """The consultation's facts (the `[consultation]` table)."""

    id: str
    title: str
    organization: str = ""
    department: str = ""
    opened: dt.date | None = None
    closed: dt.date | None = None
    url: str = ""
    places: list[str] = field(default_factory=list)
    opinion_heading: str = "寄せられたご意見"
    response_heading: str = "考え方"
    language: str = "ja"
    timezone: str = ""  # an IANA name ("Asia/Tokyo"); "" when the file names none (zones.py)


@dataclass
class Consultation:
    """A whole consultation: facts, intake, review rules, sections and items."""

    meta: Meta
    intake: Intake
    review: Review
    sections: list[Section]
    items: list[Item]
    commit_mode: CommitMode = CommitMode.MANUAL

    def item(self, no: int) -> Item | None:
        """The item numbered `no`, or None."""
        for item in self.items:
            if item.no == no:
                return item
        return None

    def section(self, section_id: str) -> Section | None:
        """The section with id `section_id`, or None."""
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    @property
    def total_opinions(self) -> int:
        """Number of opinions received: the sum of every item's `count`."""
        return sum(item.count for item in self.items)
