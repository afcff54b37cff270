"""Layout inside a text survives publishing and importing: the spaces that indent a line or
line up a citizen's table are kept, and the published page still wraps on a phone.

The HTML check runs in a real browser (Chromium's headless shell, where one is installed):
only a browser says whether runs of spaces are collapsed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pctui.importer.cells import cell_text
from pctui.importer.grid import clean
from pctui.model.records import Consultation
from pctui.publish import render
from pctui.publish.markdown import cell

TABLE = "\n".join(
    (
        "次の表のとおりです。",
        "  区分    | 件数",
        "  --------+-----",
        "  賛成    |   12",
        "  反対    |    3",
    )
)
BROWSER = shutil.which("chromium-headless-shell") or shutil.which("chromium")
# Measures, in the published page, the paragraph holding the table: its computed
# white-space, how far the indented line's first character sits from the paragraph's left
# edge, and whether a long line wraps inside the paragraph at a phone's width.
PROBE = """<script>
const p = [...document.querySelectorAll("td p")].find(e => e.textContent.includes("区分"));
const node = [...p.childNodes].find(n => n.nodeType === 3 && n.data.includes("区分"));
const range = document.createRange();
const at = node.data.indexOf("区分");
range.setStart(node, at); range.setEnd(node, at + 1);
const b = document.body.dataset;
b.whiteSpace = getComputedStyle(p).whiteSpace;
b.indent = Math.round(range.getBoundingClientRect().left - p.getBoundingClientRect().left);
b.overflow = p.scrollWidth - p.clientWidth;
b.lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
</script>"""


def _with_table(small: Consultation) -> Consultation:
    first = small.items[0]
    first.opinion = TABLE + "\n" + "長い一文が続きます。" * 20
    return small


@pytest.mark.skipif(BROWSER is None, reason="no Chromium headless shell installed")
def test_html_keeps_spaces_and_wraps_in_a_real_browser(small: Consultation, tmp_path: Path) -> None:
    html = render(_with_table(small), "html").decode("utf-8")
    page = tmp_path / "page.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = subprocess.run(
        [str(BROWSER), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
         "--window-size=390,844", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    found = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', done.stdout.split("<body", 1)[1][:400]))
    assert found.get("white-space") == "pre-wrap", done.stdout[:2000]
    assert int(found["indent"]) >= 6  # two spaces, not collapsed away
    assert int(found["overflow"]) <= 0  # the long line wraps inside its cell
    assert int(found["lines"]) > 6


def test_html_writes_the_spaces_of_each_line(small: Consultation) -> None:
    html = render(_with_table(small), "html").decode("utf-8")
    assert "<br>  区分    | 件数<br>  --------+-----<br>" in html


def test_importing_a_published_cell_keeps_leading_spaces() -> None:
    # pctui's Markdown cell, read back by its own importer.
    assert cell_text(cell(TABLE), markdown=True) == TABLE
    # An HTML cell: the source's own line breaks and indentation are not the text's.
    html = "<p>\n    次の表のとおりです。<br>  区分    | 件数<br>\n    <br>  賛成\n  </p>"
    assert cell_text(html) == "次の表のとおりです。\n  区分    | 件数\n\n  賛成"


def test_a_csv_or_xlsx_cell_of_several_lines_keeps_its_indentation() -> None:
    table = TABLE.split("\n", 1)[1]  # its first line indented too
    assert clean("\r\n" + table.replace("\n", "\r\n") + "  \r\n") == table
    assert clean("   一行だけ  ") == "一行だけ"
