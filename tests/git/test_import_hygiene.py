"""The git package and its commands load no UI library."""

from __future__ import annotations

import subprocess
import sys

MODULES = ["pctui.git", "pctui.git.install", "pctui.cli.audit", "pctui.cli.commit",
           "pctui.cli.merge_driver"]  # fmt: skip


def test_no_textual_or_rich() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in MODULES)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
