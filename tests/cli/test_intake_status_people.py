"""`pctui intake status` shows 人 (distinct submitters) beside 通 by method, counted by the
same tally as `pctui intake tally` (and so as the published intake table): in text and in
--json, without any personal data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.console import pctui
from tests.session.format_two_file import write_format_two

# Fake: example.com, 555 numbers, 架空 places. 一郎 writes by e-mail, again by e-mail and by
# FAX (3 通, 1 人); 花子 once; one letter gives no method and no sender.
SOURCE = (
    "受付番号,提出方法,氏名,住所,電子メール,電話番号,意見\n"
    "1,電子メール,架空 一郎,架空市1-1,ichiro@example.com,,駐輪場を増やしてほしい。\n"
    "2,電子メール,,,ICHIRO@example.com,,もう一度送ります。\n"
    "3,FAX,架空 一郎,架空市1-1,,03-5555-0001,駐輪場を増やしてほしい。再送します。\n"
    '4,電子メール,架空 花子,,hanako@example.com,,"1. 料金を下げて。\n2. 屋根がほしい。"\n'
    "5,,,,,,撤去を急いでほしい。\n"
)
SECRETS = ("架空 一郎", "ichiro@example.com", "03-5555-0001", "架空市1-1", "hanako@example.com")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = write_format_two(tmp_path / "2026-churin.toml")
    source = tmp_path / "s.csv"
    source.write_text(SOURCE, encoding="utf-8")
    assert pctui("intake", "import", path, source).returncode == 0
    return path


def test_status_prints_people_beside_submissions_by_method(path: Path) -> None:
    done = pctui("intake", "status", path, "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = [line.split() for line in done.stdout.splitlines()]
    assert ["submitters", "(人)", "3"] in lines
    assert ["method", "submissions", "(通)", "submitters", "(人)", "opinions", "(件)"] in lines
    assert ["電子メール", "3", "2", "4"] in lines  # 一郎 twice, 花子 (two opinions)
    assert ["FAX", "1", "1", "1"] in lines
    assert ["その他", "1", "1", "1"] in lines  # no method given: the file's word for other
    assert ["total", "5", "3", "6"] in lines  # 一郎 by e-mail and FAX is one person
    assert not [s for s in SECRETS if s in done.stdout + done.stderr]


def test_status_json_has_the_tallys_people(path: Path) -> None:
    status = json.loads(pctui("intake", "status", path, "--json").stdout)
    tally = json.loads(pctui("intake", "tally", path, "--json").stdout)
    assert status["submitters"] == tally["submitters"] == 3
    assert [
        {key: m[key] for key in ("method", "submissions", "submitters")}
        for m in status["by_method"]
    ] == tally["methods"]
    assert [m["opinions"] for m in status["by_method"]] == [4, 1, 1]
