"""`pctui intake tally` through the console script: the table of 通 and 人 by method and
the totals (no personal data), exit 1 while `[intake]` does not hold them, --write saving
them (read back from the file), --json, a format-1 file refused; `pctui validate`
explaining the opinions not attached yet; `pctui publish` printing the 通/人 table."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.console import pctui
from tests.session.format_two_file import add_reviewer, write_format_two

from pctui.model.identity import current_login

ROOT = Path(__file__).resolve().parents[2]
# Fake: example.com, 555 numbers, 架空 places. Sender 1 writes twice (e-mail, then FAX).
SOURCE = (
    "受付番号,提出方法,氏名,住所,電子メール,電話番号,意見\n"
    "1,電子メール,架空 一郎,架空市1-1,ichiro@example.com,,駐輪場を増やしてほしい。\n"
    "2,FAX,架空 一郎,架空市1-1,,03-5555-0001,駐輪場を増やしてほしい。再送します。\n"
    '3,電子メール,架空 花子,,hanako@example.com,,"1. 料金を下げて。\n2. 屋根がほしい。"\n'
    "4,郵送,架空 次郎,架空市2-2,,,撤去を急いでほしい。\n"
)
SECRETS = ("架空 一郎", "ichiro@example.com", "03-5555-0001", "架空市1-1", "hanako@example.com")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    # The login running the tests is a reviewer: --write is a reviewer's act.
    path = add_reviewer(write_format_two(tmp_path / "2026-churin.toml"), current_login())
    source = tmp_path / "s.csv"
    source.write_text(SOURCE, encoding="utf-8")
    assert pctui("intake", "import", path, source).returncode == 0
    return path


def test_tally_prints_the_table_and_exits_1_until_written(path: Path) -> None:
    before = path.read_bytes()
    done = pctui("intake", "tally", path, "--lang", "en")
    assert done.returncode == 1, done.stderr
    lines = [line.split() for line in done.stdout.splitlines()]
    assert ["電子メール", "2", "2"] in lines
    assert ["FAX", "1", "1"] in lines and ["郵送", "1", "1"] in lines
    assert ["total", "4", "3"] in lines  # 一郎 wrote twice: 3 people
    assert "opinions received: 5" in done.stdout
    assert "does not hold these counts yet" in done.stdout
    assert not [s for s in SECRETS if s in done.stdout + done.stderr]
    assert path.read_bytes() == before


def test_write_saves_intake_and_then_it_is_up_to_date(path: Path) -> None:
    done = pctui("intake", "tally", path, "--write", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "[intake] written" in done.stdout
    text = path.read_text(encoding="utf-8")
    assert 'submissions = {"電子メール" = 2, FAX = 1, "郵送" = 1}' in text
    assert 'submitters = {"電子メール" = 2, FAX = 1, "郵送" = 1}' in text
    assert "submitters_total = 3" in text and "opinions_received = 5" in text
    assert not [s for s in SECRETS if s in text]
    again = pctui("intake", "tally", path, "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout) == {
        "methods": [
            {"method": "電子メール", "submissions": 2, "submitters": 2},
            {"method": "FAX", "submissions": 1, "submitters": 1},
            {"method": "郵送", "submissions": 1, "submitters": 1},
        ],
        "submissions": 4,
        "submitters": 3,
        "opinions": 5,
        "up_to_date": True,
        "written": False,
    }


def test_validate_explains_the_opinions_not_attached_yet(path: Path) -> None:
    assert pctui("intake", "tally", path, "--write").returncode == 0
    text = path.read_text(encoding="utf-8")
    # The items count 10 opinions; say the registry received 12.
    path.write_text(text.replace("opinions_received = 5", "opinions_received = 12"), "utf-8")
    done = pctui("validate", path, "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("opinions_received"))
    assert (
        f"{path}:{line}:1: note: the registry received 12 opinions and the items answer 10: "
        "2 opinions are not attached to an item yet (pctui intake review)"
    ) in done.stdout + done.stderr


def test_publish_prints_the_table_in_every_format(path: Path, tmp_path: Path) -> None:
    assert pctui("intake", "tally", path, "--write").returncode == 0
    out = tmp_path / "out"
    done = pctui("publish", path, "--draft", "--out", out)
    assert done.returncode == 0, done.stderr
    markdown = (out / "2026-churin.md").read_text(encoding="utf-8")
    assert "| 提出方法 | 電子メール | FAX | 郵送 | 合計 |" in markdown
    assert "| 提出通数 | 2 | 1 | 1 | 4 |" in markdown
    assert "| 提出者数 | 2 | 1 | 1 | 3 |" in markdown
    assert "複数の方法で提出した方を1人と数えています" in markdown
    html = (out / "2026-churin.html").read_text(encoding="utf-8")
    assert '<th scope="row">提出通数</th><td>2</td><td>1</td><td>1</td><td>4</td>' in html
    assert '<th scope="row">提出者数</th><td>2</td><td>1</td><td>1</td><td>3</td>' in html
    numbers = (out / "2026-churin.numbers.csv").read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(numbers))) == [
        ["提出方法", "電子メール", "FAX", "郵送", "合計"],
        ["提出通数", "2", "1", "1", "4"],
        ["提出者数", "2", "1", "1", "3"],
    ]
    sheet = load_workbook(out / "2026-churin.xlsx").worksheets[-1]  # 概要
    cells = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert cells["意見の受付方法別内訳: 電子メール (提出通数)"] == 2
    assert cells["意見の受付方法別内訳: 合計 (提出通数)"] == 4
    assert cells["意見の受付方法別内訳: 合計 (提出者数)"] == 3
    every = markdown + html + numbers
    assert not [s for s in SECRETS if s in every]


def test_an_untallied_file_publishes_no_numbers_file(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert pctui("publish", path, "--draft", "--out", out).returncode == 0
    assert not (out / "2026-churin.numbers.csv").exists()
    assert "提出通数" not in (out / "2026-churin.md").read_text(encoding="utf-8")


def test_a_format_1_file_is_refused_with_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", path)
    add_reviewer(path, current_login())
    source = tmp_path / "s.csv"
    source.write_text(SOURCE, encoding="utf-8")
    assert pctui("intake", "import", path, source).returncode == 0
    before = path.read_bytes()
    done = pctui("intake", "tally", path, "--write", "--lang", "en")
    assert done.returncode == 1
    assert "format-2" in done.stderr and "Traceback" not in done.stderr
    assert path.read_bytes() == before


def test_write_is_refused_to_a_login_not_a_reviewer_and_counting_is_not(path: Path) -> None:
    """The published totals are the reviewed file's: --write is refused as move-opinion is
    (exit 1, its words, nothing written); counting without it reads only, open to all."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'{current_login()} = ["担当"]\n', "", 1), encoding="utf-8")
    before = path.read_bytes()
    done = pctui("intake", "tally", path, "--write", "--lang", "en")
    why = f"{current_login()!r} is not a reviewer of this consultation (see [review.reviewers])"
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"pctui: refused: {why}\n")
    assert path.read_bytes() == before
    counted = pctui("intake", "tally", path, "--lang", "en")
    assert counted.returncode == 1 and "does not hold these counts yet" in counted.stdout
    assert path.read_bytes() == before


def test_help_exits_0() -> None:
    done = pctui("intake", "tally", "--help")
    assert done.returncode == 0 and "--write" in done.stdout
