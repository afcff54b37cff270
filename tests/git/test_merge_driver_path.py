"""`install-merge-driver` records the absolute path of the pctui that ran it, so that a
`git merge` from a shell without pctui on PATH still merges item by item."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from tests.console import SCRIPT
from tests.git.conftest import T1, Office

from pctui.git.install import driver_command
from pctui.storage import ConsultationFile

BARE_PATH = "/usr/bin:/bin"  # git and sh, and no pctui


def test_the_driver_line_quotes_each_word_for_the_shell_and_git() -> None:
    assert driver_command(["/opt/pctui/bin/pctui"]) == (
        "/opt/pctui/bin/pctui merge-driver %O %A %B %P"
    )
    assert driver_command(["/srv/office tools/100%/pctui"]) == (
        "'/srv/office tools/100%%/pctui' merge-driver %O %A %B %P"
    )
    assert driver_command(["/usr/bin/python3", "-m", "pctui.cli.entry"]) == (
        "/usr/bin/python3 -m pctui.cli.entry merge-driver %O %A %B %P"
    )


def run(command: list[str], cwd: Path, path: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": path}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_a_merge_from_a_shell_without_pctui_on_path(office: Office, tmp_path: Path) -> None:
    assert SCRIPT.is_file(), "pctui is not installed in this environment (pip install -e .)"
    # pctui reached through a folder whose name has spaces and a %, on the installer's PATH.
    folder = tmp_path / "office tools 100%"
    folder.mkdir()
    (folder / "pctui").symlink_to(SCRIPT)
    done = run(["pctui", "install-merge-driver"], office.root, f"{folder}:{BARE_PATH}")
    assert done.returncode == 0, done.stderr
    driver = office.git("config", "merge.pctui.driver").strip()
    assert driver == f"'{folder}%/pctui' merge-driver %O %A %B %P"
    office.git("add", ".gitattributes")
    office.git("commit", "-q", "-m", "merge driver")
    office.git("branch", "other")
    # Both sides sign the same item: a line merge would conflict, the driver does not.
    office.sign(1, "tanaka", T1 + dt.timedelta(hours=1))
    office.git("commit", "-q", "-a", "-m", "ours")
    office.git("checkout", "-q", "other")
    office.sign(1, "yamada", T1)
    office.git("commit", "-q", "-a", "-m", "theirs")
    office.git("checkout", "-q", "main")
    merged = run(["git", "merge", "--no-edit", "other"], office.root, BARE_PATH)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    item = ConsultationFile.load(office.path).consultation.items[0]
    assert [s.by for s in item.signoffs] == ["yamada", "tanaka"]
    assert office.git("status", "--porcelain") == ""
