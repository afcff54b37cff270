"""The changes of one file that a commit would record now: `git diff HEAD -- FILE`.

What `pctui commit` (and `c` in the TUI) commits is the file as it is on disk against
HEAD's version (`git commit --only`), so that is the diff shown, whatever is staged. A file
HEAD does not hold yet is shown whole, as added. Runs git and waits: call it from a worker
in the TUI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pctui.git.repo import find_repo
from pctui.git.run import GitError, git, literal
from pctui.i18n import N_, _

# Plain output whatever the user's configuration: no colour codes, no external diff tool or
# text conversion, no renames to follow; the consultation file is text.
DIFF_OPTIONS = ("--no-color", "--no-ext-diff", "--no-textconv", "--text")

NOTHING = N_("nothing to commit: HEAD already holds {name} as it is")


@dataclass(frozen=True)
class PendingDiff:
    """The unified diff of the file against HEAD ("" when there is none), or why not."""

    text: str
    message: str = ""  # why there is no diff (nothing pending, no repository, git failed)
    new_file: bool = False  # HEAD does not hold the file: the diff adds all of it


def pending_diff(path: Path) -> PendingDiff:
    """The diff a commit of `path` would record now. Never raises for a git problem."""
    try:
        repo = find_repo(path)
    except GitError as error:
        return PendingDiff("", str(error))
    try:
        name = repo.relative(path)
        tracked = (
            repo.has_head()
            and git(["cat-file", "-e", f"HEAD:{name}"], repo.root, check=False).returncode == 0
        )
        if tracked:
            done = git(["diff", *DIFF_OPTIONS, "HEAD", "--", *literal([name])], repo.root)
        else:
            # --no-index exits 1 when the files differ, which they always do here.
            done = git(["diff", *DIFF_OPTIONS, "--no-index", "--", "/dev/null", name],
                       repo.root, check=False)  # fmt: skip
            if done.returncode not in (0, 1):
                raise GitError(done.stderr.decode("utf-8", "replace").strip())
    except GitError as error:
        return PendingDiff("", str(error))
    text = done.stdout.decode("utf-8", "replace")
    if not text.strip():
        return PendingDiff("", _(NOTHING).format(name=path.name))
    return PendingDiff(text, new_file=not tracked)
