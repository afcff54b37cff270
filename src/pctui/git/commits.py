"""Committing approved text: after a sign-off (`[git] commit = "on-approve"`) or on demand.

Only the consultation file and its published outputs are committed, with `git commit
--only -- PATHS`: whatever else the user has staged stays staged and out of the commit.
Every failure (no repository, detached HEAD, a held index.lock, a hook that refuses)
becomes a message; the file stays saved, and since the changes are found by comparing
the file with HEAD's version, the next commit picks them up.

These functions run git and wait for it: call them from a worker thread in the TUI.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pctui.base.atomic import folder_lock
from pctui.git import message
from pctui.git.changes import pending
from pctui.git.identity import Identities
from pctui.git.repo import Repo, find_repo, head_version, why_not_commit
from pctui.git.run import GitError, git, literal, out
from pctui.i18n import N_, _
from pctui.model.one_line import NotOneLine
from pctui.model.records import CommitMode, Consultation
from pctui.model.state import APPROVED, item_state
from pctui.model.zones import consultation_now
from pctui.storage import ConsultationFile

LATER = N_("the file is saved; the next commit (pctui commit FILE, or c in the TUI) includes it")


@dataclass(frozen=True)
class CommitResult:
    """What a commit attempt did, with one line to show the reviewer."""

    committed: bool
    failed: bool
    message: str  # "" when nothing was attempted (manual mode, item not approved)
    sha: str = ""
    subject: str = ""


def _failed(reason: str) -> CommitResult:
    said = _("not committed: {reason}; {later}").format(reason=reason, later=_(LATER))
    return CommitResult(False, True, said)


def published_outputs(file: ConsultationFile) -> list[Path]:
    """The published outputs of the file that exist (`pctui publish` writes them beside it)."""
    from pctui.publish import outputs  # the publish package is only needed here

    # `submitted`: the submitted opinions' CSV too, when an earlier publish wrote it.
    paths = outputs(file.path, file.consultation, submitted=True)
    return [path for path in paths if path.is_file()]


def after_signoff(file: ConsultationFile, no: int) -> CommitResult:
    """Commit when the file says `[git] commit = "on-approve"` and item `no` is now approved.

    Returns CommitResult with an empty message when there is nothing to do.
    """
    if file.consultation.commit_mode != CommitMode.ON_APPROVE:
        return CommitResult(False, False, "")
    item = file.consultation.item(no)
    if item is None or item_state(item, file.consultation.review) != APPROVED:
        return CommitResult(False, False, "")
    try:
        repo = find_repo(file.path)  # found once, here, to word its failure; then the commit
    except GitError as error:
        # Here, and only here, turning automatic commits off is a way out (an audit or a
        # commit by hand needs the repository all the same).
        manual = _('or set [git] commit = "manual" to commit by hand')
        return _failed(f"{error}; {manual}")
    return _commit_locked(repo, file, ())


def commit_pending(file: ConsultationFile, extra: Sequence[Path] = ()) -> CommitResult:
    """One commit of every sign-off, revision and edit of the file that HEAD does not hold.

    The file's published outputs that exist and `extra` paths are committed with it.
    Never raises for a git problem: the result says what went wrong.
    """
    try:
        repo = find_repo(file.path)
    except GitError as error:
        return _failed(str(error))
    return _commit_locked(repo, file, extra)


def _commit_locked(repo: Repo, file: ConsultationFile, extra: Sequence[Path]) -> CommitResult:
    """`commit_pending` in `repo`, found already."""
    try:
        # Under the folder's lock nobody saves between reading the file and committing it,
        # and another pctui's commit (with its index.lock) is finished before ours starts.
        with folder_lock(file.path):
            return _commit(repo, file, extra)
    except GitError as error:
        return _failed(str(error))
    except OSError as error:
        return _failed(f"{file.path}: {error.strerror}")


def _commit(repo: Repo, file: ConsultationFile, extra: Sequence[Path]) -> CommitResult:
    reason = why_not_commit(repo)
    if reason:
        return _failed(reason)
    current = file.path.read_bytes()
    consultation = file.consultation
    found = pending(head_version(repo, file.path), current, consultation.review, str(file.path))
    others = [path for path in [*published_outputs(file), *extra] if path.exists()]
    names = {repo.relative(file.path): file.path}
    for path in others:
        names.setdefault(repo.relative(path), path)
    changed = _changed(repo, list(names))
    if not changed:
        said = _("nothing to commit: HEAD already holds {name}").format(name=file.path.name)
        return CommitResult(False, False, said)
    outputs = [name for name in changed if names[name] != file.path]
    paths = changed
    identities = Identities(consultation.review, repo.root)
    try:  # the message first: a refused one leaves even the index as it was
        text = message.build(consultation.meta.id, found, consultation.review, identities, outputs)
        acting = identities.acting()
    except NotOneLine as refusal:
        said = _("not committed: {reason}; the file is saved; correct the value, then commit")
        return CommitResult(False, True, said.format(reason=refusal))
    _track(repo, paths)
    env = _office_dates(consultation)
    author = []
    if acting is not None:
        # The OS login's name and email from the file, over GIT_AUTHOR_* and git's
        # configuration (anyone can set those): author, and committer, since it is the
        # same person who runs git here.
        name, email = acting
        author = [f"--author={name} <{email}>"]
        env |= {"GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
    git(["commit", "--quiet", "--cleanup=whitespace", "--file=-", *author, "--only", "--",
         *literal(paths)], repo.root, input=text.encode("utf-8"), env=env)  # fmt: skip
    sha = out(["rev-parse", "--short", "HEAD"], repo.root)
    first = text.splitlines()[0]
    done = _("committed {sha}: {subject}").format(sha=sha, subject=first)
    return CommitResult(True, False, done, sha, first)


def _office_dates(consultation: Consultation) -> dict[str, str]:
    """git's author and committer dates on the office's clock, not the server's.

    git dates a commit in the zone of the process (TZ, else the machine's), so on a UTC
    server a commit made at 22:16 in Tokyo reads 13:16 in `git log` and can fall on the day
    before. The same instant with the consultation's offset is passed explicitly; a date
    the user set in the environment (a script replaying history) is left as it is."""
    moment = consultation_now(consultation).isoformat()
    return {
        name: moment for name in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE") if name not in os.environ
    }


def _changed(repo: Repo, names: list[str]) -> list[str]:
    """Which of `names` differ from HEAD or are new (ignored files are left out)."""
    status = out(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *literal(names)],
                 repo.root)  # fmt: skip
    changed = set()
    for entry in status.split("\0"):
        if len(entry) > 3:
            changed.add(entry[3:])
    return [name for name in names if name in changed]


def _track(repo: Repo, names: list[str]) -> None:
    """`git add` the paths git does not know yet (`commit --only` needs them known)."""
    tracked = out(["ls-files", "-z", "--", *literal(names)], repo.root).split("\0")
    new = [name for name in names if name not in tracked]
    if new:
        git(["add", "--", *literal(new)], repo.root)
