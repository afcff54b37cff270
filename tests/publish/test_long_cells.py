"""A text longer than an Excel cell holds (32,767 characters) is published whole in the
XLSX, in continuation rows, and pctui's own import joins it back."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from pctui.base.long_cells import EXCEL_CELL_LIMIT, continued_no, pieces
from pctui.importer import read_source
from pctui.importer.grid import csv_rows, read_grid
from pctui.model.records import Consultation
from pctui.publish import render


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _long_opinion() -> str:
    """200,000 characters: Japanese prose with line breaks, an indented table, emoji
    sequences and astral characters (two UTF-16 units each), so cuts meet all of them."""
    unit = (
        "ご意見の本文が続きます。家族👨\u200d👩\u200d👧\u200d👦と𠮷野家の話。\n"
        "  区分 | 件数\n  賛成 |  12\n'=SUM(A1) は式ではありません。 \n\n"
    )
    return (unit * (200_000 // len(unit) + 1))[:200_000]


def test_pieces_join_back_and_each_fits_a_cell() -> None:
    text = _long_opinion()
    cut = pieces(text)
    assert "".join(cut) == text
    assert len(cut) >= 7
    for piece in cut:
        assert 0 < _utf16(piece) <= EXCEL_CELL_LIMIT
        # What a reader trims or reads as a mark is never at an edge.
        assert piece == piece.strip() or piece is cut[-1] or piece is cut[0]
        assert not piece.startswith(("'", "\u200d", "\ufe0f", "\udc00"))
    assert pieces("短い") == ["短い"]


def test_continuation_marks_are_read_in_either_language() -> None:
    assert continued_no("12（続き）") == 12
    assert continued_no("１２（続き）") == 12
    assert continued_no("12 (continued)") == 12
    assert continued_no("12") is None
    assert continued_no("続き") is None


def test_xlsx_keeps_a_200000_character_opinion_whole_and_import_joins_it(
    small: Consultation, tmp_path: Path
) -> None:
    text = _long_opinion()
    small.items[0].opinion = text
    data = render(small, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    no = small.items[0].no
    first = next(index for index, row in enumerate(rows) if row[0] == no)
    continued = [row for row in rows[first + 1 :] if row[0] == f"{no}（続き）"]
    assert len(continued) == len(pieces(text)) - 1
    opinion = rows[first][5]
    assert isinstance(opinion, str)
    assert opinion + "".join(str(row[5]) for row in continued) == text
    for row in rows:
        for value in row:
            assert not isinstance(value, str) or _utf16(value) <= EXCEL_CELL_LIMIT
    # The response of the item and the other items are untouched by the continuation.
    assert all(row[6] is None for row in continued)
    book = tmp_path / "result.xlsx"
    book.write_bytes(data)
    again = read_source(book)
    assert [note for note in again.notes if note.severity == "error"] == []
    imported = next(item for item in again.items if item.no == no)
    assert imported.opinion == text.strip()
    assert [item.no for item in again.items] == [item.no for item in small.items]


def test_a_continuation_away_from_its_item_is_refused_not_joined() -> None:
    rows = csv_rows("No,opinion,response\n1,意見一,回答一\n2,意見二,回答二\n1（続き）,続き,\n")
    doc = read_grid(rows)
    assert [(item.no, item.opinion) for item in doc.items] == [(1, "意見一"), (2, "意見二")]
    assert [(note.line, note.col, note.severity) for note in doc.notes] == [(4, 1, "error")]
    assert "No.1" in doc.notes[0].message
