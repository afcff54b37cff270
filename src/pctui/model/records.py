"""The records a consultation file holds, as plain dataclasses (no I/O, no UI).

Each is a `record` (base/record_class.py): a dataclass whose `__init__` is written here and
whose other methods are shared, none compiled at every start.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import overload

from pctui.base.record_class import field, record, replace
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


class Layout(StrEnum):
    """`[consultation] layout` (format 2): one published row per item (its summary, or its
    single opinion, the count and the answer), or one row per opinion with the answer
    spanning them."""

    SUMMARY = "summary"
    LISTED = "listed"


LAYOUTS = tuple(Layout)


_set = object.__setattr__  # how a frozen record's __init__ sets its fields


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


@record(frozen=True)
class Revision:
    """One version of an item's draft response. Revisions are only ever appended."""

    author: str
    at: dt.datetime
    text: str
    note: str | None = None

    digest = _TextDigest()  # the digest a sign-off of this revision must carry (not a field)

    def __init__(self, author: str, at: dt.datetime, text: str, note: str | None = None) -> None:
        _set(self, "author", author)
        _set(self, "at", at)
        _set(self, "text", text)
        _set(self, "note", note)


@record()
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
    # Format 2: the digest of the opinions and summary the answer was approved for
    # (digest.basis_digest); None for a sign-off given in format 1.
    basis: str | None = None

    def __init__(
        self,
        stage: str,
        by: str,
        at: dt.datetime,
        revision: int,
        digest: str,
        verdict: Verdict,
        comment: str | None = None,
        withdrawn: dt.datetime | None = None,
        basis: str | None = None,
    ) -> None:
        self.stage = stage
        self.by = by
        self.at = at
        self.revision = revision
        self.digest = digest
        self.verdict = verdict
        self.comment = comment
        self.withdrawn = withdrawn
        self.basis = basis


@record(frozen=True)
class Opinion:
    """One opinion as the result publishes it: its label ("12", "Ⅱ-4"), its text, how many
    opinions of this tenor it stands for (件) and where they came from (intake references):
    listed in `sources`, or, for a group too large to list, `members`: the digest of the
    list of opinion ids frozen in the intake registry (`pctui.intake.member_lists`)."""

    label: str
    text: str
    count: int = 1
    sources: tuple[str, ...] = ()
    members: str = ""

    def __init__(
        self,
        label: str,
        text: str,
        count: int = 1,
        sources: tuple[str, ...] = (),
        members: str = "",
    ) -> None:
        _set(self, "label", label)
        _set(self, "text", text)
        _set(self, "count", count)
        _set(self, "sources", sources)
        _set(self, "members", members)


@record(frozen=True)
class Summary:
    """A revision of an item's 意見の概要, written by staff. Appended, never edited: the last
    one is the current summary."""

    author: str
    at: dt.datetime
    text: str

    def __init__(self, author: str, at: dt.datetime, text: str) -> None:
        _set(self, "author", author)
        _set(self, "at", at)
        _set(self, "text", text)


@record(frozen=True)
class Assignment:
    """Who an item was given to for drafting (`to`, "" when taken off everyone), by whom
    and when. Appended, never edited: the last one names the assignee, the earlier ones
    are the item's history (and two clones merge them like revisions)."""

    to: str
    by: str
    at: dt.datetime

    def __init__(self, to: str, by: str, at: dt.datetime) -> None:
        _set(self, "to", to)
        _set(self, "by", by)
        _set(self, "at", at)


@record(frozen=True)
class Note:
    """An internal note (内部メモ) on an item: staff's words to each other, kept in the
    file and in git and never published. Appended, never edited."""

    by: str
    at: dt.datetime
    text: str

    def __init__(self, by: str, at: dt.datetime, text: str) -> None:
        _set(self, "by", by)
        _set(self, "at", at)
        _set(self, "text", text)


class MoveAction(StrEnum):
    """A move record's `action` (format 2): what moved opinions between two items."""

    MOVE = "move"  # one opinion to another item
    MERGE = "merge"  # a whole item into another, which it leaves
    SPLIT = "split"  # opinions off into a new item
    # An intake group (issue 17) made an opinion of an item: `source` is then 0, the
    # intake registry, which is no item.
    ACCEPT = "accept"  # as the one opinion of a new item
    ATTACH = "attach"  # as one more opinion of an item


MOVE_ACTION_OF: dict[str, MoveAction] = {action.value: action for action in MoveAction}


@record(frozen=True)
class Move:
    """A record, kept in each item it changed, of opinions moved between two items (format
    2): the action, the item they left (`source`, the file's `from`) and the one they joined
    (`target`, `to`), their labels then, who and when, and the item's basis before (`was`;
    "" for a split's new item) and after. Appended, never edited: the item's history of
    what it answered, and which of its sign-offs each action left stale."""

    action: MoveAction
    source: int
    target: int
    labels: tuple[str, ...]
    by: str
    at: dt.datetime
    was: str
    basis: str

    def __init__(
        self,
        action: MoveAction,
        source: int,
        target: int,
        labels: tuple[str, ...],
        by: str,
        at: dt.datetime,
        was: str,
        basis: str,
    ) -> None:
        _set(self, "action", action)
        _set(self, "source", source)
        _set(self, "target", target)
        _set(self, "labels", labels)
        _set(self, "by", by)
        _set(self, "at", at)
        _set(self, "was", was)
        _set(self, "basis", basis)


