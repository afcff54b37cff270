"""`pctui status [--json]`: counts per state and stage, and where every item stands."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.model import current_login
from pctui.model.records import Order
from pctui.model.state import State

Run = Callable[..., subprocess.CompletedProcess[str]]
ME = current_login()


def test_status_as_text(pctui: Run, small: Path) -> None:
    result = pctui("status", small)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "CLIテスト計画（案） (cli-test)",
        "states: draft 2, in-review 1, changes-requested 1, approved 1",
        "stages: 担当 2/5, 係長 1/5, 課長 1/5",
        f"your turn to approve ({ME}, marked *): 3 items",
        "No  section  state              next stage  approved stages",
        "1   1        approved                       担当 係長 課長",
        "2   1        in-review          係長 *      担当",
        "3   2        changes-requested  担当 *",
        "4   2        draft              担当 *",
        "5   2        draft",
    ]


def test_status_as_json(pctui: Run, small: Path) -> None:
    result = pctui("status", small, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["items"] == [
        {"no": 1, "section": "1", "state": "approved",
         "approved_stages": ["担当", "係長", "課長"], "next_stages": [], "revision": 1},
        {"no": 2, "section": "1", "state": "in-review", "approved_stages": ["担当"],
         "next_stages": ["係長"], "revision": 1},
        {"no": 3, "section": "2", "state": "changes-requested", "approved_stages": [],
         "next_stages": ["担当"], "revision": 1},
        {"no": 4, "section": "2", "state": "draft", "approved_stages": [],
         "next_stages": ["担当"], "revision": 1},
        {"no": 5, "section": "2", "state": "draft", "approved_stages": [],
         "next_stages": [], "revision": 0},
    ]  # fmt: skip
    assert (data["order"], data["login"], data["my_turn"]) == ("stages", ME, [2, 3, 4])
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


def only_kacho(small: Path, order: str = "") -> None:
    """The current login holds 課長 only; `order` is added to [review] when given."""
    text = small.read_text(encoding="utf-8")
    text = text.replace(f'{ME} = ["担当", "係長", "課長"]', f'{ME} = ["課長"]')
    if order:
        text = text.replace("[review]\n", f'[review]\norder = "{order}"\n')
    small.write_text(text, encoding="utf-8")


def test_a_kacho_is_told_only_of_items_where_kacho_is_next(pctui: Run, small: Path) -> None:
    only_kacho(small)
    result = pctui("status", small)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[3] == f"your turn to approve ({ME}, marked *): 0 items"
    assert "*" not in "".join(lines[4:])  # drafts wait for 担当, No.2 for 係長
    data = json.loads(pctui("status", "--json", small).stdout)
    assert data["my_turn"] == []
    assert [i["next_stages"] for i in data["items"]] == [[], ["係長"], ["担当"], ["担当"], []]


def test_where_stages_approve_in_any_order_every_open_stage_is_next(
    pctui: Run, small: Path
) -> None:
    only_kacho(small, order="any")
    data = json.loads(pctui("status", "--json", small).stdout)
    assert data["order"] == "any"
    assert data["my_turn"] == [2, 3, 4]
    assert data["items"][1]["next_stages"] == ["係長", "課長"]
    assert data["items"][3]["next_stages"] == ["担当", "係長", "課長"]


@pytest.mark.parametrize("order", list(Order))
def test_every_state_and_order_is_its_plain_string_in_json(
    pctui: Run, small: Path, order: Order
) -> None:
    text = small.read_text(encoding="utf-8")
    small.write_text(text.replace("[review]\n", f'[review]\norder = "{order}"\n'), "utf-8")
    result = pctui("status", small, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["order"] == order.value
    assert list(data["counts"]) == [state.value for state in State]
    assert {item["state"] for item in data["items"]} == {state.value for state in State}
    assert '"State.' not in result.stdout and '"Order.' not in result.stdout


def test_each_distinct_cell_is_made_inert_once(small: Path, monkeypatch, capsys) -> None:
    # Sections and stages repeat over every row of a national file: 20,000 calls for
    # 10,000 items were a tenth of the table's time.
    import argparse

    from pctui.cli import status

    made: list[str] = []

    def counted(text: str) -> str:
        made.append(text)
        return text

    monkeypatch.setattr(status, "inert", counted)
    args = argparse.Namespace(file=str(small), json=False, board=False)
    assert status.run(args) == 0
    assert "1   1        approved" in capsys.readouterr().out
    assert (made.count("1"), made.count("2")) == (1, 1)  # the sections of five rows


@pytest.mark.parametrize("login", ["tanaka", "suzuki", "kimura", "root"])
@pytest.mark.parametrize("shape", ["standard", "busy", "bare"])
def test_the_table_says_what_the_json_says_row_by_row(
    tmp_path: Path, monkeypatch, capsys, login: str, shape: str
) -> None:
    # The table is made from runs of cells shared by many rows (see status.run): each row
    # must still say its own item's section, state, next stages, mark and assignee.
    import argparse
    import datetime as dt
    import random

    from benchmarks.generate import build, render

    from pctui.cli import status
    from pctui.model.records import Assignment
    from pctui.storage import ConsultationFile

    consultation = build(120, seed=7, shape=shape)
    rng = random.Random(7)
    at = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    for item in consultation.items:
        if rng.random() < 0.4:
            to = rng.choice(["tanaka", "yamada", ""])
            item.assignments.append(Assignment(to, "sato", at))
    path = tmp_path / "c.toml"
    path.write_text(render(consultation, via_tomlkit=True), encoding="utf-8")
    monkeypatch.setattr(status, "current_login", lambda: login)
    loaded = ConsultationFile.load(path, one_parse=True).consultation
    data = status.status_data(loaded, login)
    assert status.run(argparse.Namespace(file=str(path), json=False, board=False)) == 0
    table = capsys.readouterr().out.splitlines()
    rows = [line.split("  ") for line in table[table.index(next(
        line for line in table if line.startswith("No "))) + 1:]]  # fmt: skip
    assert len(rows) == len(data["items"]) == 120
    mine = set(data["my_turn"])
    assert any(row.get("assignee") for row in data["items"])  # the column is there
    for line, row in zip(rows, data["items"], strict=True):
        cells = [cell.strip() for cell in line if cell.strip()]
        expected = [
            str(row["no"]),
            row["section"],
            row["state"],
            " ".join(row["next_stages"]) + (" *" if row["no"] in mine else ""),
            " ".join(row["approved_stages"]),
            row.get("assignee") or "",
        ]
        assert cells == [cell.strip() for cell in expected if cell.strip()], (line, row)


@pytest.mark.parametrize("login", ["tanaka", "kimura", "root"])
@pytest.mark.parametrize("shape", ["busy", "bare", "grouped"])
def test_status_json_writes_status_data_as_json_writes_it(
    tmp_path: Path, monkeypatch, capsys, login: str, shape: str
) -> None:
    # `status --json` writes its items column by column, never as the dictionaries
    # `status_data` gives: the two must be the same JSON, hostile sections, assignees and
    # (format 2) bases included.
    import argparse
    import datetime as dt
    import random

    from benchmarks.generate import build, render

    from pctui.base.inert import escaped
    from pctui.cli import status
    from pctui.model.records import Assignment, Section
    from pctui.storage import ConsultationFile

    consultation = build(150, seed=3, shape=shape)
    # A section's id is one line without controls or bidi overrides (an error otherwise,
    # as an opinion's label): hidden characters it may hold are invisible ones.
    hostile = ["\u200b赤", "\ufeffabc", "👨\u200d👩\u200d👧", "a\u200db", "葛\U000e0100", "café"]
    consultation.sections.extend(Section(name, "T" + name) for name in hostile)
    consultation.meta.title = "意見\u2028公募\x7f"
    rng = random.Random(3)
    at = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    for item in consultation.items:
        if shape != "grouped" and rng.random() < 0.5:  # (labels restart in a section)
            item.section = rng.choice(hostile)
        if rng.random() < 0.3:
            item.assignments.append(Assignment(rng.choice(["tanaka", "yamada", ""]), "sato", at))
    path = tmp_path / "c.toml"
    path.write_text(render(consultation, via_tomlkit=True), encoding="utf-8")
    monkeypatch.setattr(status, "current_login", lambda: login)
    loaded = ConsultationFile.load(path, one_parse=True).consultation
    data = status.status_data(loaded, login, bases=True)
    assert status.run(argparse.Namespace(file=str(path), json=True, board=False)) == 0
    expected = escaped(json.dumps(data, ensure_ascii=False, indent=2))
    assert capsys.readouterr().out == expected + "\n"
    assert "assignee" in data["items"][0]
    assert ("basis" in data["items"][0]) == (shape == "grouped")
