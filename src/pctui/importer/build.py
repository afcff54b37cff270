"""Turning what a reader found into a consultation: sections, classes, revision 1 of each response.

A source whose answers each cover one opinion, numbered once through, becomes a format-1
file as before. One that needs more becomes format 2 (docs/format.md): an answer covering
several opinions (a merged or, with --empty-answer same-as-above, an empty answer cell),
numbering that starts again under outcome groups, or totals printed above the table. Its
items are numbered in the order read and keep the published numbers as opinion labels.

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
    Layout,
    Meta,
    Opinion,
    OutcomeClass,
    Review,
    Reviewer,
    Revision,
    Section,
    Summary,
)

DEFAULT_STAGES = ["担当", "係長", "課長"]
DEFAULT_SECTION = "ご意見"
DEFAULT_OPINION_HEADING = "寄せられたご意見"
DEFAULT_RESPONSE_HEADING = "考え方"


def needs_format_2(raw: RawDocument) -> bool:
    """Whether `raw` holds what only format 2 keeps (see the module docstring)."""
    return raw.shaped_as_format_2()


def _sections(raw: RawDocument) -> tuple[list[Section], dict[str, str]]:
    titles = raw.sections or [""]
    if any(item.section == "" for item in raw.items) and "" not in titles:
        titles = ["", *titles]
    ids = {name: str(number) for number, name in enumerate(titles, start=1)}
    sections = [
        Section(ids[name], name or DEFAULT_SECTION, raw.section_labels.get(name, ""))
        for name in titles
    ]
    return sections, ids


def _items(raw: RawDocument, ids: dict[str, str], login: str, at: dt.datetime) -> list[Item]:
    """Format 1: one opinion per item, numbered as published, in number order."""
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
    return items


def _answers(raw: RawDocument, ids: dict[str, str], login: str, at: dt.datetime) -> list[Item]:
    """Format 2: one item per answer, numbered in the order read, its opinions labelled as
    published."""
    items = []
    for no, found in enumerate(raw.items, start=1):
        revisions = [Revision(author=login, at=at, text=found.response)] if found.response else []
        opinions = [Opinion(o.label, o.text, o.count) for o in found.opinions]
        summaries = [Summary(login, at, found.summary)] if found.summary else []
        items.append(
            Item(
                no=no,
                section=ids[found.section],
                topic=found.topic,
                klass=found.klass or None,
                revisions=revisions,
                opinions=opinions,
                summaries=summaries,
            )
        )
    return items


def to_consultation(
    raw: RawDocument, login: str, at: dt.datetime, consultation_id: str, title: str = ""
) -> Consultation:
    """The consultation `raw` describes, every response revision 1 by `login` at `at`."""
    sections, ids = _sections(raw)
    second = needs_format_2(raw)
    items = _answers(raw, ids, login, at) if second else _items(raw, ids, login, at)
    submitters = {m: raw.submitters.get(m, 0) for m in raw.methods} if raw.submitters else {}
    # A source that printed every opinion on its own row under its answer is published so.
    listed = bool(raw.joined_merged or raw.joined_empty or raw.joined_repeated)
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
        layout=Layout.LISTED if listed else Layout.SUMMARY,
    )
    review = Review(
        stages=list(DEFAULT_STAGES),
        reviewers={login: Reviewer(login=login, stages=(DEFAULT_STAGES[0],))},
        classes=[OutcomeClass(label, label) for label in raw.classes],
    )
    intake = Intake(
        methods=list(raw.methods),
        submitters=submitters,
        submitter_unit=raw.submitter_unit or "人",
        published_submitters=raw.published_submitters if second else None,
        published_opinions=raw.published_opinions if second else None,
        submissions=(
            {m: raw.submissions.get(m, 0) for m in raw.methods}
            if second and raw.submissions
            else {}
        ),
        submitters_total=raw.submitters_total if second else None,
    )
    return Consultation(
        meta=meta,
        intake=intake,
        review=review,
        sections=sections,
        items=items,
        format=2 if second else 1,
    )
