"""Benchmark of the intake table (`pctui intake tally`) at national scale.

    python -m benchmarks.intake_tally [--submissions 200000] [--seed 1]

Fills a registry with generated submissions (methods in a ministry's mix; fake names,
addresses, e-mail addresses and phone numbers, a tenth of the senders writing twice by
another method, a twentieth anonymous) straight through SQLite, since only the counting
is timed, then times `tally` (reading every submission's method and personal fields,
recognising the senders) as CPU time, the figure that the load of a shared machine does
not inflate, and prints the load average beside it.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from pctui.intake.registry import Registry
from pctui.intake.tally import tally
from pctui.model.records import Consultation, Intake, Meta, Review

METHODS = (("電子政府の総合窓口", 80), ("電子メール", 12), ("FAX", 5), ("郵送", 3))


def fill(path: Path, count: int, seed: int) -> None:
    """Write `count` generated submissions into the (new) registry at `path`."""
    rng = random.Random(seed)
    names, weights = zip(*METHODS, strict=True)
    rows = []
    for n in range(count):
        person = n if rng.random() > 0.1 else rng.randrange(max(n, 1))
        method = rng.choices(names, weights)[0]
        fields = ("", "", "", "")
        if rng.random() > 0.05:
            fields = (
                f"架空 {person}",
                f"架空県架空市{person % 97}-{person}",
                f"p{person}@example.com" if method != "郵送" else "",
                f"090-{person // 10000:04d}-{person % 10000:04d}" if rng.random() < 0.3 else "",
            )
        rows.append((f"B{n:07d}", f"k{n}", "", "", method, *fields, "本文", ""))
    with Registry.open(path):
        pass  # the tables
    db = sqlite3.connect(path)
    with db:
        db.executemany("INSERT INTO submissions VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany(
            "INSERT INTO opinions VALUES (?,?,1,'本文','本文')", [(r[0] + "-1", r[0]) for r in rows]
        )
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    consultation = Consultation(
        meta=Meta(id="bench", title="bench"),
        intake=Intake(),
        review=Review(stages=["担当"], reviewers={}),
        sections=[],
        items=[],
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.intake.sqlite"
        fill(path, args.submissions, args.seed)
        with Registry.open(path) as registry:
            start = time.process_time()
            counted = tally(registry, consultation)
            seconds = time.process_time() - start
    print(f"{'submissions':>14}  {counted.submissions}")
    print(f"{'submitters':>14}  {counted.submitters}")
    print(f"{'tally CPU s':>14}  {seconds:.2f}")
    print(f"{'load average':>14}  {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
