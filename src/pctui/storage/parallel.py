"""Reading a large file on two cores: a forked child reads the later run of item blocks.

Parsing and checking the items is most of the cost of reading a national consultation
(27 MB, 10,000 items: 0.5 s of 0.7 s), and each `[[items]]` block is read on its own. So
once the text is split, the process forks: the child reads the last run of blocks and
sends the items and problems back (`flat`, marshal, through a pipe) while the parent reads
the first run. The child needs nothing sent to it: it has the text already.

A child is used only for what any order of reading gives the same result for: a run of
blocks that each parse on their own and are each one item. When a block of its run does
not parse (a syntax error, or a false boundary inside a multi-line string, which the
reader mends by joining blocks) or is something else, the child answers "unusual" and
the parent reads that run itself, in order, exactly as it reads a file without a child.
The same happens when the child cannot be forked, fails or dies: it can make reading
faster, never different.

Forking is used only where it is safe and cheap: on Linux, in a process with a single
thread (a command of the CLI, or `pctui open` reading a file whole before Textual starts;
the TUI's own background read, in a thread, reads in order), for a file of
PARALLEL_MIN_BLOCKS blocks or more (below that, forking cost as much as it saved), when
the process may use two cores or more. The child runs only the reader's code: with no
other thread there is no lock it could find held, so it cannot hang.

Moving items between processes costs about half of what reading them does, so the child
takes the smaller share (see CHILD_SHARE).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pctui.base.problems import Problem
from pctui.model.records import Item
from pctui.storage.chunks import Chunk
from pctui.storage.flat import Flat, flatten, unflatten

PARALLEL_MIN_BLOCKS = 2000  # break-even: at 1,000 items forking made reading slower
# The child reads its blocks, then flattens and writes them; the parent reads its own and
# then rebuilds the child's. Both finish together when the child has this share.
CHILD_SHARE = 0.38

Answer = tuple[list[Item | None], list[Problem]]
# What the child runs on its run: the reader's own steps (`reader.read_blocks`).
ReadBlocks = Callable[[list[Chunk]], Answer | None]


def _cores() -> int:
    """Cores this process may use: those it may run on (its affinity), no more than a
    container's CPU quota allows (a container given one CPU's time on a large machine)."""
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    return min(cores, _quota())


def _quota() -> int:
    """Whole CPUs a cgroup v2 quota allows (`cpu.max` holds "QUOTA PERIOD" or "max PERIOD");
    a large number where there is none or it cannot be read."""
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        return max(1, int(quota) // int(period))
    except (OSError, ValueError):  # no cgroup v2, or "max": no quota
        return 1 << 16


def may_fork() -> bool:
    """True where forking a reader is safe: Linux, one thread, two cores or more."""
    return sys.platform == "linux" and threading.active_count() == 1 and _cores() >= 2


@dataclass
class Run:
    """Blocks [start, end) of a file, read by a forked child."""

    start: int
    end: int
    pid: int
    pipe: int  # the read end of the child's answer

    def answer(self, path: str) -> Answer | None:
        """The items and problems of the run; None when the parent must read it itself."""
        try:
            pipe, self.pipe = os.fdopen(self.pipe, "rb"), -1  # the file object closes it now
            with pipe:
                data = pipe.read()
        except BaseException:  # interrupted (Ctrl-C): stop the child too, leave no zombie
            self.discard()
            raise
        if self._reap() is False:
            return None
        try:
            found = marshal.loads(data)
            if found is None:
                return None
            flats, problems = found
            items = [None if flat is None else unflatten(flat) for flat in flats]
            located = [Problem(path, line, col, message, severity)
                       for line, col, message, severity in problems]  # fmt: skip
        except Exception:  # a damaged or cut-short answer: read the run here
            return None
        if len(items) != self.end - self.start:
            return None
        return items, located

    def _reap(self) -> bool | None:
        """Wait for the child: True if it succeeded, False if not, None when that cannot be
        known (SIGCHLD ignored, so the system reaped it: the answer is then trusted only as
        far as it reads back whole and has one entry per block)."""
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return None
        return os.waitstatus_to_exitcode(status) == 0

    def discard(self) -> None:
        """Stop the child if it has not answered, and reap it."""
        if self.pipe >= 0:
            with contextlib.suppress(OSError):
                os.close(self.pipe)
            self.pipe = -1
        with contextlib.suppress(OSError):
            os.kill(self.pid, 9)
        self._reap()


def fork_run(chunks: list[Chunk], read_blocks: ReadBlocks) -> Run | None:
    """Fork a child reading the last CHILD_SHARE of `chunks`; None when not worth it or
    not safe (see the module's notes)."""
    if len(chunks) < PARALLEL_MIN_BLOCKS or not may_fork():
        return None
    start = len(chunks) - round(len(chunks) * CHILD_SHARE)
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    sys.stdout.flush()  # the child must not write what the parent buffered
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: answer, and leave without running any of the parent's code
        code = 1
        try:
            os.close(read_end)
            _answer(chunks[start:], read_blocks, write_end)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return Run(start, len(chunks), pid, read_end)


def _answer(chunks: list[Chunk], read_blocks: ReadBlocks, pipe: int) -> None:
    answer: tuple[list[Flat | None], list[tuple[int, int, str, str]]] | None = None
    found = read_blocks(chunks)
    if found is not None:
        items, problems = found
        answer = (
            [None if item is None else flatten(item) for item in items],
            [(p.line, p.col, p.message, p.severity) for p in problems],
        )
    with os.fdopen(pipe, "wb") as out:
        out.write(marshal.dumps(answer))
