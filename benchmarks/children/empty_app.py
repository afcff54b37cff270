"""Child: an empty Textual app; writes the time of its first frame to argv[1], then exits.

The same-run reference for `pctui open`: Python start, Textual import, first frame.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot


class Empty(App[None]):
    """Nothing but a screen."""


async def first_frame(pilot: Pilot[Any]) -> None:
    """Record the time once the first frame is out, and leave."""

    def done() -> None:
        Path(sys.argv[1]).write_text(repr(time.time()))
        pilot.app.exit()

    pilot.app.call_after_refresh(done)


if __name__ == "__main__":
    Empty().run(auto_pilot=first_frame)
