"""Child: run a command and report its wall time and its own peak memory as JSON.

argv: RESULT COMMAND... The command inherits this process's standard streams.

Why a launcher: on Linux a child's ru_maxrss starts from the resident size of the
process it was spawned from (exec records the old address space's high-water mark). The
benchmark's own process holds large parsed files, so its children would all report at
least that much. This launcher is small, so what it reports is the command's own peak.
It imports nothing from pctui or the benchmarks for the same reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    """Run the command, write {returncode, seconds, peak_mb, started} to RESULT."""
    result, command = Path(sys.argv[1]), sys.argv[2:]
    started = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    report = {
        "returncode": process.returncode,
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,  # KiB on Linux
        "started": started,
    }
    result.write_text(json.dumps(report))


if __name__ == "__main__":
    main()
