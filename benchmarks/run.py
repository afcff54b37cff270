"""The national-scale benchmark (issue 6): every figure, at every size, in one command.

    python -m benchmarks.run --sizes 1000,10000 --json benchmark.json

For each shape of file (see `benchmarks.shapes`; all of them unless --shapes says which) and
each size a consultation is generated (see `benchmarks.generate`), then each figure is
measured with its same-run reference beside it, and a table of figure | shape | size |
value | reference | target | ok? is printed and written as JSON, followed by each figure's
growth with the number of items and the shape where each target figure comes out worst.
Times are medians of --repeat runs. It is a benchmark, not a test: it exits 0 whatever the
figures are (and 2 when a measurement could not be made at all).
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import importlib.metadata
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import figures, generate, shapes
from benchmarks.figures import Setting
from benchmarks.measure import ROOT, child_env
from benchmarks.report import (
    FIGURES,
    Row,
    growth_rows,
    markdown,
    table,
    worst_rows,
    write_json,
)

# Groups of figures --figures chooses from: the TUI's (open, next item, its memory), saves,
# the commands (validate, status, status --json), loading in-process, the inline diff.
GROUPS = ("tui", "saves", "commands", "load", "diff")


def _tui_available() -> bool:
    # Asked in a child: importing the app here would import Textual into the runner.
    probe = "from benchmarks.tui_hook import tui_available as t; raise SystemExit(0 if t() else 1)"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, env=child_env()
    )
    return done.returncode == 0


def measure_size(
    items: int, args: argparse.Namespace, scratch: Path, tui: bool, shape: str = shapes.STANDARD
) -> list[Row]:
    """Every figure on a generated file of `items` items of `shape`."""
    folder = scratch / f"{shape}-n{items}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"national-{shape}-{items}.toml"
    began = time.perf_counter()
    size = generate.write(path, items, seed=args.seed, revisions=args.revisions, shape=shape)
    took = time.perf_counter() - began
    grouped = shape != shapes.STANDARD and shapes.SHAPES[shape].grouped
    counted = f"{items} opinions" if grouped else f"{items} items"  # a format-2 size
    _say(f"{shape}, {counted}: generated {size / 1e6:.1f} MB in {took:.1f} s")
    s = Setting(path, items, args.repeat, args.presses, folder, tui)
    groups = args.group_list
    rows, parse = figures.references(s)
    if "tui" in groups:
        empty, empty_seconds, empty_peak = figures.empty_app(s)
        rows.append(empty)
        rows += figures.tui(s, empty_seconds, empty_peak)
        _say(f"{shape}, {items} items: TUI done")
    if "saves" in groups:
        rows += figures.saves(s)
    if "commands" in groups:
        rows += figures.commands(s, parse)
    if "load" in groups:
        rows += figures.load(s, parse)
    if "diff" in groups:
        rows += figures.inline_diff(s)
    _say(f"{shape}, {items} items: done")
    for found in rows:
        found.shape = shape
    return rows


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _ordered(rows: list[Row]) -> list[Row]:
    order = {key: n for n, key in enumerate(FIGURES)}
    shape_order = {name: n for n, name in enumerate([shapes.STANDARD, *shapes.SHAPES])}
    return sorted(
        rows, key=lambda r: (order.get(r.key, len(order)), r.key, shape_order[r.shape], r.size)
    )


def meta(args: argparse.Namespace, sizes: list[int], tui: bool) -> dict[str, Any]:
    """Where and how the figures were measured."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    if changed:
        commit += " + uncommitted changes in src/"
    return {
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": commit,
        "python": platform.python_version(),
        "textual": importlib.metadata.version("textual"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
        "sizes": sizes,
        "shapes": args.shape_list,
        "figures": args.group_list,
        "repeats": args.repeat,
        "presses": args.presses,
        "revisions_per_item": args.revisions,
        "seed": args.seed,
        "tui": tui,
        # Other work on the machine slows every figure; the load average says how much.
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        help="comma-separated numbers of items (default 1000,10000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--presses", type=int, default=500, help="`j` presses for next-item")
    every = ",".join([shapes.STANDARD, *shapes.SHAPES])
    parser.add_argument(
        "--shapes",
        default=every,
        help=f"comma-separated shapes of file (benchmarks.shapes; default {every})",
    )
    parser.add_argument(
        "--figures",
        default=",".join(GROUPS),
        help=f"comma-separated groups of figures to measure (default {','.join(GROUPS)}); "
        "the references are always measured",
    )
    parser.add_argument(
        "--revisions", type=int, default=3, help="revisions per item (standard shape)"
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument("--json", type=Path, help="also write the table as JSON here")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table too")
    parser.add_argument("--keep", type=Path, help="generate files into this folder and keep them")
    args = parser.parse_args(argv)
    try:
        args.size_list = [int(x) for x in args.sizes.split(",") if x.strip()]
    except ValueError:
        parser.error(f"--sizes must be numbers separated by commas, not {args.sizes!r}")
    args.shape_list = [x.strip() for x in args.shapes.split(",") if x.strip()]
    unknown = [x for x in args.shape_list if x != shapes.STANDARD and x not in shapes.SHAPES]
    if unknown or not args.shape_list:
        parser.error(f"--shapes must name some of {every}, not {args.shapes!r}")
    args.group_list = [x.strip() for x in args.figures.split(",") if x.strip()]
    if not args.group_list or not set(args.group_list) <= set(GROUPS):
        parser.error(f"--figures must name some of {','.join(GROUPS)}, not {args.figures!r}")
    if not args.size_list or min(args.size_list) < 10 or args.repeat < 1 or args.presses < 1:
        parser.error("sizes must be 10 items or more; --repeat and --presses 1 or more")
    return args


def compile_sources() -> None:
    """Compile pctui's and the benchmark's modules to bytecode, as installing pctui does.

    pip compiles a package's modules when it installs it, so a user's `pctui` starts from
    bytecode. A checkout installed in editable mode, run where PYTHONDONTWRITEBYTECODE is set
    (as on this project's machines), would compile every module at every start instead: 55
    ms more of `pctui open`, measured, that no installed pctui pays. Python reads bytecode
    even where it is told not to write it; the files go to __pycache__ (ignored by git).
    """
    for folder in (ROOT / "src" / "pctui", ROOT / "benchmarks"):
        compileall.compile_dir(folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    """Run every figure at every size; returns the exit status."""
    args = parse_args(argv)
    compile_sources()
    tui = _tui_available()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="pctui-bench-"))
    rows: list[Row] = []
    try:
        for shape in args.shape_list:
            for items in args.size_list:
                rows += measure_size(items, args, scratch, tui, shape)
    except RuntimeError as error:
        print(f"benchmark: {error}", file=sys.stderr)
        return 2
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
    rows = _ordered(rows) + growth_rows(rows) + worst_rows(rows)
    print(table(rows))
    if args.markdown:
        print()
        print(markdown(rows))
    if args.json:
        write_json(args.json, meta(args, args.size_list, tui), rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
