"""The review screen and the key help in Japanese with `pctui open --lang ja`, in English
with --lang en: the language chosen on the command line reaches every label."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

import pctui.app.run
from pctui.app.screens.help import HelpScreen
from pctui.cli.entry import main
from pctui.storage import ConsultationFile

from .conftest import MakeApp


def screen_text(pilot: Pilot[None]) -> str:
    """What the terminal shows, as plain text (from the SVG screenshot)."""
    svg = pilot.app.export_screenshot()
    return html.unescape("".join(re.findall(r">([^<>]*)</text>", svg))).replace("\xa0", " ")


def open_with(language: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run `pctui open --lang LANGUAGE FILE` up to the point where the app would start."""
    opened: list[ConsultationFile] = []

    def run_app(file: ConsultationFile, login: str | None = None, **options: object) -> list[str]:
        opened.append(file)
        return []

    monkeypatch.setattr(pctui.app.run, "run_app", run_app)
    assert main(["open", "--lang", language, str(path)]) == 0
    assert opened


@pytest.mark.parametrize(
    ("language", "main_words", "help_words"),
    [
        ("ja", ["承認済 4/10", "状態", "意見", "承認", "差戻し", "取下げ", "ヘルプ", "起案中",
                "第2版 tanaka 2025年12月16日 14:10", "2025年12月17日 09:40"],
         ["pctui のキー", "移動", "現在の版を承認します", "コマンドパレット"]),
        ("en", ["approved 4/10", "state", "opinion", "approve", "changes", "withdraw", "help",
                "draft", "rev 2 by tanaka 16 Dec 2025 14:10", "17 Dec 2025 09:40"],
         ["pctui keys", "Move", "Approve the current revision", "command palette"]),
    ],
)  # fmt: skip
def test_main_and_help_screens_speak_the_chosen_language(
    language: str,
    main_words: list[str],
    help_words: list[str],
    make_app: MakeApp,
    sample_path: Path,
    drive: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_with(language, sample_path, monkeypatch)
    app = make_app("suzuki")

    async def script(pilot: Pilot[None]) -> None:
        shown = screen_text(pilot)
        for word in main_words:
            assert word in shown, shown
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(pilot)
        await pilot.press("G")  # the footnote is at the end
        shown += screen_text(pilot)
        for word in help_words:
            assert word in shown, shown

    drive(app, script, size=(160, 48))
