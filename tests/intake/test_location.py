"""The registry never reaches git: created 0600 (0660 with a group-shared consultation's
group), its ignore rule added when it is created, refused when git tracks it."""

from __future__ import annotations

import grp
import os
import stat
import subprocess
from pathlib import Path

import pytest

from pctui.intake.registry import Registry, RegistryRefused


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=folder, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", ".")
    (tmp_path / "c.toml").write_text("format = 2\n", encoding="utf-8")
    git(tmp_path, "add", "c.toml")
    git(tmp_path, "commit", "-qm", "consultation")
    return tmp_path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_registry_is_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        Registry.open(tmp_path / "r.sqlite").close()
    finally:
        os.umask(old)
    assert mode(tmp_path / "r.sqlite") == 0o600


def test_a_registry_beside_a_group_shared_file_is_0660_with_its_group(tmp_path: Path) -> None:
    consultation = tmp_path / "c.toml"
    consultation.write_text("format = 2\n", encoding="utf-8")
    group = grp.getgrnam("users").gr_gid  # a group other than root's own
    os.chown(consultation, -1, group)
    consultation.chmod(0o664)
    Registry.open(tmp_path / "r.sqlite", shared_with=consultation).close()
    info = (tmp_path / "r.sqlite").stat()
    assert (stat.S_IMODE(info.st_mode), info.st_gid) == (0o660, group)


def test_a_registry_beside_a_private_file_stays_0600(tmp_path: Path) -> None:
    consultation = tmp_path / "c.toml"
    consultation.write_text("format = 2\n", encoding="utf-8")
    consultation.chmod(0o644)  # readable by the group, not shared for writing
    Registry.open(tmp_path / "r.sqlite", shared_with=consultation).close()
    assert mode(tmp_path / "r.sqlite") == 0o600


def test_creating_it_adds_the_ignore_rule_so_git_never_sees_it(repo: Path) -> None:
    with Registry.open(repo / "c.intake.sqlite") as registry:
        registry.add([])
        assert git(repo, "status", "--porcelain", "--untracked-files=all") == "?? .gitignore\n"
    assert "/c.intake.sqlite*" in (repo / ".gitignore").read_text(encoding="utf-8")
    Registry.open(repo / "c.intake.sqlite").close()  # opened again: the rule is not repeated
    assert (repo / ".gitignore").read_text(encoding="utf-8").count("c.intake.sqlite") == 1


def test_an_existing_ignore_rule_is_not_added_again(repo: Path) -> None:
    (repo / ".gitignore").write_text("*.sqlite\n", encoding="utf-8")
    Registry.open(repo / "c.intake.sqlite").close()
    assert (repo / ".gitignore").read_text(encoding="utf-8") == "*.sqlite\n"


def test_a_registry_git_tracks_is_refused_and_left_alone(repo: Path) -> None:
    Registry.open(repo / "c.intake.sqlite").close()
    git(repo, "add", "-f", "c.intake.sqlite")
    before = (repo / "c.intake.sqlite").read_bytes()
    with pytest.raises(RegistryRefused, match="git tracks this registry"):
        Registry.open(repo / "c.intake.sqlite")
    assert (repo / "c.intake.sqlite").read_bytes() == before
