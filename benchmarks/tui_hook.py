"""How the benchmark reaches pctui's TUI: build the app for a file, tell when its list is up.

Kept in one place so that when the app's entry point changes only this file follows.
Imported by the child processes only (it imports Textual).
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import inspect
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from textual.app import App
from textual.widget import Widget
from textual.widgets import DataTable, ListView, OptionList

from pctui.storage import ConsultationFile

FACTORIES = ("make_app", "build_app", "create_app")


def tui_available() -> bool:
    """True when this checkout has pctui's TUI: `pctui.app` with an App class or factory."""
    return _entry() is not None


def _entry() -> Callable[[ConsultationFile], App[Any]] | None:
    """The callable that builds the app from a loaded file, wherever pctui.app keeps it."""
    if importlib.util.find_spec("pctui.app") is None:
        return None
    for name in ("pctui.app.main", "pctui.app.app", "pctui.app"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for factory_name in FACTORIES:
            factory = getattr(module, factory_name, None)
            if callable(factory):
                return cast(Callable[[ConsultationFile], App[Any]], factory)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, App) and cls.__module__.startswith("pctui.app"):
                return cast(Callable[[ConsultationFile], App[Any]], cls)
    return None


def make_app(path: Path) -> App[Any]:
    """pctui's app for the file at `path`, loaded as `pctui open` loads it."""
    entry = _entry()
    if entry is None:
        raise RuntimeError("pctui.app has no App class or factory yet")
    return entry(ConsultationFile.load(path))


def _rows(widget: Widget) -> int:
    if isinstance(widget, DataTable):
        return widget.row_count
    if isinstance(widget, OptionList):
        return widget.option_count
    if isinstance(widget, ListView):
        return len(widget.children)
    return 0


def list_ready(app: App[Any]) -> bool:
    """True when the screen shows a list (table, option list or list view) with rows in it."""
    try:
        widgets = list(app.screen.query("DataTable, OptionList, ListView"))
    except Exception:  # no screen yet
        return False
    return any(_rows(widget) > 0 for widget in widgets)


async def wait_until(test: Callable[[], bool], timeout: float = 300) -> None:
    """Return once `test()` is true; TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise TimeoutError("the TUI never showed its list")
        await asyncio.sleep(0.002)
