"""A file's git history: the commits that changed it (following renames) and its content in each.

Two git processes in all, however long the history: one `git log` and one
`git cat-file --batch` that streams every version.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pctui.git.message import SIGNOFF_TRAILER, WITHDRAWN_TRAILER
from pctui.git.run import GitError, git, literal

_FIELDS = ["%H", "%P", "%an", "%ae", "%aI",
           f"%(trailers:key={SIGNOFF_TRAILER},valueonly,separator=%x1d)",
           f"%(trailers:key={WITHDRAWN_TRAILER},valueonly,separator=%x1d)",
           "%cn", "%ce"]  # fmt: skip
# Asked for only by `audit --signed`: checking a signature runs gpg or ssh-keygen per commit.
_SIGNATURE_FIELDS = ["%G?", "%GS"]


@dataclass
class Commit:
    """One commit that changed the file, with the file's path and content in it."""

    sha: str
    parents: list[str]
    author: str
    email: str
    date: str  # ISO 8601
    recorded: set[str] = field(default_factory=set)  # Pctui-Signoff trailer values
    withdrawals: set[str] = field(default_factory=set)  # Pctui-Withdrawn trailer values
    path: str = ""
    content: bytes | None = None  # None when the file is absent there
    committer: str = ""  # who made the commit (`--author` can name someone else)
    committer_email: str = ""
    signature: str = ""  # git's %G?: G good, B bad, N none, U/X/Y/R/E see git-log (or "")
    signer: str = ""  # git's %GS: who signed (the key's principal or user id)

    @property
    def short(self) -> str:
        """The abbreviated commit id."""
        return self.sha[:10]

    @property
    def is_merge(self) -> bool:
        """True for a merge commit."""
        return len(self.parents) > 1


def _parse_log(raw: str, path: str, fields: int) -> list[Commit]:
    commits: list[Commit] = []
    current = path
    for record in raw.split("\x1e"):
        if not record.strip("\0\n"):
            continue
        parts = record.split("\x1f")
        if len(parts) < fields + 1:
            continue
        sha, parents, author, email, date, signed, withdrawn, committer, committer_email = parts[
            : len(_FIELDS)
        ]
        commit = Commit(sha, parents.split(), author, email, date)
        commit.committer, commit.committer_email = committer, committer_email
        if fields > len(_FIELDS):
            commit.signature, commit.signer = parts[len(_FIELDS) : fields]
        commit.recorded = {t.strip() for t in signed.split("\x1d") if t.strip()}
        commit.withdrawals = {t.strip() for t in withdrawn.split("\x1d") if t.strip()}
        tokens = [t for t in parts[fields].strip("\0\n").split("\0") if t != ""]
        commit.path = older = current
        if len(tokens) >= 3 and tokens[0][:1] in ("R", "C"):
            older, commit.path = tokens[1], tokens[2]  # renamed here: older commits use `older`
        elif len(tokens) >= 2:
            commit.path = older = tokens[1]
        current = older
        commits.append(commit)
    return commits


def file_history(root: Path, path: str, signatures: bool = False) -> list[Commit]:
    """Commits of HEAD's history that changed `path` (relative to `root`), oldest first.

    Renames are followed; each commit carries the file's path and bytes in it, and with
    `signatures` what git says of its signature (`signature`, `signer`).
    """
    fields = [*_FIELDS, *(_SIGNATURE_FIELDS if signatures else [])]
    fmt = "%x1e" + "%x1f".join(fields) + "%x1f"
    done = git(["-c", "core.quotePath=false", "log", "--follow", "--topo-order", "-M",
                f"--format={fmt}", "--name-status", "-z", "HEAD", "--", *literal([path])], root,
               check=False)  # fmt: skip
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace")
        if "does not have any commits" in stderr or "unknown revision" in stderr:
            return []
        raise GitError(stderr.strip() or "git log failed")
    if signatures:
        # git says "N" (not signed) of every commit when it cannot check signatures at all
        # (no gpg.ssh.allowedSignersFile, no gpg program) and only says why on stderr.
        errors = [line for line in done.stderr.decode("utf-8", "replace").splitlines()
                  if line.startswith(("error:", "fatal:"))]  # fmt: skip
        if errors:
            raise GitError("cannot check signatures: " + errors[0].split(":", 1)[1].strip())
    commits = _parse_log(done.stdout.decode("utf-8", "replace"), path, len(fields))
    commits.reverse()
    _fill(root, commits)
    return commits


def _fill(root: Path, commits: list[Commit]) -> None:
    """Read the file's bytes in every commit through one `git cat-file --batch`."""
    if not commits:
        return
    request = "".join(f"{c.sha}:{c.path}\n" for c in commits).encode("utf-8")
    try:
        done = subprocess.run(["git", "cat-file", "--batch"], cwd=root, input=request,
                              capture_output=True, check=False)  # fmt: skip
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror}") from None
    data = done.stdout
    position = 0
    for commit in commits:
        end = data.index(b"\n", position)
        header = data[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            commit.content = data[position : position + size]
            position += size + 1  # the content is followed by a newline
