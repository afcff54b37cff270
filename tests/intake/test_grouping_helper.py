"""Grouping on two cores (`pctui.intake.grouping_helper`): the groups are the serial ones
whether the helper works, dies while sketching or while adding texts, or is not forked.

Each case runs in a fresh interpreter: the test process has run rensa already, whose
native threads make forking unsafe (the helper is then, rightly, never forked here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forking is used on Linux only")

ROOT = Path(__file__).resolve().parents[2]

CASE = """\
import hashlib, json, os, sys
from benchmarks.intake_generate import opinions
from pctui.intake import forking, grouping, grouping_helper

case = sys.argv[1]
parent = os.getpid()
grouping_helper.MIN_DISTINCT = 1
real_may_fork = forking.may_fork
# The machine may have one core, or none idle: the path is forced.
forking.may_fork = forking.idle_core = lambda: True
started = []
real_start = grouping_helper.start_helper


def recorded(*args):
    helper = real_start(*args)
    started.append(helper is not None)
    return helper


grouping.start_helper = recorded
if case == "serial":
    grouping_helper.MIN_DISTINCT = 10**9
elif case == "dies sketching":
    real_states = grouping._states

    def states(distinct):
        if os.getpid() != parent:
            os._exit(3)
        return real_states(distinct)

    grouping._states = states
elif case == "dies adding":
    real_added = grouping._follower_added
    calls = []

    def follower_added(*args):
        calls.append(1)
        if os.getpid() != parent and len(calls) > 40:
            os._exit(3)
        return real_added(*args)

    grouping._follower_added = follower_added
elif case == "one core":
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    forking.may_fork = real_may_fork
elif case == "threads":
    import rensa
    rensa.RMinHash.from_token_sets([[str(n).encode() * 5] for n in range(50_000)], 16, 1)

sample = [(o.id, o.text) for o in opinions(3000, seed=5)]
groups = grouping.group_opinions(sample)
flat = [(g.id, g.representative, [(m.opinion, m.added) for m in g.members]) for g in groups]
print(json.dumps({
    "started": started,
    "digest": hashlib.sha256(json.dumps(flat, ensure_ascii=False).encode()).hexdigest(),
    "followers": sum(1 for g in groups for m in g.members if m.added),
}))
"""


def run_case(case: str) -> dict[str, object]:
    import json

    done = subprocess.run(
        [sys.executable, "-c", CASE, case],
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
def serial() -> dict[str, object]:
    result = run_case("serial")
    assert result["started"] == [False]
    return result


def test_the_helpers_groups_are_the_serial_ones(serial: dict[str, object]) -> None:
    helped = run_case("helped")
    assert helped["started"] == [True]
    assert helped["digest"] == serial["digest"]
    assert isinstance(helped["followers"], int) and helped["followers"] > 40


@pytest.mark.parametrize("case", ["dies sketching", "dies adding"])
def test_a_helper_that_dies_changes_nothing(case: str, serial: dict[str, object]) -> None:
    result = run_case(case)
    assert result["started"] == [True]
    assert result["digest"] == serial["digest"]


@pytest.mark.parametrize("case", ["one core", "threads"])
def test_no_helper_on_one_core_or_beside_threads(case: str, serial: dict[str, object]) -> None:
    result = run_case(case)
    assert result["started"] == [False]
    assert result["digest"] == serial["digest"]


def test_a_helper_only_while_a_core_is_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two busy cores: the helper and the parent would only take turns (docs/performance.md).
    from pctui.intake import forking

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    for load, idle in ((0.3, True), (1.5, True), (1.6, False), (3.0, False)):
        monkeypatch.setattr(os, "getloadavg", lambda load=load: (load, load, load))
        assert forking.idle_core() is idle
    monkeypatch.setattr(forking, "may_fork", lambda: True)
    monkeypatch.setattr(forking.os, "listdir", lambda path: ["1"])
    assert not forking.may_fork_here()  # a load of 3.0
