"""Reading a large file on two cores: a forked child reads the later run of item blocks.

Parsing and checking the items is most of the cost of reading a national consultation
(27 MB, 10,000 items: 0.5 s of 0.7 s), and each `[[items]]` block is read on its own. So
once the text is split, the process forks: the child reads the last run of blocks and
sends the items and problems back (`flat`, marshal, through a pipe) while the parent reads
the first run. The child needs nothing sent to it: it has the blocks already.

The child answers in pieces of PIECE_ITEMS items, each sent as soon as it is read, and the
parent takes them in between its own blocks (`Run.poll`): so neither the child's items nor
their marshalled bytes pile up on either side. Answering once at the end held, at the
peak, the child's share of the items, their flat form and their marshalled bytes (UTF-8:
three bytes a Japanese character) beside the parent's text, blocks and items: 404-435 MB
reading the 101 MB `long` benchmark file, 250-280 MB in pieces (docs/performance.md).

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pctui.base.problems import Problem, Severity
from pctui.model.records import Item
from pctui.storage.chunks import Chunk
from pctui.storage.flat import Flat, flatten, unflatten

PARALLEL_MIN_BLOCKS = 2000  # break-even: at 1,000 items forking made reading slower
# The child reads its blocks, flattens and writes their items; the parent reads its own
# and rebuilds the child's. Both finish together when the child has this share.
CHILD_SHARE = 0.38

# Items a piece of the child's answer holds: small enough that a piece's marshalled bytes
# (10 KB an item of `long` on average, 0.3-0.5 MB a piece) fit in the pipe, large enough
# that marshal's per-call cost is nothing.
PIECE_ITEMS = 32
# The pipe's buffer, raised from Linux's 64 KiB so that the child seldom waits for the
# parent to take a piece (the parent looks every POLL_BLOCKS of its own blocks).
PIPE_BYTES = 1 << 20
POLL_BLOCKS = 8
_SIZE = 4  # bytes of the length before each piece (little-endian)

Answer = tuple[list[Item | None], list[Problem]]
# What the child runs on each block of its run: the reader's own steps
# (`reader.read_block`): the block's item (None when it has errors, which go to the list
# of problems), or Unusual.
ReadBlock = Callable[[Chunk, list[Problem]], Item | None]
Located = tuple[int, int, str, Severity]  # a problem as sent: line, column, message, severity


class Unusual(Exception):
    """A block of the child's run does not parse on its own, or holds more than one item:
    only reading in order (joining blocks) gives the right answer, so the parent reads the
    run itself."""


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
    pipe: int  # the read end of the child's answer (non-blocking until `answer`)
    _received: bytearray = field(default_factory=bytearray)  # not yet a whole piece
    _items: list[Item | None] = field(default_factory=list)
    _problems: list[Located] = field(default_factory=list)
    # What the child's last piece said: how many blocks it read, or UNUSUAL.
    _ended: int | None = None
    _broken: bool = False  # a damaged piece: the parent reads the run itself

    @property
    def taken(self) -> int:
        """Items of the child's answer taken in so far."""
        return len(self._items)

    def poll(self) -> None:
        """Take in the pieces the child has sent so far, without waiting."""
        if self.pipe < 0 or self._broken or self._ended is not None:
            return
        try:
            while data := os.read(self.pipe, PIPE_BYTES):
                self._received += data
                self._take()
        except BlockingIOError:  # nothing more yet
            pass
        except Exception:  # an unreadable pipe or a damaged piece: read the run here
            self._broken = True

    def answer(self, path: str) -> Answer | None:
        """The items and problems of the run; None when the parent must read it itself."""
        try:
            if self._broken:
                self.discard()
                return None
            pipe, self.pipe = os.fdopen(self.pipe, "rb", buffering=0), -1
            with pipe:  # the file object closes it now
                os.set_blocking(pipe.fileno(), True)
                while self._ended is None and (data := pipe.read(PIPE_BYTES)):
                    self._received += data
                    self._take()
        except BaseException as error:  # interrupted (Ctrl-C), or a damaged piece
            self.discard()  # stop the child too, leave no zombie
            if isinstance(error, Exception):
                return None
            raise
        if self._reap() is False or self._ended != self.end - self.start:
            return None
        if len(self._items) != self._ended:
            return None
        located = [Problem(path, line, col, message, severity)
                   for line, col, message, severity in self._problems]  # fmt: skip
        return self._items, located

    def _take(self) -> None:
        """Rebuild the items of every whole piece received, and let go of their bytes."""
        data, at = self._received, 0
        while self._ended is None and len(data) - at >= _SIZE:
            size = int.from_bytes(data[at : at + _SIZE], "little")
            if len(data) - at - _SIZE < size:
                break
            with memoryview(data) as view:
                piece = marshal.loads(view[at + _SIZE : at + _SIZE + size])
            at += _SIZE + size
            if piece is None or isinstance(piece, int):
                self._ended = UNUSUAL if piece is None else piece
                break
            flats, problems = piece
            self._items.extend(None if flat is None else unflatten(flat) for flat in flats)
            self._problems.extend(problems)
        del data[:at]

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


UNUSUAL = -1  # what `Run._ended` holds when the child found a block it cannot read alone


def fork_run(chunks: list[Chunk], read_block: ReadBlock) -> Run | None:
    """Fork a child reading the last CHILD_SHARE of `chunks`; None when not worth it or
    not safe (see the module's notes)."""
    if len(chunks) < PARALLEL_MIN_BLOCKS or not may_fork():
        return None
    start = len(chunks) - round(len(chunks) * CHILD_SHARE)
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    with contextlib.suppress(OSError):  # may_fork: on Linux only, where fcntl has it
        import fcntl

        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
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
            _answer(chunks[start:], read_block, write_end)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    os.set_blocking(read_end, False)  # the parent takes pieces between its own blocks
    return Run(start, len(chunks), pid, read_end)


def _answer(chunks: list[Chunk], read_block: ReadBlock, pipe: int) -> None:
    """Read `chunks` and send their items in pieces as they are read; then the number of
    blocks read, or None when a block is unusual (the parent then reads the run itself)."""
    with os.fdopen(pipe, "wb") as out:
        flats: list[Flat | None] = []
        problems: list[Problem] = []
        try:
            for chunk in chunks:
                item = read_block(chunk, problems)
                flats.append(None if item is None else flatten(item))
                if len(flats) == PIECE_ITEMS:
                    _send(out, (flats, _plain(problems)))
                    flats, problems = [], []
        except Unusual:
            _send(out, None)
            return
        if flats or problems:
            _send(out, (flats, _plain(problems)))
        _send(out, len(chunks))


def _plain(problems: list[Problem]) -> list[Located]:
    return [(p.line, p.col, p.message, p.severity) for p in problems]


def _send(out: BinaryIO, piece: Any) -> None:
    data = marshal.dumps(piece)
    out.write(len(data).to_bytes(_SIZE, "little"))
    out.write(data)
    out.flush()  # the parent may take it now
