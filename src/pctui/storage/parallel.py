"""Reading a large file on every core: helper processes read runs of its item blocks.

Parsing and checking the items is nearly all the cost of reading a national
consultation (27 MB, 10,000 items: about 0.5 s of 0.8 s), and each `[[items]]` block is
read on its own. So while this process reads the first run of blocks, helper processes
(one per other core the process may use, at most MAX_HELPERS) each read a later run and
send back the items and problems found (`flat`, with marshal, through files in a private folder).

Helpers start before the file is read (Python's start-up and imports then overlap the
reading and splitting), from the same interpreter and the same pctui as this process.
They are used only for what any order of reading would give the same result for: a run
of blocks that each parse on their own. A helper whose run has a block that does not
parse (a syntax error, or a false boundary inside a multi-line string, which the reader
mends by joining blocks) or that is not one item answers "unusual", and this process
reads that run itself, in order, exactly as it reads a file without helpers. The same
happens when a helper cannot be started, fails or dies: helpers can make reading faster,
never different.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pctui
from pctui.i18n import current_language
from pctui.model.records import Item
from pctui.storage.chunks import Chunk
from pctui.storage.flat import unflatten
from pctui.storage.problems import Problem

# Below this many bytes a file reads in a tenth of a second or less: a helper's start-up
# (about 0.1 s of CPU) would not pay for itself.
PARALLEL_MIN_BYTES = 4_000_000
# Below this many blocks the run handed to a helper is too short to be worth its start.
PARALLEL_MIN_BLOCKS = 1000
MAX_HELPERS = 3
# This process starts reading at once; a helper first receives its run and finally sends
# its items back, which this process then rebuilds. So this process takes the larger
# share: with one helper, 63 % of the blocks (measured to finish both at the same moment).
OWN_WEIGHT = 1.7
PROTOCOL = 1
HELPER_MODULE = "pctui.storage.helper_process"

Answer = tuple[list[Item | None], list[Problem]]


def _cores() -> int:
    """Cores this process may run on (its affinity, where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass
class Run:
    """Blocks [start, end) of a file, handed to one helper through files in `folder`.

    Files, not pipes: a pipe takes 64 KiB at a time, and a thread feeding one waits for
    the interpreter lock (held by this process's own parsing) before each piece, which
    made handing over 10 MB take longer than reading it. A file is written in one call.
    """

    start: int
    end: int
    process: subprocess.Popen[bytes]
    request: Path
    sent: bool = False

    @property
    def answer_file(self) -> Path:
        """Where the helper writes its answer."""
        return self.request.with_suffix(".answer")

    def send(self, request: bytes) -> None:
        """Give the helper its request: written to a file, whose name goes down the pipe."""
        try:
            self.request.write_bytes(request)
            assert self.process.stdin is not None
            self.process.stdin.write(os.fsencode(self.request) + b"\n")
            self.process.stdin.close()
        except OSError:  # the helper is gone, or the folder is full: read the run here
            return
        self.sent = True

    def answer(self, path: str) -> Answer | None:
        """The items and problems of the run; None when this process must read it itself."""
        if not self.sent:
            return None
        try:
            # A generous bound for a helper that hangs (none should): a millisecond per
            # block, ten times what reading one takes, and ten seconds more.
            self.process.wait(timeout=10 + (self.end - self.start) / 1000)
        except subprocess.TimeoutExpired:
            self.discard()
            return None
        if self.process.returncode != 0:
            return None
        try:
            found = marshal.loads(self.answer_file.read_bytes())
            if found is None:
                return None
            flats, problems = found
            items = [None if flat is None else unflatten(flat) for flat in flats]
            located = [Problem(path, line, col, message, severity)
                       for line, col, message, severity in problems]  # fmt: skip
        except Exception:  # no answer, or a damaged one: read the run here
            return None
        if len(items) != self.end - self.start:
            return None
        return items, located

    def discard(self) -> None:
        """Stop the helper if it still runs, and reap it."""
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()


class Helpers:
    """Helper processes started before a file is read, each later given a run of blocks."""

    def __init__(self, processes: list[subprocess.Popen[bytes]], folder: Path | None = None):
        self.processes = processes
        self.folder = folder  # private (0700), for the requests and answers
        self.runs: list[Run] = []

    @classmethod
    def start(cls, size: int) -> Helpers:
        """Helpers for reading a file of `size` bytes (none for a small file, one core,
        or when Python cannot be started again)."""
        count = min(_cores() - 1, MAX_HELPERS)
        if size < PARALLEL_MIN_BYTES or count < 1 or not sys.executable:
            return cls([])
        env = dict(os.environ)
        # The helper must import this very pctui, wherever it was imported from.
        here = str(Path(pctui.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [here, env.get("PYTHONPATH")]))
        try:
            folder = Path(tempfile.mkdtemp(prefix="pctui-read-"))
        except OSError:
            return cls([])
        processes: list[subprocess.Popen[bytes]] = []
        for _ in range(count):
            try:
                process = subprocess.Popen(
                    [sys.executable, "-m", HELPER_MODULE],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=env,
                )
            except OSError:
                break
            processes.append(process)
        return cls(processes, folder)

    def assign(self, path: str, header: str, chunks: list[Chunk]) -> dict[int, Run]:
        """Hand each helper a run of `chunks` (after this process's own first run); the
        runs by their first block. With too few blocks to share, helpers get nothing (and
        are stopped by `close`)."""
        count = len(self.processes)
        if not count or self.folder is None or len(chunks) < PARALLEL_MIN_BLOCKS:
            return {}
        share = len(chunks) / (count + OWN_WEIGHT)
        bounds = [len(chunks) - round(share * k) for k in range(count, -1, -1)]
        language = current_language()
        runs = zip(self.processes, bounds, bounds[1:], strict=False)
        for number, (process, start, end) in enumerate(runs):
            run = Run(start, end, process, self.folder / f"run-{number}.request")
            blocks = [(chunk.text, chunk.line) for chunk in chunks[start:end]]
            run.send(marshal.dumps((PROTOCOL, path, language, header, blocks)))
            self.runs.append(run)
        return {run.start: run for run in self.runs}

    def close(self) -> None:
        """Stop and reap every helper (those whose answer was used have ended already)."""
        for run in self.runs:
            run.discard()
        for process in self.processes[len(self.runs) :]:
            Run(0, 0, process, Path()).discard()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
