"""Japanese --help text wrapped by terminal cells, with closing marks kept off line starts."""

from __future__ import annotations

import unicodedata

from pctui.cli.helpformat import NO_LINE_START, wrap_cells

TEXT = (
    "承認された文章から FILE の公表資料を書き出します: FILE の隣（または --out DIR）に\n"
    "<id>.md、<id>.html を書き出します。まず記載事項の確認（行政手続法 第43条）を行い、\n"
    "足りないものを表示します。"
)


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_lines_fit_the_width_in_cells_and_never_start_with_a_closing_mark() -> None:
    for width in (20, 33, 60):
        lines = wrap_cells(TEXT, width)
        assert all(cells(line) <= width + 2 for line in lines)  # + a held-back closing mark
        assert not any(line[0] in NO_LINE_START for line in lines)
        assert "".join(lines).replace(" ", "") == TEXT.replace("\n", "").replace(" ", "")


def test_a_line_break_between_japanese_characters_adds_no_space() -> None:
    assert wrap_cells("書き出\nします。FILE\nの隣", 80) == ["書き出します。FILE の隣"]
