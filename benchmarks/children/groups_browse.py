"""Child: key presses on the grouping screen of `pctui intake review FILE`, timed in-process
with Pilot.

argv: FILE PRESSES OUT. Runs the app the command builds headless at 120x40, waits for the
groups, then times: `j` PRESSES times down the list from the largest group and `k` as many
times back to it (each press shows another group: its text and members), `tab` and `j`
PRESSES times in the largest group's members, and last `a`, accepting the largest group as
a new item (saved in FILE). Each press is timed from the key event to the screen having
handled every message it caused and refreshed, as in `browse.py`. Writes {"groups": [...],
"members": [...], "accept": seconds, "accepted": members} to OUT.
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
from textual.pilot import Pilot

from benchmarks.tui_hook import groups_ready, run_command, wait_until


async def press(app: App[Any], pilot: Pilot[Any], key: str) -> float:
    """Seconds from posting `key` to the screen having done everything it caused."""
    start = time.perf_counter()
    app.post_message(events.Key(key, key if len(key) == 1 else None))
    await pilot.pause(0)
    await app.workers.wait_for_complete()
    await pilot.pause(0)
    return time.perf_counter() - start


async def browse(app: App[Any], presses: int) -> dict[str, Any]:
    """The latencies of each kind of press, in seconds."""
    found: dict[str, Any] = {"groups": [], "members": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: groups_ready(app))
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in ["j"] * presses + ["k"] * presses:
            found["groups"].append(await press(app, pilot, key))
        await press(app, pilot, "tab")
        for _ in range(presses):
            found["members"].append(await press(app, pilot, "j"))
        await press(app, pilot, "tab")
        found["accepted"] = app.screen.rows[0].size  # type: ignore[attr-defined]
        found["accept"] = await press(app, pilot, "a")
    return found


if __name__ == "__main__":
    result: dict[str, Any] = {}

    def drive(app: App[Any], run: Callable[..., Any]) -> None:
        result.update(asyncio.run(browse(app, int(sys.argv[2]))))

    run_command(["intake", "review", sys.argv[1]], drive)
    Path(sys.argv[3]).write_text(json.dumps(result))
