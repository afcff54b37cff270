"""The TUI shows times on the consultation's clock, whatever the server's clock is set to.

The sample's times are rewritten as a UTC server writes them (`…Z`) and the process runs
with TZ=UTC; the office is in Japan (the file's language), so a sign-off made at 08:40 on
17 December in Tokyo is shown so, not as 23:40 on the 16th.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pctui.app.render.detail import response_title
from pctui.storage import ConsultationFile

STAMP = re.compile(r"\b(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00)")


@pytest.fixture(autouse=True)
def utc_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def as_utc(match: re.Match[str]) -> str:
    moment = dt.datetime.fromisoformat(match.group(1)).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def utc_file(sample_path: Path) -> Path:
    text = sample_path.read_text(encoding="utf-8")
    assert "at = 2025-12-17T09:40:00+09:00" in text  # No.1's 担当 sign-off by yamada
    text = text.replace("at = 2025-12-17T09:40:00+09:00", "at = 2025-12-17T08:40:00+09:00", 1)
    sample_path.write_text(STAMP.sub(as_utc, text), encoding="utf-8")
    assert "+09:00" not in sample_path.read_text(encoding="utf-8")
    return sample_path


def test_signoffs_and_the_revision_on_the_offices_clock(make_app, drive, utc_file: Path) -> None:
    app = make_app("tanaka", path=utc_file)
    seen: list[str] = []

    async def script(pilot) -> None:
        assert app.main.table.selected_no == 1
        seen.append(app.shown("signoffs").plain)

    drive(app, script)
    [shown] = seen
    assert "17 Dec 2025 08:40" in shown  # stored as 2025-12-16T23:40:00Z
    assert "18 Dec 2025 11:05" in shown  # stored as 2025-12-18T02:05:00Z
    assert "16 Dec 2025" not in shown and "02:05" not in shown
    consultation = ConsultationFile.load(utc_file).consultation
    item = consultation.item(1)
    assert item is not None
    assert response_title(consultation, item).endswith("16 Dec 2025 14:10")


def test_a_named_zone_decides(make_app, drive, utc_file: Path) -> None:
    text = utc_file.read_text(encoding="utf-8")
    utc_file.write_text(
        text.replace('language = "ja"', 'language = "ja"\ntimezone = "America/New_York"', 1),
        encoding="utf-8",
    )
    app = make_app("tanaka", path=utc_file)
    seen: list[str] = []

    async def script(pilot) -> None:
        seen.append(app.shown("signoffs").plain)

    drive(app, script)
    assert "16 Dec 2025 18:40" in seen[0]  # 23:40 UTC, five hours behind
