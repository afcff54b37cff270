"""On a UTC server, what reaches git and the audit is on the office's clock.

The consultation (language ja, its times +09:00) is signed by the real `pctui signoff`
with TZ=UTC: the sign-off trailer of the approval commit carries +09:00; `pctui audit`
dates a commit made at 01:30 in Tokyo (16:30 UTC the day before) on the Tokyo day, and
its JSON gives a sign-off stored in UTC on the Tokyo clock.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from tests.git.conftest import ME, T1, Office

from pctui.git import commit_pending


@pytest.fixture(autouse=True)
def utc_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")  # inherited by git and the pctui processes


def pctui(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pctui.cli.entry", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, env=os.environ)


def test_the_signoff_trailer_carries_the_offices_offset(on_approve: Office) -> None:
    on_approve.sign(1, "tanaka", T1)
    on_approve.sign(1, "suzuki", T1 + dt.timedelta(hours=1))
    done = pctui("signoff", str(on_approve.path), "--item", "1")
    assert done.returncode == 0, done.stderr
    trailers = on_approve.git("log", "-1", "--format=%(trailers:key=Pctui-Signoff,valueonly)")
    mine = [line for line in trailers.splitlines() if f"課長 approve {ME} " in line]
    assert len(mine) == 1 and mine[0].endswith("+09:00"), trailers


def test_the_audit_dates_and_times_on_the_offices_clock(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.sign(1, "tanaka", dt.datetime(2025, 12, 15, 16, 30, tzinfo=dt.UTC))
    for role in ("AUTHOR", "COMMITTER"):  # committed at once, on the UTC server's clock
        monkeypatch.setenv(f"GIT_{role}_DATE", "2025-12-15T16:30:30+00:00")
    assert commit_pending(office.load()).committed
    done = pctui("audit", str(office.path))
    line = next(line for line in done.stdout.splitlines() if "No.1 担当" in line)
    assert " 2025-12-16 " in line, line  # 01:30 on the 16th in Tokyo
    payload = json.loads(pctui("audit", str(office.path), "--json").stdout)
    [signoff] = payload["signoffs"]
    assert signoff["at"] == "2025-12-16T01:30:00+09:00"


def test_the_commit_itself_is_dated_on_the_offices_clock(office: Office) -> None:
    # git dates a commit in the process's zone: on a UTC server it would read +0000 and, late
    # in the Tokyo evening, fall on the day before.
    office.sign(1, "tanaka", T1)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    assert commit_pending(office.load()).committed
    for placeholder in ("%aI", "%cI"):
        stamp = dt.datetime.fromisoformat(
            office.git("log", "-1", f"--format={placeholder}").strip()
        )
        assert stamp.utcoffset() == dt.timedelta(hours=9), stamp
        assert before <= stamp <= dt.datetime.now(dt.UTC)


def test_a_date_the_user_set_for_git_is_kept(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.sign(1, "tanaka", T1)
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-12-15T16:30:30+00:00")
    assert commit_pending(office.load()).committed
    assert office.git("log", "-1", "--format=%cI").strip() == "2025-12-15T16:30:30+00:00"
    assert office.git("log", "-1", "--format=%aI").strip().endswith("+09:00")
