"""Several reviewers saving the same file at the same moment: every sign-off must survive.

Two kinds of test: long-lived sessions in several processes (as several `pctui open`
would be), and the real `pctui signoff` run as several real Unix users on a shared,
group-writable folder (needs root to create the users; skipped otherwise).
"""

from __future__ import annotations

import datetime as dt
import grp
import multiprocessing
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.git.conftest import T0

from pctui.model import (
    Consultation,
    Intake,
    Item,
    Meta,
    Refused,
    Review,
    Reviewer,
    Revision,
    Section,
    revise,
    sign,
)
from pctui.storage import ConsultationFile, render_consultation

ROUNDS = 12
LOGINS = ["pcta", "pctb", "pctc", "pctd"]


def make_file(path: Path, logins: list[str], items: int) -> None:
    """One stage, every login may sign it; items written by `drafter`."""
    consultation = Consultation(
        meta=Meta(id="busy", title="同時署名"),
        intake=Intake(),
        review=Review(["担当"], {login: Reviewer(login, ("担当",)) for login in logins}),
        sections=[Section("1", "一")],
        items=[
            Item(no, "1", f"意見{no}", revisions=[Revision("drafter", T0, f"回答{no}")])
            for no in range(1, items + 1)
        ],
    )
    path.write_text(render_consultation(consultation), encoding="utf-8")


def session(path: str, login: str, slot: int, width: int, barrier: object) -> None:
    """One reviewer's long-lived session: each round, sign one item at the same moment."""
    file = ConsultationFile.load(path)
    for round_ in range(ROUNDS):
        no = round_ * width + slot + 1
        barrier.wait()  # type: ignore[attr-defined]
        file.transact(no, lambda c, no=no: sign(c, no, login))


def expected(logins: list[str]) -> dict[int, str]:
    width = len(logins)
    return {r * width + i + 1: login for r in range(ROUNDS) for i, login in enumerate(logins)}


def signers(path: Path) -> dict[int, list[str]]:
    file = ConsultationFile.load(path)
    return {item.no: [s.by for s in item.signoffs] for item in file.consultation.items}


def test_sessions_in_several_processes_keep_every_signoff(tmp_path: Path) -> None:
    path = tmp_path / "busy.toml"
    make_file(path, LOGINS, ROUNDS * len(LOGINS))
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(LOGINS))
    workers = [
        context.Process(target=session, args=(str(path), login, i, len(LOGINS), barrier))
        for i, login in enumerate(LOGINS)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0] * len(LOGINS)
    found = signers(path)
    assert found == {no: [login] for no, login in expected(LOGINS).items()}


def test_two_revisions_on_the_same_base_are_both_kept_and_both_told(tmp_path: Path) -> None:
    path = tmp_path / "busy.toml"
    make_file(path, ["pcta", "pctb"], 2)
    first, second = ConsultationFile.load(path), ConsultationFile.load(path)
    base = 1
    at = dt.datetime(2025, 12, 3, 9, 0, tzinfo=T0.tzinfo)
    one = first.transact(1, lambda c: revise(c, 1, "pcta", "Aの案", base=base, at=at))
    two = second.transact(
        1, lambda c: revise(c, 1, "pctb", "Bの案", base=base, at=at + dt.timedelta(minutes=1))
    )
    assert (one.index, one.concurrent) == (2, [])
    assert two.index == 3 and [r.text for r in two.concurrent] == ["Aの案"]  # B is told
    texts = [r.text for r in ConsultationFile.load(path).consultation.items[0].revisions]
    assert texts == ["回答1", "Aの案", "Bの案"]
    first.reload()  # A's session sees the file changed (the TUI reloads on change)
    assert any("No.1" in notice and "pctb" in notice for notice in first.notices), first.notices


def test_a_replayed_action_that_is_now_refused_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "busy.toml"
    make_file(path, ["pcta", "pctb"], 1)
    stale = ConsultationFile.load(path)
    ConsultationFile.load(path).transact(1, lambda c: sign(c, 1, "pctb"))
    with pytest.raises(Refused):
        stale.transact(1, lambda c: sign(c, 1, "pcta"))  # the only stage is taken meanwhile


# --- real processes as real users -------------------------------------------------------

GROUP = "pctoffice"


def _can_manage_users() -> str:
    if os.geteuid() != 0:
        return "needs root to create Unix users"
    for tool in ("useradd", "groupadd", "runuser"):
        if shutil.which(tool) is None:
            return f"needs {tool}"
    return ""


