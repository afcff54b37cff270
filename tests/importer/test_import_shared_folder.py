"""`pctui import -o DIR/FILE.toml` into a folder a group shares (g+w, setgid, as docs/git.md
sets a shared repository up): the new consultation is the group's to sign and save, so it
takes the folder's read and write bits and group, not the importer's umask (made 0644
under umask 022, the next reviewer's first sign-off was refused: permission denied)."""

from __future__ import annotations

import grp
import os
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]
SOURCE = "No.,ご意見,考え方\n1,窓口の時間を延ばしてください。,検討します。\n"


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)  # the importer forgot umask 002
    yield
    os.umask(old)


def _imported(tmp_path: Path, pctui: Run, folder: Path) -> Path:
    source = tmp_path / "result.csv"
    source.write_text(SOURCE, encoding="utf-8")
    output = folder / "2026-madoguchi.toml"
    done = pctui("import", source, "-o", output)
    assert done.returncode == 0, done.stderr
    return output


def test_a_consultation_imported_into_a_shared_folder_is_the_group_s(
    tmp_path: Path, pctui: Run, umask_022: None
) -> None:
    shared = tmp_path / "office"
    shared.mkdir()
    group = shared.stat().st_gid
    if os.geteuid() == 0:
        group = grp.getgrnam("users").gr_gid  # a group other than root's own
        os.chown(shared, -1, group)
    shared.chmod(0o2775)
    output = _imported(tmp_path, pctui, shared)
    assert (stat.S_IMODE(output.stat().st_mode), output.stat().st_gid) == (0o664, group)


@pytest.mark.parametrize("mode", [0o755, 0o1777])
def test_a_private_or_world_writable_folder_leaves_it_to_the_umask(
    tmp_path: Path, pctui: Run, umask_022: None, mode: int
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    folder.chmod(mode)  # 1777 (/tmp's) is shared by everyone, not by a group: no model
    output = _imported(tmp_path, pctui, folder)
    assert stat.S_IMODE(output.stat().st_mode) == 0o644
