"""A file's stamp: what tells one version of a file on disk from another without reading it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple


class FileStamp(NamedTuple):
    """The inode, modification time and size of a file as it was read or written.

    All three, because each alone misses a change: an atomic save replaces the file (a new
    inode) possibly within the clock's resolution and at the same size, and an edit in
    place keeps the inode.
    """

    inode: int
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileStamp:
        """The stamp of what `stat` describes (from `os.stat`, `os.fstat`, `Path.stat`)."""
        return cls(stat.st_ino, stat.st_mtime_ns, stat.st_size)


def stamp_on_disk(path: Path) -> FileStamp | None:
    """The stamp of `path` as it is now; None when it cannot be read (gone, no access)."""
    try:
        return FileStamp.of(os.stat(path))
    except OSError:
        return None