@record()
class Item:
    """The unit of answer and of sign-off: one or more opinions, an optional summary of
    them, the revisions of the response and their sign-offs.

    A format-1 item is an item with exactly one opinion, labelled with its No., and no
    summary: `Item(no, section, opinion, count=…)` builds one, as before format 2, and
    `opinion` and `count` read (and, for such an item, set) that one opinion.
    """

    no: int
    section: str
    topic: str | None
    klass: str | None
    revisions: list[Revision]
    signoffs: list[Signoff]
    opinions: list[Opinion]
    summaries: list[Summary]
    assignments: list[Assignment]
    notes: list[Note]
    moves: list[Move]

    def __init__(
        self,
        no: int,
        section: str,
        opinion: str | None = None,
        topic: str | None = None,
        count: int | None = None,
        klass: str | None = None,
        revisions: list[Revision] | None = None,
        signoffs: list[Signoff] | None = None,
        opinions: list[Opinion] | None = None,
        summaries: list[Summary] | None = None,
        assignments: list[Assignment] | None = None,
        notes: list[Note] | None = None,
        moves: list[Move] | None = None,
    ) -> None:
        self.no = no
        self.assignments = [] if assignments is None else assignments
        self.notes = [] if notes is None else notes
        self.moves = [] if moves is None else moves
        self.section = section
        self.topic = topic
        self.klass = klass
        self.revisions = [] if revisions is None else revisions
        self.signoffs = [] if signoffs is None else signoffs
        self.summaries = [] if summaries is None else summaries
        if opinions is None:
            self.opinions = [Opinion(str(no), opinion or "", 1 if count is None else count)]
            return
        self.opinions = opinions
        # Both given (dataclasses.replace(item, opinion=…), as git's merge builds a variant
        # of a format-1 item): the shorthand sets the one opinion.
        if opinion is not None:
            self.opinion = opinion
        if count is not None:
            self.count = count

    @property
    def opinion(self) -> str:
        """The text a one-row view shows: the current summary, else the single opinion's
        text, else every opinion after its label."""
        if self.summaries:
            return self.summaries[-1].text
        if len(self.opinions) == 1:
            return self.opinions[0].text
        return "\n\n".join(f"{o.label}　{o.text}" for o in self.opinions)

    @opinion.setter
    def opinion(self, text: str) -> None:
        self.opinions = [replace(self._single("opinion"), text=text)]

    @property
    def count(self) -> int:
        """How many opinions the item answers (件): the sum of its opinions' counts."""
        return sum(o.count for o in self.opinions)

    @count.setter
    def count(self, count: int) -> None:
        self.opinions = [replace(self._single("count"), count=count)]

    def _single(self, name: str) -> Opinion:
        """The one opinion of a format-1 shaped item, which `opinion` and `count` may set."""
        if len(self.opinions) != 1 or self.summaries:
            raise AttributeError(f"{name} is set only on an item with one opinion and no summary")
        return self.opinions[0]

    @property
    def assignee(self) -> str | None:
        """The login drafting this item: the last assignment's, or None when the item was
        never assigned or was taken off its assignee."""
        return (self.assignments[-1].to or None) if self.assignments else None

    @property
    def summary(self) -> Summary | None:
        """The current summary: the last one, or None when staff wrote none."""
        return self.summaries[-1] if self.summaries else None

    @property
    def current(self) -> Revision | None:
        """The current draft response: the last revision, or None when nothing is drafted."""
        return self.revisions[-1] if self.revisions else None

    @property
    def current_index(self) -> int:
        """1-based index of the current revision (0 when there is none)."""
        return len(self.revisions)


@record(frozen=True)
class Reviewer:
    """A login allowed to sign some stages, with the name and email used in commit trailers."""

    login: str
    stages: tuple[str, ...]
    name: str | None = None
    email: str | None = None

    def __init__(
        self, login: str, stages: tuple[str, ...], name: str | None = None, email: str | None = None
    ) -> None:
        _set(self, "login", login)
        _set(self, "stages", stages)
        _set(self, "name", name)
        _set(self, "email", email)


@record(frozen=True)
class OutcomeClass:
    """An outcome class of a response (反映, 参考, …)."""

    id: str
    label: str

    def __init__(self, id: str, label: str) -> None:
        _set(self, "id", id)
        _set(self, "label", label)


