"""Commands that need git, on a file in no git repository: they say to run `git init`.
`[git] commit = "manual"` is named only where it helps, when an approval would have been
committed by itself (on-approve); an audit, a history or a commit by hand cannot be had by
turning automatic commits off."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.storage.item_text import answered, last

from pctui.model import current_login

Run = Callable[..., subprocess.CompletedProcess[str]]
MANUAL = '[git] commit = "manual"'


@pytest.mark.parametrize(
    "args", [("audit",), ("commit",), ("history", "--item", "1"), ("install-merge-driver",)]
)
def test_a_command_that_reads_git_says_git_init_only(
    pctui: Run, small: Path, args: tuple[str, ...]
) -> None:
    command = [args[0], str(small), *args[1:]] if args[0] != "install-merge-driver" else []
    done = pctui("--lang", "en", *(command or args), cwd=small.parent)
    assert "not in a git repository" in done.stderr, done.stderr
    assert "git init" in done.stderr
    assert MANUAL not in done.stderr
    assert "Traceback" not in done.stderr


def test_an_automatic_commit_names_the_manual_setting(pctui: Run, tmp_path: Path) -> None:
    # One stage: the current login's approval of tanaka's answer approves it, and
    # [git] commit = "on-approve" commits it; outside a repository the setting is the way out.
    path = tmp_path / "one-stage.toml"
    path.write_text(
        'format = 1\n\n[consultation]\nid = "one-stage"\ntitle = "一段階"\n\n'
        '[git]\ncommit = "on-approve"\n\n[review]\nstages = ["担当"]\n\n'
        f'[review.reviewers]\n{current_login()} = ["担当"]\ntanaka = ["担当"]\n\n'
        '[[sections]]\nid = "1"\ntitle = "第1章"\n\n' + last(answered(1, "1")),
        encoding="utf-8",
    )
    done = pctui("--lang", "en", "signoff", path, "--item", "1")
    assert done.returncode == 0, done.stderr
    assert "not in a git repository" in done.stderr, done.stdout + done.stderr
    assert MANUAL in done.stderr
