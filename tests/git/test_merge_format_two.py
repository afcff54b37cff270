"""The item-level merge of format-2 files: opinions merge as one fact, summaries like
revisions (both sides' kept), the result written in format 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.storage.format_two_text import FIRST, HEADER, SECOND

from pctui.git import merge_files
from pctui.model import Opinion, add_summary, move_opinion, sign
from pctui.storage import ConsultationFile
from pctui.storage.reader import load_text

JST = dt.timezone(dt.timedelta(hours=9))
T1 = dt.datetime(2025, 12, 2, 10, 0, tzinfo=JST)
# Item 2 in section 1 too (label 9), so opinions may move between the two.
BASE = (
    HEADER
    + FIRST
    + SECOND.replace('section = "2"', 'section = "1"').replace('label = "1"', 'label = "9"')
)


def changed(tmp_path: Path, name: str, *actions: tuple[int, object, tuple[int, ...]]) -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(BASE, encoding="utf-8")
    file = ConsultationFile.load(path)
    for no, action, also in actions:
        file.transact(no, action, also=also)  # type: ignore[arg-type]
    return path.read_text(encoding="utf-8")


def test_a_sign_off_and_a_summary_made_in_two_clones_both_stay(tmp_path: Path) -> None:
    ours = changed(tmp_path, "ours", (1, lambda c: sign(c, 1, "yamada", at=T1), ()))
    theirs = changed(
        tmp_path, "theirs", (1, lambda c: add_summary(c, 1, "tanaka", "新しい概要", at=T1), ())
    )
    result = merge_files(BASE, ours, theirs)
    assert result.conflicts == []
    first = load_text(result.text, "merged", fork=False).consultation.items[0]
    assert [s.text for s in first.summaries] == ["駐輪場の整備に関するご意見", "新しい概要"]
    assert [s.by for s in first.signoffs] == ["yamada"]
    assert first.opinions == load_text(BASE, "base", fork=False).consultation.items[0].opinions


def test_an_opinion_moved_on_one_side_is_kept(tmp_path: Path) -> None:
    ours = changed(
        tmp_path, "ours", (1, lambda c: move_opinion(c, 1, "3", 2, login="tanaka"), (2,))
    )
    theirs = changed(tmp_path, "theirs", (2, lambda c: sign(c, 2, "yamada", at=T1), ()))
    result = merge_files(BASE, ours, theirs)
    assert result.conflicts == []
    first, second = load_text(result.text, "merged", fork=False).consultation.items
    assert [o.label for o in first.opinions] == ["1", "2"]
    assert second.opinions[-1] == Opinion("3", "駐輪場の料金を下げてほしい。")
    assert [s.by for s in second.signoffs] == ["yamada"]


def test_opinions_changed_differently_on_both_sides_are_a_conflict(tmp_path: Path) -> None:
    ours = changed(
        tmp_path, "ours", (1, lambda c: move_opinion(c, 1, "3", 2, login="tanaka"), (2,))
    )
    theirs = changed(
        tmp_path, "theirs", (1, lambda c: move_opinion(c, 1, "2", 2, login="tanaka"), (2,))
    )
    result = merge_files(BASE, ours, theirs)
    assert "No.1: opinions changed differently on both sides" in result.conflicts
    assert "<<<<<<<" in result.text


def test_the_record_of_a_move_on_one_side_is_kept_beside_the_other_side_s_note(
    tmp_path: Path,
) -> None:
    """Move records are appended like notes: an item changed on both sides keeps the move
    record of one and the note of the other (the driver dropped the records it did not
    know, and the history lost the move)."""
    from pctui.model import add_note

    move = (1, lambda c: move_opinion(c, 1, "3", 2, login="tanaka", at=T1), (2,))
    ours = changed(tmp_path, "ours", move)
    later = T1 + dt.timedelta(hours=1)
    theirs = changed(
        tmp_path, "theirs", (2, lambda c: add_note(c, 2, "sato", "要確認", at=later), ())
    )
    result = merge_files(BASE, ours, theirs)
    assert result.conflicts == []
    first, second = load_text(result.text, "merged", fork=False).consultation.items
    assert [(m.action, m.source, m.target, m.by) for m in second.moves] == [
        ("move", 1, 2, "tanaka")
    ]
    assert [n.text for n in second.notes] == ["要確認"]
    assert [m.labels for m in first.moves] == [("3",)]
