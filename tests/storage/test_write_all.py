"""Several files replaced together: all of them, or none (as far as a rename allows)."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from pctui.base import atomic
from pctui.storage import SaveError


def files(tmp_path: Path) -> list[tuple[Path, bytes]]:
    for name in "abc":
        (tmp_path / name).write_bytes(b"old")
    return [(tmp_path / name, f"new {name}".encode()) for name in "abc"]


def leftovers(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))


def test_every_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    wanted = files(tmp_path)
    (tmp_path / "b").chmod(0o664)
    atomic.write_all_atomic(wanted)
    assert [path.read_bytes() for path, _data in wanted] == [b"new a", b"new b", b"new c"]
    assert (tmp_path / "b").stat().st_mode & 0o777 == 0o664
    assert leftovers(tmp_path) == []


def test_a_full_disk_on_the_last_file_replaces_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = files(tmp_path)
    synced = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        if len(synced) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(SaveError, match=r"c: the disk is full.*none of the 3 files was replaced"):
        atomic.write_all_atomic(wanted)
    assert [path.read_bytes() for path, _data in wanted] == [b"old"] * 3
    assert leftovers(tmp_path) == []


def test_a_refused_rename_says_which_files_were_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = files(tmp_path)
    real = os.replace
    done: list[str] = []

    def replace(source: Path, target: Path) -> None:
        if Path(target).name == "b":
            raise OSError(errno.EACCES, "Permission denied")
        real(source, target)
        done.append(Path(target).name)

    monkeypatch.setattr(atomic.os, "replace", replace)
    expected = (
        f"{tmp_path / 'b'}: could not be put in place (Permission denied); "
        f"already replaced: {tmp_path / 'a'}; not replaced: {tmp_path / 'b'}, {tmp_path / 'c'}"
    )
    with pytest.raises(SaveError, match="^" + re.escape(expected) + "$"):
        atomic.write_all_atomic(wanted)
    assert done == ["a"]
    assert [path.read_bytes() for path, _data in wanted] == [b"new a", b"old", b"old"]
    assert leftovers(tmp_path) == []


def test_a_folder_where_a_file_should_be_replaces_none(tmp_path: Path) -> None:
    wanted = files(tmp_path)
    (tmp_path / "b").unlink()
    (tmp_path / "b").mkdir()
    with pytest.raises(SaveError, match=r"b: not a regular file.*none of the 3 files"):
        atomic.write_all_atomic(wanted)
    assert [(tmp_path / name).read_bytes() for name in "ac"] == [b"old", b"old"]
    assert leftovers(tmp_path) == []


def test_one_file_is_written_as_write_atomic_writes_it(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"old")
    (tmp_path / "a").chmod(0o444)
    with pytest.raises(SaveError) as refused:
        atomic.write_all_atomic([(tmp_path / "a", b"new")])
    assert "none of" not in str(refused.value)
    assert (tmp_path / "a").read_bytes() == b"old"


def test_the_same_path_twice_is_a_mistake(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="the same path twice"):
        atomic.write_all_atomic([(tmp_path / "a", b"1"), (tmp_path / "a", b"2")])
    assert not (tmp_path / "a").exists()
