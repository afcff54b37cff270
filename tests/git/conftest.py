"""Fixtures for the git tests: a repository in tmp_path with a small consultation file.

Git never reads the machine's own configuration here: the global and system files are
replaced, and every identity comes from environment variables the tests set.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pctui.model import (
    Consultation,
    Intake,
    Item,
    Meta,
    Review,
    Reviewer,
    Revision,
    Section,
    current_login,
    sign,
)
from pctui.storage import ConsultationFile, render_consultation

JST = dt.timezone(dt.timedelta(hours=9))
T0 = dt.datetime(2025, 12, 1, 9, 0, tzinfo=JST)
T1 = dt.datetime(2025, 12, 2, 10, 0, tzinfo=JST)  # a day after T0: when the tests sign
HOUR = dt.timedelta(hours=1)
STAGES = ["担当", "係長", "課長"]
ME = current_login()


def make_consultation(items: int = 4, commit_mode: str = "manual") -> Consultation:
    """Items 1..n, each with one revision by `drafter`; reviewers for every stage.

    tanaka, suzuki and sato are named in review.reviewers (tables with name and email);
    yamada is a bare login; the current login may sign 課長 too (so the real `pctui
    signoff` can be run by the test process).
    """
    reviewers = {
        "tanaka": Reviewer("tanaka", ("担当",), "田中 一郎", "tanaka@example.jp"),
        "yamada": Reviewer("yamada", ("担当",)),
        "suzuki": Reviewer("suzuki", ("係長",), "鈴木 花子", "suzuki@example.jp"),
        "sato": Reviewer("sato", ("課長",), "佐藤 次郎", "sato@example.jp"),
    }
    reviewers.setdefault(ME, Reviewer(ME, ("係長", "課長")))
    return Consultation(
        meta=Meta(id="test-pc", title="テスト計画（案）"),
        intake=Intake(),
        review=Review(stages=list(STAGES), reviewers=reviewers),
        sections=[Section("1", "第1章")],
        items=[
            Item(
                no,
                "1",
                f"ご意見{no}です。\n\n二段落目。",
                revisions=[Revision("drafter", T0, f"回答{no}。\n\n市の考え方です。")],
            )
            for no in range(1, items + 1)
        ],
        commit_mode=commit_mode,
    )


def pctui(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run pctui's CLI module with the interpreter running the tests, in `cwd` (text)."""
    command = [sys.executable, "-m", "pctui.cli.entry", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def git(cwd: Path, *args: str, check: bool = True) -> str:
    """Run git in `cwd`; returns stdout (raises on failure when `check`)."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def author(monkeypatch: pytest.MonkeyPatch, name: str, email: str) -> None:
    """Make the next commits authored (and committed) by `name <email>`."""
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", name)
        monkeypatch.setenv(f"GIT_{role}_EMAIL", email)


@pytest.fixture(autouse=True)
def isolated_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No machine git configuration; a default identity."""
    home = tmp_path_factory.mktemp("git-home")
    (home / "gitconfig").write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in list(os.environ):
        if key.startswith("GIT_") and key not in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM"):
            monkeypatch.delenv(key)
    author(monkeypatch, "Test Clerk", "clerk@example.jp")


@dataclass
class Office:
    """A repository with consultations/test-pc.toml committed on branch main."""

    root: Path
    path: Path

    def git(self, *args: str, check: bool = True) -> str:
        """Run git in the repository's top level."""
        return git(self.root, *args, check=check)

    def load(self) -> ConsultationFile:
        """The consultation file, freshly loaded."""
        return ConsultationFile.load(self.path)

    def sign(self, no: int, login: str, at: dt.datetime | None = None) -> None:
        """`login` approves item `no`'s current revision (saved at once)."""
        file = self.load()
        file.transact(no, lambda c: sign(c, no, login, at=at))


def make_office(root: Path, commit_mode: str = "manual", items: int = 4) -> Office:
    """Create the repository at `root` with the file committed."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    path = root / "consultations" / "test-pc.toml"
    path.parent.mkdir()
    path.write_text(render_consultation(make_consultation(items, commit_mode)), encoding="utf-8")
    git(root, "add", "consultations")
    git(root, "commit", "-q", "-m", "test-pc: new consultation")
    return Office(root, path)


@pytest.fixture
def office(tmp_path: Path) -> Office:
    """A repository with a manual-commit consultation of 4 items."""
    return make_office(tmp_path / "office")


@pytest.fixture
def on_approve(tmp_path: Path) -> Iterator[Office]:
    """A repository whose consultation says `[git] commit = "on-approve"`."""
    yield make_office(tmp_path / "office", commit_mode="on-approve")
