"""Whether intake may fork a helper process here, and the pieces its pipes carry.

`storage.parallel.may_fork` says where forking a reader is safe (Linux, one Python thread,
two usable cores by affinity and cgroup quota). Intake asks one thing more: that the process
runs no native thread either. rensa computes sketches on a pool of threads it starts on
first use, which Python does not count; a child forked after that finds the pool's locks
held and hangs as soon as it sketches.

And one thing for speed: that a core is idle. The helper saves wall time only when the
second core is free; on a machine whose cores other work keeps busy (a load average of
2-3 on two cores) the two processes only took turns, and took 8-15 % more CPU than one:
the whole command 1.1-1.2 times slower (docs/performance.md). So a helper is forked only
while the load average leaves a core to spare (`idle_core`).
"""

from __future__ import annotations

import contextlib
import marshal
import os
from typing import Any, BinaryIO

from pctui.storage.parallel import may_fork

PIPE_BYTES = 1 << 20  # a pipe's buffer, raised from Linux's 64 KiB
_SIZE = 4  # bytes of the length before each piece (little-endian)


def may_fork_here() -> bool:
    """True where forking a helper is safe and pays: `may_fork`, no thread of any kind,
    and a core idle (`idle_core`)."""
    if not may_fork():
        return False
    try:
        alone = len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False
    return alone and idle_core()


IDLE = 0.5
"""Cores the one-minute load average (this process's own work in it) must leave unused."""


def idle_core() -> bool:
    """Whether the machine has a core to spare: a one-minute load average of at most
    `cores - IDLE` (1.5 on two cores: this process and half of another)."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return False
    return load <= len(os.sched_getaffinity(0)) - IDLE


def widened(*ends: int) -> None:
    """Raise the buffer of the pipes of `ends` to PIPE_BYTES where the system allows."""
    with contextlib.suppress(OSError):  # Linux only (may_fork), where fcntl has it
        import fcntl

        for end in ends:
            fcntl.fcntl(end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def send(out: BinaryIO, piece: Any) -> None:
    """Write `piece` (marshalled, after its length) and flush it."""
    data = marshal.dumps(piece)
    out.write(len(data).to_bytes(_SIZE, "little"))
    out.write(data)
    out.flush()


def receive(stream: BinaryIO) -> Any:
    """The next piece `send` wrote; EOFError when the writer ended before it."""
    head = stream.read(_SIZE)
    if len(head) != _SIZE:
        raise EOFError("the helper ended early")
    size = int.from_bytes(head, "little")
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the helper ended early")
    return marshal.loads(data)


def reap(pid: int) -> bool | None:
    """Wait for child `pid`: whether it succeeded; None when that cannot be known."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return None
    return os.waitstatus_to_exitcode(status) == 0


def stop(pid: int) -> None:
    """Kill child `pid` if it still runs, and reap it."""
    with contextlib.suppress(OSError):
        os.kill(pid, 9)
    reap(pid)
