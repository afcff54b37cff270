"""Publish, then import: the same consultation comes back, field by field, in both layouts
and every format that can be imported — for the sample (format 1, and migrated to format 2)
and for a generated many-to-one file (groups with restarting labels, items answering 1 to 30
opinions, counts above 1, a summary, published totals).

What a format cannot carry is taken out of the expected side by `_carried`, one documented
loss at a time (docs/publishing.md, "What a round trip keeps"); everything else must match.
A failure lists every differing field as `where: expected … got …`.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from pctui.importer import SAME_AS_ABOVE, read_source, to_consultation
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
from pctui.publish import render
from pctui.publish.document import build
from pctui.storage import ConsultationFile
from pctui.storage.migrate import migrate

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "consultations" / "2025-jumin.toml"
AT = dt.datetime(2025, 12, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
FACTS = ("title", "organization", "opened", "closed", "url", "places")
INTAKE = ("methods", "submitters", "submitter_unit", "published_submitters", "published_opinions")
SIZES = {"1": [1, 3, 30, 1], "2": [2, 1, 5], "3": [1, 4]}  # opinions per item, by section


# Labels as offices publish them (issue 16): kept as written through publish and import.
SHAPES = ("{group}-{n}", "{section}-{n}", "{section}-({n})", "問{n}", "{circled}", "A-{n}")


def _published_label(section: Section, n: int) -> str:
    """The n-th opinion's label of `section` in one of the shapes offices print."""
    shape = SHAPES[(n - 1) % len(SHAPES)]
    circled = chr(0x2460 + n - 1) if n <= 20 else chr(0x3251 + n - 21)  # ① … ⑳, ㉑ … ㉟
    return shape.format(group=section.label, section=section.id, n=n, circled=circled)


def generated(labelled: bool = False) -> Consultation:
    """A ministry-style many-to-one result: three labelled groups whose labels restart
    (numbers, or with `labelled` labels such as Ⅱ-4, 1-(2), 問3, ①, A-1)."""
    rnd = random.Random(16)
    sections = [
        Section("1", "当該意見を踏まえて内容を修正するもの", "Ⅰ"),
        Section("2", "その他の主な意見", "Ⅱ"),
        Section("3", "計画の進め方について", "Ⅲ"),
    ]
    items = []
    for section in sections:
        label = 0
        for size in SIZES[section.id]:
            no = len(items) + 1
            opinions = []
            for _ in range(size):
                label += 1
                text = f"意見{section.label}-{label}：駐輪場が足りない。\n\n料金も下げてほしい。"
                name = _published_label(section, label) if labelled else str(label)
                opinions.append(Opinion(name, text, rnd.choice([1, 1, 2, 7])))
            summary = Summary("tanaka", AT, f"駐輪場に関するご意見（{size}件）")
            summaries = [summary] if size >= 4 else []
            answer = f"ご意見を踏まえ、第{no}章を修正します。" if no % 3 else "参考とします。"
            items.append(
                Item(
                    no=no,
                    section=section.id,
                    opinions=opinions,
                    summaries=summaries,
                    revisions=[Revision("tanaka", AT, answer)],
                    klass="reflected" if section.id == "1" else "reference",
                )
            )
    meta = Meta(
        id="gen",
        title="自転車活用推進計画（案）",
        organization="テスト市",
        opened=dt.date(2025, 10, 31),
        closed=dt.date(2025, 11, 21),
        places=["市政情報室", "各区役所"],
    )
    intake = Intake(
        methods=["電子メール", "郵送"],
        submitters={"電子メール": 20, "郵送": 3},
        published_submitters=35,
        published_opinions=480,
    )
    review = Review(
        stages=["担当"],
        reviewers={"tanaka": Reviewer("tanaka", ("担当",))},
        classes=[OutcomeClass("reflected", "修正"), OutcomeClass("reference", "参考")],
    )
    return Consultation(meta, intake, review, sections, items, format=2)


def gapped() -> Consultation:
    """The generated file after an opinion moved (labels 2・4 and 5～34・3 on the summary
    layout's No. cells: ranges mixed with single labels)."""
    consultation = generated()
    first = consultation.items[1].opinions.pop(1)  # label 3, from the item of 2, 3, 4
    consultation.items[2].opinions.append(first)
    return consultation


def _source(name: str, tmp_path: Path) -> Consultation:
    if name == "generated":
        return generated()
    if name == "gapped":
        return gapped()
    if name == "labelled":
        return generated(labelled=True)
    if name == "sample-format-1":
        return ConsultationFile.load(SAMPLE).consultation
    copy = tmp_path / "sample.toml"
    shutil.copyfile(SAMPLE, copy)
    migrate(copy, login="tanaka")  # a reviewer of the sample
    return ConsultationFile.load(copy).consultation


