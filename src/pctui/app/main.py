"""Starting the review TUI (called by `pctui open` once the file has loaded)."""

from __future__ import annotations

import gc

from pctui.app.keymap import default_keymap_path
from pctui.app.review_app import ReviewApp
from pctui.storage import ConsultationFile


def run_app(file: ConsultationFile, login: str | None = None) -> int:
    """Run the review app on `file` until the reviewer quits (with the reviewer's keymap
    file, if there is one); returns its exit status (129 after a hang-up)."""
    # The loaded model never becomes garbage while the app runs; freezing it keeps the
    # collector from walking 10,000 items on every full collection.
    gc.freeze()
    app = ReviewApp(file, login, keymap=default_keymap_path())
    app.run()
    return app.return_code or 0
