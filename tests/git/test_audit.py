"""The audit: each sign-off traced to the commit that introduced it, and checked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.git.conftest import HOUR, T1, Office, author, make_office

from pctui.git import after_signoff, audit, commit_pending
from pctui.git import versions as versions_module
from pctui.git.audit import BY_SIGNER, CARRIED, HAND_EDITED, UNCOMMITTED
from pctui.model import withdraw
from pctui.model.records import Move, MoveAction
from pctui.session import opinion_actions
from pctui.storage import ConsultationFile, render_consultation
from pctui.storage.migrate import migrate

LOGIN = "tanaka"  # a reviewer of the file: who moves, merges and splits

PEOPLE = {
    "tanaka": ("田中 一郎", "tanaka@example.jp"),
    "suzuki": ("鈴木 花子", "suzuki@example.jp"),
    "sato": ("佐藤 次郎", "sato@example.jp"),
    "yamada": ("Yamada", "yamada@example.jp"),  # a bare login: matched by the email's name
}


def run_audit(office: Office, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pctui.cli.entry", "audit", str(office.path), *flags],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def verdicts(office: Office) -> dict[tuple[int, str], str]:
    file = ConsultationFile.load(office.path)
    report = audit(file)
    return {(t.no, t.signoff.by): t.verdict for t in report.traces}


def signed_and_committed(
    office: Office, monkeypatch: pytest.MonkeyPatch, no: int, login: str, at: dt.datetime
) -> None:
    """`login` signs and commits it as themselves."""
    author(monkeypatch, *PEOPLE[login])
    office.sign(no, login, at)
    assert commit_pending(office.load()).committed


def test_every_signer_committing_their_own_is_clean(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    signed_and_committed(office, monkeypatch, 1, "tanaka", T1)
    signed_and_committed(office, monkeypatch, 1, "suzuki", T1 + HOUR)
    signed_and_committed(office, monkeypatch, 2, "yamada", T1 + HOUR)
    signed_and_committed(office, monkeypatch, 1, "sato", T1 + 2 * HOUR)
    assert set(verdicts(office).values()) == {BY_SIGNER}
    done = run_audit(office)
    assert done.returncode == 0, done.stderr
    assert "4 sign-offs in 5 commits of history: 4 by-signer" in done.stdout
    assert "No.1 課長 approve by sato (revision 1): " in done.stdout
    assert "佐藤 次郎 <sato@example.jp> [by-signer]" in done.stdout


def test_earlier_stages_carried_by_the_approval_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = make_office(tmp_path / "o", commit_mode="on-approve")
    office.sign(3, "tanaka", T1)
    office.sign(3, "suzuki", T1 + HOUR)
    author(monkeypatch, *PEOPLE["sato"])
    office.sign(3, "sato", T1 + 2 * HOUR)
    assert after_signoff(office.load(), 3).committed
    assert verdicts(office) == {
        (3, "tanaka"): CARRIED,
        (3, "suzuki"): CARRIED,
        (3, "sato"): BY_SIGNER,
    }
    assert run_audit(office).returncode == 0
    strict = run_audit(office, "--strict")
    assert strict.returncode == 1
    assert "No.3 担当 approve by tanaka: committed in" in strict.stderr
    assert "by 佐藤 次郎 <sato@example.jp>, not by the signer" in strict.stderr


def test_an_approval_commit_by_no_reviewer_carries_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sato approves with GIT_AUTHOR_NAME/EMAIL (and the committer's) set to a made-up
    person: the commit pctui makes names them, with pctui's trailers. A trailer is text
    anyone can write: a commit by none of the reviewers carries nothing, and every sign-off
    it brought in is a finding, without --strict."""
    office = make_office(tmp_path / "o", commit_mode="on-approve")
    office.sign(3, "tanaka", T1)
    office.sign(3, "suzuki", T1 + HOUR)
    author(monkeypatch, "fake-boss", "boss@example.invalid")
    office.sign(3, "sato", T1 + 2 * HOUR)
    assert after_signoff(office.load(), 3).committed
    assert set(verdicts(office).values()) == {HAND_EDITED}
    done = run_audit(office)
    assert done.returncode == 1
    assert "fake-boss <boss@example.invalid>" in done.stderr


