"""The item pane's lazy layout against the whole one: for every item of the sample and of
a file with a 300-opinion item, at every width, wide or stacked, each window of lines
built on its own (in any order) is the same lines, styles and all, as the layout built
whole; and showing a many-opinion item builds the lines on screen, not the item's."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text
from tests.app.full_layout import full_lines
from tests.app.many_opinions import write_many_opinions

from pctui.app.render import line_sources
from pctui.app.render.boxes import BoxStyle
from pctui.app.render.context import RenderContext
from pctui.app.render.detail import item_parts, lay_out
from pctui.app.render.line_sources import Wrapped
from pctui.app.render.wrap import wrap
from pctui.session.diff_state import INLINE, SIDE_BY_SIDE, default_base
from pctui.storage import ConsultationFile

STYLES = (
    BoxStyle(Style(color="blue"), Style(bold=True), Style(dim=True)),
    BoxStyle(Style(color="green"), Style(italic=True), Style(dim=True)),
)
CONTEXT = RenderContext()
WIDTHS = ((30, False), (78, False), (118, True), (158, True))
WINDOW = 40  # lines a pane shows at 120x40, about


def _same(line: Text) -> tuple[object, ...]:
    """What a line is drawn from: its characters, their styles, its own style and end."""
    return (line.plain, list(line.spans), line.style, line.end)


def _check(path: Path, login: str, step: int, widths: tuple[tuple[int, bool], ...]) -> int:
    """Every item's lines in windows `step` lines apart, then all in a random order."""
    consultation = ConsultationFile.load(path).consultation
    checked = 0
    for item in consultation.items:
        base = default_base(item, login)
        for mode in (INLINE, SIDE_BY_SIDE):
            parts = item_parts(consultation, item, base, mode, CONTEXT)
            if mode == SIDE_BY_SIDE and parts.diff is None:
                continue  # the same parts as INLINE's
            for width, wide in widths:
                whole = [_same(line) for line in full_lines(parts, width, wide, STYLES, CONTEXT)]
                assert len(lay_out(parts, width, wide, STYLES, CONTEXT).lines) == len(whole)
                for top in range(0, len(whole), step):
                    lines = lay_out(parts, width, wide, STYLES, CONTEXT).lines
                    window = range(top, min(top + WINDOW, len(whole)))
                    for number in reversed(window):  # from the bottom up: chunks out of order
                        assert _same(lines[number]) == whole[number], (item.no, width, number)
                        checked += 1
                lines = lay_out(parts, width, wide, STYLES, CONTEXT).lines
                order = list(range(len(whole)))
                random.Random(item.no + width).shuffle(order)
                assert [_same(lines[number]) for number in order] == [
                    whole[number] for number in order
                ]
    return checked


def test_the_sample_lays_out_the_same_lines_in_every_window(sample_path: Path) -> None:
    assert _check(sample_path, "yamada", WINDOW // 2 + 3, WIDTHS) > 1000  # windows overlap


def test_a_300_opinion_item_lays_out_the_same_lines_in_every_window(tmp_path: Path) -> None:
    assert (
        _check(write_many_opinions(tmp_path / "many.toml"), "yamada", 5 * WINDOW + 3, WIDTHS[1:3])
        > 2000
    )


def test_lines_past_the_end_are_refused(tmp_path: Path) -> None:
    consultation = ConsultationFile.load(write_many_opinions(tmp_path / "many.toml")).consultation
    parts = item_parts(consultation, consultation.items[0], None, INLINE, CONTEXT)
    lines = lay_out(parts, 118, True, STYLES, CONTEXT).lines
    with pytest.raises(IndexError):
        lines[len(lines)]
    with pytest.raises(IndexError):
        lines[-1]


def test_showing_a_300_opinion_item_builds_the_lines_on_screen(
    make_app, drive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    body_line = line_sources.body_line

    def counted(*args: object) -> Text:
        built.append(1)
        return body_line(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(line_sources, "body_line", counted)
    app = make_app("yamada", write_many_opinions(tmp_path / "many.toml"))

    async def script(pilot) -> None:
        assert len(app.detail.lines) > 1500  # (every line built here, for the check)
        built.clear()
        await pilot.press("j", "k")  # away and back to the 300-opinion item
        await pilot.pause()
        assert app.main.table.selected_no == 1
        # Two boxed lines (opinion and response) per screen line at most, on two redraws.
        assert 0 < len(built) <= 4 * app.detail.size.height

    drive(app, script)


def _styled(plain: str) -> Text:
    """`plain` with spans of three kinds: one across everything, one per fifth of it that
    crosses line breaks and paragraphs, and empty ones."""
    text = Text(plain, style="italic")
    text.stylize("red", 0, len(plain))
    for start in range(0, len(plain), 7):
        text.stylize("bold", start, start + 11)
        text.stylize("blue", start + 3, start + 3)
    return text


@pytest.mark.parametrize(
    "plain",
    [
        "住民記録システムは、操作権限を限定する。ISMAP の登録状況。\n\n（特に窓口で）" * 60,
        "a\x07b\rc\x0bd\x0ce\x08f 漢字かな\nline two\n" * 90,  # control codes: Rich drops them
    ],
)
def test_wrapped_lines_are_wraps_lines_in_any_order(plain: str) -> None:
    text = _styled(plain)
    for width in (1, 5, 17, 40):
        whole = [_same(line)[:3] for line in wrap(text, width)]
        lines = Wrapped(text, width)
        order = list(range(len(whole)))
        random.Random(width).shuffle(order)
        assert len(lines) == len(whole)
        assert {n: _same(lines[n])[:3] for n in order} == dict(enumerate(whole)), width
