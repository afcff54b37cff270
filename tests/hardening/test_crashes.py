"""Killed mid-save: SIGKILL at random moments, many times, and nothing is ever lost.

A worker process saves actions through `ConsultationFile.transact` in a loop (a revision
by tanaka, then the current login's sign-off of it, item after item), logging each save
before it writes ("writing <sha256 of the bytes>") and after it returns ("saved …"). It is
killed with SIGKILL after a random delay, again and again, each time on the file the last
one left. After every kill:

- the file is exactly the last saved version or exactly the one being written (its hash);
- it loads, and `pctui validate` exits 0 or 1;
- every action saved before (in any earlier run) is still in it;
- the only temporary file beside it, if any, is the killed worker's own, and the next
  save removes it.

Workers are forked from a small server that has imported pctui already, so a kill costs
the random delay only, not a Python start-up; a few real `pctui revise` processes are
killed as well.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tests.hardening.files import ME, run_cli, sample_bytes

from pctui.model.actions import revise
from pctui.storage import ConsultationFile

KILLS = 80  # workers killed by the main test (see docs/robustness.md)
REAL_KILLS = 8  # real `pctui revise` commands killed

SERVER = r"""
import hashlib, itertools, os, sys
import pctui.storage.consultation_file as consultation_file
from pctui.model.actions import revise, sign
from pctui.storage import ConsultationFile

path, log, me = sys.argv[1], sys.argv[2], sys.argv[3]
real_write = consultation_file.write_atomic


