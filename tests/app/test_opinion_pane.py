"""How the item pane shows a format-2 item: the opinions listed with label, text and count,
the summary above them, and "4 opinions, 7 in all" in the header; a search finds an item
by any of its opinions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two

from pctui.i18n import ENGLISH, install


@pytest.fixture
def japanese() -> Iterator[None]:
    install("ja")
    yield
    install(ENGLISH)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


def test_the_opinions_are_listed_under_the_summary(make_app, drive, path) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        assert "No.1" in app.shown("meta").plain
        assert "4 opinions, 7 in all" in app.shown("meta").plain
        shown = app.shown("opinion").plain.split("\n")
        assert shown[0].startswith("summary · by tanaka")
        assert shown[1] == "駐輪場の増設と料金に関するご意見"
        assert shown[3:] == [
            "1　駐輪場を増やしてほしい。 (2 opinions)",
            "2　駅前の駐輪場が足りない。 (1 opinion)",
            "3　駐輪場の料金を下げてほしい。 (3 opinions)",
            "4　屋根のある駐輪場がほしい。 (1 opinion)",
        ]
        await pilot.press("j")  # No.2: one opinion, no summary: shown as in format 1
        assert app.shown("opinion").plain == "放置自転車の撤去を急いでほしい。"
        assert "· 1 opinion" in app.shown("meta").plain

    drive(app, script)


def test_the_header_reads_in_japanese(make_app, drive, path, japanese) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        assert "4件の意見、7件" in app.shown("meta").plain

    drive(app, script)


def test_search_finds_an_opinion_behind_the_summary(make_app, drive, path) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("slash", *"屋根", "enter")
        await pilot.pause()
        assert app.main.table.numbers == [1]

    drive(app, script)
