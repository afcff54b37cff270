"""The Textual application: one review screen on one consultation file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from pctui.app.keymap import load_keymap
from pctui.app.render.palette import use_colour
from pctui.app.screens.main import MainScreen
from pctui.model.identity import current_login
from pctui.model.inert import inert
from pctui.storage import ConsultationFile


class ReviewApp(App[None]):
    """Review `file` as `login` (default: the operating system's login).

    `watch_interval` is how often, in seconds, the file is checked for changes made by
    others; None turns polling off (tests call `MainScreen.check_disk` themselves).
    `keymap` is a keymap file rebinding actions (see `pctui.app.keymap`); None: none.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "pctui"

    def __init__(
        self,
        file: ConsultationFile,
        login: str | None = None,
        *,
        watch_interval: float | None = 1.0,
        keymap: Path | None = None,
    ) -> None:
        super().__init__()
        self.file = file
        self.login = login if login is not None else current_login()
        self.watch_interval = watch_interval
        use_colour(not self.no_color)
        self._keymap_path = keymap
        self.keys_changed: dict[str, str] = {}  # binding id -> keys, from the keymap file

    def on_mount(self) -> None:
        """Apply the reviewer's keymap, saying what in it could not be used."""
        if self._keymap_path is None:
            return
        keymap, problems = load_keymap(self._keymap_path)
        if keymap:
            self.set_keymap(keymap)
            self.keys_changed = keymap
        for problem in problems:
            self.notify(inert(problem), severity="warning", timeout=10, markup=False)

    def get_default_screen(self) -> Screen[None]:
        """The review screen."""
        return MainScreen(self.file, self.login, self.watch_interval)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, and on the review screen every review action."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield from screen.palette_commands()
