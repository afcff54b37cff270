"""The Textual application: one review screen on one consultation file."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from pctui.app.keymap import load_keymap
from pctui.app.render.palette import use_colour
from pctui.app.screens.main import MainScreen
from pctui.i18n import _
from pctui.model.identity import current_login
from pctui.model.inert import inert
from pctui.storage import ConsultationFile, LoadError, Problem


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
        # Problems of a file that opened as a preview and then failed to load whole: the
        # app exits and `pctui open` prints them (path:line:col) with status 2.
        self.load_problems: list[Problem] = []

    def on_mount(self) -> None:
        """Read the rest of a previewed file; apply the reviewer's keymap."""
        if not self.file.complete:
            # After the first frame, so the reviewer sees the list before parsing starts.
            self.call_after_refresh(self._read_whole)
        else:
            self.call_after_refresh(gc.freeze)  # the rows are built by then (see below)
        if self._keymap_path is None:
            return
        keymap, problems = load_keymap(self._keymap_path)
        if keymap:
            self.set_keymap(keymap)
            self.keys_changed = keymap
        for problem in problems:
            self.notify(inert(problem), severity="warning", timeout=10, markup=False)

    def _read_whole(self) -> None:
        path = self.file.path
        # exit_on_error off: a file that does not load is reported, not a crash (see below).
        self.run_worker(
            lambda: ConsultationFile.load(path), name="read-whole", thread=True, exit_on_error=False
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The file read whole replaces the preview; a file that does not load ends the app."""
        worker = event.worker
        if worker.name != "read-whole":
            return
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, ConsultationFile):
            self.file = worker.result
            for screen in self.screen_stack:
                if isinstance(screen, MainScreen):
                    screen.adopt(self.file)
            # The model and the list's rows live as long as the app: frozen, the collector
            # no longer walks their million objects (that made every tenth key press slow).
            gc.freeze()
        elif event.state == WorkerState.ERROR:
            error = worker.error
            if isinstance(error, LoadError):
                self.load_problems = error.problems
            else:
                message = _("{path}: could not be read: {error}").format(
                    path=self.file.path, error=error
                )
                self.load_problems = [Problem(str(self.file.path), 1, 1, message)]
            self.exit(return_code=2)

    def get_default_screen(self) -> Screen[None]:
        """The review screen."""
        return MainScreen(self.file, self.login, self.watch_interval)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, and on the review screen every review action."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield from screen.palette_commands()
