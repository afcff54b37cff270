"""Atomic replacement of a file and the advisory lock that serialises writers.

The lock is taken on the file's folder rather than on the file: the file is replaced by
rename on every save, so a lock on its inode would protect the old, unlinked copy.

A path that is a symbolic link is resolved first, everywhere here: the temporary file is
made beside the file the link names and renamed over that file, and the lock is that
file's folder's. Renaming over the link itself would replace it with a second copy, and
the file git tracks would silently stop receiving sign-offs.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pctui.base.problems import SaveError
from pctui.i18n import _


def target(path: Path) -> Path:
    """The file `path` names once every symbolic link on the way is followed (the path
    itself when none is; where a dangling link points, so that a write creates it there).
    A loop is left as it is: writing to it fails and says so."""
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive flock on the folder of the file `path` names for the block."""
    try:
        fd = os.open(target(path).parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise SaveError(_explain(error, path)) from error
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _explain(error: OSError, path: Path) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive, just not ours to signal
    return True


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files of `path` that writers killed mid-save left; returns them.

    A writer names its temporary file `.NAME.PID.tmp`; while that process lives the file
    may be about to be renamed and is left alone. One whose process is gone can never be
    renamed: it is only a copy of a save that did not happen, so it is deleted (its content
    is never read back; the file itself is the old version or the new one).
    """
    path = target(path)
    prefix = f".{path.name}."
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        pid = name[len(prefix) : -len(".tmp")]
        if not (name.startswith(prefix) and name.endswith(".tmp") and pid.isdigit()):
            continue
        if int(pid) == os.getpid() or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(path.parent / name)
            removed.append(path.parent / name)
    return removed


def _read_only(path: Path, real: Path, old: os.stat_result) -> str | None:
    """Why `path` must not be replaced although its folder is writable, or None.

    Replacing by rename needs only the folder's permission, so the file's own is checked
    here: a file nobody may write (all write bits off) was made read-only on purpose,
    root included, and one the current user may not write is someone else's to change.
    """
    if old.st_mode & 0o222 == 0:
        message = _(
            "{path}: the file is read-only; nothing was written (chmod u+w to allow changes)"
        )
        return message.format(path=path)
    if not os.access(real, os.W_OK):
        with contextlib.suppress(OSError):
            if os.statvfs(real.parent).f_flag & os.ST_RDONLY:
                return _("{path}: the file system is read-only; nothing was written").format(
                    path=path
                )
        message = _(
            "{path}: permission denied; nothing was written (check the file's group and mode)"
        )
        return message.format(path=path)
    return None


def write_atomic(path: Path, data: bytes, shared_like: Path | None = None) -> os.stat_result:
    """Replace `path` with `data`: temp file in the same folder, fsync, rename, fsync folder.

    A symbolic link is kept: the file it names is the one replaced (see `target`). A crash
    at any moment leaves the old file or the new one, never a torn one. The new file keeps
    the old one's mode and group, so a group-writable shared repository stays
    group-writable. Returns the new file's stat. Raises SaveError with a message a person
    can act on, leaving the original untouched. A new file is shared like `shared_like`
    when that is group-writable (see `write_all_atomic`).
    """
    real = target(path)
    temp = _written_aside(path, real, data, _shared(shared_like))
    try:
        os.replace(temp, real)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SaveError(_explain(error, path)) from error
    _sync_folder(real.parent)
    return _stat_written(path)


def write_all_atomic(
    files: Sequence[tuple[Path, bytes]], shared_like: Path | None = None
) -> list[os.stat_result]:
    """Replace every one of `files` (path, data), each as `write_atomic` does, or none.

    Each is first written to its temporary file and synced; only when all of them are
    there are they renamed into place, one after the other, and their folders synced. So a
    full disk, or a file that may not be replaced, leaves all of them as they were, not a
    set of new and old (a publication whose HTML says one thing and its spreadsheet
    another). Only a rename failing half-way (it should not, once every temporary file is
    written beside its target) or a crash between two renames can leave some replaced;
    the message then says which. Returns the new files' stats.

    A file that does not exist yet is created as the umask says, or, when `shared_like`
    (the consultation file the outputs belong to) is group-writable, with its mode and
    group: the next member of the group must be able to replace it.
    """
    paths = [path for path, _data in files]
    reals = [target(path) for path in paths]
    if len(set(reals)) != len(reals):
        raise ValueError("write_all_atomic: the same path twice")
    if len(files) == 1:
        return [write_atomic(*files[0], shared_like=shared_like)]
    like = _shared(shared_like)
    aside: list[tuple[Path, Path]] = []
    try:
        for (path, data), real in zip(files, reals, strict=True):
            aside.append((_written_aside(path, real, data, like), real))
    except SaveError as error:
        _discard(temp for temp, _path in aside)
        message = _("{error}; none of the {count} files was replaced")
        raise SaveError(message.format(error=error, count=len(files))) from error
    for done, (temp, real) in enumerate(aside):
        path = paths[done]
        try:
            os.replace(temp, real)
        except OSError as error:
            _discard(later for later, _path in aside[done:])
            if not done:
                message = _("{error}; none of the {count} files was replaced")
                raise SaveError(
                    message.format(error=_explain(error, path), count=len(files))
                ) from error
            message = _(
                "{path}: could not be put in place ({error}); already replaced: {done}; "
                "not replaced: {rest}"
            )
            raise SaveError(
                message.format(
                    path=path,
                    error=error.strerror,
                    done=", ".join(str(p) for p in paths[:done]),
                    rest=", ".join(str(p) for p in paths[done:]),
                )
            ) from error
    for folder in dict.fromkeys(real.parent for real in reals):
        _sync_folder(folder)
    return [_stat_written(path) for path in paths]


def _discard(temps: Iterable[Path]) -> None:
    for temp in temps:
        with contextlib.suppress(OSError):
            temp.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (best effort: not every file system can)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _stat_written(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except OSError as error:  # renamed, but no longer reachable: say so, not a traceback
        message = _("{path}: written, but cannot be read back ({error})")
        raise SaveError(message.format(path=path, error=error.strerror)) from error


def _shared(path: Path | None) -> os.stat_result | None:
    """The stat of `path` when it is a group-writable file (shared by a group), else None."""
    if path is None:
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    return info if info.st_mode & stat.S_IWGRP else None


def _written_aside(path: Path, real: Path, data: bytes, like: os.stat_result | None = None) -> Path:
    """`data` in the temporary file beside `real` (the file `path` names), synced, with
    `real`'s mode and group (a new file: `like`'s, else as the umask says); the temp.
    SaveError (naming `path`, the temporary file removed) when that cannot be done."""
    temp = real.with_name(f".{real.name}.{os.getpid()}.tmp")
    try:
        try:
            old: os.stat_result | None = real.stat()
        except FileNotFoundError:
            old = None
        if old is not None and not stat.S_ISREG(old.st_mode):
            message = _("{path}: not a regular file (a folder?); nothing was written")
            raise SaveError(message.format(path=path))
        refusal = _read_only(path, real, old) if old is not None else None
        if refusal:
            raise SaveError(refusal)
        remove_stale_temps(real)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if old is not None or like is not None:
                model = old if old is not None else like
                assert model is not None
                # A new file takes a shared file's read and write bits only.
                os.fchmod(fd, model.st_mode & (0o7777 if old is not None else 0o666))
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, -1, model.st_gid)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.fchmod(fd, 0o666 & ~umask)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SaveError(_explain(error, path)) from error
    return temp