def work(run):
    out = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def say(line):
        os.write(out, f"{run} {line}\n".encode())
        os.write(1, f"{line}\n".encode())  # to the test, which kills after the n-th line

    def announced(target, data):
        say(f"writing {hashlib.sha256(data).hexdigest()}")
        return real_write(target, data)

    consultation_file.write_atomic = announced
    file = ConsultationFile.load(path)
    for step in itertools.count():
        no = 1 + (run * 7 + step // 2) % 10
        if step % 2 == 0:
            text = f"run {run} step {step}"
            say(f"start revise {no} {text}")
            file.transact(no, lambda c: revise(c, no, "tanaka", text))
            say(f"saved revise {no} {text}")
        else:
            revision = file.consultation.item(no).current_index
            say(f"start sign {no} {revision}")
            file.transact(no, lambda c: sign(c, no, me))
            say(f"saved sign {no} {revision}")


for line in sys.stdin:
    run = int(line)
    pid = os.fork()
    if pid == 0:
        try:
            work(run)
        finally:
            os._exit(1)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(f"reaped {status}", flush=True)
"""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Ledger:
    """What the workers said they saved, and what must therefore be in the file."""

    revisions: set[tuple[int, str]] = field(default_factory=set)  # (No., text)
    signoffs: set[tuple[int, int]] = field(default_factory=set)  # (No., revision)
    saves: int = 0
    torn_moments: int = 0  # kills that landed between "writing" and "saved"

    def add(self, action: list[str]) -> None:
        kind, no = action[0], int(action[1])
        if kind == "revise":
            self.revisions.add((no, " ".join(action[2:])))
        else:
            self.signoffs.add((no, int(action[2])))

    def check(self, path: Path) -> None:
        """Every action recorded is in the file at `path`."""
        consultation = ConsultationFile.load(path).consultation
        have_revisions = {(i.no, r.text) for i in consultation.items for r in i.revisions}
        have_signoffs = {
            (i.no, s.revision) for i in consultation.items for s in i.signoffs if s.by == ME
        }
        assert self.revisions <= have_revisions, self.revisions - have_revisions
        assert self.signoffs <= have_signoffs, self.signoffs - have_signoffs


def settle(path: Path, log: list[str], run: int, ledger: Ledger, start: str) -> int:
    """After run `run` was killed: check the file against what its log says; returns how
    many saves the run completed."""
    lines = [line.split() for line in log if line.endswith("\n") and line.startswith(f"{run} ")]
    saved_sha, in_flight, pending = start, None, None
    saves = 0
    for words in lines:
        if words[1] == "start":
            pending = words[2:]
        elif words[1] == "writing":
            in_flight = words[2]
        elif words[1] == "saved":
            assert in_flight is not None and pending == words[2:]
            saved_sha, in_flight, pending = in_flight, None, None
            ledger.add(words[2:])
            saves += 1
    now = _sha(path.read_bytes())
    assert now in {saved_sha, in_flight}, "the file is neither the old nor the new version"
    if in_flight is not None:
        ledger.torn_moments += 1
        if now == in_flight:  # renamed just before the kill: saved after all
            assert pending is not None
            ledger.add(pending)
    ledger.check(path)
    validated = run_cli("validate", path)
    assert validated.code in (0, 1), validated
    ledger.saves += saves
    return saves


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path, Path]]:
    """The fork server on a copy of the sample, and its log file."""
    path = tmp_path / "office" / "2025-jumin.toml"
    path.parent.mkdir()
    path.write_bytes(sample_bytes())
    log = tmp_path / "saves.log"
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(path), str(log), ME],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        yield process, path, log
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


LINES_PER_SAVE = 3  # a worker logs "start", "writing" and "saved" for each save
MOST_SAVES = 12  # a worker is killed after 0 to this many saves and a random moment more


def save_time(path: Path) -> float:
    """How long one save takes on this machine now (at least 10 ms): the span of the
    random moment a worker is killed at after the line it was waited for.

    Only that moment is timed: how many saves a worker makes before it is killed is counted
    from its lines (a window in seconds gave 52 saves for 80 kills at load 5, when the load
    grew after it was measured); measured on a copy, so the file itself is untouched."""
    copy = path.with_name("calibration.toml")
    copy.write_bytes(path.read_bytes())
    started = time.perf_counter()
    file = ConsultationFile.load(copy)
    for step in range(4):
        file.transact(1, lambda c, step=step: revise(c, 1, "tanaka", f"calibration {step}"))
    loaded_and_four = time.perf_counter() - started
    for leftover in copy.parent.glob(f"*{copy.name}*"):
        leftover.unlink()
    return max(0.01, loaded_and_four / 4)


def _temps(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name != path.name}


def test_sigkill_at_random_moments_loses_nothing(
    server: tuple[subprocess.Popen[str], Path, Path],
) -> None:
    process, path, log = server
    assert process.stdin is not None and process.stdout is not None
    chance = random.Random(int(os.environ.get("PCTUI_KILL_SEED", "20251212")))
    ledger = Ledger()
    left_behind, may_be_left = 0, set()
    moment = save_time(path)
    for run in range(KILLS):
        start = _sha(path.read_bytes())
        process.stdin.write(f"{run}\n")
        process.stdin.flush()
        pid = int(process.stdout.readline())
        # Wait for the worker's n-th line (n random: 0 is before the file is loaded), then
        # kill it at a random moment within about one save more (the point of the test,
        # not a wait for something): however busy the machine, it made its saves.
        for _ in range(chance.randrange(MOST_SAVES * LINES_PER_SAVE + 1)):
            assert not process.stdout.readline().startswith("reaped")
        time.sleep(chance.uniform(0.0, moment))
        os.kill(pid, signal.SIGKILL)
        while not process.stdout.readline().startswith("reaped"):
            pass  # the lines the worker wrote before the kill
        saves = settle(path, log.read_text(encoding="utf-8").splitlines(keepends=True), run,
                       ledger, start)  # fmt: skip
        # A completed save removed the files of workers killed before; only this one's, or
        # (when it saved nothing) those of the workers killed since the last save, remain.
        may_be_left = {f".{path.name}.{pid}.tmp"} | (set() if saves else may_be_left)
        stray = _temps(path)
        assert stray <= may_be_left, stray
        left_behind += f".{path.name}.{pid}.tmp" in stray
    # A save by anyone removes what killed workers left, and nothing was lost.
    # (A new revision: always allowed, however far the workers got between kills.)
    file = ConsultationFile.load(path)
    file.transact(1, lambda c: revise(c, 1, "tanaka", f"after {KILLS} kills"))
    assert _temps(path) == set()
    ledger.check(path)
    assert ledger.saves > KILLS  # the workers did get work done between kills
    print(f"{KILLS} kills, {ledger.saves} saves, {ledger.torn_moments} kills mid-save, "
          f"{left_behind} temporary files left by killed workers")  # fmt: skip


PCTUI = Path(sys.executable).parent / "pctui"


@pytest.mark.skipif(not PCTUI.exists(), reason="needs the installed pctui command")
def test_real_commands_killed_while_saving(tmp_path: Path) -> None:
    path = tmp_path / "2025-jumin.toml"
    path.write_bytes(sample_bytes())
    chance = random.Random(7)
    saved: set[str] = set()
    for run in range(REAL_KILLS):
        text = f"killed command {run}"
        before = path.read_bytes()
        process = subprocess.Popen([PCTUI, "revise", path, "--item", "10", "--text", text],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        time.sleep(chance.uniform(0.1, 0.5))  # the kill moment; start-up takes 0.2-0.4 s
        process.send_signal(signal.SIGKILL)
        _, err = process.communicate(timeout=30)
        assert b"Traceback" not in err
        item = ConsultationFile.load(path).consultation.item(10)
        assert item is not None
        now = {r.text for r in item.revisions[1:]}  # revision 1 is the sample's
        assert now in (saved, saved | {text})  # the old version or the new one, all kept
        if now == saved:
            assert path.read_bytes() == before
        saved = now
        assert run_cli("validate", path).code in (0, 1)
    done = subprocess.run([PCTUI, "revise", path, "--item", "10", "--text", "last"],
                          capture_output=True, check=False)  # fmt: skip
    assert done.returncode == 0
    assert _temps(path) == set()
