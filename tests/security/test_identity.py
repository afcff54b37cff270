"""Who signs is the operating system's login (the real uid), never an environment variable.

$USER, $LOGNAME, $USERNAME and $SUDO_USER are set by anyone in their own shell; setting
them changes nothing, in the process and in the real `pctui signoff`. A second real Unix
user (useradd, runuser) signs as themself whatever their environment says.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.security.conftest import replace_in

from pctui.model.identity import current_login
from pctui.storage import ConsultationFile

OTHER = "pctsec"  # a fictional second reviewer, created as a real Unix user
PRETEND = {name: "sato" for name in ("USER", "LOGNAME", "USERNAME", "SUDO_USER", "LNAME")}


def with_reviewer(path: Path, login: str) -> None:
    """Let `login` sign 課長 in the consultation at `path`."""
    replace_in(path, 'kimura = ["係長", "課長"]', f'kimura = ["係長", "課長"]\n{login} = ["課長"]')


def last_signer(path: Path, no: int) -> str:
    item = ConsultationFile.load(path).consultation.item(no)
    assert item is not None
    return item.signoffs[-1].by


def test_environment_variables_do_not_change_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pwd.getpwuid(os.getuid()).pw_name
    for name, value in PRETEND.items():
        monkeypatch.setenv(name, value)
    assert current_login() == real != "sato"


def test_the_real_signoff_ignores_a_pretended_login(sample_copy: Path) -> None:
    me = current_login()
    with_reviewer(sample_copy, me)
    done = subprocess.run(
        [sys.executable, "-m", "pctui.cli.entry", "signoff", str(sample_copy), "--item", "5"],
        env={**os.environ, **PRETEND}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"No.5: {me} approved revision")
    assert last_signer(sample_copy, 5) == me


def _can_add_users() -> str:
    if os.geteuid() != 0:
        return "needs root to create a Unix user"
    missing = [tool for tool in ("useradd", "runuser") if shutil.which(tool) is None]
    return f"needs {', '.join(missing)}" if missing else ""


@pytest.fixture
def other_user() -> Iterator[Path]:
    """A real Unix user OTHER and a folder of theirs (outside root's private tmp_path)."""
    why = _can_add_users()
    if why:
        pytest.skip(why)
    try:
        pwd.getpwnam(OTHER)
    except KeyError:
        subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", OTHER],
                       check=True)  # fmt: skip
    base = Path(tempfile.mkdtemp(prefix="pctui-identity-"))
    try:
        base.chmod(0o755)
        folder = base / "office"
        folder.mkdir()
        entry = pwd.getpwnam(OTHER)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        yield folder
    finally:
        shutil.rmtree(base, ignore_errors=True)


def python_as(login: str) -> list[str]:
    """How `login` runs this pctui: this interpreter, or the system's of the same version
    with this import path (when this one sits where only root may go)."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [[sys.executable]]
    system = shutil.which(version, path="/usr/local/bin:/usr/bin:/bin")
    if system:
        path = os.pathsep.join(p for p in sys.path if p and Path(p).is_dir())
        candidates.append(["env", f"PYTHONPATH={path}", system])
    for command in candidates:
        probe = subprocess.run(["runuser", "-u", login, "--", *command, "-c", "import pctui"],
                               capture_output=True, check=False)  # fmt: skip
        if probe.returncode == 0:
            return command
    pytest.skip(f"{login} cannot run this pctui")


def test_a_second_unix_user_signs_as_themself(other_user: Path, sample_copy: Path) -> None:
    path = other_user / "2025-jumin.toml"
    shutil.copyfile(sample_copy, path)
    with_reviewer(path, OTHER)
    entry = pwd.getpwnam(OTHER)
    os.chown(path, entry.pw_uid, entry.pw_gid)
    pretend = [f"{name}={value}" for name, value in PRETEND.items()]
    done = subprocess.run(
        ["runuser", "-u", OTHER, "--", "env", *pretend, *python_as(OTHER), "-m",
         "pctui.cli.entry", "signoff", "--lang", "en", str(path), "--item", "5"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"No.5: {OTHER} approved revision")
    assert last_signer(path, 5) == OTHER
    # Claiming to be root in the environment: still a sign-off by OTHER (a request for
    # changes: No.6 waits for 係長, so 課長 may not approve it yet).
    done = subprocess.run(
        ["runuser", "-u", OTHER, "--", "env", "USER=root", "LOGNAME=root", *python_as(OTHER),
         "-m", "pctui.cli.entry", "signoff", "--lang", "en", str(path), "--item", "6",
         "--reject", "--comment", "再考"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert last_signer(path, 6) == OTHER
