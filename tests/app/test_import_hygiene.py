"""The app's pure modules and the diff load no UI library; the app loads Textual only when
it runs."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import pctui.model.diff
import pctui.app.listing, pctui.app.diff_state, pctui.app.derived
import pctui.app.operations, pctui.app.watch, pctui.app.editor, pctui.app.terminal
import pctui.theming, pctui.cli.themes, pctui.git.pending_diff
import pctui.cli.main
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(",".join(loaded))
"""


def test_pure_app_modules_and_the_cli_do_not_import_textual_or_rich() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
