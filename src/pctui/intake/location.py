"""Where a consultation's registry lives, and the rules that keep it out of git.

The registry holds personal data, so: it is created readable by its owner only (0600), or
by the consultation file's group too (0660) where that file is shared with a group for
writing; the ignore rule for it (and SQLite's -wal and -shm files beside it) is added to
the .gitignore of its folder when it is created; and a registry that git tracks is refused
before anything is read from or written to it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from pctui.git.run import GitError, git, literal
from pctui.i18n import _
from pctui.model.records import Consultation

SUFFIX = ".intake.sqlite"


class RegistryRefused(Exception):
    """The registry cannot be used safely; the message says why and what to do."""


def registry_path(consultation_path: Path, consultation: Consultation) -> Path:
    """The registry of the consultation in `consultation_path`: `[intake] registry`
    (relative to the consultation's folder) when given, else `<name>.intake.sqlite`
    beside the file (`2025-jumin.toml` → `2025-jumin.intake.sqlite`)."""
    named = consultation.intake.registry
    if named:
        return consultation_path.parent / Path(named).expanduser()
    return consultation_path.with_name(consultation_path.stem + SUFFIX)


def _work_tree(folder: Path) -> Path | None:
    """The top of the git work tree `folder` is in, or None outside one (or without git)."""
    try:
        done = git(["rev-parse", "--show-toplevel"], folder, check=False)
    except GitError:
        return None
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode("utf-8", "surrogateescape").strip())


def refuse_if_tracked(path: Path) -> None:
    """RegistryRefused when git tracks `path` (or its -wal or -shm file)."""
    folder = path.parent
    if _work_tree(folder) is None:
        return
    names = [path.name, path.name + "-wal", path.name + "-shm"]
    done = git(["ls-files", "--", *literal(names)], folder, check=False)
    if done.returncode == 0 and done.stdout.strip():
        message = _(
            "{path}: git tracks this registry, and it holds personal data; remove it from "
            "git (git rm --cached, and from the history if it was pushed) before using it"
        )
        raise RegistryRefused(message.format(path=path))


def add_ignore_rule(path: Path, shared_with: Path | None = None) -> bool:
    """Add `/NAME*` for the registry to the .gitignore of its folder when git does not
    already ignore it; whether a rule was added (False outside a work tree). A new
    .gitignore takes the mode and group of `shared_with` (the consultation file) when that
    is group-writable, so that another member's registry can add its rule later."""
    folder = path.parent
    if _work_tree(folder) is None:
        return False
    done = git(["check-ignore", "-q", "--", path.name], folder, check=False)
    if done.returncode == 0:
        return False
    ignore = folder / ".gitignore"
    before = ignore.read_bytes() if ignore.exists() else b""
    if ignore.exists() and (ignore.stat().st_mode & 0o222 == 0 or not os.access(ignore, os.W_OK)):
        # Read-only on purpose (root included, as for a consultation file), or another's.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(ignore))
    separator = b"" if not before or before.endswith(b"\n") else b"\n"
    rule = "# the intake registry: personal data, never in git\n/" + path.name + "*\n"
    new = not ignore.exists()
    with ignore.open("ab") as out:
        if new and shared_with is not None and shared_with.exists():
            info = shared_with.stat()
            if info.st_mode & stat.S_IWGRP:
                os.fchmod(out.fileno(), info.st_mode & 0o666)
                if info.st_gid != os.fstat(out.fileno()).st_gid:
                    with contextlib.suppress(PermissionError):  # not a member: as it is
                        os.fchown(out.fileno(), -1, info.st_gid)
        out.write(separator + rule.encode("utf-8"))
    return True


def create_file(path: Path, shared_with: Path | None) -> None:
    """Create the empty registry file: mode 0600, or 0660 with the group of `shared_with`
    when that file is group-writable. FileExistsError when it exists."""
    group = None
    mode = 0o600
    if shared_with is not None and shared_with.exists():
        info = shared_with.stat()
        if info.st_mode & stat.S_IWGRP:
            group, mode = info.st_gid, 0o660
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if group is not None and group != os.fstat(fd).st_gid:
            os.fchown(fd, -1, group)
        os.fchmod(fd, mode)  # not left to the umask: 0660 must stay 0660
    finally:
        os.close(fd)
