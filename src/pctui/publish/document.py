"""What a published result says, computed once from a consultation and shared by every format.

Each renderer (Markdown, HTML, CSV, XLSX) only lays this out, so the four outputs cannot
disagree about a total, an order or a text. Text is passed through `inert` here: control,
bidi and invisible characters from the public never reach a published page raw.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from pctui.base.era import era_period, era_period_short
from pctui.base.inert import inert
from pctui.base.label_runs import joined
from pctui.base.labels import Labels, labels_for, office_name, self_name
from pctui.model.records import Consultation, Item, Layout, Meta
from pctui.model.state import item_state
from pctui.publish.submitted import SubmittedBlock


@dataclass(frozen=True)
class Row:
    """One item as published: its number, texts and labels."""

    no: int
    section: str  # the section's title
    topic: str
    count: int
    klass: str  # the outcome class's label ("" when none)
    opinion: str
    response: str
    state: str  # the item's state, in the publication's language
    # Format 2: the No. as published (the opinion's label, or the labels of the item's
    # opinions on its one row); "" in format 1, where it is `no`.
    label: str = ""
    # Format 2's listed layout, one row per opinion: how many rows the item's answer spans
    # from this one (its first opinion's row), 0 on the rows after it; `first` is the label
    # of the row that holds the answer.
    span: int = 1
    first: str = ""

    @property
    def number(self) -> str:
        """What the No. column shows."""
        return self.label or str(self.no)


@dataclass(frozen=True)
class _Names:
    """The titles of the sections and the labels of the outcome classes, by id."""

    sections: dict[str, str]  # id -> title
    classes: dict[str, str]  # id -> label


@dataclass(frozen=True)
class Part:
    """One section of the result: its 1-based number, title and rows ("なし" when empty)."""

    number: int
    title: str
    rows: list[Row]


@dataclass(frozen=True)
class PlaceList:
    """One numbered list under 公表場所 (where the result is published)."""

    number: int  # (1), (2): only the lists the consultation has are numbered
    title: str
    marked: list[tuple[str, str]] = field(default_factory=list)  # paper copies: (mark, place)
    url: str = ""  # the website: its address, linked by each format …
    named: list[str] = field(default_factory=list)  # … or, with none, the places naming it


# The marks of the offices' list in the seed document (ア, イ …); a plain bullet follows
# them, and is all an English result shows.
KANA_MARKS = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
)


@dataclass(frozen=True)
class Publication:
    """Everything a published result prints, already computed and made inert."""

    language: str
    labels: Labels
    heading: str  # the document's title line
    title: str
    organization: str
    self_name: str
    office: str
    period: str  # "" when the dates are not set
    period_short: str
    places: list[str]  # where paper copies are
    web_places: list[str]  # places that name a website (shown under the web heading)
    url: str
    methods: list[str]
    submitters: list[tuple[str, int]]  # per method, in intake order
    # The totals printed: as the result published them (intake.published_submitters,
    # intake.published_opinions, format 2) where given, else computed from the file.
    submitter_total: int
    submitter_unit: str
    opinion_total: int
    opinion_heading: str
    response_heading: str
    classes: list[tuple[str, int]]  # (label, opinions) in review.classes order
    parts: list[Part]
    draft: bool
    results_heading: str = ""
    rows: list[Row] = field(default_factory=list)
    place_lists: list[PlaceList] = field(default_factory=list)  # places, web_places and url
    method_total: int = 0  # the by-method table's total: always the sum of its counts
    # The 通 row of that table (per method, in its order) and its total, where the registry
    # was tallied into [intake] (pctui intake tally); empty otherwise. The submitters' row
    # is then the registry's distinct people, whose total counts one who used two methods
    # once (so may be less than the row adds up to).
    submissions: list[tuple[str, int]] = field(default_factory=list)
    submission_total: int = 0

    @cached_property  # asked once per part of every format: worked out once
    def counts_shown(self) -> bool:
        """Whether Markdown and HTML print a 件数 column, as CSV and XLSX always do: in format
        2, when some row counts more than one opinion (an item answering 36 opinions, 65件,
        on its one row of the summary layout). Format 1 is published as before."""
        return any(row.label and row.count != 1 for part in self.parts for row in part.rows)

    @property
    def method_table(self) -> bool:
        """Whether the result has a table by method to print: not when the file names no
        method and counts none (a result imported as published, "33者62件", prints its
        totals alone; a table of one 0 under "33者" would contradict them)."""
        return bool(self.submitters or self.submissions)

    @property
    def distinct_total(self) -> bool:
        """Whether the submitters' total is less than their row adds up to (someone sent
        by two methods), which the table then says under it."""
        return self.method_total < sum(n for _, n in self.submitters)

    # The submitted opinions under the items that answer them (行政手続法 第43条), when the
    # caller publishes them (`submitted.submitted_blocks`); None when it does not.
    submitted: list[SubmittedBlock] | None = None


WEB_WORDS = ("ホームページ", "ウェブサイト", "webサイト", "website", "web site", "homepage")


def is_web_place(place: str) -> bool:
    """True when a place names a website (札幌市公式ホームページ) rather than an office."""
    lowered = place.lower()
    return any(word in lowered for word in WEB_WORDS)


def _place_lists(
    places: list[str], web_places: list[str], url: str, office: str, org: str, language: str
) -> list[PlaceList]:
    """The lists under 公表場所: the offices with paper copies, then the website."""
    labels = labels_for(language)
    lists: list[PlaceList] = []
    if places:
        marks = "" if language == "en" else KANA_MARKS
        marked = [(marks[i] if i < len(marks) else "", p) for i, p in enumerate(places)]
        title = labels.places_offices.format(office=office)
        lists.append(PlaceList(len(lists) + 1, title, marked=marked))
    if url or web_places:
        title = labels.places_web.format(org=org) if org else labels.neutral_places_web
        lists.append(PlaceList(len(lists) + 1, title, url=url, named=web_places))
    return lists


def _period(consultation: Consultation) -> tuple[str, str]:
    meta = consultation.meta
    if meta.opened is None or meta.closed is None:
        return "", ""
    if meta.language == "en":
        span = f"{meta.opened.isoformat()} – {meta.closed.isoformat()}"
        return span, span
    return era_period(meta.opened, meta.closed), era_period_short(meta.opened, meta.closed)


def _answer_name(response_heading: str, labels: Labels, language: str) -> str:
    """What a result that names no organization calls its answers: the column heading it
    was imported with (意見に対する考え方), else a neutral phrase, never 本市's."""
    bare = not response_heading or response_heading == "考え方"
    return labels.neutral_response if language == "en" or bare else response_heading