def _view(c: Consultation) -> dict[str, Any]:
    """What a published result can say about `c`, in plain values."""
    sections = {s.id: (s.label, s.title) for s in c.sections}
    classes = {k.id: k.label for k in c.review.classes}
    used = [s for s in c.sections if any(i.section == s.id for i in c.items)]
    return {
        "facts": {key: getattr(c.meta, key) for key in FACTS},
        "intake": {key: getattr(c.intake, key) for key in INTAKE},
        "sections": [sections[s.id] for s in used],
        "items": [
            {
                "section": sections[item.section],
                "topic": item.topic or "",
                "class": classes.get(item.klass or "", ""),
                "answer": item.current.text if item.current else "",
                "summary": item.summary.text if item.summary else "",
                "opinions": [(o.label, o.text, o.count) for o in item.opinions],
            }
            for s in used
            for item in sorted((i for i in c.items if i.section == s.id), key=lambda i: i.no)
        ],
    }


def _carried(view: dict[str, Any], fmt: str, layout: Layout, source: Consultation) -> None:
    """Take out of `view` what `fmt` in `layout` does not carry (docs/publishing.md)."""
    intake = view["intake"]
    counted = sum(i.count for i in source.items)
    if intake["published_opinions"] == counted:  # a printed total equal to the sum is no news
        intake["published_opinions"] = None
    if intake["published_submitters"] == source.intake.total_submitters:
        intake["published_submitters"] = None
    for item in view["items"]:
        opinions = item["opinions"]
        if fmt in ("md", "html"):  # the result's table has no 対応区分 column, and a 件数
            item["class"] = ""  # column only where some row counts more than one opinion
            if not build(source).counts_shown:
                item["opinions"] = opinions = [(label, text, 1) for label, text, _ in opinions]
        if source.format >= 2 and layout == Layout.SUMMARY and len(opinions) > 1:
            # One row for the item: the total 件数 only, laid on the first opinion; under a
            # summary the opinions' texts are not printed.
            total = sum(count for *_, count in opinions)
            rest = [
                (label, text if not item["summary"] else "", 1) for label, text, _ in opinions[1:]
            ]
            first_label, first_text, _ = opinions[0]
            first = (first_label, first_text if not item["summary"] else "", total - len(rest))
            item["opinions"] = [first, *rest]
        if layout == Layout.LISTED:  # every opinion on its row: the summary is not printed
            item["summary"] = ""
        if source.format >= 2 and len(opinions) == 1 and item["summary"]:
            # A one-opinion item is published with its summary in the opinion cell.
            item["opinions"] = [(opinions[0][0], item["summary"], opinions[0][2])]
            item["summary"] = ""
    if fmt == "csv":  # a CSV is the table alone: the facts are the import's defaults
        view["facts"] = {"title": "gen", "organization": "", "opened": None, "closed": None,
                         "url": "", "places": []}  # fmt: skip
        view["intake"] = {"methods": [], "submitters": {}, "submitter_unit": "人",
                          "published_submitters": None, "published_opinions": None}  # fmt: skip


def _differences(expected: Any, got: Any, where: str = "") -> list[str]:
    """Every field where `got` differs from `expected`, as `where: expected … got …`."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return [
            line
            for key in expected
            for line in _differences(expected[key], got.get(key), f"{where}.{key}")
        ]
    if isinstance(expected, list) and isinstance(got, list) and expected != got:
        lines = (
            [f"{where}: {len(expected)} expected, {len(got)} got"]
            if len(expected) != len(got)
            else []
        )
        for index, (one, other) in enumerate(zip(expected, got, strict=False)):
            lines += _differences(one, other, f"{where}[{index}]")
        return lines
    return [] if expected == got else [f"{where}: expected {expected!r}, got {got!r}"]


CASES = [
    ("sample-format-1", Layout.SUMMARY),
    ("sample-format-2", Layout.SUMMARY),
    ("sample-format-2", Layout.LISTED),
    ("generated", Layout.SUMMARY),
    ("generated", Layout.LISTED),
    ("gapped", Layout.SUMMARY),
    ("gapped", Layout.LISTED),
    ("labelled", Layout.SUMMARY),
    ("labelled", Layout.LISTED),
]


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx"])
@pytest.mark.parametrize(
    ("name", "layout"), CASES, ids=[f"{name}-{layout}" for name, layout in CASES]
)
def test_publish_then_import_gives_the_same_consultation(
    name: str, layout: Layout, fmt: str, tmp_path: Path
) -> None:
    source = _source(name, tmp_path)
    source.meta.layout = layout
    published = tmp_path / f"result.{fmt}"
    published.write_bytes(render(source, fmt))
    raw = read_source(published, empty_answer=SAME_AS_ABOVE)
    assert [n.message for n in raw.notes if n.severity == "error"] == []
    back = to_consultation(raw, "tanaka", AT, "gen")
    expected, got = _view(source), _view(back)
    _carried(expected, fmt, layout, source)
    differences = _differences(expected, got)
    assert not differences, "\n".join(differences)
