"""`pctui status [--json]`: counts per state and stage, and where every item stands."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_status_as_text(pctui: Run, small: Path) -> None:
    result = pctui("status", small)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "CLIテスト計画（案） (cli-test)",
        "states: draft 2, in-review 1, changes-requested 1, approved 1",
        "stages: 担当 2/5, 係長 1/5, 課長 1/5",
        "No  section  state              approved stages",
        "1   1        approved           担当 係長 課長",
        "2   1        in-review          担当",
        "3   2        changes-requested",
        "4   2        draft",
        "5   2        draft",
    ]


def test_status_as_json(pctui: Run, small: Path) -> None:
    result = pctui("status", small, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["items"] == [
        {"no": 1, "section": "1", "state": "approved",
         "approved_stages": ["担当", "係長", "課長"], "revision": 1},
        {"no": 2, "section": "1", "state": "in-review", "approved_stages": ["担当"],
         "revision": 1},
        {"no": 3, "section": "2", "state": "changes-requested", "approved_stages": [],
         "revision": 1},
        {"no": 4, "section": "2", "state": "draft", "approved_stages": [], "revision": 1},
        {"no": 5, "section": "2", "state": "draft", "approved_stages": [], "revision": 0},
    ]  # fmt: skip
    assert data["counts"] == {"draft": 2, "in-review": 1, "changes-requested": 1, "approved": 1}
    assert data["stage_counts"] == {"担当": 2, "係長": 1, "課長": 1}
    assert data["stages"] == ["担当", "係長", "課長"]
    assert data["id"] == "cli-test"
    # Japanese is written as is, not as \\u escapes.
    assert "CLIテスト計画" in result.stdout


def test_the_sample_status_json_has_the_contract_shape(pctui: Run, root_sample: Path) -> None:
    result = pctui("status", "--json", root_sample)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [item["no"] for item in data["items"]] == list(range(1, 11))
    for item in data["items"]:
        assert {"no", "section", "state", "approved_stages"} <= set(item)
        assert isinstance(item["no"], int)
        assert isinstance(item["section"], str)
        assert item["state"] in data["counts"]
    assert list(data["counts"]) == ["draft", "in-review", "changes-requested", "approved"]
    assert sum(data["counts"].values()) == 10
    # The sample shows a newcomer every state.
    assert all(count > 0 for count in data["counts"].values()), data["counts"]


def test_hostile_text_is_shown_inertly(pctui: Run, small: Path) -> None:
    text = small.read_text(encoding="utf-8").replace(
        'title = "CLIテスト計画（案）"', 'title = "計画\\u001b]0;pwned\\u0007\\u202e"'
    )
    small.write_text(text, encoding="utf-8")
    result = pctui("status", small)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert result.stdout.splitlines()[0] == "計画␛]0;pwned␇\\u202e (cli-test)"


def test_status_of_a_broken_file(pctui: Run, small: Path) -> None:
    small.write_text("format = \n", encoding="utf-8")
    result = pctui("status", "--json", small)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"{small}:1:10: TOML syntax: Invalid value"
