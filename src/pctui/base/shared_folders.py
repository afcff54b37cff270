"""Folders pctui creates beside a group-shared consultation, shared like its folder.

In a repository shared by a group (`git init --shared=group`, folders g+w and setgid) a
folder made under a reviewer's umask 022 is 0755: the next reviewer cannot write into it
(`pctui publish --out DIR` refused, "permission denied"). A new file already takes the
shared consultation's mode and group (`atomic.write_all_atomic`, `shared_like`); a new
folder takes the mode, setgid bit included, and the group of the consultation's folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from pctui.base.atomic import target


def group_shared(folder: Path) -> os.stat_result | None:
    """The stat of `folder` when a group shares it: group-writable, and not writable by
    everyone (/tmp's 1777 is nobody's model); else None."""
    try:
        info = target(folder).stat()
    except OSError:
        return None
    return info if info.st_mode & stat.S_IWGRP and not info.st_mode & stat.S_IWOTH else None


def _shared_folder(consultation: Path) -> os.stat_result | None:
    """The stat of `consultation`'s folder when both are group-writable (shared by a
    group), else None: nothing to follow, the umask decides as for any folder."""
    real = target(consultation)
    try:
        file = real.stat()
    except OSError:
        return None
    return group_shared(real.parent) if file.st_mode & stat.S_IWGRP else None


def make_folders(folder: Path, shared_like: Path) -> None:
    """Create `folder` and its missing parents (like `mkdir -p`); each one created takes
    the mode (setgid included) and group of `shared_like`'s folder when `shared_like` is a
    group-shared consultation. OSError when a folder cannot be created."""
    like = _shared_folder(shared_like)
    missing = []
    path = folder
    while not path.exists() and path != path.parent:
        missing.append(path)
        path = path.parent
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:
            if not path.is_dir():
                raise
            continue  # made meanwhile by another member: theirs to set
        if like is not None:
            # The permission bits and setgid only: never setuid or sticky from a folder.
            os.chmod(path, stat.S_IMODE(like.st_mode) & 0o2777)
            with contextlib.suppress(PermissionError):  # a group the user is not in
                os.chown(path, -1, like.st_gid)
