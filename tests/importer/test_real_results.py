"""`pctui import` of results offices really published (tests/importer/real/, origins and
terms in its README): each test asserts what was checked by hand against the document, so
that the importer cannot regress on a real layout unnoticed."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

from pctui.importer import read_source
from pctui.model.records import Layout
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]
REAL = Path(__file__).parent / "real"
MLIT_PDF = REAL / "mlit-kotsu-seisaku-kihon-keikaku-2025.pdf"


def test_mlit_pdf_facts_above_the_table() -> None:
    raw = read_source(MLIT_PDF)
    assert raw.notes == []
    # The title, not the 資料６ above it, without "に対する主な御意見…及びそれに対する考え方".
    assert raw.title == "交通政策基本計画（素案）"
    assert (raw.opened, raw.closed) == (dt.date(2025, 10, 31), dt.date(2025, 11, 21))
    assert (raw.published_submitters, raw.published_opinions) == (33, 62)


def test_mlit_pdf_groups_numbering_and_the_shared_answer() -> None:
    raw = read_source(MLIT_PDF)
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


def test_mlit_pdf_merged_part_cells_name_every_row() -> None:
    raw = read_source(MLIT_PDF)
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


def test_mlit_pdf_answers_keep_their_paragraphs_and_lists() -> None:
    raw = read_source(MLIT_PDF)
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
