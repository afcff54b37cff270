"""A consultation opened through a symbolic link is saved into the file the link names.

Replacing the path itself would turn the link into a second, diverging copy (the one git
tracks keeping the old text), so every write resolves the link first: the temporary file
is made beside the real file, renamed over it, and the link stays a link. The lock is
taken on the real file's folder, so a session opened through the link and one opened by
the real path still take turns.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from pctui.base import atomic
from pctui.model import revise, sign
from pctui.publish import outputs, write_outputs
from pctui.storage import ConsultationFile

ITEM = """\
[[items]]
no = 1
section = "1"
opinion = "ご意見です。"

[[items.revisions]]
author = "tanaka"
at = 2025-12-01T09:00:00+09:00
text = "回答です。"
"""


def real_and_link(tmp_path: Path, header: str, outside: bool) -> tuple[Path, Path]:
    """real/holdout.toml (mode 0640) and link.toml naming it; the real file in a folder
    beside the link's (inside) or in a tree of its own (outside the link's)."""
    office = tmp_path / "office"
    elsewhere = tmp_path / "elsewhere" if outside else office
    real = elsewhere / "real" / "holdout.toml"
    real.parent.mkdir(parents=True)
    real.write_text(header + ITEM, encoding="utf-8")
    real.chmod(0o640)
    link = office / "link.toml"
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(os.path.relpath(real, link.parent) if not outside else real)
    return real, link


def temps(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders for p in folder.iterdir() if p.suffix == ".tmp")


@pytest.mark.parametrize("outside", [False, True], ids=["inside", "outside"])
def test_a_save_through_a_link_writes_the_real_file(
    tmp_path: Path, header: str, outside: bool
) -> None:
    real, link = real_and_link(tmp_path, header, outside)
    named = os.readlink(link)
    file = ConsultationFile.load(link)
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    file.transact(1, lambda c: revise(c, 1, "tanaka", "改めた回答です。"))
    assert link.is_symlink() and os.readlink(link) == named
    assert "改めた回答です。" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o640
    assert temps(link.parent, real.parent) == []
    assert not file.changed_on_disk()  # its own save is not taken for someone else's
    again = ConsultationFile.load(real)
    assert [s.by for s in again.consultation.items[0].signoffs] == ["yamada"]
    assert again.consultation.items[0].current_index == 2


def test_a_chain_of_links_is_followed_to_its_end(tmp_path: Path) -> None:
    real = tmp_path / "data" / "file.bin"
    real.parent.mkdir()
    real.write_bytes(b"old")
    first = tmp_path / "first"
    (tmp_path / "second").symlink_to("data/file.bin")
    first.symlink_to("second")
    atomic.write_atomic(first, b"new")
    assert first.is_symlink() and (tmp_path / "second").is_symlink()
    assert real.read_bytes() == b"new"


def test_a_dangling_link_creates_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "out.toml"
    link.symlink_to("made/out.toml")
    (tmp_path / "made").mkdir()
    atomic.write_atomic(link, b"new")
    assert link.is_symlink() and (tmp_path / "made" / "out.toml").read_bytes() == b"new"


def test_a_loop_of_links_is_refused_with_a_message(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to("loop.toml")
    with pytest.raises(atomic.SaveError, match=r"loop.toml: .*nothing was written"):
        atomic.write_atomic(loop, b"new")
    assert loop.is_symlink()


def test_two_links_to_one_file_are_the_same_path_twice(tmp_path: Path) -> None:
    (tmp_path / "real").write_bytes(b"old")
    (tmp_path / "a").symlink_to("real")
    with pytest.raises(ValueError, match="the same path twice"):
        atomic.write_all_atomic([(tmp_path / "a", b"1"), (tmp_path / "real", b"2")])
    assert (tmp_path / "real").read_bytes() == b"old"


@pytest.mark.parametrize("outside", [False, True], ids=["inside", "outside"])
def test_the_lock_is_on_the_real_files_folder(tmp_path: Path, header: str, outside: bool) -> None:
    real, link = real_and_link(tmp_path, header, outside)
    with atomic.folder_lock(link):
        fd = os.open(real.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)


@pytest.mark.parametrize("outside", [False, True], ids=["inside", "outside"])
def test_published_outputs_go_beside_the_real_file(
    tmp_path: Path, header: str, outside: bool
) -> None:
    real, link = real_and_link(tmp_path, header, outside)
    file = ConsultationFile.load(link)
    written = write_outputs(link, file.consultation, ["md", "csv"], draft=True)
    assert written == [real.parent / "test.md", real.parent / "test.csv"]
    assert outputs(link, file.consultation) == outputs(real, file.consultation)
    assert all(path.is_file() for path in written)
