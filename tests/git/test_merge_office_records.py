"""The merge driver keeps both clones' assignments and notes (like revisions), in time
order, so the later assignment names the assignee."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.storage.format_two_text import FIRST, HEADER, SECOND

from pctui.git import merge_files
from pctui.model import add_note, assign, sign
from pctui.storage import ConsultationFile
from pctui.storage.reader import load_text

JST = dt.timezone(dt.timedelta(hours=9))
T1 = dt.datetime(2025, 12, 2, 10, 0, tzinfo=JST)
T2 = dt.datetime(2025, 12, 2, 11, 0, tzinfo=JST)
BASE = HEADER + FIRST + SECOND


def changed(tmp_path: Path, name: str, *actions: object) -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(BASE, encoding="utf-8")
    file = ConsultationFile.load(path)
    for action in actions:
        file.transact(1, action)  # type: ignore[arg-type]
    return path.read_text(encoding="utf-8")


def test_notes_and_assignments_from_two_clones_are_all_kept(tmp_path: Path) -> None:
    ours = changed(
        tmp_path,
        "ours",
        lambda c: assign(c, [1], "yamada", "sato", at=T1),
        lambda c: add_note(c, 1, "sato", "ours", at=T1),
    )
    theirs = changed(
        tmp_path,
        "theirs",
        lambda c: assign(c, [1], "tanaka", "suzuki", at=T2),
        lambda c: add_note(c, 1, "suzuki", "theirs", at=T2),
        lambda c: sign(c, 1, "yamada", at=T2),
    )
    result = merge_files(BASE, ours, theirs)
    assert result.conflicts == []
    first = load_text(result.text, "merged", fork=False).consultation.items[0]
    assert [n.text for n in first.notes] == ["ours", "theirs"]
    assert [a.to for a in first.assignments] == ["yamada", "tanaka"]
    assert first.assignee == "tanaka"
    assert [s.by for s in first.signoffs] == ["yamada"]
