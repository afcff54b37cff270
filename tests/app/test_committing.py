"""Commits from the TUI: `a` on an item's last missing stage commits (`[git] commit =
"on-approve"`) exactly what `pctui signoff` commits, and `c` commits what is pending, as
`pctui commit`; git runs in a worker, and a commit that fails is an error notification
while the sign-off stays saved."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pctui.app.render.context import RenderContext
from pctui.app.render.help_text import help_lines
from pctui.app.review_actions import palette_commands
from pctui.git import after_signoff
from pctui.model import sign
from pctui.model.state import APPROVED, item_state
from pctui.storage import ConsultationFile

OUTPUT = "2025-jumin.md"  # a published output beside the file: committed with it


@pytest.fixture
def isolated_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No machine git configuration; a fixed identity."""
    home = tmp_path_factory.mktemp("git-home")
    (home / "gitconfig").write_text("", encoding="utf-8")
    for key in list(os.environ):
        if key.startswith("GIT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test Clerk")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "clerk@example.jp")


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


def repository(path: Path, mode: str = "on-approve") -> Path:
    """Make `path`'s folder a repository holding the file (in `mode`) and an untracked
    published output beside it."""
    text = path.read_text(encoding="utf-8")
    assert 'commit = "on-approve"' in text
    path.write_text(text.replace('commit = "on-approve"', f'commit = "{mode}"'), encoding="utf-8")
    git(path.parent, "init", "-q", "-b", "main")
    git(path.parent, "add", path.name)
    git(path.parent, "commit", "-q", "-m", "the consultation")
    (path.parent / OUTPUT).write_text("# 公表\n", encoding="utf-8")
    return path.parent


