"""Starting the review TUI (called by `pctui open` once the file has loaded)."""

from __future__ import annotations

import gc

from pctui.app.keymap import default_keymap_path
from pctui.app.review_app import ReviewApp
from pctui.storage import ConsultationFile, Problem


def run_app(file: ConsultationFile, login: str | None = None) -> list[Problem]:
    """Run the review app on `file` until the reviewer quits (with the reviewer's keymap
    file, if there is one). Returns the problems of a previewed file that turned out not to
    load whole (empty when all was well)."""
    # The loaded model never becomes garbage while the app runs; freezing it keeps the
    # collector from walking 10,000 items on every full collection.
    gc.freeze()
    # Drawing a screen allocates thousands of short-lived objects; with the default
    # thresholds (700, 10, 10) the collector ran a full pass every few key presses, each
    # walking the app's caches (20-25 ms at 10,000 items). Larger thresholds: none while
    # browsing, a few MB more memory at most.
    gc.set_threshold(10_000, 10, 10)
    app = ReviewApp(file, login, keymap=default_keymap_path())
    app.run()
    return app.load_problems
