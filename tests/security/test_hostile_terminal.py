"""End to end: the real `pctui open` on a pseudo-terminal, every byte it writes captured.

The app draws with escape sequences of its own, so the capture cannot be free of ESC;
what it must never hold is a sequence from the file (the clipboard write, the window
title, the colours an opinion carries) or any C1, bidi or zero-width character, none of
which Textual writes itself. The screens visited: the list and item 1 (hostile topic and
opinion), item 10 (hostile response, note, diff and comment), the editor on it, the
search line with a hostile paste, the filter with a hostile section title.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest
from tests.security.conftest import PAYLOADS, raw_controls

PCTUI = Path(sys.executable).parent / "pctui"
pytestmark = pytest.mark.skipif(not PCTUI.exists(), reason="needs the installed pctui command")


class Terminal:
    """`pctui open PATH` on a 120x40 pseudo-terminal; every byte it writes is kept."""

    def __init__(self, path: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "xterm-256color"
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become pctui
            os.execve(str(PCTUI), [str(PCTUI), "open", str(path)], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.output = bytearray()

    def _read(self, until: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], max(0.0, until - time.monotonic()))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # the child is gone
            return False
        self.output.extend(chunk)
        return bool(chunk)

    def wait_for(self, text: str, since: int, timeout: float = 30) -> None:
        """Read until `text` appears in what was written after byte `since`."""
        wanted = text.encode("utf-8")
        deadline = time.monotonic() + timeout
        while wanted not in self.output[since:]:
            if not self._read(deadline):
                raise AssertionError(f"{text!r} did not appear within {timeout} s")

    def press(self, keys: str, then: str, timeout: float = 30) -> None:
        """Send `keys` and wait until `then` is drawn."""
        mark = len(self.output)
        os.write(self.fd, keys.encode("utf-8"))
        self.wait_for(then, mark, timeout)
        self.settle()

    def settle(self, quiet: float = 0.3) -> None:
        """Read until the app has written nothing for `quiet` seconds.

        `then` may already be drawn by a late repaint of the previous screen; and a lone
        ESC is held by Textual's input parser until no more bytes follow it, so a key sent
        too soon after one would be read as alt+key. Waiting for the screen to be still
        makes the next key land on the screen the test means.
        """
        while self._read(time.monotonic() + quiet):
            pass

    def finish(self) -> str:
        """Quit (q), read to the end, and return everything written, decoded."""
        os.write(self.fd, b"q")
        deadline = time.monotonic() + 30
        while self._read(deadline):
            pass
        _, status = os.waitpid(self.pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
        return self.output.decode("utf-8")

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def test_nothing_from_the_file_reaches_the_terminal_raw(hostile_path: Path) -> None:
    terminal = Terminal(hostile_path)
    try:
        terminal.wait_for("PWNED", 0)  # the first item's opinion is drawn
        terminal.press("G", "rev 2 by yamada")  # item 10
        terminal.press("e", "Editing No.10")
        terminal.press("\x1b", "rev 2 by yamada")  # leave the editor (nothing changed)
        terminal.press("d", "d mode")  # the diff side by side
        # A bracketed paste into the search line, then escape (close, nothing applied). No
        # ESC in it: Textual's own parser takes an ESC in a paste for the start of a key.
        terminal.press("/", "search opinions")
        terminal.press("\x1b[200~PAS\x07\u202e\x9b\u200bTED\x1b[201~", "PASTED")
        terminal.press("\x1b", "rev 2 by yamada")
        terminal.press("f", "section: 2")
        terminal.press("\x1b", "rev 2 by yamada")
        written = terminal.finish()
    except BaseException:
        terminal.kill()
        raise
    for payload in PAYLOADS:
        assert payload not in written, payload
    # Textual writes ESC, CR and BEL itself, never a C1, bidi or zero-width character.
    assert [c for c in raw_controls(written) if c not in ("U+001B", "U+000D", "U+0007")] == []
    assert "␛]52;c;cHduZWQ=␇" in written  # shown inertly, at least once in one piece