def _heading(title: str, meta: Meta, labels: Labels) -> str:
    """The title line: the seed's '… 寄せられたご意見と本市の考え方', unless the title says it;
    without an organization, '… 寄せられたご意見と意見に対する考え方'."""
    language = meta.language
    if meta.organization:
        suffix = labels.title_suffix.format(self=self_name(meta.organization, language))
    else:
        response = _answer_name(meta.response_heading, labels, language)
        suffix = labels.neutral_title_suffix.format(response=response)
    if language == "en":
        return title if "opinion" in title.lower() else f"{title}: {suffix}"
    if "ご意見" in title or "考え方" in title:
        return title
    return f"{title} {suffix}"


def _rows(item: Item, consultation: Consultation, labels: Labels, names: _Names) -> list[Row]:
    """The item's rows: one (format 1, or format 2's summary layout), or one per opinion
    (format 2's listed layout), the answer spanning them."""
    current = item.current
    state = item_state(item, consultation.review)
    row = Row(
        no=item.no,
        section=inert(names.sections.get(item.section, item.section)),
        topic=inert(item.topic or ""),
        count=item.count,
        klass=inert(names.classes.get(item.klass, item.klass)) if item.klass else "",
        opinion=inert(item.opinion),
        response=inert(current.text) if current else "",
        state=labels.states.get(state, state),
    )
    if consultation.format < 2:
        return [row]
    if consultation.meta.layout != Layout.LISTED:
        return [replace(row, label=inert(joined([o.label for o in item.opinions])))]
    first = inert(item.opinions[0].label)
    return [
        replace(
            row,
            topic=row.topic if index == 0 else "",
            count=opinion.count,
            opinion=inert(opinion.text),
            label=inert(opinion.label),
            span=len(item.opinions) if index == 0 else 0,
            first=first,
        )
        for index, opinion in enumerate(item.opinions)
    ]


