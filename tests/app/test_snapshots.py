"""SVG snapshots of the review screen (pytest-textual-snapshot).

Deterministic by construction: a fixed login, no clock on screen (every time shown comes
from the file), no polling, no blinking cursor on these screens. After a deliberate
change, regenerate with `pytest tests/app/test_snapshots.py --snapshot-update` and look
at the SVGs under __snapshots__/ before committing them.
"""

from __future__ import annotations

import pytest
from tests.session.format_two_file import write_format_two
from textual.widgets import TextArea

from pctui.session.diff_state import SIDE_BY_SIDE
from pctui.theming import load_catalog


def test_main_screen_80x24(make_app, snap_compare) -> None:
    assert snap_compare(make_app("yamada"), terminal_size=(80, 24))


def test_main_screen_160x48(make_app, snap_compare) -> None:
    assert snap_compare(make_app("suzuki"), terminal_size=(160, 48), press=["j", "j", "j", "j"])


def test_main_screen_80x24_without_colour(make_app, snap_compare, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app("tanaka"), terminal_size=(80, 24), press=["j", "j", "j", "j", "j"])


def test_diff_inline_since_my_signoff(make_app, snap_compare) -> None:
    # tanaka approved No.7's first revision; yamada has revised it since.
    assert snap_compare(make_app("tanaka"), terminal_size=(120, 40), press=["n", "tab"])


def test_diff_side_by_side_160x48(make_app, snap_compare) -> None:
    app = make_app("tanaka")

    async def side_by_side(pilot) -> None:
        await pilot.press("n", "d")
        assert app.main.diff.mode == SIDE_BY_SIDE

    assert snap_compare(app, terminal_size=(160, 48), run_before=side_by_side)


def test_help_screen_80x24(make_app, snap_compare) -> None:
    assert snap_compare(make_app("yamada"), terminal_size=(80, 24), press=["question_mark"])


# ---- themes and terminals (issue 7) ---------------------------------------------------------

SHIPPED_THEMES = sorted(load_catalog(include_user=False).themes)


@pytest.mark.parametrize("theme", SHIPPED_THEMES)
def test_main_screen_in_each_shipped_theme_80x24(make_app, snap_compare, theme: str) -> None:
    # No.7 for tanaka: every state badge in the list and a diff since the sign-off below it.
    app = make_app("tanaka", theme=theme)
    assert snap_compare(app, terminal_size=(80, 24), press=["n"])


def test_main_screen_200x60(make_app, snap_compare) -> None:
    assert snap_compare(make_app("tanaka"), terminal_size=(200, 60), press=["n"])


def test_main_screen_with_plain_glyphs_80x24(make_app, snap_compare) -> None:
    # What a Linux console (TERM=linux) gets: straight borders, stage numbers, [-…-] {+…+}.
    app = make_app("tanaka", theme="pctui-terminal", plain=True)
    assert snap_compare(app, terminal_size=(80, 24), press=["n"])


def test_raw_toml_view_80x24(make_app, snap_compare) -> None:
    assert snap_compare(make_app("yamada"), terminal_size=(80, 24), press=["j", "v"])


def test_phrase_picker_80x24(make_app, snap_compare, sample_path) -> None:
    """The standard phrases for No.10 (参考): its class's phrase first, the other class's
    marked."""
    (sample_path.parent / "phrases.toml").write_text(
        '[[phrases]]\nid = "hanei"\ntext = "ご意見を踏まえ、No.{no}の記載を修正しました。"\n'
        'classes = ["反映"]\n\n[[phrases]]\nid = "taisho"\ntext = "適切に対処して参ります。"\n\n'
        '[[phrases]]\nid = "sanko"\ntext = "{section}に関するご意見として、今後の参考とさせて'
        'いただきます。"\nclasses = ["参考"]\n',
        encoding="utf-8",
    )
    assert snap_compare(make_app("yamada"), terminal_size=(80, 24), press=["G", "e", "ctrl+t"])


def test_format_two_item_with_several_opinions_120x40(make_app, snap_compare, tmp_path) -> None:
    # No.1 answers four opinions (7 in all) under a summary: listed with label, text, count.
    app = make_app("yamada", write_format_two(tmp_path / "2026-churin.toml"))
    assert snap_compare(app, terminal_size=(120, 40))


def test_format_two_item_with_several_opinions_80x24(make_app, snap_compare, tmp_path) -> None:
    app = make_app("yamada", write_format_two(tmp_path / "2026-churin.toml"))
    assert snap_compare(app, terminal_size=(80, 24))


def test_summary_editor_120x40(make_app, snap_compare, tmp_path) -> None:
    # `o`: the summary in the editor (several lines), the item's opinions beside it, no note.
    app = make_app("yamada", write_format_two(tmp_path / "2026-churin.toml"))

    async def open_editor(pilot) -> None:
        await pilot.press("o", "end", "enter", "enter")
        # The cursor shown steadily: a blink would make the picture depend on timing.
        pilot.app.screen.query_one(TextArea).cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_editor)


# ---- the progress board (issue 18) -----------------------------------------------------------

BOARD_NOW = "2026-01-05T12:00:00+09:00"  # the board's clock, fixed: days in state stay put


def test_progress_board_80x24(make_app, snap_compare, monkeypatch) -> None:
    import datetime as dt

    now = dt.datetime.fromisoformat(BOARD_NOW)
    monkeypatch.setattr("pctui.session.board.consultation_now", lambda consultation: now)
    assert snap_compare(make_app("yamada"), terminal_size=(80, 24), press=["s"])


def test_progress_board_80x24_without_colour(make_app, snap_compare, monkeypatch) -> None:
    import datetime as dt

    now = dt.datetime.fromisoformat(BOARD_NOW)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr("pctui.session.board.consultation_now", lambda consultation: now)
    assert snap_compare(make_app("yamada"), terminal_size=(80, 24), press=["s"])
