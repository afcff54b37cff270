"""Japanese line breaking: lines measured in cells, 禁則 respected, Latin words kept whole."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from pctui.app.render.wrap import line_starts, wrap


def lines(text: str, width: int) -> list[str]:
    starts = [*line_starts(text, width), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(starts)]


def test_full_width_text_fills_lines_by_cells() -> None:
    assert lines("あいうえおかきくけこ", 6) == ["あいう", "えおか", "きくけ", "こ"]
    assert lines("あいうえお", 7) == ["あいう", "えお"]  # a half cell is never split


def test_punctuation_never_starts_a_line() -> None:
    # Plain folding at 6 cells would give "あいう" / "。えおか"; the break moves back.
    assert lines("あいう。えおか", 6) == ["あい", "う。え", "おか"]
    assert lines("そうです。ね", 8) == ["そうで", "す。ね"]


def test_an_opening_bracket_never_ends_a_line() -> None:
    assert lines("あい「うえ」お", 6) == ["あい", "「う", "え」お"]


def test_latin_words_and_numbers_are_not_cut() -> None:
    assert lines("登録はISMAPです", 8) == ["登録は", "ISMAPで", "す"]
    assert lines("令和9年度2025-12-16に", 12) == ["令和9年度", "2025-12-16に"]


def test_a_word_before_a_full_stop_moves_whole() -> None:
    # Seen in the help: "into a new grou" / "p." when only the full stop did not fit.
    assert lines("into a new group. Next", 16) == ["into a new ", "group. Next"]
    assert lines("保存はISMAP。次", 9) == ["保存は", "ISMAP。次"]


def test_a_word_longer_than_the_line_is_folded() -> None:
    assert lines("ABCDEFGHIJ", 4) == ["ABCD", "EFGH", "IJ"]


def test_wrap_keeps_styles_and_paragraphs() -> None:
    text = Text("第一段落です。\n\n第二")
    text.stylize("bold", 0, 2)
    wrapped = wrap(text, 6)
    assert [line.plain for line in wrapped] == ["第一段", "落で", "す。", "", "第二"]
    assert wrapped[0].spans[0].style == "bold"


@given(st.text(alphabet="あいう、。「」ー ABC12", max_size=60), st.integers(4, 20))
def test_every_line_fits_and_no_character_is_lost(text: str, width: int) -> None:
    broken = lines(text, width)
    assert "".join(broken) == text
    assert all(0 < cell_len(line) <= width for line in broken if text)


@given(st.text(alphabet="あいうえお漢字かな", min_size=1, max_size=40), st.integers(4, 20))
def test_a_lone_closing_mark_moves_back(text: str, width: int) -> None:
    broken = lines(text + "。" + text, width)
    assert all(not line.startswith("。") and not line.endswith("「") for line in broken)
