"""`line_starts` finds each line's end by bisecting the summed cell widths; held here to
the rule measured character by character (as it was written first) on any text of CJK,
kana, Latin words, kinsoku punctuation, emoji, joiners, control characters and tabs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from pctui.app.render.wrap import NO_END, NO_START, line_starts

CHARACTERS = "あいうカキ漢字、。「」（）ーっャ…%abcXYZ 019-_'😀\u200d\ufe0f\t\x01\u0301ｱ"


def _word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "_-'@#$&*+/=")


def _bad(text: str, at: int) -> bool:
    """A break before `at` cuts a word or breaks a kinsoku rule."""
    word = _word(text[at - 1]) and _word(text[at])
    return word or text[at] in NO_START or text[at - 1] in NO_END


def _back(text: str, start: int, end: int, bad) -> int:  # type: ignore[no-untyped-def]
    at = end
    while at > start + 1 and bad(at):
        at -= 1
    return end if bad(at) else at


def measured_one_by_one(text: str, width: int) -> list[int]:
    """The rule, measuring one character at a time."""
    if width <= 0 or not text:
        return [0]
    starts, start = [0], 0
    while True:
        end, cells = start, 0
        while end < len(text) and cells + cell_len(text[end]) <= width:
            cells += cell_len(text[end])
            end += 1
        if end >= len(text):
            return starts
        end = max(end, start + 1)
        if end >= len(text):
            return starts
        both = _back(text, start, end, lambda at: _bad(text, at))
        if both != end or not _bad(text, end):
            starts.append(both)
            start = both
            continue
        end = _back(text, start, end, lambda at: _word(text[at - 1]) and _word(text[at]))
        end = _back(text, start, end, lambda at: text[at] in NO_START or text[at - 1] in NO_END)
        starts.append(end)
        start = end


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CHARACTERS, max_size=200), st.integers(min_value=-1, max_value=90))
def test_bisection_breaks_where_measuring_one_by_one_does(text: str, width: int) -> None:
    assert line_starts(text, width) == measured_one_by_one(text, width)


def test_a_long_japanese_paragraph_breaks_the_same() -> None:
    text = "住民記録システムは、操作権限を各区戸籍住民課職員に限定するとともに、ISMAP。" * 40
    for width in (1, 2, 3, 7, 38, 57, 116):
        assert line_starts(text, width) == measured_one_by_one(text, width)