def _ensure_users() -> None:
    try:
        grp.getgrnam(GROUP)
    except KeyError:
        subprocess.run(["groupadd", GROUP], check=True)
    for login in LOGINS:
        try:
            pwd.getpwnam(login)
        except KeyError:
            subprocess.run(
                ["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin",
                 "--groups", GROUP, login],
                check=True,
            )  # fmt: skip


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A group-writable folder (setgid) the test users can reach, outside root's tmp_path."""
    why = _can_manage_users()
    if why:
        pytest.skip(why)
    _ensure_users()
    folder = Path(tempfile.mkdtemp(prefix="pctui-shared-"))
    try:
        folder.chmod(0o755)
        office = folder / "office"
        office.mkdir()
        os.chown(office, -1, grp.getgrnam(GROUP).gr_gid)
        office.chmod(0o2775)
        yield office
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def python_for(login: str) -> list[str]:
    """How `login` runs this pctui: this interpreter, or (when it sits in a folder only root
    may enter, as pyenv's does) the system's interpreter of the same version given the
    same import path. Skips the test when neither works."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    path = os.pathsep.join(p for p in sys.path if p and Path(p).is_dir())
    candidates = [[sys.executable]]
    system = shutil.which(version, path="/usr/local/bin:/usr/bin:/bin")
    if system:
        candidates.append(["env", f"PYTHONPATH={path}", system])
    errors = []
    for command in candidates:
        probe = subprocess.run(
            ["runuser", "-u", login, "--", *command, "-c", "import pctui.cli.entry"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if probe.returncode == 0:
            return command
        errors.append(probe.stderr.strip()[-200:])
    pytest.skip(f"the test users cannot run this pctui: {' / '.join(errors)}")


_WAIT_THEN_SIGN = """\
import sys
from pctui.cli.entry import main
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(sys.argv[1:]))
"""


Command = tuple[list[str], list[str]]  # (how to start python as the user, pctui's arguments)


def fire(commands: list[Command]) -> list[tuple[int, str, str]]:
    """Start every command, wait until each has imported pctui, then release them at once.

    Returns (exit status, stdout, stderr) of each.
    """
    processes = [
        subprocess.Popen(
            [*python, "-c", _WAIT_THEN_SIGN, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for python, args in commands
    ]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
    for process in processes:  # now all at once
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        results.append((process.returncode, out, err))
    return results


def signoff_as(login: str, python: list[str], path: Path, no: int, env: list[str]) -> Command:
    """`pctui signoff PATH --item NO --lang en` run as `login` with `env` set (in English:
    the other user cannot read the test's config.toml, and the file is in Japanese)."""
    return ["runuser", "-u", login, "--", "env", *env, *python], [
        "signoff",
        str(path),
        f"--item={no}",
        "--lang=en",
    ]


def test_real_signoff_commands_as_real_users(shared_folder: Path) -> None:
    path = shared_folder / "busy.toml"
    make_file(path, LOGINS, ROUNDS * len(LOGINS))
    os.chown(path, -1, grp.getgrnam(GROUP).gr_gid)
    path.chmod(0o664)
    python = python_for(LOGINS[0])
    for round_ in range(ROUNDS):
        commands = [
            signoff_as(login, python, path, round_ * len(LOGINS) + i + 1, [])
            for i, login in enumerate(LOGINS)
        ]
        for code, out, err in fire(commands):
            assert code == 0, err
            assert "is now approved" in out
    assert signers(path) == {no: [login] for no, login in expected(LOGINS).items()}
    stat = path.stat()
    assert stat.st_mode & 0o777 == 0o664  # still group-writable after every save
    assert stat.st_gid == grp.getgrnam(GROUP).gr_gid


def test_real_users_commit_their_approvals_to_a_shared_repository(shared_folder: Path) -> None:
    """On-approve commits by several users at once: all committed, the audit clean."""
    rounds = 4
    config = shared_folder.parent / "gitconfig"
    config.write_text("[safe]\n\tdirectory = *\n")
    config.chmod(0o644)
    variables = {"GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1"}
    setup = {**os.environ, **variables}
    for role in ("AUTHOR", "COMMITTER"):
        setup.update({f"GIT_{role}_NAME": "setup", f"GIT_{role}_EMAIL": "setup@example.jp"})
    path = shared_folder / "busy.toml"
    make_file(path, LOGINS, rounds * len(LOGINS))
    path.write_text(path.read_text().replace('commit = "manual"', 'commit = "on-approve"'))
    for args in (["init", "-q", "--shared=group", "-b", "main"], ["add", "busy.toml"],
                 ["commit", "-q", "-m", "start"]):  # fmt: skip
        subprocess.run(["git", *args], cwd=shared_folder, env=setup, check=True)
    group = grp.getgrnam(GROUP).gr_gid
    for entry in [shared_folder, *shared_folder.rglob("*")]:
        os.chown(entry, -1, group)  # the office group owns it all, root's setup files too
        entry.chmod(entry.stat().st_mode | 0o060)
    python = python_for(LOGINS[0])
    # Each reviewer's login sets umask 002 so that what their git creates stays group-
    # writable: git does not widen every file it writes (.git/COMMIT_EDITMSG for one).
    umask = os.umask(0o002)
    try:
        for round_ in range(rounds):
            commands = []
            for i, login in enumerate(LOGINS):
                env = [f"{key}={value}" for key, value in variables.items()]
                for role in ("AUTHOR", "COMMITTER"):
                    env += [f"GIT_{role}_NAME={login}", f"GIT_{role}_EMAIL={login}@example.jp"]
                no = round_ * len(LOGINS) + i + 1
                commands.append(signoff_as(login, python, path, no, env))
            for code, _out, err in fire(commands):
                assert code == 0, err
                assert "warning" not in err, err  # every commit went through
    finally:
        os.umask(umask)
    git = ["git", "-C", str(shared_folder)]
    status = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True,
                            env=setup, check=True)  # fmt: skip
    assert status.stdout == ""  # every sign-off is committed
    authors = subprocess.run([*git, "log", "--format=%an"], capture_output=True, text=True,
                             env=setup, check=True).stdout.split()  # fmt: skip
    assert set(authors) <= {*LOGINS, "setup"} and len(authors) > rounds
    audit = subprocess.run([*python, "-m", "pctui.cli.entry", "audit", str(path)],
                           capture_output=True, text=True, env=setup, check=False)  # fmt: skip
    assert audit.returncode == 0, audit.stderr
    assert f"{rounds * len(LOGINS)} sign-offs" in audit.stdout
