"""What the screens and widgets use of the app, as a type they can rely on.

`ReviewApp` provides it. Screens and widgets reach it through `host_of(self)` rather than
`getattr(self.app, …)` (Textual types `self.app` as a bare `App`): a renamed attribute is
then a type error, not a default silently used. A protocol rather than `ReviewApp` itself,
because the app imports the screens.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from textual.message_pump import MessagePump

from pctui.app.render.context import RenderContext
from pctui.theming import ThemeSpec


@runtime_checkable
class ReviewHost(Protocol):
    """The review app as its screens and widgets see it."""

    @property
    def login(self) -> str:
        """Who is acting: the OS login (`pctui.model.identity`), given only by tests."""

    @property
    def render_context(self) -> RenderContext:
        """How marks are drawn now (glyphs, colour, the theme's styles)."""

    @property
    def hung_up(self) -> threading.Event:
        """Set the moment the terminal is seen gone."""

    @property
    def watch_interval(self) -> float | None:
        """Seconds between two looks for other reviewers' changes (None: not polled, as
        in tests, which look themselves)."""

    @property
    def keys_changed(self) -> Mapping[str, str]:
        """Binding id -> keys, as the reviewer's keymap file rebinds them."""

    @property
    def theme_spec(self) -> ThemeSpec | None:
        """The current theme as pctui read it (None: a theme pctui did not read)."""

    def keys_typed_for_the_editor(self) -> None:
        """Drop the keys that arrived before now (typed for the external editor)."""


def host_of(node: MessagePump) -> ReviewHost:
    """The app `node` (a screen or a widget) runs in."""
    app = node.app
    if not isinstance(app, ReviewHost):
        raise TypeError(f"{type(app).__name__} is not pctui's review app")
    return app
