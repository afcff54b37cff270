"""`pctui status --board`: the progress board in 80 columns, as JSON, and publish_by checked."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]
Where = Callable[..., str]
TOKYO = dt.timezone(dt.timedelta(hours=9))  # the zone of the small file's times


def with_publish_by(path: Path, date: dt.date) -> None:
    text = path.read_text(encoding="utf-8")
    marker = 'title = "CLIテスト計画（案）"\n'
    path.write_text(text.replace(marker, f"{marker}closed = 2025-11-30\npublish_by = {date}\n"))


def test_board_as_text(pctui: Run, small: Path) -> None:
    today = dt.datetime.now(TOKYO).date()
    with_publish_by(small, today + dt.timedelta(days=3))
    result = pctui("status", "--board", small)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "progress board: CLIテスト計画（案）",
        f"publish by {today + dt.timedelta(days=3)}: 3 days left",
        "legend: # approved  = in-review  ! changes-requested  . draft",
        "######======!!!!!!............  1/5 approved",
    ]
    rows = {line.split()[0]: line.split()[1:] for line in lines[5:] if line.startswith("  ")}
    assert rows["第1章"] == ["###############===============", "1", "1", "0", "0"]
    assert rows["第2章"] == ["!!!!!!!!!!....................", "0", "0", "1", "2"]
    assert rows["(unassigned)"] == ["######======!!!!!!............", "1", "1", "1", "2"]
    # 3 was sent back by 係長 before 担当 approved: not waiting for 担当 but for a new draft.
    assert rows["担当"][1:] == ["2", "1", "0", "2"]
    assert rows["係長"][1:] == ["1", "1", "1", "2"]
    assert [line.split()[0] for line in lines[4:16] if line and not line.startswith(" ")] == [
        "by", "by", "by",
    ]  # fmt: skip
    assert "longest in their state:" in lines
    # No. 5 has no draft: waiting since the close; the others since their last sign-off.
    assert lines[-4].startswith("  No. 5  draft since 2025-11-30")
    assert all(len(line) <= 80 for line in lines)


def test_board_overdue_and_unplanned(pctui: Run, small: Path) -> None:
    result = pctui("status", "--board", small)
    assert "publish by: not planned (set [consultation] publish_by)" in result.stdout
    today = dt.datetime.now(TOKYO).date()
    with_publish_by(small, today - dt.timedelta(days=1))
    result = pctui("status", "--board", small)
    assert f"publish by {today - dt.timedelta(days=1)}: 1 day overdue" in result.stdout


def test_board_as_json(pctui: Run, small: Path) -> None:
    result = pctui("status", "--board", "--json", small)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total"] == 5
    assert data["counts"] == {"draft": 2, "in-review": 1, "changes-requested": 1, "approved": 1}
    assert [s["key"] for s in data["sections"]] == ["1", "2"]
    assert data["assignees"][0]["key"] == ""
    assert data["stages"][1] == {
        "key": "係長", "label": "係長",
        "counts": {"draft": 2, "in-review": 1, "changes-requested": 1, "approved": 1},
    }  # fmt: skip
    assert (data["publish_by"], data["days_left"]) == (None, None)
    assert [w["no"] for w in data["oldest"]] == [4, 2, 3]  # 5 has no draft and no close date


def test_publish_by_before_closed_is_a_warning(pctui: Run, small: Path, where: Where) -> None:
    with_publish_by(small, dt.date(2025, 11, 1))
    result = pctui("validate", small)
    assert result.returncode == 1, result.stdout + result.stderr
    spot = where(small.read_text(encoding="utf-8"), "publish_by")
    assert f"{small}:{spot}: warning: consultation.publish_by is before consultation.closed" in (
        result.stdout
    )


def test_publish_by_not_a_date_is_an_error(pctui: Run, small: Path) -> None:
    text = small.read_text(encoding="utf-8")
    small.write_text(text.replace('（案）"\n', '（案）"\npublish_by = "soon"\n', 1))
    result = pctui("validate", small)
    assert result.returncode == 2
    assert "publish_by" in result.stderr and "a date (YYYY-MM-DD)" in result.stderr
