"""The CLI's column layout (`status`): padded to terminal columns, each cell measured once."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pctui.cli.common import pad, table_lines, width

CELLS = st.text(alphabet=st.sampled_from("ab1 *承認済担当ｱ␛é"), max_size=6)


def _by_the_definition(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_width_of_every_ascii_character_is_the_definitions() -> None:
    for code in range(128):
        assert width(chr(code) * 3) == _by_the_definition(chr(code) * 3)
    assert width("No 12 決裁中") == 6 + 6


@given(st.lists(st.tuples(CELLS, CELLS, CELLS), min_size=1, max_size=8))
def test_table_lines_pad_each_column_but_the_last_to_its_widest_cell(
    rows: list[tuple[str, str, str]],
) -> None:
    widths = [max(_by_the_definition(row[col]) for row in rows) for col in range(2)]
    expected = [
        "  ".join([pad(row[0], widths[0]), pad(row[1], widths[1]), row[2]]).rstrip() for row in rows
    ]
    assert table_lines(rows) == expected


def test_status_columns_line_up_in_terminal_columns() -> None:
    lines = table_lines([("No", "state", "next"), ("7", "決裁中", "係長 *"), ("12", "ok", "")])
    assert lines == ["No  state   next", "7   決裁中  係長 *", "12  ok"]
    assert table_lines([]) == []


ASCII_CELLS = st.text(alphabet=st.sampled_from("ab1 *\t~"), max_size=6)


@given(st.lists(st.tuples(ASCII_CELLS, CELLS, ASCII_CELLS), min_size=1, max_size=8))
def test_an_ascii_column_is_padded_as_any_other(rows: list[tuple[str, str, str]]) -> None:
    widths = [max(_by_the_definition(row[col]) for row in rows) for col in range(2)]
    expected = [
        "  ".join([pad(row[0], widths[0]), pad(row[1], widths[1]), row[2]]).rstrip() for row in rows
    ]
    assert table_lines(rows) == expected
