"""A large file opens on a preview of its first items and is read whole in the background."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from benchmarks import generate
from textual.pilot import Pilot

from pctui.app.review_app import ReviewApp
from pctui.app.screens.review import MainScreen
from pctui.storage import ConsultationFile


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "national.toml"
    generate.write(path, 120)
    return path


async def _settle(app: ReviewApp, pilot: Pilot[None]) -> None:
    """Until the background read (started after the first frame) has finished and been shown."""
    for _ in range(50):
        await pilot.pause()
        await app.workers.wait_for_complete()
        if app.file.complete or app.return_code is not None:
            await pilot.pause()
            return
    raise AssertionError("the file was never read whole")


def test_the_list_grows_to_the_whole_file(large: Path) -> None:
    preview = ConsultationFile.preview(large, 30)
    assert preview is not None
    app = ReviewApp(preview, "tanaka", watch_interval=None)
    asyncio.run(_browse_to_the_end(app))


async def _browse_to_the_end(app: ReviewApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.table.row_count == 30  # the first frame shows the preview
        await _settle(app, pilot)
        assert app.file.complete
        assert screen.file is app.file
        assert screen.table.row_count == 120
        await pilot.press("G")
        assert screen.selected is not None and screen.selected.no == 120


def test_a_file_that_fails_when_read_whole_closes_the_app_with_its_problems(
    large: Path, tmp_path: Path
) -> None:
    path = tmp_path / "late.toml"
    path.write_text(large.read_text(encoding="utf-8").replace("no = 100\n", "no = 'x'\n"), "utf-8")
    preview = ConsultationFile.preview(path, 30)
    assert preview is not None
    app = ReviewApp(preview, "tanaka", watch_interval=None)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await _settle(app, pilot)

    asyncio.run(run())
    assert app.return_code == 2
    assert [str(p) for p in app.load_problems] and all(
        str(p).startswith(f"{path}:") for p in app.load_problems
    )
    assert "items.no must be an integer" in str(app.load_problems[0])


def test_g_while_the_file_is_read_selects_the_last_item_of_the_whole_file(
    large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The whole read waits until G was pressed on the preview, so the order is certain.
    release = threading.Event()
    load = ConsultationFile.load

    def read_when_released(path: Path) -> ConsultationFile:
        assert release.wait(30)
        return load(path)

    monkeypatch.setattr(ConsultationFile, "load", staticmethod(read_when_released))
    preview = ConsultationFile.preview(large, 30)
    assert preview is not None
    app = ReviewApp(preview, "tanaka", watch_interval=None)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("G")
            assert not app.file.complete
            assert screen.selected is not None and screen.selected.no == 30  # for now
            release.set()
            await _settle(app, pilot)
            assert screen.table.row_count == 120
            assert screen.selected is not None and screen.selected.no == 120

    asyncio.run(run())


def test_a_move_after_g_replaces_it(large: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    load = ConsultationFile.load

    def read_when_released(path: Path) -> ConsultationFile:
        assert release.wait(30)
        return load(path)

    monkeypatch.setattr(ConsultationFile, "load", staticmethod(read_when_released))
    preview = ConsultationFile.preview(large, 30)
    assert preview is not None
    app = ReviewApp(preview, "tanaka", watch_interval=None)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("G", "k")
            release.set()
            await _settle(app, pilot)
            assert screen.selected is not None and screen.selected.no == 29

    asyncio.run(run())


def test_g_on_a_preview_bounded_by_bytes_lands_on_the_real_last_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1,000 opinions in 26 items: fewer items than the preview's count, so only its bound
    # by bytes (the first 40 KB here) makes it a preview.
    path = tmp_path / "grouped.toml"
    generate.write(path, 1000, shape="grouped")
    whole = ConsultationFile.load(path).consultation.items
    release = threading.Event()
    load = ConsultationFile.load

    def read_when_released(path: Path) -> ConsultationFile:
        assert release.wait(30)
        return load(path)

    monkeypatch.setattr(ConsultationFile, "load", staticmethod(read_when_released))
    preview = ConsultationFile.preview(path, 200, 40_000)
    assert preview is not None
    shown = len(preview.consultation.items)
    assert 0 < shown < len(whole)
    app = ReviewApp(preview, "tanaka", watch_interval=None)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("G")
            assert screen.selected is not None and screen.selected.no == whole[shown - 1].no
            release.set()
            await _settle(app, pilot)
            assert screen.table.row_count == len(whole)
            assert screen.selected is not None and screen.selected.no == whole[-1].no

    asyncio.run(run())
