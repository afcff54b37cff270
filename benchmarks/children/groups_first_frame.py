"""Child: `pctui intake review FILE`, leaving at its first frame with the groups listed and
the first group's representative and members shown.

argv: FILE OUT. Writes the time.time() of that frame to OUT. Runs on a pseudo-terminal (the
parent provides one) so that the real terminal driver draws it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from benchmarks.tui_hook import groups_ready, run_command, wait_until


async def first_frame(pilot: Pilot[Any]) -> None:
    """Wait for the groups and the first group's members, then record the frame showing them."""
    app = pilot.app
    await wait_until(lambda: groups_ready(app))

    def done() -> None:
        Path(sys.argv[2]).write_text(repr(time.time()))
        app.exit()

    app.call_after_refresh(done)


def drive(app: App[Any], run: Callable[..., Any]) -> Any:
    """Run the app on the terminal with the autopilot that leaves at the first frame."""
    return run(auto_pilot=first_frame)


if __name__ == "__main__":
    run_command(["intake", "review", sys.argv[1]], drive)
