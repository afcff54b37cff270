"""The header parts of a result drafted in Word (or printed from it as PDF) read as the text
reader reads them: here a result whose table by method was tallied from a registry, laid out
as Word paragraphs and tables (the published Markdown's lines without their # marks, its
pipe rows as table rows), keeps its 提出通数 and the total that counts a person once."""

from __future__ import annotations

from pathlib import Path

from tests.console import pctui
from tests.importer.test_tally_roundtrip import tallied  # noqa: F401 (a fixture)

from pctui.importer.header_parts import read_document
from pctui.importer.table import Block, Line


def _as_word(markdown: str) -> list[Block]:
    """The blocks a Word document laid out like `markdown` gives: a paragraph per line, a
    table row per pipe row (the separator rows left out)."""
    blocks: list[Block] = []
    for line in markdown.splitlines():
        text = line.strip()
        if not text or text.startswith(">"):
            continue
        if text.startswith("|"):
            cells: list[str | None] = [cell.strip() for cell in text.strip("|").split("|")]
            if all(set(cell or "") <= set("-: ") for cell in cells):
                continue
            blocks.append((len(blocks) + 1, cells))
        else:
            blocks.append(Line(len(blocks) + 1, text.lstrip("#").strip()))
    return blocks


def test_a_tallied_table_by_method_in_a_word_document(tallied: Path, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "out"
    assert pctui("publish", tallied, "--draft", "--format", "md", "--out", out).returncode == 0
    blocks = _as_word((out / "2026-churin.md").read_text(encoding="utf-8"))
    raw = read_document(blocks, keeps_merges=True)
    assert [n.message for n in raw.notes if "not read" in n.message] == []
    assert raw.title == "駐輪場整備計画（案）"
    assert raw.submissions == {"電子メール": 1, "FAX": 1, "郵送": 1}
    assert raw.submitters == {"電子メール": 1, "FAX": 1, "郵送": 1}
    assert raw.submitters_total == 2