def _class_counts(consultation: Consultation, classes: dict[str, str]) -> list[tuple[str, int]]:
    if not consultation.review.classes:
        return []
    counter: Counter[str] = Counter()
    for item in consultation.items:
        counter[item.klass or ""] += item.count
    counts = [(inert(label), counter.get(class_id, 0)) for class_id, label in classes.items()]
    if counter.get(""):
        counts.append(
            ("未分類" if consultation.meta.language != "en" else "Unclassified", counter[""])
        )
    return counts


def class_counts(consultation: Consultation) -> list[tuple[str, int]]:
    """(class label, number of opinions) per configured outcome class; [] when none are set.

    Opinions, not items, are counted (an item merging 3 opinions counts 3), and items
    without a class are counted as 未分類 when there are any.
    """
    classes = {c.id: c.label for c in consultation.review.classes}
    return _class_counts(consultation, classes)


def build(consultation: Consultation, draft: bool = False) -> Publication:
    """The publication of `consultation`: every item's current revision as its response.

    Which items may be published is the caller's decision (see `completeness`); `draft`
    only marks every page as a draft.
    """
    meta = consultation.meta
    labels = labels_for(meta.language)
    titles = {s.id: s.title for s in consultation.sections}
    section_labels = {s.id: s.label for s in consultation.sections}
    classes = {c.id: c.label for c in consultation.review.classes}
    # A group's rows carry its label with its title (「Ⅰ 当該意見を…」 in the CSV's and
    # XLSX's section column), so the import of a flat table gets the group back.
    names = _Names(
        {s.id: f"{s.label} {s.title}" if s.label else s.title for s in consultation.sections},
        classes,
    )
    # Sections in file order; items whose section is not declared follow in order of first use.
    order = [s.id for s in consultation.sections]
    for item in consultation.items:
        if item.section not in order:
            order.append(item.section)
    by_section: dict[str, list[Item]] = {section_id: [] for section_id in order}
    for item in consultation.items:
        by_section[item.section].append(item)
    parts = []
    rows: list[Row] = []
    for number, section_id in enumerate(order, start=1):
        items = sorted(by_section[section_id], key=lambda i: i.no)
        part_rows = [row for item in items for row in _rows(item, consultation, labels, names)]
        title = inert(titles.get(section_id, section_id))
        if section_labels.get(section_id):  # an outcome group: Ⅰ 当該意見を踏まえて…
            title = f"{inert(section_labels[section_id])} {title}"
        parts.append(Part(number, title, part_rows))
        rows.extend(part_rows)
    intake = consultation.intake
    methods = list(intake.methods) + [m for m in intake.submitters if m not in intake.methods]
    period, period_short = _period(consultation)
    organization = inert(meta.organization)
    language = meta.language
    office = inert(office_name(meta.organization, language))
    self_named = inert(self_name(meta.organization, language))
    places = [inert(p) for p in meta.places if not is_web_place(p)]
    web_places = [inert(p) for p in meta.places if is_web_place(p)]
    url = inert(meta.url)
    place_lists = _place_lists(places, web_places, url, office, organization, language)
    if organization:
        results_heading = labels.results.format(org=organization)
    else:
        answer = _answer_name(meta.response_heading, labels, language)
        results_heading = labels.neutral_results.format(response=inert(answer))
    return Publication(
        language=language,
        labels=labels,
        heading=inert(_heading(meta.title, meta, labels)),
        title=inert(meta.title),
        organization=organization,
        self_name=self_named,
        office=office,
        period=period,
        period_short=period_short,
        places=places,
        web_places=web_places,
        url=url,
        methods=[inert(m) for m in methods],
        submitters=[(inert(m), intake.submitters.get(m, 0)) for m in methods],
        submitter_total=printed_total(intake.published_submitters, intake.total_submitters),
        submitter_unit=inert(intake.submitter_unit),
        opinion_total=printed_total(intake.published_opinions, consultation.total_opinions),
        opinion_heading=inert(meta.opinion_heading),
        response_heading=inert(meta.response_heading),
        classes=_class_counts(consultation, classes),
        parts=parts,
        draft=draft,
        results_heading=results_heading,
        rows=rows,
        place_lists=place_lists,
        method_total=intake.total_submitters,
        submissions=(
            [(inert(m), intake.submissions.get(m, 0)) for m in methods]
            if intake.submissions
            else []
        ),
        submission_total=intake.total_submissions,
    )


def printed_total(published: int | None, computed: int) -> int:
    """The total the result printed when the file records it, else the one computed."""
    return computed if published is None else published
