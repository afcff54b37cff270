"""A progress line for long work: `\\r` and a count on stderr, only when stderr is a
terminal (a pipe or a log file gets nothing)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO


def progress_line(label: str, total: int, stream: TextIO | None = None) -> Callable[[int], None]:
    """A callback that redraws `label [####    ] n/total` in place; a no-op off a TTY."""
    out = sys.stderr if stream is None else stream
    if not out.isatty() or total <= 0:
        return lambda done: None

    def show(done: int) -> None:
        filled = min(20, done * 20 // total)
        bar = "#" * filled + " " * (20 - filled)
        end = "\n" if done >= total else ""
        out.write(f"\r{label} [{bar}] {done}/{total}{end}")
        out.flush()

    return show
