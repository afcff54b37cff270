"""An HTML result read as the Markdown reader reads pctui's Markdown: headings, lines, pipe
rows whose cells keep their markup, and a cell spanning rows written as a reference."""

from __future__ import annotations

from pathlib import Path

from pctui.importer import SAME_AS_ABOVE, read_source
from pctui.importer.html_page import html_to_markdown

PAGE = """<!DOCTYPE html>
<html lang="ja"><head><title>無視される題</title><style>p { color: red; }</style></head>
<body><h1>駐輪場計画（案） 寄せられたご意見と本市の考え方</h1>
<h2>1 意見の募集期間</h2><p>令和7年10月31日（金）～令和7年11月21日（金）</p>
<h2>2 ご意見の概要とそれに対する本市の考え方</h2>
<table><caption>表の題（読み上げ用）</caption>
<thead><tr><th>No.</th><th>寄せられたご意見</th><th>考え方</th></tr></thead>
<tbody>
<tr><th>1</th><td><p>a | b \\ c &amp; &lt;d&gt;</p></td><td rowspan="2"><p>回答一</p></td></tr>
<tr><th>2</th><td><p>二つ目</p><p>段落</p></td></tr>
<tr><th>3</th><td>三つ目</td><td>回答三</td></tr>
</tbody></table></body></html>
"""


def test_the_page_becomes_headings_lines_and_pipe_rows() -> None:
    lines = html_to_markdown(PAGE).splitlines()
    assert lines[:3] == [
        "# 駐輪場計画（案） 寄せられたご意見と本市の考え方",
        "## 1 意見の募集期間",
        "令和7年10月31日（金）～令和7年11月21日（金）",
    ]
    for hidden in ("無視される題", "color", "読み上げ用"):  # title, style, caption
        assert not any(hidden in line for line in lines)
    assert "| 2 | <p>二つ目</p><p>段落</p> | （No.1と同じ） |" in lines


def test_a_spanned_answer_is_one_answer_and_cells_keep_their_text(tmp_path: Path) -> None:
    page = tmp_path / "kekka.html"
    page.write_text(PAGE, encoding="utf-8")
    raw = read_source(page, empty_answer=SAME_AS_ABOVE)
    assert raw.title == "駐輪場計画（案）"
    assert [(i.no, [(o.label, o.text) for o in i.opinions], i.response) for i in raw.items] == [
        (1, [("1", "a | b \\ c & <d>"), ("2", "二つ目\n\n段落")], "回答一"),
        (3, [("3", "三つ目")], "回答三"),
    ]
    assert raw.joined_merged == 1
