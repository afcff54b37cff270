"""Profile loading, the CLI commands and a save on a generated file: where the time goes.

    pip install pyinstrument      # a development tool, not a dependency of pctui
    python -m benchmarks.profile --items 10000 load status save

Each target runs once in this process under pyinstrument's sampling profiler, and its
call tree (frames taking at least --min-percent of the time) is printed. `load` is
`ConsultationFile.load`; `status` and `validate` are the real commands run in-process
through `pctui.cli.entry.main` with their output discarded; `save` is one sign-off saved
through `ConsultationFile.transact` on a copy of the file (its loading not profiled);
`open` is loading plus pctui's app, headless, up to its list on screen.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import io
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import generate
from benchmarks.saves import signable
from pctui.cli.entry import main as pctui_main
from pctui.model.actions import sign
from pctui.storage import ConsultationFile

TARGETS = ("load", "status", "validate", "save", "open")


def _profiled(profiler: Any, name: str, path: Path, scratch: Path) -> None:
    """Run target `name` on `path`, with `profiler` running around the part that matters."""
    if name == "save":
        copy = scratch / ("save-" + path.name)
        shutil.copyfile(path, copy)
        file = ConsultationFile.load(copy)
        no, login = signable(file.consultation, len(file.consultation.items) // 2)
        with profiler:
            file.transact(no, functools.partial(sign, no=no, login=login))
    elif name == "open":
        with profiler:
            _open(path)
    elif name == "load":
        with profiler:
            ConsultationFile.load(path)
    else:
        with profiler, contextlib.redirect_stdout(io.StringIO()):
            pctui_main([name, str(path)])


def _open(path: Path) -> None:
    """What `pctui open` does up to the list on screen (headless; Textual imported here)."""
    from textual.app import App

    from benchmarks.tui_hook import list_ready, run_open, wait_until

    async def shown(app: App[Any]) -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(lambda: list_ready(app))
            await pilot.pause(0)

    run_open(path, lambda app, run: asyncio.run(shown(app)))


def main(argv: list[str] | None = None) -> int:
    """Profile each target named on the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.profile",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("targets", nargs="+", choices=TARGETS)
    parser.add_argument("--items", type=int, default=10_000, help="items in the generated file")
    parser.add_argument("--file", type=Path, help="profile this file instead of generating one")
    parser.add_argument("--min-percent", type=float, default=2.0, help="hide smaller frames")
    parser.add_argument("--html", type=Path, help="also write an HTML report per target here")
    args = parser.parse_args(argv)
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("benchmarks.profile needs pyinstrument: pip install pyinstrument", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        path = args.file or scratch / f"national-{args.items}.toml"
        if args.file is None:
            generate.write(path, args.items)
        for name in args.targets:
            # A finer interval for the save, which takes a fraction of a second.
            profiler = Profiler(interval=0.0002 if name == "save" else 0.001)
            _profiled(profiler, name, path, scratch)
            print(f"== {name} ({path.name}) ==")
            options = {"filter_threshold": args.min_percent / 100}
            print(profiler.output_text(unicode=True, processor_options=options))
            if args.html:
                args.html.mkdir(parents=True, exist_ok=True)
                (args.html / f"{name}.html").write_text(profiler.output_html())
    return 0


if __name__ == "__main__":
    sys.exit(main())
