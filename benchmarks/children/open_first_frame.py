"""Child: what `pctui open FILE` does, leaving at its first frame with the list shown.

argv: FILE OUT. Writes the time.time() of that frame to OUT. Runs on a pseudo-terminal
(the parent provides one) so the real terminal driver draws it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from benchmarks.tui_hook import list_ready, make_app, wait_until


async def first_frame(pilot: Pilot[Any]) -> None:
    """Wait for the list to be mounted with rows, then record the frame that shows it."""
    app = pilot.app
    await wait_until(lambda: list_ready(app))

    def done() -> None:
        Path(sys.argv[2]).write_text(repr(time.time()))
        app.exit()

    app.call_after_refresh(done)


if __name__ == "__main__":
    make_app(Path(sys.argv[1])).run(auto_pilot=first_frame)
