"""Every write is one transaction: a process killed (SIGKILL) or interrupted (Ctrl-C) in
the middle of an import leaves the registry as before; two importers at once both land."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pctui.cli import entry
from pctui.intake import sources
from pctui.intake.records import Submission
from pctui.intake.registry import Incoming, Registry
from pctui.intake.sources import numbered_copies

ROOT = Path(__file__).resolve().parents[2]

# Adds COUNT unnumbered submissions named PREFIX; after STOP of them, ends as END says:
# "kill" (SIGKILL, no cleanup at all), "interrupt" (Ctrl-C) or "" (runs to the end). With
# a HOLD file name, it creates HOLD once inside its transaction and waits for GO to exist;
# with READY, it creates READY just before it begins its own transaction. The test passes
# the second importer's READY as the first's GO: the second then begins while the first
# still holds the registry and has most of its rows to write.
IMPORTER = """
import os, signal, sys, time
from pathlib import Path
from pctui.intake.registry import Incoming, Registry
from pctui.intake.records import Submission
path, prefix, count, stop, end, hold, go, ready = sys.argv[1:9]
def rows():
    for n in range(int(count)):
        if n == 1 and hold:
            Path(hold).touch()
            while not Path(go).exists():
                time.sleep(0.01)  # the other process, not a worker of ours: poll its file
        if n == int(stop) and end == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if n == int(stop) and end == "interrupt":
            raise KeyboardInterrupt
        yield Incoming(Submission("", name=f"{prefix}{n}", raw=f"意見 {prefix}{n}"), "t:1")
with Registry.open(Path(path)) as registry:
    if ready:
        Path(ready).touch()
    registry.add(rows())
"""


def start(path: Path, prefix: str, count: int, stop: int = -1, end: str = "",
          hold: str = "", go: str = "", ready: str = "") -> subprocess.Popen[str]:  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(path), prefix, str(count), str(stop), end, hold,
         go, ready],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def numbers(path: Path) -> list[str]:
    with Registry.open(path) as registry:
        return [s.number for s in registry.submissions()]


def seeded(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite"
    with Registry.open(path) as registry:
        registry.add([Incoming(Submission("K-1", raw="既存の意見です。"), "t:1")])
    return path


def test_a_killed_import_leaves_the_registry_as_before(tmp_path: Path) -> None:
    path = seeded(tmp_path)
    killed = start(path, "a", 5000, stop=3000, end="kill")
    killed.wait()
    assert killed.returncode == -9
    assert numbers(path) == ["K-1"]
    finished = start(path, "a", 5000)  # the same import again, to the end: complete
    assert finished.wait() == 0, finished.communicate()[1]
    assert len(numbers(path)) == 5001


def test_an_interrupted_import_leaves_the_registry_as_before(tmp_path: Path) -> None:
    path = seeded(tmp_path)
    interrupted = start(path, "a", 5000, stop=2000, end="interrupt")
    interrupted.wait()
    assert interrupted.returncode != 0
    assert numbers(path) == ["K-1"]


def test_two_importers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = seeded(tmp_path)
    hold, ready = tmp_path / "holding", tmp_path / "ready"
    first = start(path, "a", 2000, hold=str(hold), go=str(ready))
    while first.poll() is None and not hold.exists():
        time.sleep(0.01)  # another process, not a worker of ours: poll its file
    second = start(path, "b", 2000, ready=str(ready))
    assert first.wait() == 0, first.communicate()[1]
    assert second.wait() == 0, second.communicate()[1]
    got = numbers(path)
    assert len(got) == len(set(got)) == 4001
    with Registry.open(path) as registry:
        names = {s.name for s in registry.submissions()}
    assert {f"a{n}" for n in range(2000)} | {f"b{n}" for n in range(2000)} <= names


def test_ctrl_c_in_the_import_command_says_nothing_was_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Ctrl-C while the command writes (after 1,500 of 3,000 rows, two chunks begun): exit
    # 130, a sentence saying nothing went in, and the registry as before.
    consultation = tmp_path / "c.toml"
    consultation.write_bytes((ROOT / "consultations" / "2025-jumin.toml").read_bytes())
    source = tmp_path / "s.csv"
    source.write_text("意見\n" + "".join(f"意見その{n}\n" for n in range(3000)), "utf-8")
    assert entry.main(["intake", "import", str(consultation), str(tmp_path / "s.csv")]) == 0
    source.write_text("意見\n" + "".join(f"別の意見{n}\n" for n in range(3000)), "utf-8")
    capsys.readouterr()

    def stopping(incoming: list[Incoming]) -> Iterator[Incoming]:
        for n, one in enumerate(numbered_copies(incoming)):
            if n == 1500:
                raise KeyboardInterrupt
            yield one

    # The command imports its reader when it runs (see intake_import): patched where it is.
    monkeypatch.setattr(sources, "numbered_copies", stopping)
    assert entry.main(["intake", "import", str(consultation), str(source)]) == 130
    assert "interrupted; nothing was imported" in capsys.readouterr().err
    assert len(numbers(tmp_path / "c.intake.sqlite")) == 3000
