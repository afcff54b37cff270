"""The help (`?`) and the dialogs: Japanese broken by the kinsoku rule wherever it wraps,
the help scrolls with j/k and tells the raw views' keys and the list's marks."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.widgets._toast import Toast

from pctui.app.render.context import RenderContext
from pctui.app.render.help_text import RAW_VIEW_KEYS, help_lines
from pctui.app.render.wrap import NO_END, NO_START, toast_text, toast_width
from pctui.app.review_actions import ACTIONS
from pctui.app.screens.code_view import CodeScreen
from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.confirm import ConfirmScreen
from pctui.app.screens.help import HelpScreen
from pctui.app.widgets.wrapped_text import WrappedText
from pctui.i18n import ENGLISH, install

from .conftest import MakeApp

STAGES = ("担当", "係長", "課長")
KEYS = {action.display for action in ACTIONS}


@pytest.fixture
def japanese() -> Iterator[None]:
    install("ja")
    yield
    install(ENGLISH)


def assert_kinsoku(lines: list[str], continued: int = 0) -> None:
    """No line ends with an opening bracket, and no line that continues a wrapped text
    (indented by at least `continued` cells) starts with closing punctuation or a small
    kana."""
    for line in lines:
        text = line.strip()
        if text and text not in KEYS:  # a key alone on its line in a narrow help ("[")
            assert text[-1] not in NO_END, line
            if line.startswith(" " * continued):
                assert text[0] not in NO_START, line


@pytest.mark.parametrize("width", range(24, 90, 3))
def test_the_japanese_help_keeps_the_kinsoku_rule_at_every_width(
    width: int, japanese: None
) -> None:
    lines = [line.plain for line in help_lines(width, RenderContext(), STAGES)]
    assert all(Text(line).cell_len <= width for line in lines)
    assert_kinsoku(lines, continued=5)  # a key or mark line starts with two spaces


def test_the_help_tells_the_raw_views_keys_and_the_list_marks() -> None:
    text = "\n".join(line.plain for line in help_lines(100, RenderContext(), STAGES))
    for keys, _meaning in RAW_VIEW_KEYS:
        assert keys in text
    for binding in CodeScreen.BINDINGS:  # every key the raw views bind is in the help
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            assert key in text, key
    assert "担係課" in text and "担係・" in text
    assert "担当・係長 approved the current revision, 課長 not yet" in " ".join(text.split())
    for state in ("draft", "review", "changes", "approved"):
        assert f"  {state} " in text


def test_on_a_console_the_help_explains_stage_numbers() -> None:
    text = " ".join(line.plain for line in help_lines(100, RenderContext(plain=True), STAGES))
    assert "123 " in text and "12- " in text
    assert "1:担当, 2:係長, 3:課長" in text


def test_j_and_k_scroll_the_help(make_app: MakeApp, drive: Callable[..., None]) -> None:
    app = make_app("yamada")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help", VerticalScroll)
        assert box.max_scroll_y > 0 and box.scroll_y == 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert box.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert box.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        assert "Marks in the list" in app.screen.text
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0

    drive(app, script, size=(80, 24))


LONG_TITLE = (
    "差戻し：第3版について、個人番号カードの交付状況（区ごとの内訳）を追記し、"
    "「標準準拠システム」への移行の時期を明記してください。"
)


@pytest.mark.parametrize("screen", ["comment", "confirm"])
def test_dialogs_break_japanese_by_the_kinsoku_rule(
    screen: str, make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("yamada")

    async def script(pilot: Pilot[None]) -> None:
        dialog = CommentScreen(LONG_TITLE) if screen == "comment" else ConfirmScreen(LONG_TITLE)
        await app.push_screen(dialog)
        await pilot.pause()
        shown = dialog.query(WrappedText).first()
        width = shown.content_region.width
        lines = [line.plain for line in shown.lines(width)]
        assert len(lines) > 1 and "".join(lines) == LONG_TITLE
        assert_kinsoku(lines)
        assert shown.size.height == len(lines)

    drive(app, script, size=(60, 24))


# At 80 columns a toast holds 36 cells: 18 kanji and kana, so Textual's own folding would
# start the second line with 「。」.
NOTICE = "個人番号カードの交付状況を区別に記載。標準準拠システムへの移行時期も明記してください。"


def test_notifications_break_japanese_by_the_kinsoku_rule(make_app: MakeApp) -> None:
    app = make_app("yamada")

    async def main() -> None:
        # run_test leaves notifications out unless asked: here they are the subject.
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            app.notify(NOTICE, markup=False)
            await pilot.pause()
            toast = app.screen.query(Toast).last()
            width = toast.content_region.width
            folded = [NOTICE[at : at + width // 2] for at in range(0, len(NOTICE), width // 2)]
            assert folded[1][0] in NO_START  # what the toast alone would have shown
            lines = str(toast.render()).split("\n")
            assert "".join(lines) == NOTICE and len(lines) > 1
            assert all(Text(line).cell_len <= width for line in lines)
            assert_kinsoku(lines)
            assert app.last_said() == ("information", NOTICE)  # the words as said, unbroken

    asyncio.run(main())


COMMITTED = "committed 5cc25e3: 2025-jumin: record 2 sign-offs, 2 other changes (No.7)"


@pytest.mark.parametrize("width", [80, 81, 100, 121, 122, 200])
def test_a_notice_is_broken_for_the_toast_s_own_width(make_app: MakeApp, width: int) -> None:
    app = make_app("yamada")

    async def main() -> None:
        async with app.run_test(size=(width, 24), notifications=True) as pilot:
            app.notify(COMMITTED, markup=False)
            await pilot.pause()
            toast = app.screen.query(Toast).last()
            assert toast.content_region.width == toast_width(width)
            # Broken once, by pctui: Textual folded the 37 cells of the first line at 80
            # columns again, leaving 'record' alone on a line.
            shown = str(toast.render()).split("\n")
            assert shown == toast_text(COMMITTED, width).split("\n")

    asyncio.run(main())


def test_an_english_notice_breaks_between_words_without_a_leading_space() -> None:
    text = toast_text("the file is saved; the next commit (pctui commit FILE) includes it", 80)
    lines = text.split("\n")
    assert len(lines) > 1 and all(not line.startswith(" ") for line in lines)
    assert " ".join(lines).split() == text.split()


SECTION = "住民基本台帳事務に関する特定個人情報保護評価（案）に対するご意見。"


@pytest.mark.parametrize("width", [44, 52, 60, 70])
def test_the_filter_options_keep_the_kinsoku_rule(
    width: int, make_app: MakeApp, drive: Callable[..., None], sample_path: Path
) -> None:
    text = sample_path.read_text(encoding="utf-8")
    sample_path.write_text(text.replace("制度全体に関するご意見", SECTION), encoding="utf-8")
    app = make_app("yamada")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("f")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        room = options.scrollable_content_region.width
        prompts = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        section = next(prompt for prompt in prompts if "（案）" in prompt.replace("\n", ""))
        lines = section.split("\n")
        assert len(lines) > 1 and "".join(lines) == f"section: 2 {SECTION} (0)"
        assert all(Text(line).cell_len <= room for line in lines)
        assert_kinsoku(lines)
        assert options.size.height > len(prompts)  # every option is shown

    drive(app, script, size=(width, 24))