async def settle(pilot) -> None:
    """Wait for the commit worker, then for the notification it sent to be shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_a_on_the_last_stage_commits_as_pctui_signoff_does(
    make_app, drive, sample_path, isolated_git, tmp_path_factory
) -> None:
    twin = tmp_path_factory.mktemp("twin") / sample_path.name
    shutil.copyfile(sample_path, twin)
    root = repository(sample_path)
    app = make_app("sato")  # 課長; No.5 has 担当 and 係長

    async def script(pilot) -> None:
        await pilot.press("n")
        assert app.main.table.selected_no == 5
        await pilot.press("a")
        await settle(pilot)

    drive(app, script)
    subject = "2025-jumin: approve No.5 (課長)"
    severity, said = app.last_said()
    assert severity == "information" and said.startswith("committed ") and said.endswith(subject)
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "log", "-1", "--format=%s") == subject + "\n"
    # What `pctui signoff` runs after the same sign-off (same time) in a twin repository.
    signed = ConsultationFile.load(sample_path).consultation.item(5)
    assert signed is not None and item_state(signed, app.file.consultation.review) == APPROVED
    at = signed.signoffs[-1].at
    other = repository(twin)
    file = ConsultationFile.load(twin)
    file.transact(5, lambda c: sign(c, 5, "sato", at=at))
    assert after_signoff(file, 5).committed
    for log in (["-1", "--format=%B"], ["-1", "--format=", "--name-only"]):
        assert git(root, "log", *log) == git(other, "log", *log)
    message = git(root, "log", "-1", "--format=%B")
    assert "Reviewed-by: 佐藤 健 <sato@example.jp>" in message
    assert git(root, "log", "-1", "--format=", "--name-only").split() == [
        OUTPUT, sample_path.name,
    ]  # fmt: skip


def test_a_before_the_last_stage_commits_nothing(make_app, drive, sample_path, isolated_git):
    root = repository(sample_path)
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("n", "a")  # No.7 at 担当: in review afterwards
        await settle(pilot)

    drive(app, script)
    assert git(root, "rev-list", "--count", "HEAD") == "1\n"
    assert app.said[-1][1].startswith("No.7: approved revision 2 at 担当")


def _no_identity(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.delenv(f"GIT_{role}_NAME")
        monkeypatch.delenv(f"GIT_{role}_EMAIL")
    git(root, "config", "user.useConfigOnly", "true")
    return "git does not know who you are"


def _hook_refuses(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text("#!/bin/sh\necho '文書管理規程: 本日はコミット不可' >&2\nexit 1\n")
    hook.chmod(0o755)
    return "git: 文書管理規程: 本日はコミット不可"


def _not_a_repository(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    shutil.rmtree(root / ".git")
    return "not in a git repository"


@pytest.mark.parametrize("failure", [_no_identity, _hook_refuses, _not_a_repository])
def test_a_commit_that_fails_is_an_error_and_the_sign_off_stays_saved(
    make_app, drive, sample_path, disk, isolated_git, monkeypatch, failure
) -> None:
    root = repository(sample_path)
    why = failure(root, monkeypatch)
    app = make_app("sato")

    async def script(pilot) -> None:
        await pilot.press("n", "a")
        await settle(pilot)

    drive(app, script)
    severity, said = app.last_said()
    assert severity == "error", said
    assert said.startswith("not committed: ") and why in said
    assert "the file is saved" in said
    assert item_state(disk.item(5), disk.consultation.review) == APPROVED
    if (root / ".git").exists():
        assert git(root, "rev-list", "--count", "HEAD") == "1\n"


def test_the_screen_answers_while_git_commits(make_app, drive, sample_path, isolated_git) -> None:
    root = repository(sample_path)
    gate = root / "gate"
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    # A slow hook: it waits for the gate (and gives up after 20 s, so that a commit made on
    # the screen's thread fails the test rather than hanging it).
    wait = f"for i in $(seq 400); do [ -e '{gate}' ] && exit 0; sleep 0.05; done"
    hook.write_text(f"#!/bin/sh\n{wait}\nexit 1\n")
    hook.chmod(0o755)
    app = make_app("sato")

    async def script(pilot) -> None:
        await pilot.press("n", "a")
        await pilot.press("j")  # answered while the commit waits for the hook
        assert app.main.table.selected_no == 6
        assert [w for w in app.workers if w.group == "commit" and not w.is_finished]
        gate.touch()
        await settle(pilot)
        assert app.last_said()[1].endswith("2025-jumin: approve No.5 (課長)")

    drive(app, script)
    assert git(root, "status", "--porcelain", "--untracked-files=no") == ""


def test_c_commits_what_is_pending_as_pctui_commit(make_app, drive, sample_path, isolated_git):
    root = repository(sample_path, mode="manual")
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("c")  # the published output beside the file is not committed yet
        await settle(pilot)
        assert app.last_said()[1].endswith(": 2025-jumin: record published outputs")
        await pilot.press("c")
        await settle(pilot)
        assert app.last_said() == (
            "information",
            f"nothing to commit: HEAD already holds {sample_path.name}",
        )
        await pilot.press("n", "a")  # No.7 at 担当; manual: not committed
        await settle(pilot)
        assert git(root, "rev-list", "--count", "HEAD") == "2\n"
        await pilot.press("c")
        await settle(pilot)

    drive(app, script)
    subject = "2025-jumin: record 1 sign-off (No.7)"
    sha = git(root, "rev-parse", "--short", "HEAD").strip()
    assert app.last_said() == ("information", f"committed {sha}: {subject}")
    assert git(root, "log", "-1", "--format=%s") == subject + "\n"
    assert git(root, "status", "--porcelain") == ""


def test_c_that_cannot_commit_says_why(make_app, drive, sample_path, isolated_git) -> None:
    root = repository(sample_path, mode="manual")
    (root / ".git" / "index.lock").write_text("")
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("c")
        await settle(pilot)

    drive(app, script)
    severity, said = app.last_said()
    assert severity == "error" and "index.lock" in said


def test_c_is_in_the_footer_the_help_and_the_palette(make_app, drive) -> None:
    app = make_app("tanaka")
    sentence = "Commit the sign-offs and revisions not yet committed, as pctui commit does."

    async def script(pilot) -> None:
        binding = app.main.active_bindings["c"].binding
        assert (binding.action, binding.description, binding.show) == ("commit", "commit", True)
        palette = {command.title: command.help for command in palette_commands(app.main)}
        title = "Review: Commit the sign-offs and revisions not yet committed, as pctui commit does"
        assert palette[title] == sentence

    drive(app, script)
    text = "\n".join(line.plain for line in help_lines(200, RenderContext()))
    assert re.search(rf"^ +c +{re.escape(sentence)}", text, re.M), text
