"""End to end: the real `pctui open` in a real terminal (tmux), driven by keystrokes.

The executable is the one installed beside the running Python, so CI's fresh venv is the
one tested. Each test uses its own tmux server socket and waits by polling the screen
with a deadline, never by sleeping a fixed time.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pctui.model.identity import current_login
from pctui.model.state import APPROVED, item_state
from pctui.storage import ConsultationFile

PCTUI = Path(sys.executable).parent / "pctui"
pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not PCTUI.exists(),
    reason="needs tmux and the installed pctui command",
)


class Terminal:
    """A 120x40 tmux session running one command."""

    def __init__(self, socket: str) -> None:
        self.tmux = ["tmux", "-L", socket, "-f", "/dev/null"]

    def start(self, command: str, env: dict[str, str]) -> None:
        # COLUMNS and LINES (set when run under pytest) would override the terminal's size,
        # and tmux sets TERM itself, so the command gets its environment through env(1).
        exports = " ".join(shlex.quote(f"{key}={value}") for key, value in env.items())
        # Keep the pane after the command ends, to read how it exited.
        wrapped = (f"env -u COLUMNS -u LINES {exports} {command}; "
                   "echo pctui-exit-status=$?; sleep 600")  # fmt: skip
        subprocess.run([*self.tmux, "new-session", "-d", "-x", "120", "-y", "40", "-s", "e2e",
                        wrapped], check=True)  # fmt: skip

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", "e2e"],
                              check=True, capture_output=True, text=True).stdout  # fmt: skip

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", "e2e", *keys], check=True)

    def wait_for(self, wanted: str | Callable[[str], bool], timeout: float = 30) -> str:
        check = wanted if callable(wanted) else (lambda screen: wanted in screen)
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {wanted!r}; the screen:\n{screen}")
            time.sleep(0.1)  # a polling interval, not a wait for something to happen

    def resize(self, width: int, height: int) -> None:
        subprocess.run([*self.tmux, "resize-window", "-t", "e2e", "-x", str(width),
                        "-y", str(height)], check=True)  # fmt: skip

    def settle(self, quiet: float = 0.5, timeout: float = 30) -> None:
        """Wait until the screen has not changed for `quiet` seconds: after the app took the
        terminal back from an editor it redraws more than once, and a key sent meanwhile
        can be lost on a busy machine."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() - since < quiet and time.monotonic() < deadline:
            time.sleep(0.1)  # a polling interval
            screen = self.screen()
            if screen != last:
                last, since = screen, time.monotonic()

    def stop(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], check=False, capture_output=True)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A tmux server of this test's own, killed afterwards."""
    term = Terminal(f"pctui-test-{os.getpid()}-{time.monotonic_ns()}")
    try:
        yield term
    finally:
        term.stop()


@pytest.fixture
def reviewable(sample_path: Path) -> Path:
    """The sample copy with the current login (root in CI) as a 課長 reviewer."""
    text = sample_path.read_text(encoding="utf-8")
    login = current_login()
    assert "[review.reviewers]\n" in text
    text = text.replace("[review.reviewers]\n", f'[review.reviewers]\n{login} = ["課長"]\n', 1)
    sample_path.write_text(text, encoding="utf-8")
    return sample_path


def test_approve_an_item_in_the_real_tui(terminal: Terminal, reviewable: Path) -> None:
    terminal.start(f"{PCTUI} open {shlex.quote(str(reviewable))}",
                   {"TERM": "xterm-256color"})  # fmt: skip
    screen = terminal.wait_for("approved 4/10")
    assert f"{current_login()} · 課長" in screen
    beside = [line for line in screen.splitlines() if "寄せられたご意見" in line]
    assert beside and "札幌市の考え方 · rev 2" in beside[0]  # side by side at 120 columns
    terminal.keys("n")  # No.5: 担当 and 係長 signed, 課長 missing
    terminal.wait_for("No.5 review")
    terminal.keys("a")
    terminal.wait_for("approved 5/10")  # the progress line; the toast's text may wrap
    terminal.keys("q")
    terminal.wait_for("pctui-exit-status=0")
    consultation = ConsultationFile.load(reviewable).consultation
    item = consultation.item(5)
    assert item is not None
    assert item_state(item, consultation.review) == APPROVED
    last = item.signoffs[-1]
    assert (last.by, last.stage, last.verdict) == (current_login(), "課長", "approve")


