"""The commits pctui makes name the OS login running it, as review.reviewers gives that
login's name and email, whatever GIT_AUTHOR_* or git's configuration say: a reviewer could
otherwise make pctui's approval commit name another person (the project's rule: who acts
comes from the operating system's login, never from a variable anyone can set)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.git.conftest import HOUR, ME, T1, Office, author, git, make_consultation

from pctui.git import audit
from pctui.git.audit import BY_SIGNER, CARRIED
from pctui.model import Reviewer
from pctui.storage import ConsultationFile, render_consultation

MINE = ("試験 太郎", "me@example.jp")  # the file's name and email for the login running the test


def _office(root: Path, commit_mode: str, mine: tuple[str, str] | None = MINE) -> Office:
    consultation = make_consultation(2, commit_mode)
    if mine is not None:
        consultation.review.reviewers[ME] = Reviewer(ME, ("係長", "課長"), *mine)
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    path = root / "test-pc.toml"
    path.write_text(render_consultation(consultation), encoding="utf-8")
    git(root, "add", "test-pc.toml")
    git(root, "commit", "-q", "-m", "test-pc: new consultation")
    return Office(root, path)


def _pctui(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pctui.cli.entry", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _head(office: Office) -> str:
    return office.git("log", "-1", "--format=%an <%ae> | %cn <%ce>").strip()


def test_the_approval_commit_names_the_login_not_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = _office(tmp_path / "o", "on-approve")
    office.sign(1, "tanaka", T1)  # the approval commit carries the earlier stages
    office.sign(1, "suzuki", T1 + HOUR)
    author(monkeypatch, "佐藤 次郎", "sato@example.jp")  # another reviewer, posed as
    done = _pctui("signoff", "--item", "1", str(office.path))
    assert done.returncode == 0, done.stderr
    assert "committed" in done.stdout
    assert _head(office) == "試験 太郎 <me@example.jp> | 試験 太郎 <me@example.jp>"
    traces = audit(ConsultationFile.load(office.path)).traces
    assert {(t.signoff.by, t.verdict) for t in traces if t.no == 1} == {
        ("tanaka", CARRIED), ("suzuki", CARRIED), (ME, BY_SIGNER)
    }  # fmt: skip
    audited = _pctui("audit", str(office.path))
    assert audited.returncode == 0, audited.stderr


def test_pctui_commit_names_the_login_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    office = _office(tmp_path / "o", "manual")
    office.sign(2, "tanaka", T1)
    author(monkeypatch, "made-up person", "nobody@example.invalid")
    done = _pctui("commit", str(office.path))
    assert done.returncode == 0, done.stderr
    assert _head(office) == "試験 太郎 <me@example.jp> | 試験 太郎 <me@example.jp>"


def test_without_a_name_and_email_in_the_file_git_s_identity_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file does not say who the login is: git's identity, as for any commit (the
    audit then matches the login with that author's name or email, see docs/git.md)."""
    office = _office(tmp_path / "o", "manual", mine=None)
    office.sign(2, "tanaka", T1)
    author(monkeypatch, "Git Person", "git@example.jp")
    done = _pctui("commit", str(office.path))
    assert done.returncode == 0, done.stderr
    assert _head(office) == "Git Person <git@example.jp> | Git Person <git@example.jp>"


@pytest.mark.parametrize("name", [" ", ".", ". ,"])
def test_a_name_git_reduces_to_nothing_is_not_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The login's name in the file is nothing to git: the sign-off is saved, no commit is
    attempted (nothing staged, HEAD as it was), and the refusal says what to fix. It was
    tried, and git's 'empty ident name' came back after every sign-off."""
    office = _office(tmp_path / "o", "manual", mine=(name, "me@example.jp"))
    office.sign(2, "tanaka", T1)
    head = office.git("rev-parse", "HEAD")
    done = _pctui("signoff", "--item", "2", str(office.path))
    assert done.returncode == 0, done.stderr
    item = office.load().consultation.item(2)
    assert item is not None and [s.by for s in item.signoffs] == ["tanaka", ME]
    committed = _pctui("commit", str(office.path))
    assert committed.returncode == 1
    assert "not committed" in committed.stderr and "nothing to git" in committed.stderr
    assert f"give {ME} a name with a letter or digit in it" in committed.stderr
    assert "empty ident" not in committed.stderr and "disallowed" not in committed.stderr
    assert office.git("rev-parse", "HEAD") == head
    assert office.git("diff", "--cached", "--name-only") == ""