@record()
class Review:
    """How responses are approved: the ordered stages and who may sign each."""

    stages: list[str]
    reviewers: dict[str, Reviewer]
    classes: list[OutcomeClass] = field(default_factory=list)
    allow_self_approval: bool = False
    order: Order = Order.STAGES

    def __init__(
        self,
        stages: list[str],
        reviewers: dict[str, Reviewer],
        classes: list[OutcomeClass] | None = None,
        allow_self_approval: bool = False,
        order: Order = Order.STAGES,
    ) -> None:
        self.stages = stages
        self.reviewers = reviewers
        self.classes = [] if classes is None else classes
        self.allow_self_approval = allow_self_approval
        self.order = order

    def stages_of(self, login: str) -> tuple[str, ...]:
        """Stages `login` may sign, in review order (empty when not a reviewer)."""
        reviewer = self.reviewers.get(login)
        if reviewer is None:
            return ()
        return tuple(s for s in self.stages if s in reviewer.stages)


@record(frozen=True)
class Section:
    """A group of items in the published table: a part of the draft, or an outcome group
    (Ⅰ 修正 / Ⅱ その他) whose opinion labels may restart from 1."""

    id: str
    title: str
    label: str = ""  # as published before the title ("Ⅰ"); format 2 only

    def __init__(self, id: str, title: str, label: str = "") -> None:
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "label", label)


@record()
class Intake:
    """How opinions could be submitted and how many submitters used each method."""

    methods: list[str] = field(default_factory=list)
    submitters: dict[str, int] = field(default_factory=dict)
    submitter_unit: str = "人"
    # Format 2: the totals as the result printed them (○者○件), which may be more than
    # the listed opinions add up to when only the main ones are listed; None when not given.
    published_submitters: int | None = None
    published_opinions: int | None = None
    # Format 2, computed from the registry by `pctui intake tally` (pctui.intake.tally):
    # submissions (通) per method, the distinct submitters (人) over every method (one who
    # used two methods is one; None: the sum of `submitters`), and the opinions (件) the
    # registry holds, which validate compares with the items' counts.
    submissions: dict[str, int] = field(default_factory=dict)
    submitters_total: int | None = None
    opinions_received: int | None = None
    # Where the intake registry (personal data, never in git) is, when not beside the file.
    registry: str = ""
    # Whether `pctui publish` adds the submitted opinions (提出意見, redacted, from the
    # registry) under the items that answer them.
    publish_submitted: bool = False

    def __init__(
        self,
        methods: list[str] | None = None,
        submitters: dict[str, int] | None = None,
        submitter_unit: str = "人",
        published_submitters: int | None = None,
        published_opinions: int | None = None,
        submissions: dict[str, int] | None = None,
        submitters_total: int | None = None,
        opinions_received: int | None = None,
        registry: str = "",
        publish_submitted: bool = False,
    ) -> None:
        self.methods = [] if methods is None else methods
        self.submitters = {} if submitters is None else submitters
        self.submitter_unit = submitter_unit
        self.published_submitters = published_submitters
        self.published_opinions = published_opinions
        self.submissions = {} if submissions is None else submissions
        self.submitters_total = submitters_total
        self.opinions_received = opinions_received
        self.registry = registry
        self.publish_submitted = publish_submitted

    @property
    def total_submitters(self) -> int:
        """Submitters over every method: the registry's distinct count where tallied (one
        who sent by two methods counts once), else the sum over the methods."""
        if self.submitters_total is not None:
            return self.submitters_total
        return sum(self.submitters.values())

    @property
    def total_submissions(self) -> int:
        """Submissions (通) over every method, as tallied (0 when not)."""
        return sum(self.submissions.values())


@record()
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
    layout: Layout = Layout.SUMMARY  # format 2: how the result is published
    publish_by: dt.date | None = None  # the planned publication date, for the progress board

    def __init__(
        self,
        id: str,
        title: str,
        organization: str = "",
        department: str = "",
        opened: dt.date | None = None,
        closed: dt.date | None = None,
        url: str = "",
        places: list[str] | None = None,
        opinion_heading: str = "寄せられたご意見",
        response_heading: str = "考え方",
        language: str = "ja",
        timezone: str = "",
        layout: Layout = Layout.SUMMARY,
        publish_by: dt.date | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.organization = organization
        self.department = department
        self.opened = opened
        self.closed = closed
        self.url = url
        self.places = [] if places is None else places
        self.opinion_heading = opinion_heading
        self.response_heading = response_heading
        self.language = language
        self.timezone = timezone
        self.layout = layout
        self.publish_by = publish_by


@record()
class Consultation:
    """A whole consultation: facts, intake, review rules, sections and items."""

    meta: Meta
    intake: Intake
    review: Review
    sections: list[Section]
    items: list[Item]
    commit_mode: CommitMode = CommitMode.MANUAL
    format: int = 1  # the file's format version: 1, or 2 (several opinions per item)

    def __init__(
        self,
        meta: Meta,
        intake: Intake,
        review: Review,
        sections: list[Section],
        items: list[Item],
        commit_mode: CommitMode = CommitMode.MANUAL,
        format: int = 1,
    ) -> None:
        self.meta = meta
        self.intake = intake
        self.review = review
        self.sections = sections
        self.items = items
        self.commit_mode = commit_mode
        self.format = format

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
