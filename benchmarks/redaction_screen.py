"""Benchmark of the redaction screen (`R` in the grouping screen) on many redactions.

    python -m benchmarks.redaction_screen [--submissions 10000]

Imports that many generated submissions, each giving a (fake) e-mail address and phone
number in its text, so two redactions each, into a registry beside a small format-2 file;
then runs the app headless, opens the redaction screen and reports, as CPU time (the
figure a shared machine's load does not inflate) with the load average beside it: the
screen's start up to its first frame (the redactions read, the first screenful listed),
the whole list filled in the background, and keeping one redaction (saved, its rows
redrawn).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from pctui.app.review_app import ReviewApp
from pctui.app.screens.redactions import RedactionScreen
from pctui.intake.records import Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.storage import ConsultationFile

HEADER = """\
format = 2

[consultation]
id = "bench"
title = "bench"

[review]
stages = ["担当"]

[[sections]]
id = "1"
title = "全体"
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.toml"
        path.write_text(HEADER, encoding="utf-8")
        where = registry_path(path, ConsultationFile.load(path).consultation)
        with Registry.open(where, shared_with=path) as registry:
            registry.add(
                Incoming(
                    Submission(
                        f"{n:07d}",
                        raw=f"反対です。連絡は user{n}@example.com、電話 090-{n // 10000:04d}-"
                        f"{n % 10000:04d} まで。",
                    ),
                    f"bench:{n}",
                )
                for n in range(args.submissions)
            )
            count = len(registry.redactions())
        figures = asyncio.run(_drive(ConsultationFile.load(path), where))
    print(f"{'redactions':>26}  {count}")
    for name, seconds in figures.items():
        print(f"{name:>26}  {seconds:.2f} s CPU")
    print(f"{'load average':>26}  {os.getloadavg()[0]:.1f}")
    return 0


async def _drive(file: ConsultationFile, registry: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    mount = RedactionScreen.on_mount

    def timed(screen: RedactionScreen) -> None:
        start = time.process_time()
        mount(screen)
        figures["to the first frame"] = time.process_time() - start

    RedactionScreen.on_mount = timed  # type: ignore[method-assign]
    app = ReviewApp(file, "bench", watch_interval=None, groups=registry)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.process_time()
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RedactionScreen)
        while screen.table.row_count < len(screen.rows):
            await pilot.pause()
        figures["every row listed"] = time.process_time() - start
        start = time.process_time()
        await pilot.press("c")
        await pilot.pause()
        figures["one kept (c)"] = time.process_time() - start
    return figures


if __name__ == "__main__":
    sys.exit(main())
