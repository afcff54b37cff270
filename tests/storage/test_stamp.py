"""The file stamp: built in one place, and telling apart the versions a save can leave."""

from __future__ import annotations

import os
from pathlib import Path

import pctui
from pctui.storage.stamp import FileStamp, stamp_on_disk


def test_the_stamp_is_inode_modification_time_and_size(tmp_path: Path) -> None:
    path = tmp_path / "consultation.toml"
    path.write_bytes(b"[consultation]\n")
    stat = os.stat(path)
    stamp = stamp_on_disk(path)
    assert stamp == FileStamp(stat.st_ino, stat.st_mtime_ns, 15)
    assert stamp == FileStamp.of(path.stat())


def test_a_file_replaced_at_the_same_time_and_size_has_another_stamp(tmp_path: Path) -> None:
    path, replacement = tmp_path / "consultation.toml", tmp_path / "saved.tmp"
    path.write_bytes(b"approve")
    replacement.write_bytes(b"reject!")
    before = stamp_on_disk(path)
    assert before is not None
    os.utime(replacement, ns=(before.mtime_ns, before.mtime_ns))
    os.replace(replacement, path)
    after = stamp_on_disk(path)
    assert after is not None
    assert (after.mtime_ns, after.size) == (before.mtime_ns, before.size)
    assert after != before  # only the inode tells them apart


def test_a_file_that_is_gone_has_no_stamp(tmp_path: Path) -> None:
    assert stamp_on_disk(tmp_path / "gone.toml") is None


def test_the_stamp_is_built_in_one_place() -> None:
    source = Path(pctui.__file__).parent
    building = sorted(
        str(p.relative_to(source))
        for p in source.rglob("*.py")
        if "st_mtime_ns" in p.read_text("utf-8")
    )
    assert building == ["storage/stamp.py"]
