"""Who kept or undid a redaction, and when: the OS login (never $USER) and the office's
time, recorded by the one `review` function the command and the TUI share; a registry
written before (version 1, `data/registry-v1.sqlite`, made by the code of that version)
opens and is migrated in place, its redactions kept."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.console import pctui
from tests.session.format_two_file import add_reviewer

from pctui.intake import schema
from pctui.intake.records import RedactionStatus
from pctui.intake.redaction_review import ReviewRefused, review
from pctui.intake.registry import Registry
from pctui.model.actions import Refused
from pctui.model.identity import current_login
from pctui.storage import ConsultationFile

ROOT = Path(__file__).resolve().parents[2]
OLD = Path(__file__).with_name("data") / "registry-v1.sqlite"
TOKYO = dt.timezone(dt.timedelta(hours=9))


@pytest.fixture
def consultation(tmp_path: Path) -> Path:
    """The sample consultation (Asia/Tokyo) with the version-1 registry beside it: three
    redactions, the first kept (before anyone recorded who), two pending."""
    target = tmp_path / "c.toml"
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", target)
    add_reviewer(target, current_login())  # keeping and undoing are a reviewer's
    shutil.copyfile(OLD, tmp_path / "c.intake.sqlite")
    (tmp_path / "c.intake.sqlite").chmod(0o600)
    return target


def _version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def test_a_version_1_registry_is_migrated_in_place_keeping_its_redactions(
    consultation: Path,
) -> None:
    path = consultation.with_name("c.intake.sqlite")
    assert _version(path) == 1
    with Registry.open(path) as registry:
        found = registry.redactions()
    # 2 added the frozen member lists, 3 keeps a text once where it is the same
    assert _version(path) == schema.VERSION == 5
    assert [(r.id, r.status, r.by, r.at) for r in found] == [
        (1, RedactionStatus.CONFIRMED, "", ""),
        (2, RedactionStatus.PENDING, "", ""),
        (3, RedactionStatus.PENDING, "", ""),
    ]
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_failed_migration_leaves_the_registry_as_it_was(
    consultation: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = consultation.with_name("c.intake.sqlite")
    broken = (*schema.MIGRATIONS[1], "ALTER TABLE nowhere ADD COLUMN x TEXT")
    monkeypatch.setitem(schema.MIGRATIONS, 1, broken)
    with pytest.raises(Exception, match="nowhere"):
        Registry.open(path)
    assert _version(path) == 1
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(redactions)")]
    assert "reviewed_by" not in columns


def test_review_records_the_os_login_and_the_office_time_not_the_environment(
    consultation: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("LOGNAME", "mallory")
    file = ConsultationFile.load(consultation)
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        done = review(registry, file.consultation, keep=[2], undo=[3])
        found = {r.id: r for r in registry.redactions()}
    assert (done.kept, done.undone, done.by) == (1, 1, current_login())
    assert done.by != "mallory"
    assert found[2].by == found[3].by == current_login()
    when = dt.datetime.fromisoformat(found[2].at)
    assert when.utcoffset() == dt.timedelta(hours=9)  # the file's zone is Asia/Tokyo
    assert abs(when - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert (found[1].by, found[1].at) == ("", "")  # untouched


def test_review_refuses_whole(consultation: Path) -> None:
    file = ConsultationFile.load(consultation)
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        with pytest.raises(ReviewRefused, match="no redaction 99"):
            review(registry, file.consultation, keep=[2], undo=[99], login="tanaka")
        with pytest.raises(ReviewRefused, match="both kept and undone"):
            review(registry, file.consultation, keep=[2], undo=[2], login="tanaka")
        assert {r.id: r.status for r in registry.redactions()}[2] == RedactionStatus.PENDING


def test_the_command_shows_who_and_when_in_the_table_and_the_json(consultation: Path) -> None:
    at = dt.datetime(2025, 5, 1, 10, 0, tzinfo=TOKYO)
    file = ConsultationFile.load(consultation)
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        review(registry, file.consultation, keep=[2], login="yamada", at=at)
    listed = json.loads(pctui("intake", "redactions", consultation, "--json").stdout)
    assert [(r["id"], r["by"], r["at"]) for r in listed] == [
        (1, "", ""),
        (2, "yamada", "2025-05-01T10:00:00+09:00"),
        (3, "", ""),
    ]
    table = pctui("intake", "redactions", consultation, "--lang", "en").stdout
    header, *rows = [line for line in table.splitlines() if not line.startswith("    ")]
    assert header.split()[-2:] == ["by", "at"]
    assert rows[1].split()[-2:] == ["yamada", "2025-05-01T10:00:00+09:00"]


def test_the_command_records_the_login_of_whoever_runs_it(consultation: Path) -> None:
    done = pctui("intake", "redactions", consultation, "--undo", "3")
    assert done.returncode == 0, done.stderr
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        found = {r.id: r for r in registry.redactions()}
    assert (found[3].status, found[3].by) == (RedactionStatus.REVERTED, current_login())
    assert dt.datetime.fromisoformat(found[3].at).utcoffset() == dt.timedelta(hours=9)


def test_a_login_not_a_reviewer_may_not_keep_or_undo(consultation: Path) -> None:
    """What is published of an opinion, and the items copying it, are a reviewer's to
    decide: refused first (before an id is checked), nothing changed; the command exits 1
    with move-opinion's words."""
    file = ConsultationFile.load(consultation)
    registry_file = consultation.with_name("c.intake.sqlite")
    refused = pytest.raises(Refused, match="'guest' is not a reviewer")
    with Registry.open(registry_file) as registry, refused:
        review(registry, file.consultation, keep=[2], undo=[99], login="guest")
    text = consultation.read_text(encoding="utf-8")
    consultation.write_text(text.replace(f"\n{current_login()} = ", "\nnobody = ", 1), "utf-8")
    before = consultation.read_bytes(), registry_file.read_bytes()
    for option in ("--keep", "--undo"):
        done = pctui("intake", "redactions", consultation, option, "2", "--lang", "en")
        why = f"{current_login()!r} is not a reviewer of this consultation"
        assert done.returncode == 1 and done.stderr.startswith(f"pctui: refused: {why}")
        assert (consultation.read_bytes(), registry_file.read_bytes()) == before
    with Registry.open(registry_file) as registry:
        assert [r.status for r in registry.redactions()][1] == RedactionStatus.PENDING
