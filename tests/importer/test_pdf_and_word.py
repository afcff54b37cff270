"""Importing results as offices publish them: a PDF printed from a table and a Word table,
both in the layout of a ministry's 主な御意見 (資料番号 above the title, the period and the
○者○件 totals above the table, groups Ⅰ/Ⅱ with numbering restarting, two opinions under one
merged answer cell, a row broken across a page)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from tests.importer.pdf_maker import Page, write_pdf

from pctui.importer import ERROR, Unreadable, read_source, to_consultation
from pctui.importer import pdf as pdf_reader
from pctui.importer.pdf import unwrap
from pctui.publish import render

TITLE = "〇〇基本方針（案）に対する意見募集の結果について"
PERIOD = "（意見募集期間：令和７年10月31日～11月21日）"
TOTALS = "※パブリックコメント意見提出総数　３５者４８件"
HEADER = ("No.", "御意見の概要", "御意見に対する考え方")
GROUP_1 = "Ⅰ．当該意見を踏まえて内容を修正するもの"
GROUP_2 = "Ⅱ．その他の主な意見"
ANSWER_A = "ご意見を踏まえ、第3章を修正しました。"
COLUMNS = (40, 80, 300, 555)
AT = dt.datetime(2025, 12, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _row(page: Page, top: float, bottom: float, cells: tuple[str, str, str | None]) -> None:
    no, opinion, answer = cells
    page.cell(COLUMNS[0], top, COLUMNS[1], bottom, no)
    page.cell(COLUMNS[1], top, COLUMNS[2], bottom, opinion)
    if answer is not None:
        page.cell(COLUMNS[2], top, COLUMNS[3], bottom, answer)


def ministry_pdf(path: Path) -> Path:
    first, second = Page(), Page()
    first.text(480, 40, "資料３")
    first.text(60, 70, TITLE, 12)
    first.text(60, 95, PERIOD)
    first.text(60, 115, TOTALS)
    _row(first, 140, 160, HEADER)
    first.text(45, 170, GROUP_1)
    _row(first, 190, 230, ("1", "第3章の記述が分かりにくい。", None))
    _row(first, 230, 270, ("2", "第3章に事例を加えてほしい。", None))
    first.cell(COLUMNS[2], 190, COLUMNS[3], 270, ANSWER_A)  # one answer cell over both
    first.text(45, 280, GROUP_2)
    # A long opinion wraps inside its cell; the row goes on at the top of the next page.
    _row(first, 300, 330, ("1", "対象を広げるべきだ。" * 3, "原案のとおりとします。理由は"))
    _row(second, 40, 60, ("", "以下同文。", "次のとおりです。"))
    _row(second, 60, 90, ("2", "期間が短い。", "今後の参考とさせていただきます。"))
    second.text(280, 800, "- 2 -")
    return write_pdf(path, [first, second])


def ministry_docx(path: Path) -> Path:
    document = docx.Document()
    for line in ("資料３", TITLE, PERIOD, TOTALS):
        document.add_paragraph(line)
    table = document.add_table(rows=7, cols=3)
    rows = [
        HEADER,
        (GROUP_1, "", ""),
        ("1", "第3章の記述が分かりにくい。", ANSWER_A),
        ("2", "第3章に事例を加えてほしい。", ""),
        (GROUP_2, "", ""),
        ("1", "対象を広げるべきだ。", "原案のとおりとします。理由は次のとおりです。"),
        ("2", "期間が短い。", "今後の参考とさせていただきます。"),
    ]
    for index, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.cell(index, column).text = text
    for heading in (1, 4):
        table.cell(heading, 0).merge(table.cell(heading, 2))
    table.cell(2, 2).merge(table.cell(3, 2))  # the answer merged down over Nos. 1 and 2
    document.save(str(path))
    return path


@pytest.fixture(params=["pdf", "docx"])
def result(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    maker = ministry_pdf if request.param == "pdf" else ministry_docx
    return maker(tmp_path / f"kekka.{request.param}")


def test_groups_merged_answers_and_restarting_numbers(result: Path) -> None:
    raw = read_source(result)
    assert [note for note in raw.notes if note.severity == ERROR] == []
    assert raw.section_labels == {
        "当該意見を踏まえて内容を修正するもの": "Ⅰ",
        "その他の主な意見": "Ⅱ",
    }
    first, second, third = raw.items
    assert first.response == ANSWER_A and raw.joined_merged == 1
    assert [(o.label, o.text) for o in first.opinions] == [
        ("1", "第3章の記述が分かりにくい。"),
        ("2", "第3章に事例を加えてほしい。"),
    ]
    assert second.opinions[0].label == "1" and third.opinions[0].label == "2"
    assert second.response == "原案のとおりとします。理由は次のとおりです。"
    assert [item.section for item in raw.items] == [
        "当該意見を踏まえて内容を修正するもの",
        "その他の主な意見",
        "その他の主な意見",
    ]


def test_the_facts_outside_the_table(result: Path) -> None:
    raw = read_source(result)
    assert raw.title == "〇〇基本方針（案）"  # not the 資料３ above it
    assert (raw.opened, raw.closed) == (dt.date(2025, 10, 31), dt.date(2025, 11, 21))
    assert (raw.published_submitters, raw.published_opinions) == (35, 48)
    assert [entry[:2] for entry in raw.columns] == [
        ("no", "No."),
        ("opinion", "御意見の概要"),
        ("response", "御意見に対する考え方"),
    ]


def test_a_pdf_row_broken_across_a_page_is_joined(tmp_path: Path) -> None:
    raw = read_source(ministry_pdf(tmp_path / "kekka.pdf"))
    broken = raw.items[1]
    assert broken.opinion == "対象を広げるべきだ。" * 3 + "\n\n以下同文。"
    assert broken.response == "原案のとおりとします。理由は次のとおりです。"


def test_wrapped_cell_lines_are_joined() -> None:
    assert unwrap("対象を広げるべきだ。対\n象を広げる") == "対象を広げるべきだ。対象を広げる"
    assert unwrap("Wider\npavements") == "Wider pavements"
    assert unwrap(None) is None


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_file_that_is_not_what_its_name_says_is_unreadable(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"broken{suffix}"
    source.write_bytes(b"%PDF-1.4 not really" if suffix == ".pdf" else b"PK\x03\x04 no zip")
    with pytest.raises(Unreadable, match="not a readable"):
        read_source(source)


def test_numbered_headings_group_opinions_in_a_word_document(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("〇〇市自転車活用推進計画（案）に対する意見募集の結果")
    document.add_paragraph("1 意見の募集期間　令和7年4月1日～令和7年4月30日")
    for heading, rows in (
        ("1 計画全般について", [("1", "計画が分かりやすい。", "ありがとうございます。")]),
        ("（2）施策の展開", [("1", "駐輪場を増やして。", "検討します。")]),
    ):
        document.add_paragraph(heading)
        table = document.add_table(rows=1 + len(rows), cols=3)
        for index, cells in enumerate([("No.", "ご意見", "市の考え方"), *rows]):
            for column, text in enumerate(cells):
                table.cell(index, column).text = text
    source = tmp_path / "jitensha.docx"
    document.save(str(source))
    raw = read_source(source)
    assert [note for note in raw.notes if note.severity == ERROR] == []
    assert raw.opened == dt.date(2025, 4, 1)  # "1 意見の募集期間" is a fact, not a group
    assert raw.sections == ["計画全般について", "施策の展開"]
    # A plain number is the section's place, which publishing prints again ("1 1 …"): it is
    # not kept; a bracketed one is the section's label as printed, like Ⅰ/Ⅱ.
    assert raw.section_labels == {"施策の展開": "(2)"}
    assert [(item.no, item.section) for item in raw.items] == [
        (1, "計画全般について"),
        (1, "施策の展開"),
    ]


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx"])
@pytest.mark.parametrize("heading", ["(1) 施策の展開", "（１）施策の展開", "⑴ 施策の展開"])
def test_a_bracketed_heading_keeps_its_label_printed_once(
    tmp_path: Path, heading: str, fmt: str
) -> None:
    document = docx.Document()
    document.add_paragraph("〇〇計画（案）に対する意見募集の結果")
    for title, rows in (
        ("1 計画全般について", [("1", "計画が分かりやすい。", "ありがとうございます。")]),
        (heading, [("1", "駐輪場を増やして。", "検討します。")]),
    ):
        document.add_paragraph(title)
        table = document.add_table(rows=1 + len(rows), cols=3)
        for index, cells in enumerate([("No.", "ご意見", "市の考え方"), *rows]):
            for column, text in enumerate(cells):
                table.cell(index, column).text = text
    source = tmp_path / "kekka.docx"
    document.save(str(source))
    raw = read_source(source)
    assert raw.section_labels == {"施策の展開": "(1)"}
    consultation = to_consultation(raw, "tanaka", AT, "kekka")
    published = render(consultation, fmt)
    text = published.decode("utf-8-sig") if fmt != "xlsx" else ""
    if fmt == "md":  # the part's number, then the label once: never "(1) (1)" nor "1 1"
        assert "\n### 2 (1) 施策の展開\n" in text
        assert "### 1 計画全般について\n" in text
    if fmt == "html":
        assert '<h3 id="part-2">2 (1) 施策の展開</h3>' in text and "(1) (1)" not in text
    again = tmp_path / f"result.{fmt}"
    again.write_bytes(published)
    back = to_consultation(read_source(again), "tanaka", AT, "kekka")
    assert [(s.label, s.title) for s in back.sections] == [
        ("", "計画全般について"),
        ("(1)", "施策の展開"),
    ]


def test_a_page_that_cannot_be_parsed_is_unreadable_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = ministry_pdf(tmp_path / "kekka.pdf")
    real = pdf_reader._page_blocks
    pages = []

    def second_page_fails(page: object) -> object:
        pages.append(page)
        if len(pages) == 2:
            raise ValueError("broken content stream")
        return real(page)

    monkeypatch.setattr(pdf_reader, "_page_blocks", second_page_fails)
    with pytest.raises(Unreadable, match="ValueError: broken content stream") as caught:
        read_source(source)
    assert caught.value.line > 1  # after the blocks of the first page


LISTED = [
    "〇〇町公園整備計画（案）に対する意見募集の結果について",
    "1 意見の募集期間",
    "令和7年6月2日（月）～令和7年7月1日（火）",
    "2 ご意見の概要と町の考え方",
    "1. 意見の概要：遊具を増やしてほしい。　町の考え方：検討します。",
    "2 [お寄せいただいた意見]",
    "駐車場が足りない。",
    "[町の検討結果と理由]",
    "近隣の駐車場との連携を検討します。",
]


def _listed_docx(path: Path) -> Path:
    document = docx.Document()
    for line in LISTED:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _listed_pdf(path: Path) -> Path:
    page = Page()
    for index, line in enumerate(LISTED):
        page.text(40, 40 + index * 30, line)
    return write_pdf(path, [page])


@pytest.mark.parametrize("make", [_listed_docx, _listed_pdf], ids=["docx", "pdf"])
def test_a_result_without_a_table_is_read_as_numbered_items(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    """Numbered items with labelled parts, as paragraphs of a Word document or lines of a
    PDF (no opinion table at all), are read as the text reader reads them."""
    raw = read_source(make(tmp_path / f"listed.{make.__name__[-4:]}"))
    assert raw.notes == []
    assert raw.title == "〇〇町公園整備計画（案）"
    assert raw.opened == dt.date(2025, 6, 2)
    assert [(item.no, item.opinion, item.response) for item in raw.items] == [
        (1, "遊具を増やしてほしい。", "検討します。"),
        (2, "駐車場が足りない。", "近隣の駐車場との連携を検討します。"),
    ]
