"""An item's history with the commit of each entry: every kind of entry in time order, a
revision's changes from the one before, who committed what, and what is not committed."""

from __future__ import annotations

import datetime as dt

import pytest

from pctui.git.item_history import item_history
from pctui.model import add_note, assign, revise, sign, withdraw
from pctui.model.diff import DELETE, INSERT
from pctui.model.history import EventKind
from pctui.session.item_history_text import body, source, what
from pctui.storage import ConsultationFile

from .conftest import JST, Office, author

LOGIN = "tanaka"  # a reviewer of the file: who moves, merges and splits

T1 = dt.datetime(2025, 12, 2, 9, 0, tzinfo=JST)


def at(hours: int) -> dt.datetime:
    return T1 + dt.timedelta(hours=hours)


def test_every_entry_in_order_with_its_commit(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = office.load()
    file.transact(1, lambda c: assign(c, [1], "yamada", "sato", at=at(1)))
    file.transact(1, lambda c: revise(c, 1, "yamada", "回答1。\n\n市の方針です。", at=at(2)))
    author(monkeypatch, "山田 花子", "yamada@example.jp")
    office.git("commit", "-qam", "No.1 drafted")
    file.transact(1, lambda c: sign(c, 1, "tanaka", at=at(3)))
    file.transact(1, lambda c: withdraw(c, 1, "tanaka", at=at(4)))
    file.transact(1, lambda c: add_note(c, 1, "suzuki", "法令担当に確認中", at=at(5)))
    history = item_history(office.load(), 1)
    assert history.git_problem == ""
    kinds = [entry.event.kind for entry in history.entries]
    assert kinds == [
        EventKind.REVISION,  # the first draft, T0 (2025-12-01)
        EventKind.ASSIGNMENT,
        EventKind.REVISION,
        EventKind.SIGNOFF,
        EventKind.WITHDRAWAL,
        EventKind.NOTE,
    ]
    first, assigned, second, signed, withdrawn, note = history.entries
    assert first.commit is not None and first.commit.author == "Test Clerk"
    assert assigned.commit is not None and assigned.commit.author == "山田 花子"
    assert second.commit == assigned.commit
    assert [entry.commit for entry in (signed, withdrawn, note)] == [None, None, None]
    assert source(signed) == "not committed"
    assert source(second).endswith("by 山田 花子")
    assert what(assigned) == "sato assigned it to yamada"
    assert what(withdrawn) == "tanaka withdrew the 担当 sign-off on revision 2"
    assert second.event.diff is not None
    assert (DELETE, "考え") in second.event.diff and (INSERT, "針") in second.event.diff
    assert body(second) == "回答1。\n\n市の[-考え-]方{+針+}です。"
    assert body(note) == "法令担当に確認中"


def test_outside_a_repository_the_files_own_history_is_whole(office: Office) -> None:
    outside = office.root.parent / "loose.toml"
    outside.write_bytes(office.path.read_bytes())
    file = ConsultationFile.load(outside)
    file.transact(2, lambda c: add_note(c, 2, "sato", "要確認", at=at(1)))
    history = item_history(ConsultationFile.load(outside), 2)
    assert [entry.event.kind for entry in history.entries] == [EventKind.REVISION, EventKind.NOTE]
    assert all(entry.commit is None for entry in history.entries)
    assert history.git_problem


def test_moves_merges_and_splits_are_listed_with_the_sign_offs_they_left_stale(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why did my approval go stale? No.1 signed by tanaka and suzuki and committed; then
    No.2 merged into it: the history of No.1 lists the merge, with its commit, after the
    sign-offs, naming both as left stale; split back off, they stand again (format 2)."""
    import json

    from pctui.session import opinion_actions
    from pctui.storage.migrate import migrate

    from .conftest import pctui

    migrate(office.path)
    office.git("commit", "-qam", "format 2")
    office.sign(1, "tanaka", at(1))
    office.sign(1, "suzuki", at(2))
    office.git("commit", "-qam", "No.1 signed")
    assert opinion_actions.merge(office.load(), 2, 1, LOGIN).changed
    author(monkeypatch, "山田 花子", "yamada@example.jp")
    office.git("commit", "-qam", "No.2 merged into No.1")
    history = item_history(office.load(), 1)
    kinds = [entry.event.kind for entry in history.entries]
    assert kinds == [EventKind.REVISION, EventKind.SIGNOFF, EventKind.SIGNOFF, EventKind.MERGE]
    merged = history.entries[-1]
    assert merged.commit is not None and merged.commit.author == "山田 花子"
    assert what(merged) == f"{LOGIN} merged No.2 into it (opinions 2)"
    assert body(merged) == (
        "left stale: 担当 approve of revision 1 by tanaka; 係長 approve of revision 1 by suzuki"
    )
    outcome, new = opinion_actions.split(office.load(), 1, ["2"], LOGIN)
    assert new == 5, outcome.message  # one after the highest No.
    done = pctui("history", str(office.path), "--item", "1", "--json", "--lang", "en",
                 cwd=office.root)  # fmt: skip
    assert done.returncode == 0, done.stderr
    entries = json.loads(done.stdout)["entries"]
    assert [(e["kind"], e["stale"], e["again"]) for e in entries[-2:]] == [
        ("merge", [1, 2], []), ("split", [], [1, 2])
    ]  # fmt: skip
    assert entries[-1]["commit"] is None and entries[-2]["commit"] is not None
    done = pctui("history", str(office.path), "--item", "5", "--lang", "en", cwd=office.root)
    assert done.returncode == 0, done.stderr
    assert f"{LOGIN} split it off No.1 with opinions 2  (not committed)" in done.stdout
