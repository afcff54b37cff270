"""The submitted opinions (行政手続法 第43条: 提出意見) as the result publishes them: the
public (redacted) text of each opinion an item answers, under that item.

The texts come in from the caller as a mapping from opinion id (an item's opinion
`sources`: `<受付番号>-<k>`) to public text; publish never reads the intake registry
(it sits below intake), so nothing but text the registry has already redacted, and no
submitter field, can reach a published page. Identical texts under one item (a campaign's
copies) are printed once with their number, so a 200,000-copy campaign is one paragraph.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pctui.base.inert import inert
from pctui.base.label_runs import joined
from pctui.model.records import Consultation, Item


@dataclass(frozen=True)
class SubmittedText:
    """One distinct public text under an item and how many opinions sent it."""

    text: str
    count: int


@dataclass(frozen=True)
class SubmittedBlock:
    """The submitted opinions an item answers: its No. as published, its section's title
    and their distinct texts in order of first appearance."""

    number: str
    section: str
    texts: tuple[SubmittedText, ...]


@dataclass(frozen=True)
class SubmittedWords:
    """The fixed phrases of the submitted opinions' part, in the result's language."""

    heading: str
    intro: str
    item: str  # {number}
    copies: str  # {count}
    text_column: str
    sheet: str


JA = SubmittedWords(
    heading="提出された意見",
    intro=(
        "行政手続法第43条に基づき、提出された意見を、その意見に対する考え方の番号ごとに掲載します。"
        "氏名、住所、電子メールアドレス、電話番号等の個人情報は掲載していません。"
        "意見の中の個人情報は【個人情報のため削除】としています。"
    ),
    item="No.{number}",
    copies="（同文 {count}件）",
    text_column="提出された意見",
    sheet="提出された意見",
)
EN = SubmittedWords(
    heading="Opinions as submitted",
    intro=(
        "The opinions as submitted, under the No. of the response to them. No submitter's "
        "name, address, e-mail address or phone number is published; personal data inside "
        "an opinion is shown as 【個人情報のため削除】 (removed as personal data)."
    ),
    item="No. {number}",
    copies=" ({count} identical)",
    text_column="Opinion as submitted",
    sheet="Submitted opinions",
)


def words_for(language: str) -> SubmittedWords:
    """The phrases of `language` ("en" → English, anything else → Japanese)."""
    return EN if language == "en" else JA


def item_number(item: Item, consultation: Consultation) -> str:
    """The item's No. as the result prints it: its opinions' labels in format 2."""
    if consultation.format >= 2:
        labels = [opinion.label for opinion in item.opinions if opinion.label]
        if labels:
            return joined(labels)
    return str(item.no)


def published_order(consultation: Consultation) -> list[Item]:
    """The items in the order the result prints them: sections in file order (undeclared
    ones after, in order of first use), items by number."""
    order = {section.id: n for n, section in enumerate(consultation.sections)}
    for item in consultation.items:
        order.setdefault(item.section, len(order))
    return sorted(consultation.items, key=lambda item: (order[item.section], item.no))


def submitted_blocks(consultation: Consultation, public: Mapping[str, str]) -> list[SubmittedBlock]:
    """For each item whose opinions name sources found in `public`, their public texts."""
    titles = {section.id: section.title for section in consultation.sections}
    blocks = []
    for item in published_order(consultation):
        counts: dict[str, int] = {}
        for opinion in item.opinions:
            for source in opinion.sources:
                text = public.get(source)
                if text is not None and text.strip():
                    shown = inert(text.strip())
                    counts[shown] = counts.get(shown, 0) + 1
        if counts:
            texts = tuple(SubmittedText(text, n) for text, n in counts.items())
            section = inert(titles.get(item.section, item.section))
            blocks.append(SubmittedBlock(item_number(item, consultation), section, texts))
    return blocks


def missing_sources(consultation: Consultation, public: Mapping[str, str]) -> list[str]:
    """The sources named by items that `public` does not hold, in published order."""
    return [
        source
        for item in published_order(consultation)
        for opinion in item.opinions
        for source in opinion.sources
        if source not in public
    ]
