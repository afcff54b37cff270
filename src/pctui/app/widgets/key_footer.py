"""The review screen's footer: Textual's Footer, that dims and undims its keys in place.

Which keys can run depends on the selected item (approve is dimmed on an item already
approved, the diff keys on an item of one revision), so moving from item to item changes
them about every other key press. Textual's Footer then composes itself again: it removes
its fifteen keys and mounts fifteen new ones, each styled and laid out, which was half of
what a press cost on a file of items in every state (about 14 ms of CPU a press, 98 of
183 presses on the `grouped` benchmark file). Here, when the keys shown are the same ones
and only some became enabled or disabled, those keys get or lose their `-disabled` class
(what FooterKey is built with) and nothing is mounted; any other change composes the
footer again as Textual does.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

# FooterKey is not exported by textual.widgets; pctui pins the Textual version.
from textual.widgets._footer import FooterKey

# (key, action, description, tooltip, group's description) of a key the footer shows
Shown = tuple[str, str, str, str, str | None]


class KeyFooter(Footer):
    """A compact footer without the command palette's key, updated in place."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)  # fits 80 columns
        self._composed: list[Shown] | None = None  # what the keys were composed for

    def _shown(self) -> tuple[list[Shown], dict[tuple[str, str], bool]]:
        """The keys the screen's bindings would show, and whether each can run."""
        shown: list[Shown] = []
        enabled: dict[tuple[str, str], bool] = {}
        for _node, binding, can_run, tooltip in self.screen.active_bindings.values():
            if binding.show:
                group = binding.group.description if binding.group else None
                shown.append((binding.key, binding.action, binding.description, tooltip, group))
                enabled[(binding.key, binding.action)] = can_run
        return shown, enabled

    def compose(self) -> ComposeResult:
        """Textual's keys, remembering which ones they are."""
        self._composed = self._shown()[0] if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Dim or undim keys in place when only that changed; else compose again."""
        if (
            self._composed is None
            or not screen.app.app_focus
            or not self.is_attached
            or screen is not self.screen
        ):
            super().bindings_changed(screen)
            return
        shown, enabled = self._shown()
        if shown != self._composed:
            super().bindings_changed(screen)
            return
        for key in self.query(FooterKey):
            disabled = not enabled.get((key.key, key.action), True)
            if disabled != key.has_class("-disabled"):
                key._disabled = disabled  # what a click on the key consults
                key.set_class(disabled, "-disabled")
