"""The files `pctui publish` creates beside a group-shared consultation take its mode and
group, whatever the umask of the reviewer who published first: created 0644 by a reviewer
with umask 022 (git's advice is umask 002, not everyone has it), they could not be
replaced by the next reviewer's publish ("permission denied"), and an approval's commit of
the outputs failed for them."""

from __future__ import annotations

import grp
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

SMALL = Path(__file__).parent / "data" / "small.toml"
Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def umask_022() -> object:
    old = os.umask(0o022)  # the published files' creator forgot umask 002
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_outputs_take_the_shared_file_s_mode_and_group(
    tmp_path: Path, pctui: Run, umask_022: object
) -> None:
    path = tmp_path / "small.toml"
    shutil.copyfile(SMALL, path)
    path.chmod(0o664)
    group = os.stat(path).st_gid
    if os.geteuid() == 0:
        group = grp.getgrnam("users").gr_gid  # a group other than root's own
        os.chown(path, -1, group)
    done = pctui("publish", path)
    assert done.returncode == 0, done.stderr
    written = [p for p in tmp_path.iterdir() if p.name != "small.toml"]
    assert len(written) == 4
    assert {(p.name, _mode(p), p.stat().st_gid) for p in written} == {
        (p.name, 0o664, group) for p in written
    }


def test_outputs_beside_a_private_file_stay_as_the_umask_makes_them(
    tmp_path: Path, pctui: Run, umask_022: object
) -> None:
    path = tmp_path / "small.toml"
    shutil.copyfile(SMALL, path)
    path.chmod(0o644)  # not shared for writing: nothing to follow
    assert pctui("publish", path).returncode == 0
    assert {_mode(p) for p in tmp_path.iterdir() if p.name != "small.toml"} == {0o644}


def test_a_new_out_folder_takes_the_shared_folder_s_mode_and_group(
    tmp_path: Path, pctui: Run, umask_022: object
) -> None:
    """`publish --out` beside a group-shared consultation: each folder it creates is
    shared like the consultation's folder (group-writable, setgid, its group), not 0755
    from the umask; the outputs in it take the file's mode and group as beside it."""
    shared = tmp_path / "office"
    shared.mkdir()
    group = os.stat(shared).st_gid
    if os.geteuid() == 0:
        group = grp.getgrnam("users").gr_gid  # a group other than root's own
        os.chown(shared, -1, group)
    shared.chmod(0o2775)
    path = shared / "small.toml"
    shutil.copyfile(SMALL, path)
    path.chmod(0o664)
    os.chown(path, -1, group)
    done = pctui("publish", path, "--out", shared / "public" / "2025")
    assert done.returncode == 0, done.stderr
    for folder in (shared / "public", shared / "public" / "2025"):
        assert (_mode(folder), folder.stat().st_gid) == (0o2775, group), folder
    written = list((shared / "public" / "2025").iterdir())
    assert len(written) == 4
    assert {(_mode(p), p.stat().st_gid) for p in written} == {(0o664, group)}


def test_a_new_out_folder_beside_a_private_file_is_as_the_umask_makes_it(
    tmp_path: Path, pctui: Run, umask_022: object
) -> None:
    tmp_path.chmod(0o2775)
    path = tmp_path / "small.toml"
    shutil.copyfile(SMALL, path)
    path.chmod(0o644)  # not shared for writing: nothing to follow
    assert pctui("publish", path, "--out", tmp_path / "public").returncode == 0
    assert _mode(tmp_path / "public") == 0o2755  # setgid from the parent, by the kernel


def test_a_world_writable_folder_is_no_model_for_a_new_out_folder(
    tmp_path: Path, pctui: Run, umask_022: object
) -> None:
    """/tmp's 1777 is shared by everyone, not by a group: nothing to follow."""
    tmp_path.chmod(0o1777)
    path = tmp_path / "small.toml"
    shutil.copyfile(SMALL, path)
    path.chmod(0o664)
    assert pctui("publish", path, "--out", tmp_path / "public").returncode == 0
    assert _mode(tmp_path / "public") == 0o755
