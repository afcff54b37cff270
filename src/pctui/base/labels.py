"""The fixed words of a published result, in Japanese (the seed's wording) and English."""

from __future__ import annotations

from dataclasses import dataclass

# The last character of a Japanese body's name says what kind of body it is; it picks the
# words a result of that body uses for itself (本市) and for its offices (市役所).
_SELF = {
    "市": "本市",
    "区": "本区",
    "町": "本町",
    "村": "本村",
    "県": "本県",
    "都": "本都",
    "道": "本道",
    "府": "本府",
    "省": "本省",
    "庁": "本庁",
}
_OFFICE = {
    "市": "市役所",
    "区": "区役所",
    "町": "町役場",
    "村": "村役場",
    "県": "県庁",
    "都": "都庁",
    "道": "道庁",
    "府": "府庁",
}


@dataclass(frozen=True)
class Labels:
    """Every fixed phrase the Markdown, HTML, CSV and XLSX outputs print."""

    period: str
    places: str
    places_offices: str
    places_web: str
    methods: str
    numbers: str
    submitters: str
    by_method: str
    method: str
    submitter_count: str
    submission_count: str  # the 通 row of the by-method table, where the intake is tallied
    distinct_total: str  # under that table when its 人 total is less than the row adds up to
    total: str
    opinion_total: str
    opinions_unit: str
    by_class: str
    klass: str
    opinion_count: str
    results: str
    held: str
    none: str
    no: str
    section: str
    topic: str
    count: str
    state: str
    draft_banner: str
    draft_mark: str
    title_suffix: str
    # The same three phrases for a file that names no organization (a ministry's result
    # imported without one): no 本市, the answer named as its column is ({response}).
    neutral_title_suffix: str
    neutral_results: str
    neutral_places_web: str
    neutral_response: str  # the answer's name when the file's column heading is the bare default
    list_separator: str
    undated: str
    summary_sheet: str
    items_sheet: str
    organization: str
    continued: str  # the No. cell of an XLSX continuation row (see `long_cells`)
    same_answer: str  # Markdown, listed layout: the answer cell of an item's later opinions
    states: dict[str, str]


JA = Labels(
    period="意見の募集期間",
    places="公表場所",
    places_offices="{office}等での配布",
    places_web="{org}公式ホームページによる公開",
    methods="意見の受付方法",
    numbers="意見数等",
    submitters="提出者数",
    by_method="意見の受付方法別内訳",
    method="提出方法",
    submitter_count="提出者数",
    submission_count="提出通数",
    distinct_total="※提出者数の合計は、複数の方法で提出した方を1人と数えています。",
    total="合計",
    opinion_total="意見総数",
    opinions_unit="件",
    by_class="対応区分別件数",
    klass="対応区分",
    opinion_count="件数",
    results="ご意見の概要とそれに対する{org}の考え方",
    held="({period}実施)",
    none="なし",
    no="No.",
    section="分類",
    topic="項目",
    count="件数",
    state="状態",
    draft_banner="【案】この文書は下書きです。承認前の回答を含むことがあり、このまま公表することはできません。",
    draft_mark="【案】",
    title_suffix="寄せられたご意見と{self}の考え方",
    neutral_title_suffix="寄せられたご意見と{response}",
    neutral_results="ご意見の概要と{response}",
    neutral_places_web="公式ホームページによる公開",
    neutral_response="意見に対する考え方",
    list_separator="、",
    undated="（未定）",
    summary_sheet="概要",
    items_sheet="ご意見と考え方",
    organization="実施機関",
    continued="{no}（続き）",
    same_answer="（No.{label}と同じ）",
    states={
        "draft": "下書き",
        "in-review": "決裁中",
        "changes-requested": "差戻し",
        "approved": "承認済み",
    },
)

EN = Labels(
    period="Consultation period",
    places="Where this result is published",
    places_offices="Copies at {office}",
    places_web="On the website of {org}",
    methods="How opinions could be sent",
    numbers="Number of opinions",
    submitters="Submitters",
    by_method="Submitters by method",
    method="Method",
    submitter_count="Submitters",
    submission_count="Submissions",
    distinct_total="The total of submitters counts once anyone who sent by more than one method.",
    total="Total",
    opinion_total="Total opinions",
    opinions_unit="",
    by_class="Opinions by outcome",
    klass="Outcome",
    opinion_count="Opinions",
    results="Summary of the opinions and the response of {org}",
    held="(held {period})",
    none="None",
    no="No.",
    section="Section",
    topic="Topic",
    count="Count",
    state="State",
    draft_banner="DRAFT: it may contain responses that are not approved; do not publish it.",
    draft_mark="[DRAFT] ",
    title_suffix="opinions received and the response of {self}",
    neutral_title_suffix="opinions received and the {response}",
    neutral_results="Summary of the opinions and the {response}",
    neutral_places_web="On the website",
    neutral_response="response",
    list_separator=", ",
    undated="(not set)",
    summary_sheet="Summary",
    items_sheet="Opinions",
    organization="Organization",
    continued="{no} (continued)",
    same_answer="(as for No. {label})",
    states={
        "draft": "draft",
        "in-review": "in review",
        "changes-requested": "changes requested",
        "approved": "approved",
    },
)


def labels_for(language: str) -> Labels:
    """The labels of `language` ("en" → English, anything else → Japanese)."""
    return EN if language == "en" else JA


def self_name(organization: str, language: str) -> str:
    """How the body names itself in a result: 本市 for 札幌市, the name itself in English."""
    if language == "en":
        return organization or "the organization"
    if organization and organization[-1] in _SELF:
        return _SELF[organization[-1]]
    return organization or "本市"


def office_name(organization: str, language: str) -> str:
    """Where paper copies are: 市役所 for a city, 町役場 for a town, the offices otherwise."""
    if language == "en":
        return f"the offices of {organization}" if organization else "the offices"
    if organization and organization[-1] in _OFFICE:
        return _OFFICE[organization[-1]]
    return f"{organization}の窓口" if organization else "窓口"
