"""The session package (the app's logic without a screen) and the diff load no UI library;
the app loads Textual only when it runs."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import pctui.model.diff
import pctui.session.listing, pctui.session.diff_state, pctui.session.derived
import pctui.session.operations, pctui.session.watch, pctui.session.editor, pctui.session.terminal
import pctui.session.hangup, pctui.session.keymap
import pctui.theming, pctui.cli.themes, pctui.git.pending_diff
import pctui.cli.entry
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(",".join(loaded))
"""


def test_session_modules_and_the_cli_do_not_import_textual_or_rich() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
