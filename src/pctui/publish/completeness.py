"""Before publishing: what a result under 行政手続法 第43条 needs and the file lacks.

第43条 asks the body to publish the title of the rule, the date the draft was announced,
the opinions submitted (or that there were none) and the result of considering each. So a
missing title, a missing date or an opinion without a response stops publication; things
a reader would miss but the law does not name (where it is posted, how to send opinions,
totals that look wrong) are reported as warnings. Which items are not yet approved is a
separate question (`unapproved`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pctui.base.inert import HIDDEN, LINE_BREAK, suspicious
from pctui.i18n import _
from pctui.model.records import Consultation, Item
from pctui.model.state import APPROVED, State, item_state
from pctui.publish.document import printed_total

HEADER = "consultation"
INTAKE = "intake"
REVIEW = "review"
ITEMS = "items"
REVISIONS = "items.revisions"


@dataclass(frozen=True)
class Where:
    """Where in the file a finding points: a header table's key, or a key of item `no`."""

    table: str
    key: str | None = None
    no: int | None = None  # None for the header tables
    index: int = 0  # which revision, for items.revisions


@dataclass(frozen=True)
class Finding:
    """One thing the publication lacks; `blocking` ones stop publishing unless --draft."""

    message: str
    blocking: bool
    where: Where


def _header_findings(consultation: Consultation) -> list[Finding]:
    meta, intake = consultation.meta, consultation.intake
    found: list[Finding] = []

    def add(message: str, blocking: bool, table: str, key: str) -> None:
        found.append(Finding(message, blocking, Where(table, key)))

    if not meta.title.strip():
        add(_("第43条: the title (consultation.title) is empty"), True, HEADER, "title")
    if meta.opened is None:
        add(
            _("第43条: the date the draft was announced (consultation.opened) is not set"),
            True,
            HEADER,
            "opened",
        )
    if meta.closed is None:
        add(
            _("the closing date of the period (consultation.closed) is not set"),
            True,
            HEADER,
            "closed",
        )
    if not meta.organization.strip():
        add(
            _("consultation.organization is not set: the result cannot name who answers"),
            False,
            HEADER,
            "organization",
        )
    if not meta.places and not meta.url:
        add(
            _("where the result is published is not set (consultation.places, consultation.url)"),
            False,
            HEADER,
            "places",
        )
    if not intake.methods:
        add(_("how opinions could be sent (intake.methods) is not set"), False, INTAKE, "methods")
    # A result imported as published (format 2) records its submitters as printed ("33者62
    # 件", intake.published_submitters) without a count by method: those are the numbers the
    # result prints (see publish.document), so they are what must be there and add up.
    total_submitters = printed_total(intake.published_submitters, intake.total_submitters)
    total_opinions = printed_total(intake.published_opinions, consultation.total_opinions)
    if consultation.items and total_submitters == 0:
        add(
            _("{count} items but no submitters counted in intake.submitters").format(
                count=len(consultation.items)
            ),
            True,
            INTAKE,
            "submitters",
        )
    elif total_opinions < total_submitters:
        add(
            _(
                "fewer opinions ({opinions}, the sum of items' count) than "
                "submitters ({submitters}); check intake.submitters and each count"
            ).format(opinions=total_opinions, submitters=total_submitters),
            False,
            INTAKE,
            "submitters",
        )
    for method in intake.submitters:
        if intake.methods and method not in intake.methods:
            add(
                _("intake.submitters counts {method}, which is not in intake.methods").format(
                    method=repr(method)
                ),
                False,
                INTAKE,
                "submitters",
            )
    if not consultation.items:
        add(
            _("no opinions: the result will say なし (第43条: that there were none is published)"),
            False,
            HEADER,
            "title",
        )
    return found


def _item_findings(item: Item, consultation: Consultation) -> list[Finding]:
    found: list[Finding] = []
    current = item.current
    if not item.opinion.strip():
        found.append(
            Finding(
                _("No.{no}: the opinion is empty").format(no=item.no),
                True,
                Where(ITEMS, "opinion", item.no),
            )
        )
    if current is None or not current.text.strip():
        found.append(
            Finding(
                _("第43条: No.{no} has no response").format(no=item.no),
                True,
                Where(ITEMS, "opinion", item.no),
            )
        )
    if consultation.review.classes and not item.klass:
        found.append(
            Finding(
                _("No.{no} has no outcome class (review.classes is set)").format(no=item.no),
                False,
                Where(ITEMS, "no", item.no),
            )
        )
    texts = [(Where(ITEMS, "opinion", item.no), item.opinion)]
    if current is not None:
        where = Where(REVISIONS, "text", item.no, item.current_index - 1)
        texts.append((where, current.text))
    published_as = {
        HIDDEN: _("No.{no}: {character} at character {offset} is published as a visible mark"),
        LINE_BREAK: _("No.{no}: {character} at character {offset} is published as a line break"),
    }
    for where, text in texts:
        marks = suspicious(text)
        for kind, message in published_as.items():
            first = next((mark for mark in marks if mark.kind == kind), None)
            if first is not None:
                said = message.format(
                    no=item.no, character=first.description, offset=first.offset + 1
                )
                found.append(Finding(said, False, where))
    return found


def completeness(consultation: Consultation) -> list[Finding]:
    """Every finding, header first, then items in file order."""
    found = _header_findings(consultation)
    for item in consultation.items:
        found += _item_findings(item, consultation)
    return found


def unapproved(consultation: Consultation) -> list[tuple[Item, State]]:
    """(item, state) of every item whose current revision is not approved, in file order."""
    review = consultation.review
    found = []
    for item in consultation.items:
        state = item_state(item, review)
        if state != APPROVED:
            found.append((item, state))
    return found
