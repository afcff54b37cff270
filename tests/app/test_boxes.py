"""The item pane's boxes, drawn as lines: every line exactly as wide as the box, titles
cut with an ellipsis, Japanese measured in cells, straight corners for a console."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from pctui.app.render.boxes import BoxStyle, box, inner_width, padded, side_by_side
from pctui.app.render.context import RenderContext
from pctui.app.render.wrap import wrap

STYLE = BoxStyle(Style(color="blue"), Style(bold=True), Style(dim=True))
FULL = RenderContext()


def test_every_line_is_as_wide_as_the_box_with_japanese_text() -> None:
    text = Text("住民記録システムは、操作権限を各区戸籍住民課職員に限定するとともに、abc def。")
    for width in (12, 20, 41, 80):
        body = wrap(text, inner_width(width))
        lines = box(body, width, STYLE, FULL, "寄せられたご意見", "note: 追記")
        assert len(lines) == len(body) + 2
        assert {line.cell_len for line in lines} == {width}, width
        assert "".join(line.plain[2:-2] for line in lines[1:-1]).replace(" ", "") == (
            text.plain.replace(" ", "")
        )


def test_the_title_is_in_the_top_border_and_the_subtitle_at_the_bottom_right() -> None:
    lines = box([Text("本文")], 30, STYLE, FULL, "ご意見", "d mode")
    assert lines[0].plain.startswith("╭─ ご意見 ─") and lines[0].plain.endswith("─╮")
    assert lines[-1].plain.startswith("╰─") and lines[-1].plain.endswith(" d mode ─╯")
    assert lines[1].plain == "│ 本文" + " " * 22 + " │"


def test_a_title_too_long_for_the_box_ends_in_an_ellipsis() -> None:
    top = box([], 16, STYLE, FULL, "札幌市の考え方 · rev 2 by tanaka")[0]
    assert top.cell_len == 16 and "…" in top.plain and top.plain.endswith("─╮")


def test_a_box_too_narrow_for_its_title_still_closes() -> None:
    for width in (2, 3, 5, 6):
        lines = box([Text("x")], width, STYLE, FULL, "title", "sub")
        assert lines[0].plain[0] == "╭" and lines[0].plain[-1] == "╮"


def test_plain_glyphs_draw_straight_corners() -> None:
    lines = box([Text("x")], 10, STYLE, RenderContext(plain=True), "t", "s")
    assert lines[0].plain[0] == "┌" and lines[-1].plain[-1] == "┘"
    assert not any(corner in "".join(line.plain for line in lines) for corner in "╭╮╰╯")


def test_two_columns_line_up_whatever_their_heights() -> None:
    left = [Text("一二三"), Text("四")]
    right = [Text("a"), Text("b"), Text("c")]
    lines = side_by_side(left, right, 8, 2)
    assert [line.plain for line in lines] == ["一二三    a", "四        b", "          c"]
    assert len(padded(left, 4)) == 4 and padded(left, 1) == left


def test_border_and_title_take_their_styles() -> None:
    top, middle, _bottom = box([Text("本文")], 20, STYLE, FULL, "題")
    styles = {top.plain[span.start : span.end]: span.style for span in top.spans}
    assert styles["題"] == STYLE.title
    assert styles["╭"] == STYLE.border
    assert top.style == middle.style == ""  # the body is not drawn in the border's colour
    assert all(middle.plain[span.start : span.end].strip() in "│" for span in middle.spans)


def test_a_line_break_in_a_title_or_subtitle_is_a_space() -> None:
    top, *_body, bottom = box([Text("x")], 30, STYLE, FULL, "見出し\n二行目", "note: 一\n二\t三")
    assert "見出し 二行目" in top.plain and "note: 一 二 三" in bottom.plain
    assert top.cell_len == bottom.cell_len == 30


def test_wrapping_narrower_than_one_wide_character_keeps_every_character() -> None:
    for width in (1, 2, 3):
        lines = wrap(Text("住民記録。"), width)
        assert "".join(line.plain for line in lines) == "住民記録。"
