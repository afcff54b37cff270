"""The Textual application: one review screen on one consultation file."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widget import AwaitMount
from textual.worker import Worker, WorkerState

from pctui.app.at_once import handled_up_to
from pctui.app.render.context import RenderContext
from pctui.app.render.wrap import toast_text
from pctui.app.review_actions import (
    BINDING_IDS,
    NAVIGATION_KEYS,
    editor_commands,
    palette_commands,
)
from pctui.app.screens.review import MainScreen
from pctui.app.theme_setup import install_themes
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.model.identity import current_login
from pctui.session.hangup import HUNG_UP, HangUpGuard, terminal_gone
from pctui.session.keymap import load_keymap
from pctui.storage import ConsultationFile, LoadError, Problem, SaveError
from pctui.theming import DEFAULT_THEME, Catalog, ThemeSpec, load_catalog

HANG_UP_GRACE = 5.0  # seconds the app may take to leave after a hang-up


class ReviewApp(App[None]):
    """Review `file` as `login` (default: the operating system's login).

    `watch_interval` is how often, in seconds, the file is checked for changes made by
    others; None turns polling off (tests call `MainScreen.check_disk` themselves).
    `keymap` is a keymap file rebinding actions (see `pctui.session.keymap`); None: none.
    `themes` are the themes offered (None: the shipped ones only) and `theme` the one to
    start with; `remember_theme(name)` is called when the reviewer switches theme (None:
    not saved). `plain` draws marks from the console-safe set (`pctui.app.render.glyphs`);
    `render_context` is how marks are drawn now (`pctui.app.render.context`).
    `notices` are told as warnings once the app is up (e.g. a settings file's problems).
    `groups`: the intake registry whose groups the app shows instead of the review
    (`pctui intake review`); closing them quits.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "pctui"

    # ctrl+z on every screen, dialogs and views included, as in any program run from a
    # shell over SSH (Textual binds none). With priority: a dialog (a modal screen) hides
    # the app's other bindings, and ctrl+z typed "fg" into the reason. The editor's text
    # area keeps it for undo (`check_action`).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+z", "suspend_process", show=False, id="pctui.app.suspend", priority=True),
    ]

    def __init__(
        self,
        file: ConsultationFile,
        login: str | None = None,
        *,
        watch_interval: float | None = 1.0,
        keymap: Path | None = None,
        themes: Catalog | None = None,
        theme: str = DEFAULT_THEME,
        remember_theme: Callable[[str], None] | None = None,
        plain: bool = False,
        notices: Sequence[str] = (),
        groups: Path | None = None,
    ) -> None:
        super().__init__()
        self.groups = groups
        self.file = file
        self.login = login if login is not None else current_login()
        self.watch_interval = watch_interval
        # How marks are drawn: built once here, again with each theme's styles.
        self.render_context = RenderContext(plain=plain, colour=not self.no_color)
        self.set_class(plain, "-plain-glyphs")
        self._keymap_path = keymap
        self.keys_changed: dict[str, str] = {}  # binding id -> keys, from the keymap file
        self._terminal: int | None = None  # the terminal's fd, when there is a real one
        # Set (from any thread) the moment the terminal is seen gone, before `hang_up` runs.
        self.hung_up = threading.Event()
        catalog = themes if themes is not None else load_catalog(include_user=False)
        self._theme_specs: dict[str, ThemeSpec] = dict(catalog.themes)
        self._remember_theme: Callable[[str], None] | None = None  # not while starting
        problems = install_themes(self, catalog, theme)[1]
        self._theme_problems = [*notices, *map(str, catalog.problems), *problems]
        self._remember_theme = remember_theme
        # Problems of a file that opened as a preview and then failed to load whole: the
        # app exits and `pctui open` prints them (path:line:col) with status 2.
        self.load_problems: list[Problem] = []
        self._keys_stale_before = 0.0  # keys that arrived before this instant are dropped
        self._bound_already: list[events.Key] = []  # run before they came back (on_event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+z undoes in a text that can undo (the editor's text area), rather than
        suspend the app."""
        if action == "suspend_process" and hasattr(self.focused, "action_undo"):
            return None
        return super().check_action(action, parameters)

    async def on_event(self, event: events.Event) -> None:
        """A key typed while the app starts waits until the screen is up (its list filled,
        an item selected) before the app takes it: the keys typed as text are bound with
        priority (`pctui.app.at_once`), and the app ran them at once, on a screen with no
        item selected yet (`n` said no item needs your sign-off and selected none)."""
        for bound in self._bound_already:
            if event is bound:  # an arrow key back from the focused widget, already run
                self._bound_already.remove(bound)
                return
        key = event if isinstance(event, events.Key) and not event.is_forwarded else None
        if key is not None and self.screen_stack:
            screen = self.screen
            if not screen.is_mounted:
                await AwaitMount(screen, [screen])
            if key.time < self._keys_stale_before:
                return  # typed for the external editor (`keys_typed_for_the_editor`)
        target = (self.focused or self.screen) if key is not None and self.screen_stack else None
        await super().on_event(event)
        # An arrow, home, end or page key sent to the focused widget (no binding with
        # priority took it): its binding (the list's, a pane's) runs now, once the widget
        # and the screen have had the key, rather than when it comes back here behind the
        # keys typed after it. Not when a widget kept it (a text field's arrows).
        if (
            key is not None
            and key.is_forwarded
            and key.key in NAVIGATION_KEYS
            and target is not None
            and await handled_up_to(key, target, self.screen)
        ):
            self._bound_already.append(key)
            await self._on_key(key)

    def keys_typed_for_the_editor(self) -> None:
        """Drop the keys that arrived before now: the external editor has just closed, and
        they were typed for it (in one burst with `E`, read before the app stepped aside).
        Run after the editor, they approved or moved what the reviewer never meant to."""
        self._keys_stale_before = time.monotonic()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notification, a plain message broken by the kinsoku rule at the
        toast's width first (every screen's and widget's notify comes here)."""
        if not markup:
            message = toast_text(message, self.size.width)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @property
    def startup_notices(self) -> list[str]:
        """What the app tells the reviewer when it is up: settings and theme problems."""
        return list(self._theme_problems)

    @property
    def theme_spec(self) -> ThemeSpec | None:
        """The current theme as pctui read it (styles, Pygments style, where it came from)."""
        return self._theme_specs.get(self.theme)

    def watch_theme(self, name: str) -> None:
        """Mark things in the new theme's styles, redraw, and remember the choice."""
        spec = self._theme_specs.get(name)
        if spec is None:
            return
        self.render_context = self.render_context.restyled(spec.styles)
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.restyle()
        if self._remember_theme is not None:
            try:
                self._remember_theme(name)
            except OSError as error:
                message = _("theme {name} not saved: {error}").format(name=repr(name), error=error)
                self.notify(message, severity="warning", markup=False)

    def on_mount(self) -> None:
        """Leave cleanly on a hang-up; read the rest of a previewed file; apply the
        reviewer's keymap, saying what in it (and in the settings and theme files) could not
        be used."""
        stdin = sys.__stdin__
        if not self.is_headless and stdin is not None and stdin.isatty():
            self._terminal = stdin.fileno()  # the terminal Textual reads keys from
            loop = asyncio.get_running_loop()
            guard = HangUpGuard(self._terminal, loop, self.hang_up, HANG_UP_GRACE, self.hung_up)
            guard.install()
        for problem in self._theme_problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        self.app_resume_signal.subscribe(self, self.redraw_after_suspend)
        if not self.file.complete:
            # After the first frame, so the reviewer sees the list before parsing starts.
            self.call_after_refresh(self._read_whole)
        else:
            self.call_after_refresh(gc.freeze)  # the rows are built by then (see below)
        if self._keymap_path is None:
            return
        keymap, problems = load_keymap(self._keymap_path, BINDING_IDS)
        if keymap:
            self.set_keymap(keymap)
            self.keys_changed = keymap
        for problem in problems:
            self.notify(inert(problem), severity="warning", timeout=10, markup=False)

    def redraw_after_suspend(self, _app: App[object]) -> None:
        """Draw the whole screen again once `fg` brought the app back after ctrl+z: Textual
        takes the terminal back, but draws only what changes, and nothing had: the screen
        stayed as the shell had left it until a key moved something."""
        self.screen.refresh(layout=True)
        self.refresh(repaint=True, layout=True)

    def hang_up(self) -> None:
        """The terminal is gone (SIGHUP: an SSH connection dropped, the window closed).
        Runs in the event loop, so no save is in progress. Every action is already saved;
        a change kept after a failed save is tried once more, then the app leaves with
        status 129 (128 + SIGHUP, as shells report it)."""
        self.hung_up.set()
        with contextlib.suppress(SaveError):
            self.file.save_pending()
        if self._terminal is not None and terminal_gone(self._terminal):
            os._exit(HUNG_UP)  # nothing to restore, and Textual's writes to it could block
        self.exit(return_code=HUNG_UP)

    async def action_quit(self) -> None:
        """Quit (ctrl+q, the palette) as `q` does: a change not yet saved is written first."""
        screen = self.screen_stack[0] if self.screen_stack else None
        if isinstance(screen, MainScreen):
            screen.action_quit()
        else:
            self.exit()

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
        """The review screen, or the intake's groups alone."""
        if self.groups is not None:
            # Imported here: the groups' screen loads the intake's modules (a tenth of the
            # imports of `pctui open`, 20 ms of CPU) that the review screen does not need.
            from pctui.app.screens.grouping import GroupScreen

            return GroupScreen(self.file, self.groups, alone=True)
        return MainScreen(self.file, self.login, self.watch_interval)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands in the reviewer's language (Textual names them in English
        only), then on the review screen every review action. "Keys" opens pctui's help,
        which lists pctui's keys, rather than Textual's English key panel."""
        yield SystemCommand(_("Theme"), _("Change the colour theme; the choice is saved."),
                            self.action_change_theme)  # fmt: skip
        yield SystemCommand(_("Quit"), _("Quit; everything is already saved."), self.action_quit)
        yield SystemCommand(_("Keys"), _("Show every key."), self.show_keys)
        if screen.maximized is not None:
            yield SystemCommand(_("Minimize"), _("Restore the maximized pane to its size."),
                                screen.action_minimize)  # fmt: skip
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(_("Maximize"), _("Let the focused pane fill the screen."),
                                screen.action_maximize)  # fmt: skip
        yield SystemCommand(_("Screenshot"), _("Save the screen as an SVG file."),
                            lambda: self.set_timer(0.1, self.deliver_screenshot))  # fmt: skip
        if isinstance(screen, MainScreen):
            yield from palette_commands(screen)
        else:
            yield from editor_commands(screen)

    async def show_keys(self) -> None:
        """Open the help (every key) from wherever the palette was opened."""
        screen = self.screen_stack[0] if self.screen_stack else None
        if isinstance(screen, MainScreen):
            await screen.action_help()

    def action_command_palette(self) -> None:
        """Open the command palette, its prompt in the reviewer's language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = _("Search for commands…")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        """The theme list (ctrl+p → Theme), its prompt in the reviewer's language."""
        placeholder = _("Search for themes…")
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))
