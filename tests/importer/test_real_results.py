"""`pctui import` of results offices really published (tests/importer/real/, origins and
terms in its README): each test asserts what was checked by hand against the document, so
that the importer cannot regress on a real layout unnoticed.

The ministry's result is a real PDF; its XLSX and DOCX are conversions of that PDF's cells
(merged as printed) by LibreOffice, the way an office's sheet or Word table holds them. The
city's result (the seed) is real text; its Word document, the PDF printed from that Word
document and its HTML page are conversions of it: the layouts are real, the files made."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.importer.test_roundtrip_format2 import AT, _carried, _differences, _view

from pctui.importer import ERROR, RawDocument, read_source, to_consultation
from pctui.model.records import Layout
from pctui.publish import render
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]
REAL = Path(__file__).parent / "real"
MLIT_PDF = REAL / "mlit-kotsu-seisaku-kihon-keikaku-2025.pdf"
MLIT = [
    MLIT_PDF,
    REAL / "mlit-kotsu-seisaku-kihon-keikaku-2025.converted.xlsx",
    REAL / "mlit-kotsu-seisaku-kihon-keikaku-2025.converted.docx",
]
SAPPORO = [
    REAL / "sapporo-juki-pia-2025.converted.docx",
    REAL / "sapporo-juki-pia-2025.converted.pdf",
    REAL / "sapporo-juki-pia-2025.converted.html",
]
_read: dict[Path, RawDocument] = {}


def read(path: Path) -> RawDocument:
    """`read_source(path)`, read once for the tests of this module (a PDF takes a second)."""
    if path not in _read:
        _read[path] = read_source(path)
    return _read[path]


@pytest.mark.parametrize("source", MLIT, ids=lambda p: p.suffix)
def test_mlit_facts_above_the_table(source: Path) -> None:
    raw = read(source)
    assert raw.notes == []
    # The title, not the 資料６ above it, without "に対する主な御意見…及びそれに対する考え方".
    assert raw.title == "交通政策基本計画（素案）"
    assert (raw.opened, raw.closed) == (dt.date(2025, 10, 31), dt.date(2025, 11, 21))
    assert (raw.published_submitters, raw.published_opinions) == (33, 62)
    assert raw.submitter_unit == "者"  # "33者62件": published as "33 者", not "33 人"


@pytest.mark.parametrize("source", MLIT, ids=lambda p: p.suffix)
def test_mlit_groups_numbering_and_the_shared_answer(source: Path) -> None:
    raw = read(source)
    # The outcome groups are the sections; 該当箇所 is each answer's topic, not a section.
    assert raw.sections == ["当該意見を踏まえて内容を修正するもの", "その他の主な意見"]
    assert raw.section_labels == {
        "当該意見を踏まえて内容を修正するもの": "Ⅰ",
        "その他の主な意見": "Ⅱ",
    }
    first = [item for item in raw.items if item.section == raw.sections[0]]
    second = [item for item in raw.items if item.section == raw.sections[1]]
    assert [[o.label for o in item.opinions] for item in first] == [["1"], ["2", "3"]]
    assert [o.label for item in second for o in item.opinions] == [str(n) for n in range(1, 36)]
    assert all(len(item.opinions) == 1 for item in second)
    assert len(raw.items) == 37 and sum(len(i.opinions) for i in raw.items) == 38
    assert raw.joined_merged == 1
    shared = first[1]
    assert shared.topic == "第３章基本的方針D"
    assert shared.opinions[1].text == (
        "2030年度に自動運転サービス車両数1万台という目標に向けて、中長期的なビジョンを持って"
        "施策を打ち出し、早期の本格的な自動運転の実装を求める意見"
    )


@pytest.mark.parametrize("source", MLIT, ids=lambda p: p.suffix)
def test_mlit_merged_part_cells_name_every_row(source: Path) -> None:
    raw = read(source)
    topics = {o.label: item.topic for item in raw.items[2:] for o in item.opinions}
    # 第２章等 is merged over Ⅱ-2 and Ⅱ-3; 第３章基本的方針A等 starts again on a new page at Ⅱ-5
    # and covers down to Ⅱ-11; 第３章基本的方針D等 likewise at Ⅱ-24 and Ⅱ-29.
    assert topics["1"] == "第１章等"
    assert topics["2"] == topics["3"] == "第２章等"
    assert {topics[str(n)] for n in range(4, 12)} == {"第３章基本的方針A等"}
    assert {topics[str(n)] for n in range(12, 20)} == {"第３章基本的方針B等"}
    assert {topics[str(n)] for n in range(20, 24)} == {"第３章基本的方針C等"}
    assert {topics[str(n)] for n in range(24, 35)} == {"第３章基本的方針D等"}
    assert topics["35"] == "第４章等"


@pytest.mark.parametrize("source", MLIT, ids=lambda p: p.suffix)
def test_mlit_answers_keep_their_paragraphs_and_lists(source: Path) -> None:
    raw = read(source)
    answer = raw.items[1].response
    assert answer.startswith(
        "頂いたご意見を踏まえ、第3章基本的方針Dに以下の記述を追加しました。【63ページ】\n\n"
        "2027年度に見込まれる自動運転タクシーや自動運転トラックの社会実装も見据えつつ、"
    )
    assert (
        "交通政策審議会における議論を踏まえ、\n"
        "・一人が複数車両を遠隔監視する運行形態（１対N型）を見据えた、"
    ) in answer
    assert (
        "\n・自動運転車を活用した事業における事故時の補償の在り方の明確化\n"
        "・運輸安全委員会における事故原因究明体制の構築に向けた取組\n等を実施する。\n"
    ) in answer
    # A line wrapped at the cell's edge is joined again, without a break.
    assert raw.items[2].response.startswith(
        "第１章に記述のとおり、交通分野は一般的に、人口減少に伴い需要が縮小していく中において"
        "も、単純に比例して"
    )


def test_mlit_pdf_through_the_command(tmp_path: Path, pctui: Run) -> None:
    target = tmp_path / "kotsu.toml"
    done = pctui("import", MLIT_PDF, "-o", target)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    # Under the groups, 該当箇所 is read as each item's topic, and the mapping says so.
    assert "columns: topic=該当箇所 (1), no=番号 (2)" in done.stdout
    assert "joined 1 opinion to the answer above it (merged answer cell)" in done.stdout
    assert "format 2: 38 opinions under 37 items" in done.stdout
    assert "totals as published: 33 submitters, 62 opinions" in done.stdout
    consultation = ConsultationFile.load(target).consultation
    assert consultation.meta.title == "交通政策基本計画（素案）"
    assert consultation.meta.layout == Layout.LISTED
    assert [(s.label, s.title) for s in consultation.sections] == [
        ("Ⅰ", "当該意見を踏まえて内容を修正するもの"),
        ("Ⅱ", "その他の主な意見"),
    ]
    assert all(item.current is not None for item in consultation.items)


def test_mlit_pdf_with_the_part_column_mapped_as_sections() -> None:
    """`--map section=該当箇所` keeps the column's cells as the sections, as asked."""
    raw = read_source(MLIT_PDF, {"section": "該当箇所"})
    assert "第３章基本的方針A等" in raw.sections
    assert raw.items[1].section == "第３章基本的方針D"
    assert [o.label for o in raw.items[1].opinions] == ["2", "3"]
    assert ("section", "該当箇所", 1) in raw.columns


