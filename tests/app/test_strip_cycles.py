"""Lines drawn at a key press are freed when replaced, not left to the garbage collector
(`pctui.app.strip_cycles`), and every cut gives Textual's answer."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from pctui.app import run, strip_cycles
from pctui.app.review_app import ReviewApp
from pctui.storage import ConsultationFile

PAD = Style(bgcolor="blue")


def strip_of(texts: list[str]) -> Strip:
    return Strip([Segment(text, Style(bold=index % 2 == 0)) for index, text in enumerate(texts)])


@pytest.fixture
def collected() -> Iterator[None]:
    """The collector off during the test (a collection in the middle would hide a cycle)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_a_strip_cut_whole_is_freed_without_the_collector(collected) -> None:
    strip_cycles.install()
    strip = strip_of(["第一", "段落 ", "abc"])
    assert strip.divide([strip.cell_length]) == [strip]
    assert strip.crop_extend(0, strip.cell_length, PAD) is strip
    del strip
    assert gc.collect() == 0  # Textual's caches held the strip itself: about 20 objects


def test_run_app_installs_it(monkeypatch, sample_path, tmp_path) -> None:
    monkeypatch.setattr(ReviewApp, "run", lambda self, *a, **k: None)
    monkeypatch.setattr(run.gc, "freeze", lambda: None)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(strip_cycles, "_installed", [])
    monkeypatch.setattr(Strip, "divide", strip_cycles.TEXTUAL_DIVIDE)
    monkeypatch.setattr(Strip, "crop_extend", strip_cycles.TEXTUAL_CROP_EXTEND)
    run.run_app(ConsultationFile.load(sample_path), "yamada")
    assert Strip.divide is not strip_cycles.TEXTUAL_DIVIDE
    assert Strip.crop_extend is not strip_cycles.TEXTUAL_CROP_EXTEND


def same(a: Strip, b: Strip) -> bool:
    return list(a) == list(b) and a.cell_length == b.cell_length


texts = st.lists(st.text(alphabet="ab 字", min_size=1, max_size=4), min_size=1, max_size=4)


@given(texts, st.lists(st.integers(min_value=0, max_value=20), max_size=4))
def test_divide_gives_textual_answer(parts: list[str], cuts: list[int]) -> None:
    divide = strip_cycles.whole_divide(strip_cycles.TEXTUAL_DIVIDE)
    for wanted in (sorted(set(cuts)), [*sorted(set(cuts)), strip_of(parts).cell_length]):
        ours = divide(strip_of(parts), wanted)
        theirs = strip_cycles.TEXTUAL_DIVIDE(strip_of(parts), wanted)
        assert len(ours) == len(theirs) and all(map(same, ours, theirs))


@given(texts, st.integers(min_value=-2, max_value=20), st.integers(min_value=0, max_value=20))
def test_crop_extend_gives_textual_answer(parts: list[str], start: int, end: int) -> None:
    crop_extend = strip_cycles.whole_crop_extend(strip_cycles.TEXTUAL_CROP_EXTEND)
    length = strip_of(parts).cell_length
    for wanted in (end, length):
        ours = crop_extend(strip_of(parts), start, wanted, PAD)
        theirs = strip_cycles.TEXTUAL_CROP_EXTEND(strip_of(parts), start, wanted, PAD)
        assert same(ours, theirs)


def test_browsing_leaves_no_strip_to_the_collector(make_app, drive) -> None:
    strip_cycles.install()
    app = make_app("yamada")
    left: list[Strip] = []

    async def script(pilot) -> None:
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds is kept in gc.garbage
        try:
            for _ in range(6):
                await pilot.press("j")
            gc.collect()
            left.extend(thing for thing in gc.garbage if isinstance(thing, Strip))
        finally:
            gc.set_debug(0)
            gc.garbage.clear()

    drive(app, script)
    assert left == []  # each line drawn and replaced was such a strip: dozens a press
