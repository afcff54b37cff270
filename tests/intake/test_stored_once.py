"""A text is stored once where it is the same (registry version 4): a submission that is its
one opinion as written keeps no raw text of its own, an opinion with nothing redacted no
public text of its own; every reader gives what version 3, which stored all three, gave.
`data/registry-v3.sqlite` was written by the version-3 code (an import of single, listed,
signed and unnumbered submissions with personal data, grouped, one redaction kept and one
undone) and is migrated in place on open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from pctui.intake import schema
from pctui.intake.records import RedactionStatus, Submission
from pctui.intake.registry import Incoming, Registry

OLD = Path(__file__).with_name("data") / "registry-v3.sqlite"


def _stored(path: Path) -> tuple[dict[str, str], dict[str, str], int]:
    """The raw and public columns as the file holds them, and its version."""
    with sqlite3.connect(path) as db:
        raws = dict(db.execute("SELECT number, raw FROM submissions").fetchall())
        publics = dict(db.execute("SELECT id, public FROM opinions").fetchall())
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
    return raws, publics, version


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "c.intake.sqlite"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    return path


def test_a_version_3_registry_is_migrated_and_reads_as_before(old: Path) -> None:
    raws, publics, version = _stored(old)
    assert version == 3 and _every_text_in_full(raws) and _every_text_in_full(publics)
    with Registry.open(old) as registry:
        submissions = {s.number: s.raw for s in registry.submissions()}
        opinions = {o.id: o.text for o in registry.opinions()}
        pairs = dict(registry.public_text_pairs())
        texts = registry.public_texts(publics)
        groups = registry.groups()
        redactions = registry.redactions()
    assert submissions == raws and opinions == pairs == texts == publics
    assert len(groups) == 8 and [(r.id, r.status) for r in redactions] == [
        (1, RedactionStatus.CONFIRMED),
        (2, RedactionStatus.PENDING),
        (3, RedactionStatus.PENDING),
        (4, RedactionStatus.REVERTED),
    ]
    raws_now, publics_now, version = _stored(old)
    assert version == schema.VERSION == 5
    # Stored once: the submissions that are one opinion as written, and the opinions with
    # nothing redacted (R0000002-1's redaction was undone); the others keep their own.
    assert sorted(n for n, raw in raws_now.items() if raw == schema.SAME) == [
        "A-1", "A-2", "A-4", "R0000001", "R0000002",
    ]  # fmt: skip
    assert sorted(i for i, public in publics_now.items() if public != schema.SAME) == [
        "A-3-2", "A-4-1", "R0000001-1",
    ]  # fmt: skip
    assert raws_now["A-3"] == raws["A-3"] and publics_now["A-4-1"] == publics["A-4-1"]


def _every_text_in_full(column: dict[str, str]) -> bool:
    """No value of `column` is the stored-once mark (version 3 wrote every text)."""
    return schema.SAME not in column.values()


def test_an_import_stores_each_text_once_where_it_is_the_same(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    letters = [
        Submission("S-1", raw="計画に反対です。"),
        Submission("S-2", raw="1. 一点目です。\n2. 二点目です。"),
        Submission("S-3", raw="連絡は kakuu@example.com へ。"),
        Submission("S-4", raw="計画に反対です。"),
    ]
    with Registry.open(path) as registry:
        registry.add([Incoming(s, f"t:{n}") for n, s in enumerate(letters, start=1)])
        read = {s.number: s.raw for s in registry.submissions()}
        public = dict(registry.public_text_pairs())
    raws, publics, _version = _stored(path)
    assert read == {s.number: s.raw for s in letters}
    assert public == {
        "S-1-1": "計画に反対です。", "S-2-1": "一点目です。", "S-2-2": "二点目です。",
        "S-3-1": "連絡は 【個人情報のため削除】 へ。", "S-4-1": "計画に反対です。",
    }  # fmt: skip
    assert raws == {"S-1": "", "S-2": letters[1].raw, "S-3": "", "S-4": ""}
    assert publics == {
        "S-1-1": "", "S-2-1": "", "S-2-2": "", "S-3-1": public["S-3-1"], "S-4-1": "",
    }  # fmt: skip


def test_undoing_a_redaction_stores_the_public_text_once_and_keeping_it_again_redacts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.sqlite"
    with Registry.open(path) as registry:
        registry.add([Incoming(Submission("S-1", raw="電話 090-5555-1234 まで。"), "t:1")])
        (found,) = registry.redactions()
        registry.review_redactions({found.id: RedactionStatus.REVERTED}, "kakuu", "t")
        undone = registry.public_texts(["S-1-1"])["S-1-1"]
        _raws, publics, _version = _stored(path)
        registry.review_redactions({found.id: RedactionStatus.CONFIRMED}, "kakuu", "t")
        kept = registry.public_texts(["S-1-1"])["S-1-1"]
    assert (undone, publics["S-1-1"]) == ("電話 090-5555-1234 まで。", schema.SAME)
    assert kept == "電話 【個人情報のため削除】 まで。"
    assert _stored(path)[1]["S-1-1"] == kept
