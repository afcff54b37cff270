"""Child: `pctui open FILE`, leaving at its first frame with the item list shown.

argv: FILE OUT. Writes the time.time() of that frame to OUT. Runs on a pseudo-terminal
(the parent provides one) so that the real terminal driver draws it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from benchmarks.tui_hook import list_ready, run_open, wait_until


async def first_frame(pilot: Pilot[Any]) -> None:
    """Wait for the list to be mounted with rows, then record the frame that shows it."""
    app = pilot.app
    await wait_until(lambda: list_ready(app))

    def done() -> None:
        Path(sys.argv[2]).write_text(repr(time.time()))
        app.exit()

    app.call_after_refresh(done)


def drive(app: App[Any], run: Callable[..., Any]) -> Any:
    """Run the app on the terminal with the autopilot that leaves at the first frame."""
    return run(auto_pilot=first_frame)


if __name__ == "__main__":
    run_open(Path(sys.argv[1]), drive)
