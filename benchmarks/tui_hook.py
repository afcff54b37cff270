"""How the benchmark reaches pctui's TUI: run `pctui open FILE` as the command does, but
let the benchmark drive the app the command built, and tell when its item list is up.

The command's own path is kept whole (loading, whatever `run_app` sets up before the app
runs, the keymap): only `App.run` is replaced, in this child process, by the benchmark's
driver. Imported by child processes only (it imports Textual).
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import ListView

from pctui.cli.entry import main as pctui_main

# Called with the app `pctui open` built and a function that runs it for real (App.run).
Driver = Callable[[App[Any], Callable[..., Any]], object]


def tui_available() -> bool:
    """True when this checkout has pctui's TUI (what `pctui open` imports to run it)."""
    if importlib.util.find_spec("pctui.app") is None:
        return False
    try:
        from pctui.app.run import run_app  # noqa: F401
    except ImportError:
        return False
    return True


def run_open(path: Path, drive: Driver) -> None:
    """Run `pctui open PATH` with `drive(app, run)` called where the app would run itself."""
    run_command(["open", str(path)], drive)


def run_command(argv: list[str], drive: Driver) -> None:
    """Run `pctui ARGV...` (a command that runs the TUI: `open`, `intake review`) with
    `drive(app, run)` called where the app would run itself."""
    original = App.run

    def driven(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        return drive(self, functools.partial(original, self))

    App.run = driven  # type: ignore[method-assign]
    try:
        code = pctui_main(argv)
    finally:
        App.run = original  # type: ignore[method-assign]
    if code != 0:
        raise RuntimeError(f"pctui {' '.join(argv)} exited {code}")


def _rows(widget: Any) -> int:
    """Rows a list-like widget shows: pctui's item list and DataTable have `row_count`."""
    for name in ("row_count", "option_count"):
        count = getattr(widget, name, None)
        if isinstance(count, int):
            return count
    if isinstance(widget, ListView):
        return len(widget.children)
    return 0


def list_ready(app: App[Any]) -> bool:
    """True when the screen shows a list (pctui's item list, a table…) with rows in it."""
    try:
        widgets = list(app.screen.query("*"))
    except Exception:  # no screen yet
        return False
    return any(_rows(widget) > 0 for widget in widgets)


async def wait_until(test: Callable[[], bool], timeout: float = 120) -> None:
    """Return once `test()` is true; TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise TimeoutError("the TUI never showed its list")
        await asyncio.sleep(0.002)


def groups_ready(app: App[Any]) -> bool:
    """True when the grouping screen lists its groups and shows the first one's members."""
    screen = app.screen
    members = getattr(screen, "members", None)
    return bool(getattr(screen, "rows", None)) and getattr(members, "row_count", 0) > 0
