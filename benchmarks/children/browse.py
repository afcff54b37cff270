"""Child: next-item latency of `pctui open FILE`, measured in-process with Pilot.

argv: FILE PRESSES OUT. Runs the app `pctui open` builds headless at 120x40, waits for the
list, then presses `j` PRESSES times; each press is timed from the key event to the screen
having handled every message it caused, finished its workers and refreshed (the panes and
the diff of the newly selected item rendered). Writes {"latencies": [seconds, ...]} to OUT.

`Pilot.press` itself waits for the process to be idle (two sleeps of 20 ms), so it cannot
time a press; the key is posted as the terminal driver posts it instead.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App

from benchmarks.tui_hook import list_ready, run_open, wait_until


async def browse(app: App[Any], presses: int) -> list[float]:
    """Per-press latencies in seconds."""
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: list_ready(app))
        # A large file opens on a preview and is read whole in the background: browse the
        # whole file, as a reviewer does a moment later.
        await wait_until(lambda: getattr(getattr(app, "file", None), "complete", True))
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(presses):
            start = time.perf_counter()
            app.post_message(events.Key("j", "j"))
            await pilot.pause(0)  # the key and what it posted are handled; the screen refreshed
            await app.workers.wait_for_complete()
            await pilot.pause(0)  # what the workers posted is shown
            latencies.append(time.perf_counter() - start)
    return latencies


if __name__ == "__main__":
    found: list[float] = []

    def drive(app: App[Any], run: Callable[..., Any]) -> None:
        found.extend(asyncio.run(browse(app, int(sys.argv[2]))))

    run_open(Path(sys.argv[1]), drive)
    Path(sys.argv[3]).write_text(json.dumps({"latencies": found}))
