"""Turning what a reader found into a consultation: sections, classes, revision 1 of each response.

The review section is a starting point the office edits: the stages 担当 → 係長 → 課長 and
the importing login as a reviewer of the first stage. The importing login is the author of
every imported response (revision 1), so another reviewer signs the first stage.
"""

from __future__ import annotations

import datetime as dt

from pctui.importer.raw import RawDocument
from pctui.model.records import (
    Consultation,
    Intake,
    Item,
    Meta,
    OutcomeClass,
    Review,
    Reviewer,
    Revision,
    Section,
)

DEFAULT_STAGES = ["担当", "係長", "課長"]
DEFAULT_SECTION = "ご意見"
DEFAULT_OPINION_HEADING = "寄せられたご意見"
DEFAULT_RESPONSE_HEADING = "考え方"


def to_consultation(
    raw: RawDocument, login: str, at: dt.datetime, consultation_id: str, title: str = ""
) -> Consultation:
    """The consultation `raw` describes, every response revision 1 by `login` at `at`."""
    titles = raw.sections or [""]
    if any(item.section == "" for item in raw.items) and "" not in titles:
        titles = ["", *titles]
    ids = {name: str(number) for number, name in enumerate(titles, start=1)}
    sections = [Section(ids[name], name or DEFAULT_SECTION) for name in titles]
    classes = list(raw.classes)
    items = []
    for found in sorted(raw.items, key=lambda i: i.no):
        revisions = [Revision(author=login, at=at, text=found.response)] if found.response else []
        items.append(
            Item(
                no=found.no,
                section=ids[found.section],
                opinion=found.opinion,
                topic=found.topic,
                count=found.count,
                klass=found.klass or None,
                revisions=revisions,
            )
        )
    submitters = {m: raw.submitters.get(m, 0) for m in raw.methods} if raw.submitters else {}
    meta = Meta(
        id=consultation_id,
        title=title or raw.title or consultation_id,
        organization=raw.organization,
        opened=raw.opened,
        closed=raw.closed,
        url=raw.url,
        places=list(raw.places),
        opinion_heading=raw.opinion_heading or DEFAULT_OPINION_HEADING,
        response_heading=raw.response_heading or DEFAULT_RESPONSE_HEADING,
    )
    review = Review(
        stages=list(DEFAULT_STAGES),
        reviewers={login: Reviewer(login=login, stages=(DEFAULT_STAGES[0],))},
        classes=[OutcomeClass(label, label) for label in classes],
    )
    intake = Intake(
        methods=list(raw.methods), submitters=submitters, submitter_unit=raw.submitter_unit or "人"
    )
    return Consultation(meta=meta, intake=intake, review=review, sections=sections, items=items)
