"""Publishing and importing never load Textual or Rich, and load openpyxl only for XLSX."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import pctui.publish, pctui.importer, pctui.cli.publish, pctui.cli.import_cmd
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "openpyxl"))
print(",".join(loaded))
"""


def test_no_ui_library_and_no_openpyxl_at_import() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
