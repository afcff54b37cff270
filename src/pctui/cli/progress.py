"""A progress line for long work: `\\r` and a count on stderr, only when stderr is a
terminal (a pipe or a log file gets nothing). It is written past the inert wrapper every
command's output goes through (`pctui.cli.output`), which shows a carriage return as `␍`:
the line holds only its fixed label and numbers, nothing a file or a submission wrote."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from pctui.cli.output import InertStream


def progress_line(
    label: str, total: int, stream: TextIO | InertStream | None = None
) -> Callable[[int], None]:
    """A callback that redraws `label [####    ] n/total` in place; a no-op off a TTY."""
    out: TextIO | InertStream = sys.stderr if stream is None else stream
    while isinstance(out, InertStream):
        out = out.stream
    if not out.isatty() or total <= 0:
        return lambda done: None

    def show(done: int) -> None:
        filled = min(20, done * 20 // total)
        bar = "#" * filled + " " * (20 - filled)
        end = "\n" if done >= total else ""
        out.write(f"\r{label} [{bar}] {done}/{total}{end}")
        out.flush()

    return show
