"""A hung-up session (SIGHUP: the SSH connection dropped) saves nothing half-done.

The real `pctui open` runs on a terminal of the test's own (a pseudo-terminal whose
controlling process it is, as under sshd), or in tmux. The hang-up comes as a SIGHUP
sent while the reviewer is acting, or as the terminal itself going away (the master side
closed, the tmux server killed). Each time the process must exit promptly, with status 129
(the app's own hang-up path, not a crash), print no traceback, and leave the file either
as it was or with the action whole, and no temporary file beside it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import random
import re
import select
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.hardening.files import ME, run_cli

from pctui.app.review_app import HANG_UP_GRACE
from pctui.session.hangup import terminal_gone
from pctui.storage import ConsultationFile

PCTUI = Path(sys.executable).parent / "pctui"
pytestmark = pytest.mark.skipif(not PCTUI.exists(), reason="needs the installed pctui command")
HUNG_UP = 128 + signal.SIGHUP
ESCAPES = re.compile(
    rb"\x1b(\[[0-9;:<=>?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)


def _controlling_terminal() -> None:
    """In the child: a session of its own with the pty (fd 0) as controlling terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Session:
    """`pctui open FILE` on a 100x30 pseudo-terminal; the test holds the master side."""

    def __init__(self, path: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "xterm-256color"
        self.process = subprocess.Popen(
            [PCTUI, "open", path], stdin=slave, stdout=slave, stderr=slave, env=env,
            preexec_fn=_controlling_terminal,
        )  # fmt: skip
        os.close(slave)
        self.output = b""
        self.closed = False
        self.took = 0.0  # seconds from the hang-up to the exit

    def read(self, until: bytes | None = None, timeout: float = 30) -> bool:
        """Collect what the app drew until `until` appears (True) or the terminal closes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.closed:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: the app side is gone
                    chunk = b""
                if not chunk:
                    self.closed = True
                self.output += chunk
            if until is not None and until in self.text:
                return True
        return until is None

    @property
    def text(self) -> bytes:
        """What was drawn, without the escape sequences (styles split words apart)."""
        return ESCAPES.sub(b"", self.output)

    def keys(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def hang_up(self) -> None:
        """The connection drops: the terminal goes away under the app."""
        os.close(self.master)
        self.closed = True

    def wait(self) -> int:
        """The exit status, within 20 seconds (a hang fails the test). While the terminal
        is there its output is read, as a terminal does, so the app never blocks on it."""
        started = time.monotonic()
        while self.process.poll() is None and time.monotonic() - started < 20:
            if self.closed:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=0.1)
            else:
                self.read(timeout=0.1)
        self.took = time.monotonic() - started
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
            raise AssertionError("pctui did not exit after the hang-up")
        return self.process.returncode


@pytest.fixture
def session(path: Path) -> Iterator[Session]:
    """The app started and drawn on its terminal."""
    running = Session(path)
    try:
        assert running.read(b"approved 4/10"), running.output[-2000:]
        yield running
    finally:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait()
        if not running.closed:
            os.close(running.master)


def _whole(path: Path) -> int:
    """The file loads and validates, with nothing beside it; returns the approved count."""
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert run_cli("validate", path).code in (0, 1)
    consultation = ConsultationFile.load(path).consultation
    return sum(1 for item in consultation.items for s in item.signoffs if s.by == ME)


def test_sighup_after_an_action_exits_cleanly(session: Session, path: Path) -> None:
    session.keys(b"G")
    session.keys(b"a")
    assert session.read(b"approved revision"), session.output[-2000:]
    session.process.send_signal(signal.SIGHUP)
    assert session.wait() == HUNG_UP
    assert session.took < HANG_UP_GRACE  # it left by itself, restoring the terminal
    assert b"\x1b[?1049l" in session.output[-200:]  # back on the main screen
    assert b"Traceback" not in session.output
    assert _whole(path) == 1


def test_the_terminal_going_away_mid_action(session: Session, path: Path) -> None:
    """Keys typed, then the connection drops at once: each key's save is whole or absent."""
    session.keys(b"Ga" + b"ka" * 3)
    session.hang_up()
    assert session.wait() == HUNG_UP
    assert 0 <= _whole(path) <= 4


@pytest.mark.parametrize("seed", range(3))
def test_sighup_at_a_random_moment_while_saving(seed: int, session: Session, path: Path) -> None:
    chance = random.Random(seed)
    session.keys(b"G" + b"ak" * 5)  # five approvals in a row, as fast as the app saves
    time.sleep(chance.uniform(0.0, 0.3))  # the hang-up moment (random: the point of the test)
    session.process.send_signal(signal.SIGHUP)
    assert session.wait() == HUNG_UP
    assert session.took < HANG_UP_GRACE
    assert b"Traceback" not in session.output
    assert 0 <= _whole(path) <= 5


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_killing_the_tmux_server_hangs_up_the_app(path: Path, tmp_path: Path) -> None:
    """As in an SSH session: the pane's terminal closes under the running app."""
    tmux = ["tmux", "-L", f"pctui-hup-{os.getpid()}-{time.monotonic_ns()}", "-f", "/dev/null"]
    pid_file, status_file = tmp_path / "pid", tmp_path / "status"
    # The status is written by a tiny Python parent that ignores the hang-up itself.
    parent = (f"import os, signal, subprocess, sys; signal.signal(signal.SIGHUP, signal.SIG_IGN); "
              f"p = subprocess.Popen([{str(PCTUI)!r}, 'open', {str(path)!r}], "
              f"preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL)); "
              f"open({str(pid_file)!r}, 'w').write(str(p.pid)); "
              f"open({str(status_file)!r}, 'w').write(str(p.wait()))")  # fmt: skip
    command = (
        f"env -u COLUMNS -u LINES TERM=xterm-256color {sys.executable} -c {shlex.quote(parent)}"
    )
    subprocess.run([*tmux, "new-session", "-d", "-x", "100", "-y", "30", command], check=True)
    try:
        deadline = time.monotonic() + 30
        while "approved 4/10" not in _screen(tmux):
            assert time.monotonic() < deadline, _screen(tmux)
            time.sleep(0.1)  # polling the screen, not waiting for a fixed time
        subprocess.run([*tmux, "send-keys", "G", "a"], check=True)
        while "approved revision" not in _screen(tmux):
            assert time.monotonic() < deadline, _screen(tmux)
            time.sleep(0.1)
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)
        while not status_file.exists() or not status_file.read_text():
            assert time.monotonic() < deadline + 20, "pctui did not exit after the hang-up"
            time.sleep(0.1)
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)
        if pid_file.exists() and not status_file.exists():  # failed: leave no process behind
            with contextlib.suppress(OSError, ValueError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)
    assert int(status_file.read_text()) == HUNG_UP
    assert _whole(path) == 1


def _screen(tmux: list[str]) -> str:
    return subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True,
                          check=False).stdout  # fmt: skip


def test_terminal_gone_sees_a_hung_up_terminal() -> None:
    master, slave = pty.openpty()
    try:
        assert not terminal_gone(slave)
        os.write(master, b"typed, not read")
        assert not terminal_gone(slave)  # pending input is not a hang-up
        os.close(master)
        assert terminal_gone(slave)
    finally:
        os.close(slave)


_STUCK = r"""
import asyncio, os, sys, threading
from pctui.session.hangup import HangUpGuard
fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
loop = asyncio.new_event_loop()  # never run: the app is stuck, as on a dead terminal
HangUpGuard(fd, loop, lambda: None, grace=0.3).install()
print("ready", flush=True)
threading.Event().wait()
"""


def test_a_stuck_app_still_ends_after_the_grace_period() -> None:
    """Textual can block writing to a dead terminal; the guard ends the process anyway."""
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-c", _STUCK, os.ttyname(slave)],
                               stdout=subprocess.PIPE, text=True)  # fmt: skip
    os.close(slave)
    try:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        os.close(master)  # the connection drops; no SIGHUP reaches this process
        assert process.wait(timeout=20) == HUNG_UP
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
