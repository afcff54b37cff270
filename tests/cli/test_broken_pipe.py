"""A reader that leaves early (`pctui status | head -1`) gets no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks import generate


def test_status_into_a_reader_that_stops_after_one_line(tmp_path: Path) -> None:
    # 2,000 items print far more than a pipe holds (64 KiB), so once the reader has gone
    # the command meets a closed pipe while still writing.
    path = tmp_path / "large.toml"
    generate.write(path, 2000)
    pctui = Path(sys.executable).parent / "pctui"
    command = [str(pctui), "--lang", "en", "status", str(path)]
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert producer.stdout is not None
    producer.stdout.readline()
    producer.stdout.close()
    _, errors = producer.communicate(timeout=120)
    assert b"Traceback" not in errors, errors.decode()
    assert producer.returncode == 0