@pytest.mark.parametrize("source", SAPPORO, ids=lambda p: p.suffix)
def test_sapporo_header_parts(source: Path) -> None:
    """1 意見の募集期間 … 4 意見数等 above the opinions are facts, not sections."""
    raw = read(source)
    assert [note for note in raw.notes if note.severity == ERROR] == []
    assert raw.title == "住民基本台帳事務に関する特定個人情報保護評価書について"
    assert raw.organization == "札幌市"
    assert (raw.opened, raw.closed) == (dt.date(2025, 11, 12), dt.date(2025, 12, 11))
    assert raw.places == [
        "デジタル戦略推進局スマートシティ推進部住民情報課（本庁舎2階）",
        "市政刊行物コーナー（本庁舎2階）",
        "各区役所総務企画課（広聴係）",
    ]
    assert raw.url == "http://www.city.sapporo.jp/shimin/koseki/mynumber/pia.html"
    assert raw.methods == ["郵送", "持参", "FAX", "電子メール"]
    assert raw.submitters == {"郵送": 1, "持参": 0, "FAX": 0, "電子メール": 0}
    assert raw.submitter_unit == "団体"
    assert raw.declared_total == 10


@pytest.mark.parametrize("source", SAPPORO, ids=lambda p: p.suffix)
def test_sapporo_opinions(source: Path) -> None:
    raw = read(source)
    # Two sections, the second empty (なし); no section labels: a section's number is its
    # place, which publishing prints again.
    assert raw.sections == [
        "住民基本台帳事務に関する特定個人情報保護評価に対するご意見",
        "制度全体に関するご意見",
    ]
    assert raw.section_labels == {}
    assert [item.no for item in raw.items] == list(range(1, 11))
    assert all(len(item.opinions) == 1 and item.response for item in raw.items)
    first = raw.items[0]
    assert first.topic == "システム総論"
    assert first.opinion.startswith("(他自治体で) アクセス権のある職員による個人情報不正閲覧事件")
    # Two paragraphs (two <p>, two Word paragraphs, a blank-line gap in the PDF); the first
    # opinion runs over a page in the PDF and is joined again.
    assert first.response.count("\n\n") == 1
    assert first.response.endswith("不正操作の未然防止を図る対策を講じております。")
    assert raw.items[8].opinion.endswith("いったい誰が責任（賠償を含む）を取るのか。")


ROUND_TRIP = [(fmt, layout) for fmt in ("md", "html", "xlsx") for layout in Layout]


@pytest.mark.parametrize(("fmt", "layout"), ROUND_TRIP, ids=[f"{f}-{x}" for f, x in ROUND_TRIP])
def test_mlit_published_as_a_draft_then_imported_is_the_same(
    fmt: str, layout: Layout, tmp_path: Path
) -> None:
    """The real result imported, published (as a draft: the banners must not be read as
    text) and imported again comes back field by field. Read with the default reading of
    an empty answer cell: Ⅱ-4 and Ⅱ-5 carry the same answer word for word and are two
    answers in the ministry's table, which `--empty-answer same-as-above` would join (the
    CSV, which keeps no merges, needs that option and so cannot tell them apart)."""
    source = to_consultation(read(MLIT_PDF), "tanaka", AT, "kotsu")
    source.meta.layout = layout
    published = tmp_path / f"result.{fmt}"
    published.write_bytes(render(source, fmt, draft=True))
    raw = read_source(published)
    assert [n.message for n in raw.notes if n.severity == ERROR] == []
    back = to_consultation(raw, "tanaka", AT, "kotsu")
    expected, got = _view(source), _view(back)
    _carried(expected, fmt, layout, source)
    differences = _differences(expected, got)
    assert not differences, "\n".join(differences)
