"""What each format must guarantee beyond its golden file: escaping, structure, determinism."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

import openpyxl

from pctui.model.records import Consultation
from pctui.publish import build, class_counts, render
from pctui.publish.markdown import cell, escape
from pctui.publish.xlsx import FIXED_TIME

HOSTILE = "\x1b[2J\x1b]0;owned\x07 \u202eevil\u202c \u2066x\u2069 \u200b"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def test_markdown_cell_keeps_paragraphs_and_escapes_specials() -> None:
    assert cell("一段落目。\n\n二段落目\n改行") == "一段落目。<br><br>二段落目<br>改行"
    assert cell("a | b") == "a \\| b"
    assert escape("<b>&") == "&lt;b&gt;&amp;"
    assert escape("*x* _y_ `z` [l](u) \\") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\\\"
    assert escape("1. item") == "1\\. item" and escape("# h") == "\\# h"


def test_hostile_text_is_inert_in_every_format(small: Consultation) -> None:
    small.items[0].opinion = HOSTILE
    for fmt in ("md", "html", "csv"):
        text = render(small, fmt).decode("utf-8")
        for char in "\x1b\x07\u202e\u202c\u2066\u2069\u200b":
            assert char not in text, (fmt, hex(ord(char)))
        assert "␛" in text and "\\u202e" in text
    book = openpyxl.load_workbook(io.BytesIO(render(small, "xlsx")))
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert any(isinstance(v, str) and "␛" in v for v in values)


def test_html_is_one_accessible_page(small: Consultation) -> None:
    html = render(small, "html").decode("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="ja">')
    assert "<script" not in html.replace("&lt;script", "")
    assert not re.search(r"<(?:link|img|iframe)\b", html), "must need no other file"
    assert "@media print" in html and "table-header-group" in html
    parsed = _parse(html)
    tags = [tag for tag, _ in parsed.tags]
    assert tags.count("table") == tags.count("caption") == 4
    scopes = {attrs.get("scope") for tag, attrs in parsed.tags if tag == "th"}
    assert scopes == {"col", "row"}
    assert all(attrs.get("scope") for tag, attrs in parsed.tags if tag == "th")
    # The script an opinion carries is text on the page, never an element.
    assert "<script>alert(1)</script>" in "".join(parsed.text)


def test_html_language_follows_the_file(small: Consultation) -> None:
    small.meta.language = "en"
    html = render(small, "html").decode("utf-8")
    assert '<html lang="en">' in html and "2025-04-01 – 2025-05-07" in html


def test_draft_marks_every_format(small: Consultation) -> None:
    for fmt in ("md", "html"):
        text = render(small, fmt, draft=True).decode("utf-8")
        assert text.count("【案】") >= 3  # the title and a banner at the top and the bottom
    csv_text = render(small, "csv", draft=True).decode("utf-8-sig")
    records = csv_text.split("\r\n")
    assert records[0].endswith(",状態")
    assert all(line.endswith("【案】承認済み") for line in records[1:] if line.startswith("1,"))
    book = openpyxl.load_workbook(io.BytesIO(render(small, "xlsx", draft=True)))
    for sheet in book.worksheets:
        assert "【案】" in (sheet.oddHeader.center.text or "")
    assert book.properties.title.startswith("【案】")


def test_csv_has_bom_crlf_and_defused_formulas(small: Consultation) -> None:
    data = render(small, "csv")
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert text.startswith("No.,分類,項目,件数,対応区分,ご意見の概要,サンプル市の考え方\r\n")
    assert ",'=SUM(A1:A3)" in text
    assert "計画の目標値が低すぎる。\n\nもっと高い目標を掲げるべきだ。" in text


def test_xlsx_layout(small: Consultation) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(small, "xlsx")))
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:4] == ["No.", "分類", "項目", "件数"]
    assert all(c.alignment.wrap_text for row in sheet.iter_rows() for c in row)
    assert sheet.column_dimensions["F"].width == 60 and sheet.column_dimensions["A"].width == 6
    formula = sheet["G3"]
    assert (
        formula.value
        == "=SUM(A1:A3) のような式や \\ バックスラッシュ、`コード` もそのまま表示します。"
    )
    assert formula.data_type == "s"  # text, never a formula Excel would run
    assert [sheet.cell(row=r, column=1).value for r in range(2, 6)] == [1, 2, 3, 4]
    summary = {row[0].value: row[1].value for row in book.worksheets[1].iter_rows()}
    assert summary["意見総数"] == 6 and summary["意見の受付方法別内訳: 合計"] == 6


def test_xlsx_bytes_do_not_depend_on_the_clock(small: Consultation) -> None:
    first, second = render(small, "xlsx"), render(small, "xlsx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {FIXED_TIME}
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and core.count("2000-01-01") == 2


def test_class_counts_count_opinions_not_items(small: Consultation) -> None:
    assert class_counts(small) == [("反映", 3), ("参考", 2), ("対象外", 1)]
    small.items[1].klass = None
    assert class_counts(small)[-1] == ("未分類", 1)
    small.review.classes = []
    assert class_counts(small) == []


def test_totals_are_computed(small: Consultation) -> None:
    pub = build(small)
    assert pub.submitter_total == 6 and pub.opinion_total == 6
    assert [part.title for part in pub.parts if not part.rows] == ["その他のご意見"]


def test_a_place_naming_the_website_goes_under_the_web_heading(small: Consultation) -> None:
    small.meta.places.append("サンプル市公式ホームページ")
    md = render(small, "md").decode("utf-8")
    assert "ウ サンプル市公式ホームページ" not in md
    assert "### (2) サンプル市公式ホームページによる公開\n\n<https://www.example.jp/" in md
    small.meta.url = ""
    md = render(small, "md").decode("utf-8")
    assert "による公開\n\nサンプル市公式ホームページ\n" in md


def test_per_section_tables_have_the_seeds_three_columns(small: Consultation) -> None:
    md = render(small, "md").decode("utf-8")
    assert "| No. | ご意見の概要 | サンプル市の考え方 |\n| ---: | --- | --- |\n" in md
