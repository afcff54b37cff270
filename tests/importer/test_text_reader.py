"""Reading seed-like Markdown and plain text: header facts, tables, pages, what cannot be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pctui.importer import ERROR, read_source, read_text


def test_seed_header_facts(seed: Path) -> None:
    raw = read_source(seed)
    assert raw.notes == []
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
    assert raw.submitter_unit == "団体" and raw.declared_total == 10
    assert (raw.opinion_heading, raw.response_heading) == ("寄せられたご意見", "札幌市の考え方")
    assert raw.sections == [
        "住民基本台帳事務に関する特定個人情報保護評価に対するご意見",
        "制度全体に関するご意見",
    ]


def test_seed_items_across_the_page_break(seed: Path) -> None:
    raw = read_source(seed)
    assert [item.no for item in raw.items] == list(range(1, 11))
    assert {item.section for item in raw.items} == {raw.sections[0]}
    first = raw.items[0]
    assert first.topic == "システム総論"
    assert first.opinion.startswith("(他自治体で) アクセス権のある職員")
    assert first.response.count("\n\n") == 1  # two <p> paragraphs
    assert raw.items[4].response.count("\n\n") == 2
    assert raw.items[5].topic == "クラウド化について"
    assert raw.items[6].response.startswith("標準準拠システムへの移行")  # after the page break


PIPES = """\
# 道路計画について 寄せられたご意見と本市の考え方

## 5 ご意見の概要とそれに対するサンプル市の考え方

### 1 計画に関するご意見

| No. | ご意見の概要 | サンプル市の考え方 |
| ---: | --- | --- |
| 1 | 縦棒 \\| と \\*星\\* と &lt;b&gt; と \\\\ を含む。<br><br>二段落目。 | 回答。<br>改行。 |
| 2 | 【安全】<br>歩道を広げてほしい。 | 検討します。 |

### 2 その他

なし
"""


def test_markdown_pipe_table_with_escapes_and_breaks() -> None:
    raw = read_text(PIPES)
    assert raw.notes == []
    assert raw.title == "道路計画について" and raw.organization == "サンプル市"
    assert raw.sections == ["計画に関するご意見", "その他"]
    one, two = raw.items
    assert one.opinion == "縦棒 | と *星* と <b> と \\ を含む。\n\n二段落目。"
    assert one.response == "回答。\n改行。"
    assert (two.topic, two.opinion) == ("安全", "歩道を広げてほしい。")


SPLIT = """\
1 計画に関するご意見
No.\tご意見\t市の考え方
1\t<p>一ページ目の終わりで</p>\t<p>回答の前半。</p>

No.\tご意見\t市の考え方
\t<p>切れた意見の続き。</p>\t<p>回答の後半。</p>
2\t二件目。\t二件目の回答。
"""


def test_a_row_split_across_pages_is_joined() -> None:
    raw = read_text(SPLIT)
    assert raw.notes == []
    assert raw.items[0].opinion == "一ページ目の終わりで切れた意見の続き。"  # mid-sentence
    assert raw.items[0].response == "回答の前半。\n\n回答の後半。"  # after a full stop
    assert raw.items[1].response == "二件目の回答。"


BROKEN = """\
# 題名

## 1 意見の募集期間

令和7年11月12日（木）～令和7年12月11日（木）

## 5 ご意見の概要とそれに対する市の考え方

1 計画
x\ty\tz
No.\tご意見\t市の考え方
1\t意見。\t回答。
番号の欄にある文です\t番号ではない。\t回答。
1\t番号の重複。\t回答。
これは表の外の行です。
2\t列が足りない。
"""


def test_what_cannot_be_read_is_reported_with_its_line() -> None:
    raw = read_text(BROKEN)
    notes = {(n.line, n.severity): n.message for n in raw.notes}
    assert "水曜日, not 木曜日" in notes[(5, "warning")]
    assert "before any header row" in notes[(10, ERROR)]
    assert "'番号の欄にある文です' is neither a number" in notes[(13, ERROR)]
    assert "No.1 appears again (first on line 12)" in notes[(14, ERROR)]
    assert "not in a table" in notes[(15, ERROR)]
    assert "2 cells, the header 3" in notes[(16, "warning")]
    assert [item.no for item in raw.items] == [1, 2]
    assert raw.items[1].response == ""


def test_a_document_without_a_table_is_an_error() -> None:
    raw = read_text("# 題名\n\n本文だけの文書です。\n")
    assert not raw.found_table
    assert any(n.severity == ERROR and "no opinion table" in n.message for n in raw.notes)


def test_a_wrong_era_date_is_reported() -> None:
    raw = read_text("# 題名\n\n## 1 意見の募集期間\n\n平成31年5月1日～令和元年6月1日\n")
    assert raw.opened is None
    assert any(n.line == 5 and "令和元年5月1日" in n.message for n in raw.notes)


def test_shift_jis_text_is_read_and_said(tmp_path: Path) -> None:
    source = tmp_path / "kekka.txt"
    source.write_bytes(SPLIT.encode("cp932"))
    raw = read_source(source)
    assert [item.no for item in raw.items] == [1, 2]
    assert any("Shift_JIS" in n.message for n in raw.notes)
