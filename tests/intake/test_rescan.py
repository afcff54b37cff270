"""`pctui intake rescan`: a registry an older pctui imported (its opinions searched without
today's patterns: here a letter signed in katakana under a form giving the name in kanji)
is searched again; the new finds are added as redactions to review, listed without the
personal data, carried into the item that copies the opinion, and a second run adds
nothing, an undone redaction staying undone. Through the console script."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from tests.console import pctui
from tests.session.format_two_file import add_reviewer, write_format_two

from pctui.intake.grouping import group_opinions
from pctui.intake.records import RedactionStatus, Submission
from pctui.intake.redact import MARKER
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.model.identity import current_login
from pctui.session import group_review
from pctui.storage import ConsultationFile

SIGNED = "駐輪場の整備に反対します。\n歩道を広げてください。\nカクウ　タロウ"  # fake name
LETTERS = {
    "2026-0001": ("架空 太郎", SIGNED),
    "2026-0002": ("見本 花子", "計画図の縮尺が小さく、場所が読み取れませんでした。"),
}


def older_registry(path: Path) -> Path:
    """The registry as a pctui before kana names left it: the signature not redacted,
    and no record of the patterns its opinions were searched with."""
    where = registry_path(path, ConsultationFile.load(path).consultation)
    with Registry.open(where, shared_with=path) as registry:
        registry.add(
            Incoming(Submission(number=number, name=name, raw=raw), f"s.csv:{line}")
            for line, (number, (name, raw)) in enumerate(LETTERS.items(), start=2)
        )
        registry.replace_groups(group_opinions((o.id, o.text) for o in registry.opinions()))
    db = sqlite3.connect(where)
    with db:
        db.execute("DELETE FROM redactions")
        db.execute("UPDATE opinions SET public = ''")
        db.execute("DELETE FROM counters WHERE name = 'patterns'")
    db.close()
    return where


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """The signed letter's group accepted as No.4 (its text copied with the name in it)."""
    # The login running the tests is a reviewer: keeping and undoing are a reviewer's.
    path = add_reviewer(write_format_two(tmp_path / "2026-churin.toml"), current_login())
    where = older_registry(path)
    with Registry.open(where) as registry:
        assert group_review.accept(
            ConsultationFile.load(path), registry, "G-2026-0001-1", login="yamada"
        ).changed
    return path


def item_text(path: Path) -> str:
    item = ConsultationFile.load(path).consultation.item(4)
    assert item is not None
    return item.opinions[0].text


def test_status_says_an_older_registry_needs_a_rescan(path: Path) -> None:
    done = pctui("intake", "status", path)
    assert f"pctui intake rescan {path}" in done.stderr
    assert pctui("intake", "rescan", path).returncode == 1
    assert "rescan" not in pctui("intake", "status", path).stderr


def test_rescan_adds_the_new_finds_to_review_and_the_item_follows(path: Path) -> None:
    assert item_text(path).endswith("カクウ　タロウ")
    done = pctui("intake", "rescan", path)
    assert done.returncode == 1, done.stderr  # redactions to review: a finding
    assert "1  2026-0001-1  name  …" in done.stdout
    assert "カクウ" not in done.stdout + done.stderr
    assert "No.4 opinion 4: its text is now the registry's public text of 2026-0001-1" in (
        done.stdout
    )
    assert "1 redaction added, to review" in done.stdout
    assert item_text(path) == SIGNED.replace("カクウ　タロウ", MARKER)
    assert "カクウ" not in path.read_text(encoding="utf-8")
    with Registry.open(path.with_name("2026-churin.intake.sqlite")) as registry:
        (found,) = registry.redactions()
    assert (found.reason, found.status, found.original) == (
        "name", RedactionStatus.PENDING, "カクウ　タロウ"
    )  # fmt: skip


def test_a_second_rescan_adds_nothing_and_an_undone_one_stays_undone(path: Path) -> None:
    assert pctui("intake", "rescan", path).returncode == 1
    assert pctui("intake", "redactions", path, "--undo", "1").returncode == 0
    again = pctui("intake", "rescan", path, "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == []
    with Registry.open(path.with_name("2026-churin.intake.sqlite")) as registry:
        assert [r.status for r in registry.redactions()] == [RedactionStatus.REVERTED]
    assert item_text(path) == SIGNED


def test_help_and_a_file_that_does_not_load(tmp_path: Path) -> None:
    shown = pctui("intake", "rescan", "--help")
    assert shown.returncode == 0 and "redactions to review" in shown.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text("format = \n", encoding="utf-8")
    done = pctui("intake", "rescan", broken)
    assert done.returncode == 2 and f"{broken}:1:" in done.stderr
