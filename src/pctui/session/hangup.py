"""Leaving cleanly when the reviewer's terminal goes away (a dropped SSH connection).
No Textual here: the app passes in what to do.

A hang-up usually arrives as SIGHUP. It does not always: when the session leader is a
shell that does not pass it on (`sh -c`, an SSH ForceCommand) or ignores it (`nohup`),
only the terminal is hung up, its reads return end-of-file forever, and an app that
waits for keys would stay on a dead terminal. So `HangUpGuard` reacts to both: the
signal, and a thread blocked in poll() until the terminal reports a hang-up.

Either way the app's `leave` runs in its event loop, between two events, so a save in
progress (synchronous, under the folder lock) is finished first; nothing is saved half.
Textual restores the terminal on its way out, and on a terminal that is gone that can
block for ever (its writer thread dies on EIO and its queue fills); so if the app has
not ended `grace` seconds later, the process ends itself. Every action is on disk by
then: saves are synchronous and fsynced, and the rename makes each one whole or absent.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import threading
from collections.abc import Callable
from types import FrameType

HUNG_UP = 128 + signal.SIGHUP  # the exit status a shell reports for SIGHUP
_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL


def terminal_gone(fd: int) -> bool:
    """True when `fd`, which was a terminal, has been hung up (or closed under us)."""
    poller = select.poll()
    poller.register(fd, 0)  # hang-ups and errors are reported whatever is asked for
    try:
        return any(event & _GONE for _, event in poller.poll(0))
    except (OSError, ValueError):
        return True


class HangUpGuard:
    """Runs `leave` in `loop` when the terminal `fd` hangs up or SIGHUP arrives; ends the
    process with status 129 if the app is still running `grace` seconds later."""

    def __init__(
        self,
        fd: int,
        loop: asyncio.AbstractEventLoop,
        leave: Callable[[], None],
        grace: float,
        triggered: threading.Event | None = None,
    ) -> None:
        self.fd = fd
        self.loop = loop
        self.leave = leave
        self.grace = grace
        self.triggered = triggered or threading.Event()  # set the moment a hang-up is seen

    def install(self) -> None:
        """Handle SIGHUP (call from the main thread) and start watching the terminal."""
        signal.signal(signal.SIGHUP, self._signalled)
        threading.Thread(target=self._watch, name="pctui-hangup", daemon=True).start()

    def _signalled(self, signum: int, frame: FrameType | None) -> None:
        # In the main thread, between two bytecodes, maybe in the middle of a save: only
        # hand the work to the event loop, which runs it once the save is done.
        self.trigger()

    def _watch(self) -> None:
        poller = select.poll()
        poller.register(self.fd, 0)
        while not self.triggered.is_set():
            try:
                events = poller.poll(1000)
            except OSError:
                events = [(self.fd, select.POLLERR)]
            if any(event & _GONE for _, event in events):
                self.trigger()

    def trigger(self) -> None:
        """The terminal is gone: leave through the loop, and end the process if that
        does not happen within the grace period."""
        if self.triggered.is_set():
            return
        self.triggered.set()
        try:
            self.loop.call_soon_threadsafe(self.leave)
        except RuntimeError:  # the loop is closed: the app has ended already
            return
        threading.Thread(target=self._last_resort, name="pctui-hangup-exit", daemon=True).start()

    def _last_resort(self) -> None:
        threading.Event().wait(self.grace)
        os._exit(HUNG_UP)