def test_an_item_merged_away_is_not_a_finding(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """merge-items removes the merged item with its revisions and sign-offs (git keeps
    them, docs/format.md): the audit says so once, and does not call them removed by hand
    (it did, and an office that merged an item could never pass the audit again). An item
    deleted without its opinions going anywhere still is a finding."""
    migrate(office.path)
    office.git("commit", "-q", "-a", "-m", "format 2")
    signed_and_committed(office, monkeypatch, 2, "tanaka", T1)
    merged = opinion_actions.merge(office.load(), 2, 1, LOGIN)
    assert merged.changed, merged.message
    assert commit_pending(office.load()).committed
    report = audit(office.load())
    assert report.gone == [] and report.clean()
    assert report.merged == ["No.2"]
    done = run_audit(office)
    assert done.returncode == 0, done.stderr
    assert "No.2 was merged into another item" in done.stdout
    text = office.path.read_text(encoding="utf-8")
    start = text.index("[[items]]\nno = 3")
    end = text.index("[[items]]\nno = 4")
    office.path.write_text(text[:start] + text[end:], encoding="utf-8")  # No.3 deleted
    office.git("commit", "-q", "-a", "-m", "tidy up")
    done = run_audit(office)
    assert done.returncode == 1
    assert "No.3 revision by drafter" in done.stderr and "rewritten or removed" in done.stderr


def test_a_number_used_again_after_a_merge_leaves_the_old_item_merged(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last item merged away, a split then numbers its new item as the next free No.,
    the merged one's: the old item's revisions and sign-offs are still merged, not gone."""
    migrate(office.path)
    office.git("commit", "-q", "-a", "-m", "format 2")
    signed_and_committed(office, monkeypatch, 4, "tanaka", T1)
    assert opinion_actions.merge(office.load(), 4, 3, LOGIN).changed
    assert commit_pending(office.load()).committed
    outcome, new = opinion_actions.split(office.load(), 3, ["3"], LOGIN)
    assert new == 4, outcome.message  # No.4 again, another item
    assert commit_pending(office.load()).committed
    report = audit(office.load())
    assert report.gone == [] and report.merged == ["No.4"]
    assert run_audit(office).returncode == 0


def test_an_opinion_split_back_under_its_old_no_leaves_the_old_item_merged(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merged away, then its opinion split off again: the new item has the old one's No.
    and opinion, not its revision and sign-off, which the merge removed (git keeps them)."""
    migrate(office.path)
    office.git("commit", "-q", "-a", "-m", "format 2")
    signed_and_committed(office, monkeypatch, 4, "tanaka", T1)
    assert opinion_actions.merge(office.load(), 4, 3, LOGIN).changed
    assert commit_pending(office.load()).committed
    outcome, new = opinion_actions.split(office.load(), 3, ["4"], LOGIN)
    assert new == 4, outcome.message
    assert commit_pending(office.load()).committed
    report = audit(office.load())
    assert report.gone == [] and report.merged == ["No.4"]


def test_a_signoff_deleted_from_an_item_an_opinion_left_is_not_taken_for_a_merge(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No.1 (opinions 1 and 2) signed and committed; then opinion 2 moved to No.3 and
    No.1's sign-off deleted by hand, in one commit. No.1 is still there with opinion 1:
    the sign-off is gone, a finding. (No.1 no longer held all of its opinions, every one
    still in the file: the audit said 'No.1 was merged into another item' and passed.)"""
    migrate(office.path)
    office.git("commit", "-q", "-a", "-m", "format 2")
    assert opinion_actions.merge(office.load(), 2, 1, LOGIN).changed
    office.git("commit", "-q", "-a", "-m", "merge")
    signed_and_committed(office, monkeypatch, 1, "tanaka", T1)
    moved = opinion_actions.move(office.load(), 1, "2", 3, LOGIN)
    assert moved.changed, moved.message
    consultation = ConsultationFile.load(office.path).consultation
    item = consultation.item(1)
    assert item is not None and item.signoffs
    item.signoffs.clear()
    office.path.write_text(render_consultation(consultation), encoding="utf-8")
    author(monkeypatch, "Mallory", "mallory@example.jp")
    office.git("commit", "-q", "-a", "-m", "move No.1's second opinion")
    report = audit(office.load())
    assert report.merged == ["No.2"]  # merged away at the start, not No.1
    assert len(report.gone) == 1 and "No.1" in report.gone[0] and "tanaka" in report.gone[0]
    done = run_audit(office)
    assert done.returncode == 1
    assert "No.1 was merged" not in done.stdout


def test_a_signoff_typed_in_by_someone_else_is_reported(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    signed_and_committed(office, monkeypatch, 2, "tanaka", T1)
    office.sign(2, "suzuki", T1 + HOUR)  # written into the file, then committed by hand
    author(monkeypatch, "Mallory", "mallory@example.jp")
    office.git("commit", "-q", "-a", "-m", "tidy up")
    assert verdicts(office)[(2, "suzuki")] == HAND_EDITED
    done = run_audit(office)
    assert done.returncode == 1
    line = next(x for x in done.stderr.splitlines() if "suzuki" in x)
    assert line.startswith(f"{office.path}:")  # path:line:col
    assert "edited in by hand?" in line and "Mallory <mallory@example.jp>" in line


def test_a_digest_that_no_longer_matches_is_reported(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    signed_and_committed(office, monkeypatch, 4, "tanaka", T1)
    text = office.path.read_text().replace("回答4。", "回答4（こっそり修正）。")
    office.path.write_text(text)
    author(monkeypatch, "Mallory", "mallory@example.jp")
    office.git("commit", "-q", "-a", "-m", "typo")
    done = run_audit(office)
    assert done.returncode == 1
    assert "digest does not match the text of revision 1" in done.stderr
    assert "No.4 revision by drafter" in done.stderr and "rewritten or removed" in done.stderr


def test_uncommitted_and_removed_signoffs(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    signed_and_committed(office, monkeypatch, 1, "tanaka", T1)
    office.sign(2, "yamada", T1)
    assert verdicts(office)[(2, "yamada")] == UNCOMMITTED
    done = run_audit(office)
    assert done.returncode == 1 and "not committed yet" in done.stderr
    text = office.path.read_text()
    start = text.index("[[items.signoffs]]")
    end = text.index("[[items]]", start)
    office.path.write_text(text[:start] + text[end:])  # tanaka's sign-off cut out by hand
    office.git("commit", "-q", "-a", "-m", "remove")
    done = run_audit(office)
    assert "No.1 担当 approve by tanaka at 2025-12-02T10:00:00+09:00" in done.stderr
    assert "is no longer in the file" in done.stderr


def test_history_is_followed_across_a_rename(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    signed_and_committed(office, monkeypatch, 1, "tanaka", T1)
    office.git("mv", "consultations/test-pc.toml", "consultations/renamed.toml")
    office.git("commit", "-q", "-m", "rename")
    office.path = office.root / "consultations" / "renamed.toml"
    signed_and_committed(office, monkeypatch, 1, "suzuki", T1 + HOUR)
    assert verdicts(office) == {(1, "tanaka"): BY_SIGNER, (1, "suzuki"): BY_SIGNER}


def test_signoffs_merged_from_a_branch_are_traced_to_the_branch(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.git("config", "merge.pctui.driver",
               f"{sys.executable} -m pctui.cli.entry merge-driver %O %A %B %P")  # fmt: skip
    (office.root / ".gitattributes").write_text("*.toml merge=pctui\n")
    office.git("add", ".gitattributes")
    office.git("commit", "-q", "-m", "driver")
    office.git("checkout", "-q", "-b", "other")
    signed_and_committed(office, monkeypatch, 2, "yamada", T1)
    office.git("checkout", "-q", "main")
    signed_and_committed(office, monkeypatch, 1, "tanaka", T1)
    author(monkeypatch, "Merger", "merger@example.jp")
    office.git("merge", "-q", "--no-edit", "other")
    assert verdicts(office) == {(1, "tanaka"): BY_SIGNER, (2, "yamada"): BY_SIGNER}


def test_json_and_not_a_repository(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    signed_and_committed(office, monkeypatch, 1, "tanaka", T1)
    payload = json.loads(run_audit(office, "--json").stdout)
    assert payload["clean"] is True
    (entry,) = payload["signoffs"]
    assert (entry["no"], entry["by"], entry["trace"]) == (1, "tanaka", BY_SIGNER)
    assert entry["email"] == "tanaka@example.jp"
    lone = office.root.parent / "lone.toml"
    lone.write_bytes(office.path.read_bytes())
    done = subprocess.run([sys.executable, "-m", "pctui.cli.entry", "audit", str(lone)],
                          capture_output=True, text=True, check=False,
                          cwd=office.root.parent)  # fmt: skip
    assert done.returncode in (1, 2)  # tmp_path may itself sit in a repository
    assert "Traceback" not in done.stderr


def test_each_distinct_item_block_is_parsed_once(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins = ["tanaka", "suzuki", "sato"]
    for round_ in range(3):
        for no in range(1, 5):
            if round_ < len(logins):
                signed_and_committed(office, monkeypatch, no, logins[round_], T1 + round_ * HOUR)
    calls = []
    real = versions_module.tomllib.loads

    def counting(text: str) -> dict[str, object]:
        calls.append(text)
        return real(text)

    file = ConsultationFile.load(office.path)
    monkeypatch.setattr(versions_module.tomllib, "loads", counting)
    report = audit(file)
    assert report.commits == 13 and len(report.traces) == 12
    # Each block of history parsed once; the current file's own blocks not at all.
    assert len(calls) == len(set(calls)) == 12


def test_withdrawals_are_traced_too(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    signed_and_committed(office, monkeypatch, 1, "tanaka", T1)
    signed_and_committed(office, monkeypatch, 2, "yamada", T1)
    office.load().transact(1, lambda c: withdraw(c, 1, "tanaka", at=T1 + HOUR))
    file = ConsultationFile.load(office.path)
    assert {t.no: t.withdrawal for t in audit(file).traces} == {1: UNCOMMITTED, 2: None}
    author(monkeypatch, *PEOPLE["tanaka"])
    assert commit_pending(office.load()).committed
    assert "Pctui-Withdrawn: No.1 担当 approve tanaka" in office.git("log", "-1", "--format=%B")
    assert run_audit(office).returncode == 0
    text = office.path.read_text()  # yamada's sign-off "withdrawn" by someone else, by hand
    at = "at = 2025-12-02T10:00:00+09:00\n"
    start = text.index('by = "yamada"')
    cut = text.index(at, start) + len(at)
    office.path.write_text(text[:cut] + "withdrawn = 2025-12-03T09:00:00+09:00\n" + text[cut:])
    author(monkeypatch, "Mallory", "mallory@example.jp")
    office.git("commit", "-q", "-a", "-m", "cleanup")
    done = run_audit(office)
    assert done.returncode == 1
    assert "No.2 担当 approve by yamada: its withdrawal: edited in by hand?" in done.stderr
    assert "withdrawn: " in done.stdout and "[by-signer]" in done.stdout


def _merged_and_split_back_in_one_commit(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    """No.4 signed and committed, then merged into No.3 and split back off as a new No.4,
    both in one commit: no version in between lacks No.4."""
    migrate(office.path)
    office.git("commit", "-q", "-a", "-m", "format 2")
    signed_and_committed(office, monkeypatch, 4, "tanaka", T1)
    assert opinion_actions.merge(office.load(), 4, 3, LOGIN).changed
    outcome, new = opinion_actions.split(office.load(), 3, ["4"], LOGIN)
    assert new == 4, outcome.message


def test_a_merge_and_a_split_back_in_one_commit_are_not_a_finding(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old No.4's revision and sign-off left the file with the merge (git keeps them);
    the records of the merge and the split say so. Without them the audit took the new
    No.4, holding the same opinion, for the old one with its sign-off deleted by hand."""
    _merged_and_split_back_in_one_commit(office, monkeypatch)
    assert commit_pending(office.load()).committed
    report = audit(office.load())
    assert report.gone == [] and report.merged == ["No.4"]
    done = run_audit(office)
    assert done.returncode == 0, done.stderr
    assert "No.4 was merged into another item" in done.stdout


def test_an_old_revision_kept_in_the_item_split_back_is_still_a_finding(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The records do not excuse the new No.4 holding a revision older than its split: the
    old one's, its author rewritten by hand in the same commit."""
    _merged_and_split_back_in_one_commit(office, monkeypatch)
    consultation = office.load().consultation
    new, third = consultation.item(4), consultation.item(3)
    assert new is not None and new.revisions == [] and third is not None
    # The old No.4's revision (drafter, T0, 回答4), its author rewritten.
    answer = "回答4。\n\n市の考え方です。"
    new.revisions.append(dataclasses.replace(third.revisions[0], author="someone", text=answer))
    office.path.write_text(render_consultation(consultation), encoding="utf-8")
    office.git("commit", "-q", "-a", "-m", "merged and split back")
    report = audit(office.load())
    assert report.merged == [] and len(report.gone) == 2, report.gone
    assert run_audit(office).returncode == 1


def _chained_in_one_commit(office: Office, monkeypatch: pytest.MonkeyPatch, then: str) -> None:
    """No.4 signed and committed; then, uncommitted, No.4 merged into No.3, split back off as
    a new No.4, and No.3 merged into No.`then` ("2", or "4": the new No.4): the record of
    the first merge, kept in No.3, leaves the file with No.3."""
    _merged_and_split_back_in_one_commit(office, monkeypatch)
    second = opinion_actions.merge(office.load(), 3, int(then), LOGIN)
    assert second.changed, second.message


@pytest.mark.parametrize("then", ["2", "4"])
def test_a_merge_a_split_back_and_a_second_merge_in_one_commit_are_not_a_finding(
    office: Office, monkeypatch: pytest.MonkeyPatch, then: str
) -> None:
    """The record of No.4 merged into No.3 went with No.3; the split of the new No.4 off
    No.3 and the merge of No.3 that followed still say where the old No.4 went. The audit
    called its revision and sign-off removed by hand."""
    _chained_in_one_commit(office, monkeypatch, then)
    assert commit_pending(office.load()).committed
    report = audit(office.load())
    assert report.gone == [] and report.merged == ["No.3", "No.4"]
    done = run_audit(office)
    assert done.returncode == 0, done.stderr
    assert "No.4 was merged into another item" in done.stdout


def test_a_sign_off_deleted_by_hand_in_the_chain_is_still_a_finding(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same chain, and No.2's committed sign-off deleted by hand in the same commit:
    No.2 is still there with its opinion, so the sign-off is gone, a finding; the merged
    No.3 and No.4 are not."""
    signed_and_committed(office, monkeypatch, 2, "yamada", T1)
    _chained_in_one_commit(office, monkeypatch, "2")
    consultation = office.load().consultation
    second = consultation.item(2)
    assert second is not None and second.signoffs
    second.signoffs.clear()
    office.path.write_text(render_consultation(consultation), encoding="utf-8")
    author(monkeypatch, "Mallory", "mallory@example.jp")
    office.git("commit", "-q", "-a", "-m", "merged and split back")
    report = audit(office.load())
    assert report.merged == ["No.3", "No.4"]
    assert len(report.gone) == 1 and "No.2" in report.gone[0] and "yamada" in report.gone[0]
    assert run_audit(office).returncode == 1


def test_the_chain_does_not_excuse_a_merge_record_deleted_from_an_item_still_there(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merged and split back in one commit, the record of the merge then deleted by hand
    from No.3, which is still in the file: nothing says the old No.4 was merged, so its
    revision and sign-off are gone, findings."""
    _merged_and_split_back_in_one_commit(office, monkeypatch)
    consultation = office.load().consultation
    third = consultation.item(3)
    assert third is not None
    third.moves = [m for m in third.moves if m.action != MoveAction.MERGE]
    office.path.write_text(render_consultation(consultation), encoding="utf-8")
    office.git("commit", "-q", "-a", "-m", "merged and split back")
    report = audit(office.load())
    assert report.merged == [] and len(report.gone) == 2, report.gone
    assert run_audit(office).returncode == 1


def test_an_old_revision_kept_in_the_item_split_back_in_the_chain_is_still_a_finding(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chain's records do not excuse the new No.4 holding the old one's revision, its
    author rewritten by hand in the same commit."""
    signed_and_committed(office, monkeypatch, 3, "tanaka", T1)
    _chained_in_one_commit(office, monkeypatch, "2")
    consultation = office.load().consultation
    new, second = consultation.item(4), consultation.item(2)
    assert new is not None and new.revisions == [] and second is not None
    answer = "回答4。\n\n市の考え方です。"
    new.revisions.append(dataclasses.replace(second.revisions[0], author="someone", text=answer))
    office.path.write_text(render_consultation(consultation), encoding="utf-8")
    office.git("commit", "-q", "-a", "-m", "merged and split back")
    report = audit(office.load())
    assert "No.4" not in report.merged and report.gone, report.gone
    assert run_audit(office).returncode == 1


def test_a_merge_record_typed_in_does_not_excuse_a_sign_off_deleted_by_hand(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No.4's sign-off deleted by hand, and a record of No.4 merged into No.3 typed in: No.4
    is still there, born by no split, so its sign-off is gone, a finding."""
    migrate(office.path)
    office.git("commit", "-q", "-a", "-m", "format 2")
    signed_and_committed(office, monkeypatch, 4, "tanaka", T1)
    consultation = office.load().consultation
    fourth, third = consultation.item(4), consultation.item(3)
    assert fourth is not None and third is not None
    fourth.signoffs.clear()
    third.moves.append(
        Move(MoveAction.MERGE, 4, 3, ("4",), "mallory", T1 + HOUR, "sha256:" + "0" * 64,
             "sha256:" + "1" * 64)
    )  # fmt: skip
    office.path.write_text(render_consultation(consultation), encoding="utf-8")
    author(monkeypatch, "Mallory", "mallory@example.jp")
    office.git("commit", "-q", "-a", "-m", "tidy up")
    report = audit(office.load())
    assert report.merged == [] and len(report.gone) == 1 and "No.4" in report.gone[0]


# Chains of recorded actions in one commit after No.4 was signed and committed: each a list
# of ("merge", from, into), ("move", from, label, to) and ("split", item, label) steps (a
# split's new item is No.4, the next free No., each time).
LONGER_CHAINS = {
    "merge, split back, merge, merge": [
        ("merge", 4, 3), ("split", 3, "4"), ("merge", 3, 2), ("merge", 2, 1)
    ],
    "merge, split back, merge, split back, merge": [
        ("merge", 4, 3), ("split", 3, "4"), ("merge", 4, 3), ("split", 3, "4"),
        ("merge", 3, 2),
    ],
    "merge, move, split back, merge, merge": [
        ("merge", 4, 3), ("move", 3, "4", 2), ("split", 2, "4"), ("merge", 2, 1), ("merge", 3, 1)
    ],
    "merge, split back, merge, merge, merge into the new item": [
        ("merge", 4, 3), ("split", 3, "4"), ("merge", 3, 2), ("merge", 2, 1), ("merge", 1, 4)
    ],
}  # fmt: skip


def _chain(office: Office, monkeypatch: pytest.MonkeyPatch, steps: list[tuple]) -> None:
    """No.4 signed and committed; then, uncommitted, each step of `steps`."""
    migrate(office.path)
    office.git("commit", "-q", "-a", "-m", "format 2")
    signed_and_committed(office, monkeypatch, 4, "tanaka", T1)
    for action, no, other, *to in steps:
        if action == "merge":
            done = opinion_actions.merge(office.load(), no, other, LOGIN)
            assert done.changed, done.message
        elif action == "move":
            done = opinion_actions.move(office.load(), no, other, to[0], LOGIN)
            assert done.changed, done.message
        else:
            outcome, new = opinion_actions.split(office.load(), no, [other], LOGIN)
            assert new == 4, outcome.message


@pytest.mark.parametrize("chain", LONGER_CHAINS)
def test_any_chain_of_recorded_merges_and_splits_in_one_commit_is_not_a_finding(
    office: Office, monkeypatch: pytest.MonkeyPatch, chain: str
) -> None:
    """Each merge's record is kept in the item merged into, and leaves the file when that
    item is merged away in turn: what stays still traces every opinion of the old No.4,
    through the records of the items still there, to items merged away. The audit called
    the old No.4's revision and sign-off removed by hand past one such step."""
    _chain(office, monkeypatch, LONGER_CHAINS[chain])
    author(monkeypatch, *PEOPLE["tanaka"])
    assert commit_pending(office.load()).committed
    report = audit(office.load())
    assert report.gone == [] and "No.4" in report.merged, (report.gone, report.merged)
    done = run_audit(office)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("chain", LONGER_CHAINS)
def test_a_sign_off_deleted_or_an_opinion_changed_by_hand_in_a_longer_chain_is_a_finding(
    office: Office, monkeypatch: pytest.MonkeyPatch, chain: str
) -> None:
    """The chain excuses only what its records account for: No.1's committed sign-off
    deleted by hand is gone (where No.1 is still there), and the old No.4's opinion changed
    by hand (no record says so) leaves the old No.4's revision and sign-off gone too."""
    signed_and_committed(office, monkeypatch, 1, "yamada", T1)
    _chain(office, monkeypatch, LONGER_CHAINS[chain])
    consultation = office.load().consultation
    first, new = consultation.item(1), consultation.item(4)
    assert new is not None
    if first is not None:
        first.signoffs.clear()
    new.opinions = [
        dataclasses.replace(o, text=o.text + "（改変）") if o.label == "4" else o
        for o in new.opinions
    ]
    office.path.write_text(render_consultation(consultation), encoding="utf-8")
    author(monkeypatch, "Mallory", "mallory@example.jp")
    office.git("commit", "-q", "-a", "-m", "tidy up")
    report = audit(office.load())
    if first is not None:
        assert any("No.1" in g and "yamada" in g for g in report.gone), report.gone
    assert any(g.startswith("No.4 ") for g in report.gone), report.gone
    assert "No.4" not in report.merged
    assert run_audit(office).returncode == 1
