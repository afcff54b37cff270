"""Reads the header of a consultation file (everything before the first item) into the model."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from pctui.base.problems import WARNING
from pctui.base.record_class import field, record
from pctui.i18n import _
from pctui.model.records import (
    COMMIT_MODES,
    IN_ORDER,
    LAYOUTS,
    ORDERS,
    CommitMode,
    Intake,
    Layout,
    Meta,
    Order,
    OutcomeClass,
    Review,
    Reviewer,
    Section,
)
from pctui.model.zones import zone_named
from pctui.storage.checker import (
    BOOL,
    DATE,
    INT,
    STR,
    STR_LIST,
    TABLE,
    TABLE_LIST,
    Checker,
)
from pctui.storage.one_line_check import check_methods, check_review_values, check_section_id
from pctui.storage.opinion_schema import format_two_only

FORMAT_VERSION = 1  # what a new file is written as, unless it needs format 2
FORMAT_VERSIONS = (1, 2)
LANGUAGES = ("ja", "en")
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
TOP_KEYS = ("format", "consultation", "intake", "review", "git", "sections", "items")
CONSULTATION_KEYS = (
    "id", "title", "organization", "department", "opened", "closed", "url", "places",
    "opinion_heading", "response_heading", "language", "timezone", "layout",
    "publish_by",
)  # fmt: skip
INTAKE_KEYS = (
    "methods", "submitters", "submitter_unit", "published_submitters", "published_opinions",
    "submissions", "submitters_total", "opinions_received", "registry", "publish_submitted",
)  # fmt: skip
# Format 2 only: the totals as printed, and the counts `pctui intake tally` computes.
INTAKE_COUNTS = ("published_submitters", "published_opinions", "submitters_total",
                 "opinions_received")  # fmt: skip


@record()
class Header:
    """Everything a file says about the consultation apart from its items."""

    meta: Meta
    intake: Intake
    review: Review
    sections: list[Section] = field(default_factory=list)
    commit_mode: CommitMode = CommitMode.MANUAL
    format: int = FORMAT_VERSION

    def __init__(
        self,
        meta: Meta,
        intake: Intake,
        review: Review,
        sections: list[Section] | None = None,
        commit_mode: CommitMode = CommitMode.MANUAL,
        format: int = FORMAT_VERSION,
    ) -> None:
        self.meta = meta
        self.intake = intake
        self.review = review
        self.sections = [] if sections is None else sections
        self.commit_mode = commit_mode
        self.format = format

    @cached_property
    def section_ids(self) -> frozenset[str]:
        """The ids of the sections (looked up once for each of thousands of items)."""
        return frozenset(section.id for section in self.sections)

    @cached_property
    def class_ids(self) -> frozenset[str]:
        """The ids of review.classes."""
        return frozenset(c.id for c in self.review.classes)


def read_header(data: dict[str, Any], check: Checker) -> Header:
    """Build the header from parsed TOML, reporting every problem to `check`."""
    check.unknown_keys(data, TOP_KEYS, "")
    version = check.get(data, "format", INT, "", required=True)
    if version is not None and version not in FORMAT_VERSIONS:
        check.report(
            "",
            0,
            "format",
            _("format = {version} is not supported (this pctui reads format = 1 and 2)").format(
                version=version
            ),
        )
    version = version if version in FORMAT_VERSIONS else FORMAT_VERSION
    facts = check.get(data, "consultation", TABLE, "", required=True)
    meta = _read_meta(facts or {}, version, check if facts is not None else _quiet(check))
    intake = _read_intake(check.get(data, "intake", TABLE, "", default={}), version, check)
    rules = check.get(data, "review", TABLE, "", required=True)
    review = _read_review(rules or {}, check if rules is not None else _quiet(check))
    check_review_values(review, check)  # they go into commit messages line by line
    sections = _read_sections(
        check.get(data, "sections", TABLE_LIST, "", default=[]), version, check
    )
    git = check.get(data, "git", TABLE, "", default={})
    check.unknown_keys(git, ("commit",), "git")
    mode = check.get(git, "commit", STR, "git", default=CommitMode.MANUAL)
    if mode not in COMMIT_MODES:
        message = _("git.commit must be one of {modes}").format(modes=", ".join(COMMIT_MODES))
        check.report("git", 0, "commit", message)
        mode = CommitMode.MANUAL
    return Header(meta, intake, review, sections, CommitMode(mode), version)


def _quiet(check: Checker) -> Checker:
    """A checker that drops what it is told: for a table already reported missing or not a
    table, whose every required key would otherwise be reported missing as well."""
    return Checker(check.path, check.locator, [])


def _read_meta(table: dict[str, Any], version: int, check: Checker) -> Meta:
    t = "consultation"
    check.unknown_keys(table, CONSULTATION_KEYS, t)
    slug = check.get(table, "id", STR, t, required=True, default="")
    if slug and not SLUG.match(slug):
        message = _("consultation.id {id} must be a slug: a-z, 0-9, '-', '_', '.'").format(
            id=repr(slug)
        )
        check.report(t, 0, "id", message)
    meta = Meta(
        id=slug,
        title=check.get(table, "title", STR, t, required=True, default=""),
        organization=check.get(table, "organization", STR, t, default=""),
        department=check.get(table, "department", STR, t, default=""),
        opened=check.get(table, "opened", DATE, t),
        closed=check.get(table, "closed", DATE, t),
        url=check.get(table, "url", STR, t, default=""),
        places=check.get(table, "places", STR_LIST, t, default=[]),
        opinion_heading=check.get(table, "opinion_heading", STR, t, default="寄せられたご意見"),
        response_heading=check.get(table, "response_heading", STR, t, default="考え方"),
        language=check.get(table, "language", STR, t, default="ja"),
        timezone=check.get(table, "timezone", STR, t, default=""),
        publish_by=check.get(table, "publish_by", DATE, t),
    )
    if version < 2:
        format_two_only(table, ("layout",), t, check)
    elif (layout := check.get(table, "layout", STR, t)) is not None:
        if layout in LAYOUTS:
            meta.layout = Layout(layout)
        else:
            message = _("consultation.layout must be one of {layouts}").format(
                layouts=", ".join(LAYOUTS)
            )
            check.report(t, 0, "layout", message)
    if meta.language not in LANGUAGES:
        message = _("consultation.language must be one of {languages}").format(languages=LANGUAGES)
        check.report(t, 0, "language", message)
    if isinstance(table.get("timezone"), str) and zone_named(meta.timezone) is None:
        message = _(
            "consultation.timezone {name} is not a time zone: give an IANA name such as "
            '"Asia/Tokyo"'
        ).format(name=repr(meta.timezone))
        check.report(t, 0, "timezone", message)
    if meta.opened and meta.closed and meta.closed < meta.opened:
        check.report(t, 0, "closed", _("consultation.closed is before consultation.opened"))
    if meta.closed and meta.publish_by and meta.publish_by < meta.closed:
        # A result is published after the opinions are in: an earlier date is a typo, said
        # as a warning since only the progress board reads the date.
        message = _("consultation.publish_by is before consultation.closed")
        check.report(t, 0, "publish_by", message, WARNING)
    return meta


def _read_intake(table: dict[str, Any], version: int, check: Checker) -> Intake:
    t = "intake"
    check.unknown_keys(table, INTAKE_KEYS, t)
    methods = check.get(table, "methods", STR_LIST, t, default=[])
    check_methods(methods, check)  # rows of the intake table
    submitters: dict[str, int] = {}
    raw = check.get(table, "submitters", TABLE, t, default={})
    for method, number in raw.items():
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            message = _("intake.submitters.{method} must be a count >= 0").format(method=method)
            check.report(t, 0, "submitters", message)
            continue
        if methods and method not in methods:
            message = _("intake.submitters has {method}, not in intake.methods").format(
                method=repr(method)
            )
            check.report(t, 0, "submitters", message)
        submitters[method] = number
    unit = check.get(table, "submitter_unit", STR, t, default="人")
    registry = check.get(table, "registry", STR, t, default="")
    publish_submitted = check.get(table, "publish_submitted", BOOL, t, default=False)
    intake = Intake(
        methods=methods,
        submitters=submitters,
        submitter_unit=unit,
        registry=registry,
        publish_submitted=publish_submitted,
    )
    if version < 2:
        format_two_only(table, (*INTAKE_COUNTS, "submissions"), t, check)
        return intake
    for key in INTAKE_COUNTS:
        number = check.get(table, key, INT, t)
        if number is not None and number < 0:
            message = _("intake.{key} must be a count >= 0").format(key=key)
            check.report(t, 0, key, message)
        elif number is not None:
            setattr(intake, key, number)
    raw = check.get(table, "submissions", TABLE, t, default={})
    for method, number in raw.items():
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            message = _("intake.submissions.{method} must be a count >= 0").format(method=method)
            check.report(t, 0, "submissions", message)
            continue
        if methods and method not in methods:
            message = _("intake.submissions has {method}, not in intake.methods").format(
                method=repr(method)
            )
            check.report(t, 0, "submissions", message)
        intake.submissions[method] = number
    return intake


def _read_review(table: dict[str, Any], check: Checker) -> Review:
    t = "review"
    check.unknown_keys(table, ("stages", "reviewers", "classes", "allow_self_approval", "order"), t)
    stages = check.get(table, "stages", STR_LIST, t, required=True, default=[])
    if "stages" in table and not stages:
        check.report(t, 0, "stages", _("review.stages must name at least one stage"))
    if len(set(stages)) != len(stages):
        check.report(t, 0, "stages", _("review.stages names a stage twice"))
    reviewers: dict[str, Reviewer] = {}
    for login, entry in check.get(table, "reviewers", TABLE, t, default={}).items():
        reviewer = _read_reviewer(login, entry, stages, check)
        if reviewer is not None:
            reviewers[login] = reviewer
    classes: list[OutcomeClass] = []
    for index, entry in enumerate(check.get(table, "classes", TABLE_LIST, t, default=[])):
        class_id = entry.get("id")
        label = entry.get("label", class_id)
        if not isinstance(class_id, str) or not isinstance(label, str):
            message = _("review.classes[{index}] needs a string id and label").format(index=index)
            check.report(t, 0, "classes", message)
            continue
        if any(c.id == class_id for c in classes):
            message = _("review.classes has id {id} twice").format(id=repr(class_id))
            check.report(t, 0, "classes", message)
        classes.append(OutcomeClass(class_id, label))
    allow = check.get(table, "allow_self_approval", BOOL, t, default=False)
    order = check.get(table, "order", STR, t, default=IN_ORDER)
    if order not in ORDERS:
        message = _("review.order must be one of {orders}").format(orders=", ".join(ORDERS))
        check.report(t, 0, "order", message)
        order = IN_ORDER
    return Review(stages, reviewers, classes, allow_self_approval=allow, order=Order(order))


def _read_reviewer(login: str, entry: Any, stages: list[str], check: Checker) -> Reviewer | None:
    t = "review.reviewers"
    name = email = None
    if isinstance(entry, list):
        signs = entry
    elif isinstance(entry, dict):
        check.unknown_keys(entry, ("stages", "name", "email"), t, inside=login)
        signs = entry.get("stages", [])
        name, email = entry.get("name"), entry.get("email")
        if not all(isinstance(v, str) for v in (name or "", email or "")):
            message = _("review.reviewers.{login}: name and email must be strings")
            check.report(t, 0, login, message.format(login=login))
            name = email = None
    else:
        message = _("review.reviewers.{login} must be an array of stages or a table")
        check.report(t, 0, login, message.format(login=login))
        return None
    if not all(isinstance(s, str) for s in signs):
        message = _("review.reviewers.{login}: stages must be strings").format(login=login)
        check.report(t, 0, login, message)
        return None
    for stage in signs:
        if stages and stage not in stages:
            message = _("review.reviewers.{login}: stage {stage} is not in review.stages")
            check.report(t, 0, login, message.format(login=login, stage=repr(stage)))
    return Reviewer(login=login, stages=tuple(signs), name=name, email=email)


def _read_sections(tables: list[dict[str, Any]], version: int, check: Checker) -> list[Section]:
    sections: list[Section] = []
    for index, table in enumerate(tables):
        check.unknown_keys(table, ("id", "title", "label"), "sections", index)
        section_id = check.get(table, "id", STR, "sections", index, required=True)
        title = check.get(table, "title", STR, "sections", index, default="")
        if version < 2:
            format_two_only(table, ("label",), "sections", check, index)
        label = check.get(table, "label", STR, "sections", index, default="") if version > 1 else ""
        # An id, like an opinion's label: the status table's cell (a title is a text,
        # shown through `inert`, its hidden characters warned of by validate).
        check_section_id(index, section_id, check)
        if section_id is None:
            continue
        if any(s.id == section_id for s in sections):
            message = _("section id {id} is used twice").format(id=repr(section_id))
            check.report("sections", index, "id", message)
            continue
        sections.append(Section(section_id, title, label))
    return sections
