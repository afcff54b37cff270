"""Keys that open a dialog or another screen, and the keys typed right after them.

Over SSH the keys typed quickly arrive together: `x` and the first words of the reason in
one burst. A screen's ordinary binding runs only once its key has gone to the focused
widget (the list) and bubbled back up, and by then Textual has already sent the keys after
it to the list too: the dialog's field stayed empty, and the list said of each character
that it does nothing there ("“P” does nothing here").

So the review, grouping and redaction screens bind their keys with priority
(`ReviewAction.bindings`): the app runs each key's action as the key arrives, one after the
other in the order they came (a key bound with priority but sent after one that is not
would run first: `n` then `x` asked for changes to the item before the one `n` selects).
An action that opens a screen is wrapped in `opens_at_once`: the app reads no further key
until the new screen is mounted and its field has the focus, so the next key goes there.
A key typed while the app starts waits likewise until its screen is up (`ReviewApp`).

The arrows, home, end and page keys stay ordinary bindings, so that the focused widget has
them first (they scroll the item's panes when those have the focus). Textual runs such a
binding when the key has gone up to the app again, behind the keys that arrived meanwhile:
a letter typed right after an arrow, in the same burst, ran before it. So the app follows
the key up (`handled_up_to`) and runs its binding then, in its turn (`ReviewApp.on_event`).
Keys typed right after `E` were read before the external editor took the terminal: the app
drops them once it closes (`ReviewApp.keys_typed_for_the_editor`).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import TypeVar

from textual.message import Message
from textual.message_pump import MessagePump
from textual.widget import Widget

# A screen, or a mixin of one (the review screen's keys are kept in several modules).
ScreenT = TypeVar("ScreenT")
# What an action that opens a screen returns: push_screen's awaitable (the new screen
# mounted), or None when it opened nothing (nothing selected, a refusal said instead).
Opened = Awaitable[object] | None


def opens_at_once(
    action: Callable[[ScreenT], Opened],
) -> Callable[[ScreenT], Awaitable[None]]:
    """Run `action` (a screen's `action_…`), then wait until the screen it opened is
    mounted, its field focused."""

    @functools.wraps(action)
    async def run(screen: ScreenT) -> None:
        opened = action(screen)
        if opened is not None:
            await opened

    return run


async def keys_taken(widget: Widget) -> None:
    """Wait until `widget` (a dialog's field) has taken the keys already sent to it: a key
    bound with priority (enter in a dialog) runs before them otherwise, and sent the
    reason without its last characters."""
    taken = asyncio.Event()
    widget.call_later(taken.set)  # queued behind those keys
    await taken.wait()


async def handled_up_to(message: Message, node: MessagePump, top: MessagePump) -> bool:
    """Wait until `message`, just posted to `node`, has been handled by it and by each of
    its parents up to `top` (it goes up to the next as each has handled it: a key event).
    False when one of them below `top` kept it (stopped it)."""
    current: MessagePump | None = node
    while current is not None:
        kept = await _handled_by(current, message)
        if kept is None:  # closed: it handles nothing more
            return False
        if current is top:
            return True
        if kept:
            return False
        current = current._parent
    return False


async def _handled_by(node: MessagePump, message: Message) -> bool | None:
    """Wait until `node` has handled what was sent to it so far; whether `message` was
    stopped then (None: `node` is closed)."""
    handled = asyncio.Event()
    kept: list[bool] = []

    def done() -> None:
        # Read here, as `node` finishes with it: by the time the waiting task runs again
        # the parents may have had it too, and the screen stops it on its way to the app.
        kept.append(message._stop_propagation)
        handled.set()

    if not node.call_later(done):
        return None
    await handled.wait()
    return kept[0]
