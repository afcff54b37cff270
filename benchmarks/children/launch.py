"""Child: run a command and report its wall time and its own peak memory as JSON.

argv: RESULT [--tree] COMMAND... The command inherits this process's standard streams.

Why a launcher: on Linux a child's ru_maxrss starts from the resident size of the
process it was spawned from (exec records the old address space's high-water mark). The
benchmark's own process holds large parsed files, so its children would all report at
least that much. This launcher is small, so what it reports is the command's own peak.
It imports nothing from pctui or the benchmarks for the same reason.

A command may fork a child (pctui reads a large file on two cores, see
pctui.storage.parallel), whose memory is as real as its own. So, given --tree before the
command, the launcher also samples the memory of the whole process tree every 20 ms (from
/proc: proportional set sizes, so that pages a forked child still shares with its parent
count once) and reports the larger of the two peaks. Only when asked: reading a process's
memory map takes a lock its page faults wait for, which slowed the command timed by 5 %.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

TREE = "--tree"  # before the command: sample the process tree's memory too
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc (empty where there is no /proc)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    queue.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _resident(pids: list[int]) -> int:
    """Bytes of memory the processes `pids` use together: the sum of their proportional
    set sizes (a page shared by a parent and its forked child counted half in each), or
    of their resident sizes where /proc has no smaps_rollup."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            continue
        except (OSError, IndexError, ValueError):
            pass
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def _sample(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.wait(0.02):
        peak[0] = max(peak[0], _resident(_tree(pid)))


def main() -> None:
    """Run the command, write {returncode, seconds, peak_mb, cpu_seconds, started} to RESULT."""
    result, command = Path(sys.argv[1]), sys.argv[2:]
    tree = command[:1] == [TREE]
    if tree:
        command = command[1:]
    started = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(command)
    tree_peak, done = [0], threading.Event()
    sampler = threading.Thread(target=_sample, args=(process.pid, tree_peak, done), daemon=True)
    if tree:
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    if tree:
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    report = {
        "returncode": process.returncode,
        "seconds": seconds,
        # ru_maxrss: KiB on Linux; the tree's sampled sum in bytes.
        "peak_mb": max(usage.ru_maxrss / 1024, tree_peak[0] / 2**20),
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "started": started,
    }
    result.write_text(json.dumps(report))


if __name__ == "__main__":
    main()
