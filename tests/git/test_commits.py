"""Commits of approved text: messages, trailers, what is staged, and every way git can refuse."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.git.conftest import ME, T1, Office, author, git, make_office

from pctui.git import after_signoff, commit_pending


def approve_all(office: Office, no: int) -> None:
    office.sign(no, "tanaka", T1)
    office.sign(no, "suzuki", T1 + dt.timedelta(hours=1))
    office.sign(no, "sato", T1 + dt.timedelta(hours=2))


def head_message(office: Office) -> str:
    return office.git("log", "-1", "--format=%B")


def test_on_approve_commits_when_the_last_stage_signs(on_approve: Office) -> None:
    on_approve.sign(2, "tanaka", T1)
    assert after_signoff(on_approve.load(), 2).message == ""  # in review: nothing to do
    on_approve.sign(2, "suzuki", T1 + dt.timedelta(hours=1))
    on_approve.sign(2, "sato", T1 + dt.timedelta(hours=2))
    result = after_signoff(on_approve.load(), 2)
    assert result.committed and not result.failed
    assert result.subject == "test-pc: approve No.2 (課長)"
    message = head_message(on_approve)
    assert message.startswith("test-pc: approve No.2 (課長)\n\nNo.2 revision 1, approved:\n\n")
    assert "> 回答2。\n>\n> 市の考え方です。\n" in message
    assert message.rstrip("\n").endswith(
        "Reviewed-by: 田中 一郎 <tanaka@example.jp>\n"
        "Reviewed-by: 鈴木 花子 <suzuki@example.jp>\n"
        "Reviewed-by: 佐藤 次郎 <sato@example.jp>"
    )
    trailers = on_approve.git("log", "-1", "--format=%(trailers:key=Pctui-Signoff,valueonly)")
    assert "No.2 担当 approve tanaka 2025-12-02T10:00:00+09:00" in trailers
    assert on_approve.git("status", "--porcelain") == ""


def test_manual_mode_does_not_commit_on_approve(office: Office) -> None:
    approve_all(office, 1)
    result = after_signoff(office.load(), 1)
    assert (result.committed, result.failed, result.message) == (False, False, "")
    assert office.git("status", "--porcelain").strip() == "M consultations/test-pc.toml"


def test_commit_pending_lists_everything_in_one_commit(office: Office) -> None:
    approve_all(office, 1)
    office.sign(3, "yamada", T1)
    before = int(office.git("rev-list", "--count", "HEAD"))
    result = commit_pending(office.load())
    assert result.committed, result.message
    assert int(office.git("rev-list", "--count", "HEAD")) == before + 1
    message = head_message(office)
    assert message.splitlines()[0] == "test-pc: approve No.1 (課長)"
    assert "- No.1 係長 approve by suzuki (revision 1)\n" in message
    assert "- No.3 担当 approve by yamada (revision 1)\n" in message
    assert "Reviewed-by: yamada" not in message  # No.3 is not approved
    again = commit_pending(office.load())
    assert not again.committed and not again.failed
    assert again.message.startswith("nothing to commit")


def test_a_bare_login_and_the_current_login_in_trailers(office: Office) -> None:
    office.sign(4, "yamada", T1)
    office.sign(4, ME, T1 + dt.timedelta(hours=1))  # the current login signs 係長
    office.sign(4, "sato", T1 + dt.timedelta(hours=2))
    commit_pending(office.load())
    message = head_message(office)
    assert "Reviewed-by: yamada\n" in message  # no name in review.reviewers, not this login
    assert "Reviewed-by: Test Clerk <clerk@example.jp>\n" in message  # from git's identity


def test_other_staged_changes_stay_staged(office: Office) -> None:
    (office.root / "notes.txt").write_text("私のメモ\n")
    office.git("add", "notes.txt")
    (office.root / "draft.txt").write_text("untracked\n")
    approve_all(office, 2)
    assert commit_pending(office.load()).committed
    assert office.git("show", "--name-only", "--format=", "HEAD").split() == [
        "consultations/test-pc.toml"
    ]
    assert office.git("diff", "--cached", "--name-only").split() == ["notes.txt"]
    assert "?? draft.txt" in office.git("status", "--porcelain")


def test_published_outputs_are_committed_with_the_approval(on_approve: Office) -> None:
    output = on_approve.path.parent / "test-pc.md"
    output.write_text("# 公表\n")
    (on_approve.root / ".gitignore").write_text("*.csv\n")
    (on_approve.path.parent / "test-pc.csv").write_text("ignored\n")
    approve_all(on_approve, 1)
    result = after_signoff(on_approve.load(), 1)
    assert result.committed, result.message
    assert sorted(on_approve.git("show", "--name-only", "--format=", "HEAD").split()) == [
        "consultations/test-pc.md",
        "consultations/test-pc.toml",
    ]
    assert "Published outputs:\n- consultations/test-pc.md\n" in head_message(on_approve)


def test_the_first_commit_of_a_new_repository(tmp_path: Path) -> None:
    office = make_office(tmp_path / "o")
    git(office.root, "update-ref", "-d", "HEAD")  # unborn branch again; the file is untracked
    git(office.root, "rm", "-q", "--cached", "-r", "consultations")
    result = commit_pending(office.load())
    assert result.committed, result.message
    assert "new consultation file" in result.subject


def test_not_a_repository(tmp_path: Path) -> None:
    office = make_office(tmp_path / "o", commit_mode="on-approve")
    import shutil

    shutil.rmtree(office.root / ".git")
    approve_all(office, 1)
    result = after_signoff(office.load(), 1)
    assert result.failed and not result.committed
    assert "not in a git repository" in result.message
    assert "the file is saved" in result.message
    assert "approve" in office.path.read_text()  # the sign-offs stayed saved


def test_detached_head_then_picked_up_on_a_branch(on_approve: Office) -> None:
    on_approve.git("checkout", "-q", "--detach")
    approve_all(on_approve, 3)
    result = after_signoff(on_approve.load(), 3)
    assert result.failed and "detached" in result.message
    on_approve.git("checkout", "-q", "main")
    result = commit_pending(on_approve.load())
    assert result.committed and result.subject == "test-pc: approve No.3 (課長)"


def test_held_index_lock(on_approve: Office) -> None:
    lock = on_approve.root / ".git" / "index.lock"
    lock.write_text("")
    approve_all(on_approve, 1)
    result = after_signoff(on_approve.load(), 1)
    assert result.failed and "index.lock" in result.message
    lock.unlink()
    assert commit_pending(on_approve.load()).committed


def test_failing_hook_then_picked_up(on_approve: Office) -> None:
    hook = on_approve.root / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text("#!/bin/sh\necho 'policy: no commits today' >&2\nexit 1\n")
    hook.chmod(0o755)
    approve_all(on_approve, 2)
    result = after_signoff(on_approve.load(), 2)
    assert result.failed and "policy: no commits today" in result.message
    hook.unlink()
    result = commit_pending(on_approve.load())
    assert result.committed and result.subject == "test-pc: approve No.2 (課長)"


def test_merge_in_progress_is_refused(office: Office) -> None:
    (office.root / ".git" / "MERGE_HEAD").write_text(office.git("rev-parse", "HEAD"))
    office.sign(1, "tanaka", T1)
    result = commit_pending(office.load())
    assert result.failed and "merge is in progress" in result.message


def test_signoff_command_commits_on_approve(on_approve: Office) -> None:
    on_approve.sign(1, "tanaka", T1)
    on_approve.sign(1, "suzuki", T1 + dt.timedelta(hours=1))
    done = subprocess.run(
        [sys.executable, "-m", "pctui.cli.entry", "signoff", str(on_approve.path), "--item", "1"],
        capture_output=True, text=True, check=False, env=os.environ,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "is now approved" in done.stdout
    assert "committed " in done.stdout and "test-pc: approve No.1 (課長)" in done.stdout
    assert f"No.1 課長 approve {ME}" in on_approve.git(
        "log", "-1", "--format=%(trailers:key=Pctui-Signoff,valueonly)"
    )


def test_signoff_command_warns_when_it_cannot_commit(on_approve: Office) -> None:
    on_approve.git("checkout", "-q", "--detach")
    on_approve.sign(1, "tanaka", T1)
    on_approve.sign(1, "suzuki", T1 + dt.timedelta(hours=1))
    done = subprocess.run(
        [sys.executable, "-m", "pctui.cli.entry", "signoff", str(on_approve.path), "--item", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0  # the sign-off is saved; the commit comes later
    assert "warning: not committed: HEAD is detached" in done.stderr
    assert "Traceback" not in done.stderr


def test_commit_command(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    approve_all(office, 4)
    author(monkeypatch, "佐藤 次郎", "sato@example.jp")
    command = [sys.executable, "-m", "pctui.cli.entry", "commit", str(office.path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "test-pc: approve No.4 (課長)" in done.stdout
    lock = office.root / ".git" / "index.lock"
    office.sign(3, "tanaka", T1)
    lock.write_text("")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "index.lock" in done.stderr and "Traceback" not in done.stderr


def test_no_git_identity(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(key)
    office.git("config", "user.useConfigOnly", "true")
    office.sign(1, "tanaka", T1)
    result = commit_pending(office.load())
    assert result.failed and "git does not know who you are" in result.message


def test_also_commits_outputs_written_elsewhere(office: Office) -> None:
    public = office.root / "public"
    public.mkdir()
    (public / "test-pc.html").write_text("<p>公表</p>\n")
    (public / "unrelated.txt").write_text("not ours\n")
    office.sign(1, "tanaka", T1)
    assert commit_pending(office.load(), [public / "test-pc.html"]).committed
    assert sorted(office.git("show", "--name-only", "--format=", "HEAD").split()) == [
        "consultations/test-pc.toml",
        "public/test-pc.html",
    ]


def test_a_broken_version_in_head_counts_as_a_new_file(office: Office) -> None:
    good = office.path.read_text()
    office.path.write_text(good + "[[items]]\nno = \n")
    office.git("commit", "-q", "-a", "-m", "broken by hand")
    office.path.write_text(good)
    office.sign(1, "tanaka", T1)
    result = commit_pending(office.load())
    assert result.committed and "new consultation file (4 items)" in result.subject
    assert "No.1 担当 approve tanaka" in office.git(
        "log", "-1", "--format=%(trailers:key=Pctui-Signoff,valueonly)"
    )
