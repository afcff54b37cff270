"""The first `pctui intake` command in a repository creates the registry and adds its
ignore rule to the folder's .gitignore: the command says so and what to do (commit it), on
stderr so that --json output stays clean. Without it a new user saw an untracked
.gitignore in `git status` and no word of where it came from."""

from __future__ import annotations

import grp
import os
import stat
import subprocess
from pathlib import Path

from tests.console import pctui
from tests.session.format_two_file import write_format_two


def test_the_new_ignore_rule_is_announced_once(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    file = write_format_two(tmp_path / "2026-churin.toml")
    source = tmp_path / "subs.csv"
    source.write_text("受付番号,意見\nR1,駐輪場を増やしてほしい。\n", encoding="utf-8")
    done = pctui("intake", "import", file, source, "--lang", "en")
    assert done.returncode == 0, done.stderr
    ignore = tmp_path / ".gitignore"
    assert "/2026-churin.intake.sqlite*" in ignore.read_text(encoding="utf-8")
    assert f"{ignore}: added /2026-churin.intake.sqlite*" in done.stderr
    assert f"git add {ignore}" in done.stderr
    again = pctui("intake", "status", file, "--json", "--lang", "en")
    assert again.returncode == 0 and ".gitignore" not in again.stderr + again.stdout


def test_a_rule_that_cannot_be_added_leaves_no_registry_behind(tmp_path: Path) -> None:
    """The folder's .gitignore is not writable (another member made it under umask 022):
    the registry is not created, and the command says what to do. An empty registry left
    behind would have been opened by the next command with no rule: personal data one
    `git add -A` away from the history."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    file = write_format_two(tmp_path / "2026-churin.toml")
    ignore = tmp_path / ".gitignore"
    ignore.write_text("*.log\n", encoding="utf-8")
    ignore.chmod(0o444)  # nobody may write it, root included (pctui checks the bits)
    source = tmp_path / "subs.csv"
    source.write_text("受付番号,意見\nR1,駐輪場を増やしてほしい。\n", encoding="utf-8")
    done = pctui("intake", "import", file, source, "--lang", "en")
    assert done.returncode == 1
    assert f"{ignore}: cannot add the rule /2026-churin.intake.sqlite*" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "2026-churin.intake.sqlite").exists()
    assert ignore.read_text(encoding="utf-8") == "*.log\n"
    status = pctui("intake", "status", file, "--lang", "en")
    assert status.returncode == 1 and not (tmp_path / "2026-churin.intake.sqlite").exists()


def test_a_new_gitignore_beside_a_shared_file_is_shared_like_it(tmp_path: Path) -> None:
    """Created under umask 022 beside a group-writable consultation, the .gitignore takes
    the file's mode and group: the next member's registry must be able to add its rule."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    file = write_format_two(tmp_path / "2026-churin.toml")
    file.chmod(0o664)
    group = file.stat().st_gid
    if os.geteuid() == 0:
        group = grp.getgrnam("users").gr_gid  # a group other than root's own
        os.chown(file, -1, group)
    source = tmp_path / "subs.csv"
    source.write_text("受付番号,意見\nR1,駐輪場を増やしてほしい。\n", encoding="utf-8")
    old = os.umask(0o022)
    try:
        done = pctui("intake", "import", file, source, "--lang", "en")
    finally:
        os.umask(old)
    assert done.returncode == 0, done.stderr
    info = (tmp_path / ".gitignore").stat()
    assert (stat.S_IMODE(info.st_mode), info.st_gid) == (0o664, group)
