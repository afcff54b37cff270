"""Fixtures for the app tests: the app on a copy of the sample, as a chosen reviewer, with
every notification recorded, and the file read back from disk."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot

from pctui.app.review_app import ReviewApp
from pctui.app.screens.review import MainScreen
from pctui.app.widgets.item_detail import ItemDetail
from pctui.storage import ConsultationFile


class RecordingApp(ReviewApp):
    """The review app, remembering each notification as (severity, message)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.said: list[tuple[str, str]] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.said.append((kwargs.get("severity", "information"), str(message)))
        super().notify(message, *args, **kwargs)

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @property
    def detail(self) -> ItemDetail:
        return self.main.query_one(ItemDetail)

    def shown(self, part: str) -> Text:
        """The text the item pane shows as `part` (opinion, response, diff-inline …)."""
        text = self.detail.part(part)
        assert text is not None, f"{part} is not shown"
        return text

    def last_said(self) -> tuple[str, str]:
        assert self.said, "nothing was notified"
        return self.said[-1]


MakeApp = Callable[..., RecordingApp]


@pytest.fixture
def make_app(sample_path: Path) -> MakeApp:
    """An app on the sample copy as `login`; the file is not polled (tests call
    `check_disk` themselves). Other keyword arguments go to `ReviewApp` (theme, plain …)."""

    def make(login: str = "yamada", path: Path | None = None, **options: Any) -> RecordingApp:
        file = ConsultationFile.load(path or sample_path)
        return RecordingApp(file, login, watch_interval=None, **options)

    return make


Script = Callable[[Pilot[None]], Awaitable[None]]


@pytest.fixture
def drive() -> Callable[..., None]:
    """Run `app` headless at `size`, let it settle, then run the async `script(pilot)`."""

    def run(app: ReviewApp, script: Script, size: tuple[int, int] = (120, 40)) -> None:
        async def main() -> None:
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                await script(pilot)

        asyncio.run(main())

    return run
