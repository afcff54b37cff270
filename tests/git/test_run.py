"""What git says, turned into what a reviewer should be told."""

from __future__ import annotations

import pytest

from pctui.git.run import explain


@pytest.mark.parametrize(
    ("stderr", "told"),
    [
        ("fatal: not a git repository (or any of the parent directories): .git", "git init"),
        ("fatal: Unable to create '/r/.git/index.lock': File exists.", "index.lock is held"),
        ("fatal: detected dubious ownership in repository at '/srv/pc'", "safe.directory"),
        ("Author identity unknown\n\n*** Please tell me who you are.", "user.email"),
        ("fatal: cannot do a partial commit during a merge.", "a merge is in progress"),
    ],
)
def test_known_messages(stderr: str, told: str) -> None:
    assert told in explain(stderr)


def test_unknown_messages_keep_gits_last_lines() -> None:
    stderr = "hint: one\nerror: the pre-commit hook says no\nfatal: stop\n"
    assert explain(stderr) == "git: hint: one / error: the pre-commit hook says no / fatal: stop"
    assert explain("") == "git failed without saying why"
