"""An import's splitting and redaction on two cores (`pctui.intake.split_helper`): the
registry holds what the serial import stores whether the helper works, dies mid-way or is
not forked, and an import that fails leaves the registry as it was and no helper behind.

Each case runs in a fresh interpreter with the helper forced (the machine may have one
core; the test process may run native threads, beside which the helper is not forked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.intake.test_same_results import write_source

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forking is used on Linux only")

ROOT = Path(__file__).resolve().parents[2]

CASE = """\
import json, os, sys
from pathlib import Path
from pctui.intake import forking, importing, split_helper
from pctui.intake.registry import Registry
from pctui.intake.sources import numbered_copies, read_source
from tests.intake.test_same_results import registry_dump

case, source, path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
parent = os.getpid()
split_helper.MIN_SUBMISSIONS = 1
importing.CHUNK = split_helper.CHUNK = 100  # several chunks from a small source
forking.may_fork = forking.idle_core = lambda: True
started = []
real_start = split_helper.start_splitter


def recorded(incoming):
    helper = real_start(incoming)
    started.append(helper is not None)
    return helper


split_helper.start_splitter = recorded
progress = None
if case == "serial":
    split_helper.MIN_SUBMISSIONS = 10**9
elif case == "dies":
    real_opinions = importing.Preparer.opinions
    calls = []

    def opinions(self, submission):
        calls.append(1)
        if os.getpid() != parent and len(calls) > 250:
            os._exit(3)
        return real_opinions(self, submission)

    importing.Preparer.opinions = opinions
elif case == "one core":
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from pctui.storage.parallel import may_fork
    forking.may_fork = may_fork
elif case == "fails":
    def progress(count):
        raise RuntimeError("the disk is full")

read = read_source(source, {})
failed = ""
with Registry.open(path) as registry:
    try:
        registry.add(numbered_copies(read.incoming), progress=progress)
    except RuntimeError as error:
        failed = str(error)
try:
    os.waitpid(-1, os.WNOHANG)
    children = True
except ChildProcessError:
    children = False
dump = registry_dump(path)
print(json.dumps({"started": started, "failed": failed, "children": children,
                  "dump": dump[:3] + dump[5:]}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("split") / "s.csv"
    write_source(path, 3000, seed=5)
    return path


def run_case(case: str, source: Path) -> dict[str, object]:
    registry = source.with_name(f"{case.replace(' ', '-')}.intake.sqlite")
    done = subprocess.run(
        [sys.executable, "-c", CASE, case, str(source), str(registry)],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def serial(source: Path) -> dict[str, object]:
    result = run_case("serial", source)
    assert result["started"] == [False]
    return result


def test_the_helpers_import_is_the_serial_one(source: Path, serial: dict[str, object]) -> None:
    helped = run_case("helped", source)
    assert helped["started"] == [True]
    assert helped["dump"] == serial["dump"]
    assert not helped["children"]


def test_a_helper_that_dies_mid_way_changes_nothing(
    source: Path, serial: dict[str, object]
) -> None:
    result = run_case("dies", source)
    assert result["started"] == [True]
    assert result["dump"] == serial["dump"]


def test_no_helper_on_one_core(source: Path, serial: dict[str, object]) -> None:
    result = run_case("one core", source)
    assert result["started"] == [False]
    assert result["dump"] == serial["dump"]


def test_a_failed_import_leaves_the_registry_as_it_was_and_no_helper(source: Path) -> None:
    result = run_case("fails", source)
    assert result["started"] == [True]
    assert result["failed"] == "the disk is full"
    assert not result["children"]
    submissions, opinions, redactions, _counters = result["dump"]  # type: ignore[misc]
    assert (submissions, opinions, redactions) == ([], [], [])
