"""The real `pctui` console script, run from the tests as an office's shell would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "pctui"


def pctui(
    *args: str | Path, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `pctui ARGS` in `cwd` with `stdin` as its input; the completed process (text)."""
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        check=False,
    )
