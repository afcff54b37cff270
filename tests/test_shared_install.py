"""The install recipe for several reviewers on one server works for a login other than root's.

The recipe is read from docs/installing.md and run as written, with /opt/pctui and
/usr/local/bin moved into a temporary folder; then a second, real Unix login (useradd, runuser)
runs the installed pctui. As a control, that login is refused a Python in a private folder —
what reviewers met when pctui was installed from a Python under the installer's home.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "consultations" / "2025-jumin.toml"
HEADING = "## Installing for several reviewers on one server"
SYSTEM_PYTHON = "/usr/bin/python3"
# A fictional second reviewer, created for the test (no home, no shell).
LOGIN = "pctuireader"


def recipe(document: Path) -> str:
    """The first sh block under HEADING in `document`."""
    text = document.read_text(encoding="utf-8")
    assert HEADING in text, f"{document.name} has no section {HEADING!r}"
    block = re.search(r"```sh\n(.*?)```", text.split(HEADING, 1)[1], re.DOTALL)
    assert block is not None, f"no sh block under {HEADING!r} in {document.name}"
    return block.group(1)


def test_readme_and_installing_guide_give_the_same_recipe() -> None:
    assert recipe(ROOT / "README.md") == recipe(ROOT / "docs" / "installing.md")


def _why_not() -> str:
    if os.geteuid() != 0:
        return "needs root to create a second Unix login and install as the recipe says"
    for tool in ("useradd", "runuser"):
        if shutil.which(tool) is None:
            return f"needs {tool}"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sys, venv, ensurepip; assert sys.version_info >= (3, 11)"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        return f"needs {SYSTEM_PYTHON} (3.11 or newer) with venv (apt-get install python3-venv)"
    return ""


@pytest.fixture
def server() -> Iterator[Path]:
    """A folder every login may enter (root's tmp_path may not be), and the second login."""
    why = _why_not()
    if why:
        pytest.skip(why)
    try:
        pwd.getpwnam(LOGIN)
    except KeyError:
        subprocess.run(
            ["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", LOGIN], check=True
        )
    folder = Path(tempfile.mkdtemp(prefix="pctui-server-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_reviewer(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["runuser", "-u", LOGIN, "--", *map(str, command)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_a_second_login_runs_pctui_installed_by_the_recipe(server: Path) -> None:
    commands = recipe(ROOT / "docs" / "installing.md")
    assert "/opt/pctui" in commands and "/usr/local/bin" in commands
    commands = commands.replace("/opt/pctui", str(server / "opt" / "pctui"))
    commands = commands.replace("/usr/local/bin", str(server / "bin"))
    (server / "bin").mkdir()
    installed = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", commands],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]

    office = server / "office"
    office.mkdir()
    office.chmod(0o755)
    shutil.copy(SAMPLE, office / SAMPLE.name)
    (office / SAMPLE.name).chmod(0o644)
    pctui = server / "bin" / "pctui"
    assert pctui.is_symlink()
    for command in (("--help",), ("validate", SAMPLE.name), ("status", "--json", SAMPLE.name)):
        ran = as_reviewer(pctui, *command, cwd=office)
        assert ran.returncode == 0, f"pctui {' '.join(map(str, command))}: {ran.stderr}"
    status = json.loads(ran.stdout)
    assert (status["id"], len(status["items"])) == ("2025-jumin", 10)

    # The control: the same login cannot run a Python that sits in a private folder, which is
    # what a venv made from a Python under root's home amounts to.
    private = server / "private"
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", private / "venv"], check=True)
    private.chmod(0o700)
    refused = as_reviewer(private / "venv" / "bin" / "python", "-c", "pass", cwd=office)
    assert refused.returncode != 0
    assert "Permission denied" in refused.stderr
