"""The git repository a consultation file lives in, and whether a commit can be made now."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pctui.git.run import GitError, git, out
from pctui.i18n import _


@dataclass(frozen=True)
class Repo:
    """Where a file sits in its repository; git commands run in `root` with paths from there."""

    root: Path  # the work tree's top level (resolved)
    branch: str | None  # e.g. "refs/heads/main"; None on a detached HEAD
    index_lock: Path
    merge_head: Path
    rebasing: bool

    def relative(self, path: Path) -> str:
        """`path` relative to the top level, as git names it; GitError when outside it."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            message = _("{path} is outside the repository at {root}")
            raise GitError(message.format(path=path, root=self.root)) from None

    def has_head(self) -> bool:
        """True when the branch has at least one commit."""
        return git(["rev-parse", "-q", "--verify", "HEAD^{commit}"], self.root,
                   check=False).returncode == 0  # fmt: skip


def find_repo(path: Path) -> Repo:
    """The repository holding `path`; GitError when there is none (or git is missing)."""
    folder = path.resolve().parent
    lines = out(
        ["rev-parse", "--show-toplevel", "--git-path", "index.lock", "--git-path", "MERGE_HEAD",
         "--git-path", "rebase-merge", "--git-path", "rebase-apply"],
        folder,
    ).splitlines()  # fmt: skip
    if len(lines) != 5:
        raise GitError(_("{path}: not inside a git work tree").format(path=folder))
    root, lock, merge, rebase_merge, rebase_apply = lines
    head = git(["symbolic-ref", "-q", "HEAD"], folder, check=False)
    branch = head.stdout.decode().strip() if head.returncode == 0 else None
    rebasing = (folder / rebase_merge).exists() or (folder / rebase_apply).exists()
    return Repo(Path(root).resolve(), branch, folder / lock, folder / merge, rebasing)


def why_not_commit(repo: Repo) -> str | None:
    """Why a commit cannot be made in `repo` now (None when it can)."""
    if repo.rebasing:
        return _("a rebase is in progress; finish it (git rebase --continue) first")
    if repo.branch is None:
        return _("HEAD is detached (no branch is checked out); check out a branch first")
    if repo.merge_head.exists():
        return _("a merge is in progress; finish it (git commit) first")
    if repo.index_lock.exists():
        return _(
            "another git command is running in this repository ({lock} exists); "
            "try again when it has finished, or remove the lock if no git is running"
        ).format(lock=repo.index_lock)
    return None


def head_version(repo: Repo, path: Path) -> bytes | None:
    """The bytes of `path` in HEAD, or None when there is no HEAD or HEAD lacks the file."""
    done = git(["cat-file", "blob", f"HEAD:{repo.relative(path)}"], repo.root, check=False)
    return done.stdout if done.returncode == 0 else None
