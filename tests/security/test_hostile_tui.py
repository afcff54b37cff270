"""Hostile text in the TUI: every surface shows it inertly and none of it reaches the screen raw.

Each surface is checked twice: the text the widget holds or renders (the inert form is
there: ␛ for ESC, \\u202e for a bidi override, markup as typed) and the whole screen as
exported (no control, bidi or invisible character anywhere on it).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from tests.app.conftest import RecordingApp
from tests.security.conftest import HOSTILE, raw_controls, replace_in
from textual import events
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from pctui.app.screens.edit import EditScreen
from pctui.app.screens.filter import FilterScreen
from pctui.app.widgets.search_bar import SearchBar
from pctui.storage import ConsultationFile

SHOWN = "␛]52;c;cHduZWQ=␇"  # how the OSC 52 clipboard write is shown
# HOSTILE as the screen shows it: C0 as control pictures, NEL as a line break, the rest
# as \\u escapes.
SHOWN_HOSTILE = (
    "ご意見の前文。␛[31;7mPWNED␛[0m␛]52;c;cHduZWQ=␇␛]0;owned␛\\␀␁␈␋␌␍␡"
    "\n\\u009b2J\\u009d0;x\\u009c"  # NEL is a line break
    "\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069"
    "\\u200b\\u200c\\u200d\\u2060\\ufeff"
    "[bold red]赤[/] <script>alert(1)</script> [x](javascript:alert(1)) *強調*以上です。"
)
Script = Callable[[Pilot[None]], Awaitable[None]]


def drive(app: RecordingApp, script: Script) -> None:
    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(main())


def clean_screen(app: RecordingApp) -> str:
    """The screen as exported; asserts it holds no control, bidi or invisible character."""
    screen = app.export_screenshot()
    assert raw_controls(screen) == []
    return screen


def plain(app: RecordingApp, selector: str) -> str:
    """The text a Static on the current screen holds, or a part of the item pane."""
    if selector.lstrip("#") in ITEM_PARTS:
        return app.shown(selector.lstrip("#")).plain
    content = app.screen.query_one(selector, Static).content
    return content if isinstance(content, str) else content.plain  # type: ignore[union-attr]


ITEM_PARTS = {"meta", "opinion", "response", "signoffs", "diff-summary", "diff-inline", "diff-new"}


def rendered(widget: object, lines: int) -> str:
    """What a Line API widget renders for its first `lines` lines, as text."""
    return "\n".join(widget.render_line(y).text for y in range(lines))  # type: ignore[attr-defined]


def test_review_screen_surfaces(hostile_path: Path) -> None:
    app = RecordingApp(ConsultationFile.load(hostile_path), "sato", watch_interval=None)

    async def script(pilot: Pilot[None]) -> None:
        clean_screen(app)
        # The title bar and the list's first row (item 1: hostile topic and opinion).
        assert plain(app, "#title").startswith("住民基本台帳␛]0;owned␇事務\\u202e")
        row = rendered(app.main.table, 2).split("\n")[1]
        assert "【システム␛[5m総論\\u200b】ご意見の前文。␛[31;7mPWNED" in row
        assert plain(app, "#opinion").startswith(SHOWN_HOSTILE + "\n\n")
        # Item 10: the hostile revision, its note, the diff, the sign-off comment.
        await pilot.press("G")
        await pilot.pause()
        clean_screen(app)
        assert plain(app, "#response") == "前の文。" + SHOWN_HOSTILE
        assert SHOWN in plain(app, "#diff-inline")
        assert SHOWN in plain(app, "#signoffs") and "要修正ご意見の前文。" in plain(
            app, "#signoffs"
        )
        assert app.detail.subtitle("response") == "note: 注␛[2J記"
        await pilot.press("d")  # side by side
        await pilot.pause()
        clean_screen(app)
        assert SHOWN in plain(app, "#diff-new")

    drive(app, script)


def test_edit_screen_shows_each_control_as_one_mark_and_keeps_the_text(
    hostile_path: Path,
) -> None:
    app = RecordingApp(ConsultationFile.load(hostile_path), "yamada", watch_interval=None)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("G", "e")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        clean_screen(app)
        area = app.screen.query_one(TextArea)
        # The text itself, but for the characters Textual's document splits lines at: each
        # becomes its line end (CR here, the first line end it finds).
        breaks = dict.fromkeys(map(ord, "\r\x0b\x0c\x85"), area.document.newline)
        assert area.text == ("前の文。" + HOSTILE).translate(breaks)
        shown = "\n".join(area.get_line(n).plain for n in range(area.document.line_count))
        assert raw_controls(shown) == []
        assert "␛]52;c;cHduZWQ=␇" in shown and "⌧⌧⌧⌧⌧⌧⌧⌧⌧" in shown  # nine bidi controls
        assert len(shown) == len(area.text)  # one mark per character: the cursor stays true
        assert plain(app, "#edit-title").endswith(
            "(it holds 31 control or invisible characters, shown as ␛ … or ⌧; 4 of them"
            " (CR, VT, FF, NEL …) become line breaks if you save)"
        )
        await pilot.press("escape")  # untouched: closes without asking
        await pilot.pause()
        assert not isinstance(app.screen, EditScreen)
        await pilot.press("e", "ctrl+s")  # untouched and saved: nothing to save
        await pilot.pause()
        assert app.last_said() == (
            "error",
            "Refused: the text is the same as revision 2; nothing to save",
        )

    before = hostile_path.read_bytes()
    drive(app, script)
    assert hostile_path.read_bytes() == before


def test_pasted_controls_never_reach_the_search_line_or_a_comment(hostile_path: Path) -> None:
    app = RecordingApp(ConsultationFile.load(hostile_path), "sato", watch_interval=None)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        bar = app.screen.query_one(SearchBar)
        bar.post_message(events.Paste("PWN\x1b[31;7mED\u202e"))
        await pilot.pause()
        assert bar.value == "PWN[31;7mED"  # the reviewer's paste, without its controls
        clean_screen(app)
        await pilot.press("enter")
        await pilot.pause()
        # Nothing matches: the notification quotes the search, inertly.
        assert app.last_said() == ("warning", "Nothing matches “PWN[31;7mED”.")
        clean_screen(app)
        await pilot.press("slash", "ctrl+u", "enter")  # show everything again
        await pilot.press("g", "j", "j", "j", "j", "x")  # No.5 is in review: sato rejects it
        await pilot.pause()
        comment = app.screen.query_one("#comment")
        # Controls dropped, an emoji sequence kept; a one-line field takes a paste's first
        # line, and a LINE SEPARATOR ends a line as a line feed does.
        comment.post_message(
            events.Paste("文言を\x1b]52;c;eA==\x07直して\u2066👩🏿\u200d💻\u2028二行目")
        )
        await pilot.pause()
        clean_screen(app)
        await pilot.press("enter")
        await pilot.pause()

    drive(app, script)
    comments = [s.comment for i in ConsultationFile.load(hostile_path).consultation.items
                for s in i.signoffs if s.by == "sato" and s.verdict == "reject"]  # fmt: skip
    assert comments == ["文言を]52;c;eA==直して👩🏿\u200d💻"]


def test_filter_screen_and_notifications_quote_file_text_inertly(sample_copy: Path) -> None:
    # Hostile stage and section names: the filter lists sections, and the notification of
    # an approval names its stage. (A stage name goes into commit trailers, so one with a
    # control character does not load at all; markup is what it can hold.)
    replace_in(sample_copy, '"担当"', '"担[reverse]当"')
    replace_in(sample_copy, 'title = "制度全体に関するご意見"', 'title = "制度\\u009b2J全体"')
    app = RecordingApp(ConsultationFile.load(sample_copy), "yamada", watch_interval=None)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        assert "制度\\u009b2J全体" in clean_screen(app)
        await pilot.press("escape")
        await pilot.press("G", "a")  # No.10, a draft: yamada approves at 担当
        await pilot.pause()
        severity, message = app.last_said()
        assert severity == "information" and "担[reverse]当" in message, message
        clean_screen(app)

    drive(app, script)
