"""A command that only reads its file (validate, status) runs without the garbage
collector once the file is loaded; one that may save keeps it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from pctui.cli.common import load


@pytest.fixture(name="collector")
def _collector() -> Iterator[None]:
    gc.enable()
    yield
    gc.unfreeze()
    gc.enable()


@pytest.mark.usefixtures("collector")
def test_only_reading_leaves_the_collector_off(small: Path) -> None:
    load(str(small), only_read=True)
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_command_that_may_save_keeps_the_collector(small: Path) -> None:
    load(str(small))
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_main_in_process_gives_the_collector_back(small: Path) -> None:
    # Tests (and scripts) call main() in their own process: validate turning the collector
    # off for the rest of its command left it off for every test after (the full suite
    # failed in tests/intake/test_grouping.py). The console script exits at once instead.
    from pctui.cli.entry import main

    assert main(["--lang", "en", "validate", str(small)]) in (0, 1)
    assert gc.isenabled()


@pytest.fixture(name="national")
def _national(tmp_path: Path) -> Path:
    """A file large enough that reading it makes hundreds of thousands of objects."""
    from benchmarks.generate import main as generate

    path = tmp_path / "national.toml"
    assert generate(["--items", "2000", "--shape", "grouped", "-o", str(path)]) == 0
    return path


def _collections_during(action: object) -> int:
    started: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(count)
    try:
        action()  # type: ignore[operator]
    finally:
        gc.callbacks.remove(count)
    return len(started)


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("only_read", [True, False])
def test_loading_sets_off_no_collection(national: Path, only_read: bool) -> None:
    # The reader turned the collector back on after its parse, and the first allocation
    # after that set off a collection walking every object the parse made (17 ms of
    # validate on the benchmark's grouped file): it stays off until they are frozen.
    gc.collect()
    assert _collections_during(lambda: load(str(national), only_read=only_read)) == 0
    assert gc.isenabled() is not only_read


# The script's module is imported before the count starts: it imports nothing but its two
# packages, and where no compiled copy of them is cached (PYTHONDONTWRITEBYTECODE, a fresh
# editable install) compiling them may set off a collection before the script has run.
PROBE = """
import gc, sys
from pctui.cli.script import entry
started = []
gc.callbacks.append(lambda phase, info: started.append(phase) if phase == "start" else None)
import atexit
atexit.register(lambda: print("collections", len(started), file=sys.stderr))
sys.argv = ["pctui", *sys.argv[1:]]
entry()
"""


@pytest.mark.parametrize("command", [["validate"], ["status"], ["status", "--json"]])
def test_the_console_script_reading_sets_off_no_collection(
    national: Path, command: list[str]
) -> None:
    # From the first import to the exit: the start's objects are never garbage, and the
    # reading commands keep the collector off (a dozen collections walked the start's
    # objects, and one the whole model, before).
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--lang", "en", *command, str(national)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    assert "national" in done.stdout  # the command ran to its answer (the file or its id)
    assert "collections 0" in done.stderr.splitlines()


def test_the_installed_script_is_the_one_that_turns_the_collector_off() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    scripts = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["pctui"] == "pctui.cli.script:entry"


def test_a_command_that_may_save_runs_with_the_collector() -> None:
    import subprocess
    import sys

    probe = PROBE.replace(
        "\nentry()\n",
        """
import pctui.cli.themes as themes
run = themes.run
def spy(args):  # registered by add_parser, which reads the module's `run` when it runs
    print("enabled", [gc.isenabled()], file=sys.stderr)
    return run(args)
themes.run = spy
entry()
""",
    )
    assert probe != PROBE
    done = subprocess.run(
        [sys.executable, "-c", probe, "--lang", "en", "themes"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "enabled [True]" in done.stderr, done.stderr
