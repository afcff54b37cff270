"""`[consultation] timezone` on the command line: checked with its place, and obeyed by
`pctui signoff` and `pctui revise` on a server whose clock is UTC (TZ=UTC)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import zoneinfo
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]
Where = Callable[..., str]
TITLE = 'title = "CLIテスト計画（案）"'


@pytest.fixture(autouse=True)
def utc_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")  # inherited by the pctui processes the tests start


def stamped_utc(path: Path) -> None:
    """Every +09:00 time in the file rewritten as the same instant in UTC (`…Z`)."""

    def utc(match: re.Match[str]) -> str:
        moment = dt.datetime.fromisoformat(match.group()).astimezone(dt.UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00", utc, path.read_text("utf-8"))
    assert "+09:00" not in text
    path.write_text(text, encoding="utf-8")


def with_zone(path: Path, value: str) -> str:
    text = path.read_text("utf-8").replace(TITLE, f"{TITLE}\ntimezone = {value}", 1)
    path.write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize("name", ["Asia/Tokio", "localtime", "JST", "", "../etc/passwd"])
def test_a_name_that_is_no_zone_is_bad_input_at_its_place(
    pctui: Run, small: Path, where: Where, name: str
) -> None:
    text = with_zone(small, f'"{name}"')
    done = pctui("validate", small)
    assert done.returncode == 2
    place = where(text, "timezone")
    assert f"{small}:{place}: consultation.timezone '{name}' is not a time zone" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_timezone_that_is_not_a_string_is_reported_once(
    pctui: Run, small: Path, where: Where
) -> None:
    text = with_zone(small, "9")
    done = pctui("validate", small)
    assert done.returncode == 2
    place = where(text, "timezone")
    assert f"{small}:{place}: consultation.timezone must be a string, not an integer" in (
        done.stderr
    )
    assert done.stderr.count("consultation.timezone") == 1


def test_a_named_zone_validates(pctui: Run, small: Path) -> None:
    with_zone(small, '"Asia/Tokyo"')
    done = pctui("validate", small)
    assert done.returncode == 0, done.stderr


def test_a_signoff_on_a_utc_server_is_stored_with_the_offices_offset(
    pctui: Run, small: Path
) -> None:
    stamped_utc(small)  # a file written on that server before: language ja, times in UTC
    done = pctui("signoff", small, "--item", "2")
    assert done.returncode == 0, done.stderr
    revised = pctui("revise", small, "--item", "5", "--text", "新しい回答")
    assert revised.returncode == 0, revised.stderr
    consultation = ConsultationFile.load(small).consultation
    signed = consultation.items[1].signoffs[-1].at
    written = consultation.items[4].revisions[-1].at
    assert signed.utcoffset() == written.utcoffset() == dt.timedelta(hours=9)
    assert re.search(
        r"^at = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$", small.read_text("utf-8"), re.M
    )


def test_the_named_zone_beats_the_files_own_offset(pctui: Run, small: Path) -> None:
    with_zone(small, '"America/New_York"')  # the file's other times are +09:00
    done = pctui("signoff", small, "--item", "2")
    assert done.returncode == 0, done.stderr
    signed = ConsultationFile.load(small).consultation.items[1].signoffs[-1].at
    assert signed.utcoffset() == zoneinfo.ZoneInfo("America/New_York").utcoffset(
        signed.replace(tzinfo=None)
    )


def test_an_import_on_a_utc_server_dates_its_revisions_in_japan(pctui: Run, tmp_path: Path) -> None:
    source = tmp_path / "table.csv"
    source.write_text("No,ご意見,考え方\n1,意見です。,回答です。\n", encoding="utf-8")
    target = tmp_path / "imported.toml"
    done = pctui("import", source, "-o", target, "--title", "表のテスト")
    assert done.returncode == 0, done.stderr
    [item] = ConsultationFile.load(target).consultation.items
    assert item.revisions[0].at.utcoffset() == dt.timedelta(hours=9)
