"""Atomic replacement of a file and the advisory lock that serialises writers.

The lock is taken on the file's folder rather than on the file: the file is replaced by
rename on every save, so a lock on its inode would protect the old, unlinked copy.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from pctui.i18n import _
from pctui.storage.problems import SaveError


@contextlib.contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive flock on the folder of `path` for the duration of the block."""
    fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _explain(error: OSError, path: Path) -> str:
    if error.errno == errno.ENOSPC:
        message = _("{path}: the disk is full; nothing was written (free space, then act again)")
    elif error.errno in (errno.EROFS,):
        message = _("{path}: the file system is read-only; nothing was written")
    elif error.errno in (errno.EACCES, errno.EPERM):
        message = _(
            "{path}: permission denied; nothing was written (check the folder's group and mode)"
        )
    else:
        message = _("{path}: could not write ({error}); nothing was written")
    return message.format(path=path, error=error.strerror)


def write_atomic(path: Path, data: bytes) -> os.stat_result:
    """Replace `path` with `data`: temp file in the same folder, fsync, rename, fsync folder.

    A crash at any moment leaves the old file or the new one, never a torn one. The new
    file keeps the old one's mode and group, so a group-writable shared repository stays
    group-writable. Returns the new file's stat. Raises SaveError with a message a person
    can act on, leaving the original untouched.
    """
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if old is not None:
                os.fchmod(fd, old.st_mode & 0o7777)
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, -1, old.st_gid)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.fchmod(fd, 0o666 & ~umask)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SaveError(_explain(error, path)) from error
    with contextlib.suppress(OSError):
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    return path.stat()