def test_E_hands_the_terminal_to_the_editor_with_16_colours_and_no_colour(
    terminal: Terminal, reviewable: Path, tmp_path: Path
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "print('fake editor running', flush=True)\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text(encoding='utf-8').rstrip() + '（追記）\\n', encoding='utf-8')\n",
        encoding="utf-8",
    )
    env = {"TERM": "xterm", "NO_COLOR": "1", "VISUAL": f"{sys.executable} {editor}"}
    terminal.start(f"{PCTUI} open {shlex.quote(str(reviewable))}", env)
    terminal.wait_for("approved 4/10")
    terminal.keys("G", "E")
    terminal.wait_for("rev 2 by")
    terminal.settle()
    terminal.keys("q")
    terminal.wait_for("pctui-exit-status=0")
    item = ConsultationFile.load(reviewable).consultation.item(10)
    assert item is not None
    assert item.current_index == 2
    assert item.current is not None and item.current.text.endswith("（追記）")
    assert item.current.author == current_login()


def test_resizing_the_terminal_lays_the_item_out_again(
    terminal: Terminal, reviewable: Path
) -> None:
    def side_by_side(screen: str) -> bool:
        return any("╮ ╭" in line for line in screen.splitlines())  # two boxes on one line

    terminal.start(f"{PCTUI} open {shlex.quote(str(reviewable))}", {"TERM": "xterm-256color"})
    terminal.wait_for(side_by_side)  # 120 columns
    terminal.resize(90, 30)
    terminal.wait_for(lambda screen: not side_by_side(screen) and "╭" in screen)
    terminal.resize(130, 35)
    terminal.wait_for(side_by_side)
    terminal.keys("q")
    terminal.wait_for("pctui-exit-status=0")


