"""Starting the review TUI (called by `pctui open` once the file has loaded)."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from textual.scrollbar import ScrollBar

from pctui.app import strip_cycles
from pctui.app.review_app import ReviewApp
from pctui.app.widgets.plain_scrollbar import PlainScrollBarRender
from pctui.config import load_config, save_setting
from pctui.session.hangup import HUNG_UP
from pctui.session.keymap import default_keymap_path
from pctui.session.terminal import colour_count, glyphs_problem, plain_glyphs
from pctui.storage import ConsultationFile, Problem
from pctui.theming import Catalog, load_catalog
from pctui.theming.choice import choose_theme


def remember_theme(name: str) -> None:
    """Save `name` as the reviewer's theme in the settings file (OSError if it cannot)."""
    save_setting("theme", name)


def run_app(
    file: ConsultationFile,
    login: str | None = None,
    theme: str | None = None,
    catalog: Catalog | None = None,
    groups: Path | None = None,
) -> list[Problem]:
    """Run the review app on `file` until the reviewer quits (with the reviewer's keymap
    file, settings and themes; `theme` overrides the configured theme for this session).
    Returns the problems of a previewed file that turned out not to load whole (empty when
    all was well). After a hang-up it exits with status 129. `groups`: show the groups of
    this intake registry instead of the review (`pctui intake review`)."""
    settings, problems = load_config()
    catalog = catalog or load_catalog()
    choice = choose_theme(catalog, theme, settings.get("theme"), colour_count(os.environ))
    glyphs = settings.get("glyphs", "auto")
    plain = plain_glyphs(os.environ, glyphs)
    if (problem := glyphs_problem(glyphs)) is not None:
        problems.append(problem)
    if plain:
        ScrollBar.renderer = PlainScrollBarRender  # this process runs one app only
    # The loaded model never becomes garbage while the app runs; freezing it keeps the
    # collector from walking 10,000 items on every full collection.
    gc.freeze()
    # Drawing a screen allocates thousands of short-lived objects; with the default
    # thresholds (700, 10, 10) the collector ran a full pass every few key presses, each
    # walking the app's caches (20-25 ms at 10,000 items). Larger thresholds: none while
    # browsing, a few MB more memory at most.
    gc.set_threshold(10_000, 10, 10)
    # The lines drawn at each key press no longer hold themselves (see the module): left to
    # the collector, they set off a collection every sixth press in the item list.
    strip_cycles.install()
    app = ReviewApp(
        file,
        login,
        keymap=default_keymap_path(),
        themes=catalog,
        theme=choice.name,
        remember_theme=remember_theme,
        plain=plain,
        notices=[*problems, *choice.problems],
        groups=groups,
    )
    app.run()
    if app.return_code == HUNG_UP:
        # The terminal is gone and nobody reads a message: end as a hang-up does.
        raise SystemExit(HUNG_UP)
    return app.load_problems
