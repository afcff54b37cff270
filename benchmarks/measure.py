"""Timing helpers: medians of repeats, and child processes measured for time and peak memory."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(action: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    """Median wall time of `repeats` calls of `action`, and every sample (seconds)."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), samples


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The `fraction` (0..1) percentile of `samples`, nearest-rank."""
    ordered = sorted(samples)
    rank = max(1, round(fraction * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass
class Child:
    """What one child process did: exit status, wall time, peak resident memory, output."""

    returncode: int
    seconds: float
    peak_mb: float  # its own peak or its process tree's (helpers included), the larger
    output: str
    started: float  # time.time() when it was started, to compare with times it reports
    cpu_seconds: float = 0.0  # user + system, of it and of the helpers it waited for


def child_env() -> dict[str, str]:
    """The environment for children: this checkout's benchmarks and pctui importable."""
    env = dict(os.environ)
    # This checkout's benchmarks and pctui, ahead of any installed copy.
    paths = [str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH")]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    env.pop("TEXTUAL", None)  # devtools or debug features would slow the app down
    env.setdefault("TERM", "xterm-256color")
    return env


LAUNCH = Path(__file__).resolve().parent / "children" / "launch.py"


def _launched(argv: Sequence[str], stream: int, result: Path, timeout: float) -> Child:
    """Run `argv` through the launcher with `stream` as its terminal or output."""
    process = subprocess.Popen(
        [sys.executable, str(LAUNCH), str(result), *argv],
        stdin=stream if os.isatty(stream) else subprocess.DEVNULL,
        stdout=stream,
        stderr=stream,
        env=child_env(),
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)  # the launcher and the command: a new session of their own
        process.wait()
        raise RuntimeError(f"{' '.join(argv)} took more than {timeout:.0f} s") from None
    if process.returncode != 0 or not result.exists():
        raise RuntimeError(f"the launcher failed for {' '.join(argv)}")
    report = json.loads(result.read_text())
    return Child(
        returncode=report["returncode"],
        seconds=report["seconds"],
        peak_mb=report["peak_mb"],
        output="",
        started=report["started"],
        cpu_seconds=report["cpu_seconds"],
    )


def run_child(argv: Sequence[str], timeout: float = 600, *, tree: bool = False) -> Child:
    """Run `argv` with output captured; its wall time and its own peak memory."""
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryFile() as out:
        launched = ["--tree", *argv] if tree else argv  # see children/launch.py
        child = _launched(launched, out.fileno(), Path(folder) / "result.json", timeout)
        out.seek(0)
        child.output = out.read().decode("utf-8", errors="replace")
    return child


def run_in_terminal(
    argv: Sequence[str], columns: int = 120, rows: int = 40, timeout: float = 600
) -> Child:
    """Run `argv` on a pseudo-terminal of `columns`x`rows`, as a person runs a TUI."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    chunks: list[bytes] = []

    def drain() -> None:
        # The child blocks on a full terminal buffer unless someone reads it.
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            child = _launched(argv, slave, Path(folder) / "result.json", timeout)
    finally:
        os.close(slave)
        reader.join(timeout=5)
        os.close(master)
    child.output = b"".join(chunks).decode("utf-8", errors="replace")
    return child