def test_a_broken_file_opens_no_tui(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n[consultation\n", encoding="utf-8")
    done = subprocess.run([str(PCTUI), "open", str(broken)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith(f"{broken}:2:")
    assert "\x1b[" not in done.stdout  # no screen was drawn


# ---- terminals (issue 7) ----------------------------------------------------------------------

SGR = re.compile(r"\x1b\[([0-9;]*)m")
# Glyphs a Linux console font lacks, which pctui or Textual would otherwise draw as chrome.
NOT_ON_A_CONSOLE = set("╭╮╰╯↵−…“”▁▂▃▅▆▇▊▋▍▎▏▔")
GREYS_256 = {0, 7, 8, 15, 16, 59, 102, 145, 188, 231, *range(232, 256)}


def colour_codes(screen: str) -> list[list[int]]:
    """The parameters of every SGR sequence on a screen captured with escapes."""
    return [[int(p) for p in m.group(1).split(";") if p] for m in SGR.finditer(screen)]


def extended(codes: list[list[int]]) -> list[tuple[int, int]]:
    """(38 or 48, mode 5 or 2) of every 256-colour or RGB colour in the sequences."""
    found = []
    for params in codes:
        for at, value in enumerate(params[:-1]):
            if value in (38, 48) and params[at + 1] in (2, 5):
                found.append((value, params[at + 1]))
    return found


@pytest.mark.parametrize(
    ("term", "no_color"),
    [("xterm-256color", False), ("xterm", False), ("linux", False), ("xterm-256color", True)],
)
def test_the_tui_starts_and_draws_in_each_terminal(
    terminal: Terminal, reviewable: Path, tmp_path: Path, term: str, no_color: bool
) -> None:
    env = {"TERM": term, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    if no_color:
        env["NO_COLOR"] = "1"
    # Rich would take COLORTERM=truecolor over TERM; the test's own terminal must not leak in.
    terminal.start(f"env -u COLORTERM {PCTUI} open --lang en {shlex.quote(str(reviewable))}",
                   env)  # fmt: skip
    terminal.wait_for("approved 4/10")
    terminal.keys("n")  # No.5 for this 課長 reviewer: a diff and sign-offs on screen
    screen = terminal.wait_for("No.5 review")
    coloured = subprocess.run([*terminal.tmux, "capture-pane", "-e", "-p", "-t", "e2e"],
                              check=True, capture_output=True, text=True).stdout  # fmt: skip
    codes = extended(colour_codes(coloured))
    rows = {cells[0]: cells for cells in map(str.split, screen.splitlines())
            if cells and cells[0].isdigit()}  # fmt: skip
    if term == "xterm-256color" and not no_color:
        assert codes and all(mode == 5 for _, mode in codes)  # 256 colours, never RGB
    elif no_color:
        # Textual's monochrome filter: only greys, whatever the theme.
        for params in colour_codes(coloured):
            for at, value in enumerate(params[:-2]):
                if value in (38, 48) and params[at + 1] == 5:
                    assert params[at + 2] in GREYS_256, params
    else:
        assert codes == []  # 16 colours: the terminal's own (pctui-terminal by default)
    if term == "linux":
        assert not NOT_ON_A_CONSOLE & set(screen), NOT_ON_A_CONSOLE & set(screen)
        assert rows["5"][:3] == ["5", "review", "12-"]  # stage numbers, not 担係・
        assert "┌─ 寄せられたご意見" in screen  # straight box lines, not rounded corners
    else:
        assert rows["5"][:3] == ["5", "review", "担係・"]
    terminal.keys("j", "j")  # No.7: two revisions, a diff
    screen = terminal.wait_for("No.7 draft")
    if term == "linux":  # no strike-through on a console: changes are bracketed in words
        assert "[-struck-] = removed, {+underlined+} = added" in screen
        assert not NOT_ON_A_CONSOLE & set(screen)
    else:
        assert "struck = removed, underlined = added" in screen
    terminal.keys("q")
    terminal.wait_for("pctui-exit-status=0")


def test_a_theme_chosen_in_the_palette_is_saved_and_theme_is_for_one_session(
    terminal: Terminal, reviewable: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    env = {"TERM": "xterm-256color", "XDG_CONFIG_HOME": str(config)}
    command = f"{PCTUI} open --lang en --theme pctui-light {shlex.quote(str(reviewable))}"
    terminal.start(command, env)
    terminal.wait_for("approved 4/10")
    assert not (config / "pctui" / "config.toml").exists()  # --theme is not saved
    terminal.keys("C-p")
    terminal.wait_for("Search for commands")
    terminal.keys("theme")
    terminal.wait_for("Change the colour theme")
    terminal.keys("Enter")
    terminal.wait_for("Search for themes")
    terminal.keys("high-contrast")
    terminal.wait_for(lambda screen: "pctui-dark" not in screen)  # the list narrowed down
    terminal.keys("Enter")
    settings = config / "pctui" / "config.toml"
    deadline = time.monotonic() + 30
    while not settings.exists() and time.monotonic() < deadline:
        time.sleep(0.1)  # polling for the file the app writes
    terminal.keys("q")
    terminal.wait_for("pctui-exit-status=0")
    assert settings.read_text(encoding="utf-8") == 'theme = "pctui-high-contrast"\n'


def test_ctrl_z_suspends_to_the_shell_and_fg_draws_the_screen_again(
    terminal: Terminal, reviewable: Path
) -> None:
    # As over SSH: an interactive shell with job control, pctui started from it. After `fg`
    # Textual took the terminal back but drew nothing until a key changed the screen.
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("needs bash for job control")
    shell = (
        f"env -u COLUMNS -u LINES PS1='shell$ ' TERM=xterm-256color {bash} --norc --noprofile -i"
    )
    subprocess.run([*terminal.tmux, "new-session", "-d", "-x", "80", "-y", "24", "-s", "e2e",
                    shell], check=True)  # fmt: skip
    terminal.wait_for("shell$")
    terminal.keys(f"{PCTUI} open --lang en {shlex.quote(str(reviewable))}", "Enter")
    terminal.wait_for("approved 4/10")
    terminal.keys("C-z")
    screen = terminal.wait_for("Stopped")
    assert "approved 4/10" not in screen  # the shell's screen, not the app's
    terminal.keys("fg", "Enter")
    terminal.wait_for(lambda screen: "approved 4/10" in screen and "a approve" in screen)
    # In a dialog too: the dialog hid the app's binding, and "fg" went into the reason.
    terminal.keys("x")
    terminal.wait_for("what should change?")
    terminal.keys("C-z")
    terminal.wait_for(lambda screen: screen.count("Stopped") == 2)
    terminal.keys("fg", "Enter")
    screen = terminal.wait_for("what should change?")
    assert "fg" not in screen.split("Request changes")[-1]
    terminal.keys("Escape")
    terminal.wait_for(lambda screen: "what should change?" not in screen)
    terminal.keys("q")
    terminal.wait_for(lambda screen: screen.rstrip().endswith("shell$"))
