"""Which commit brought each entry of one item's history into git: the revisions,
summaries, sign-offs, withdrawals, assignments, notes and moves of `model.history`, each paired
with the first commit of the file's history that holds it (None when no commit does yet).

Reuses the audit's reading of history (`file_history`: one `git log` and one
`git cat-file --batch`; `VersionReader`: each distinct item block parsed once)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from pctui.git.changes import signoff_key
from pctui.git.history import Commit, file_history
from pctui.git.repo import find_repo
from pctui.git.run import GitError
from pctui.git.versions import VersionReader
from pctui.model.history import Event, EventKind, item_events
from pctui.model.records import Assignment, Item, Move, Note, Revision, Signoff, Summary
from pctui.storage import ConsultationFile


@dataclass(frozen=True)
class Entry:
    """One event of the item's history and the commit that brought it in (None: not
    committed, or the file is not in a repository)."""

    event: Event
    commit: Commit | None


@dataclass
class ItemHistory:
    """An item's history, oldest first, and why git could not be asked ("" when it was)."""

    entries: list[Entry] = field(default_factory=list)
    git_problem: str = ""
    commits: int = 0  # commits of the file's history read


def _keys(no: int, item: Item) -> list[tuple[EventKind, Hashable]]:
    """What identifies each entry of `item` across versions (its place may move in a merge)."""
    found: list[tuple[EventKind, Hashable]] = []
    found += [(EventKind.REVISION, (r.author, r.at, r.text)) for r in item.revisions]
    found += [(EventKind.SUMMARY, (s.author, s.at, s.text)) for s in item.summaries]
    for signoff in item.signoffs:
        found.append((EventKind.SIGNOFF, signoff_key(no, signoff)))
        if signoff.withdrawn is not None:
            found.append((EventKind.WITHDRAWAL, signoff_key(no, signoff)))
    found += [(EventKind.ASSIGNMENT, (a.to, a.by, a.at)) for a in item.assignments]
    found += [(EventKind.NOTE, (n.by, n.at, n.text)) for n in item.notes]
    found += [(EventKind.MOVE, _move_key(m)) for m in item.moves]
    return found


def _move_key(move: Move) -> Hashable:
    return (move.action, move.source, move.target, move.labels, move.by, move.at)


def _key(no: int, event: Event) -> tuple[EventKind, Hashable]:
    record = event.record
    if isinstance(record, Signoff):
        return (event.kind, signoff_key(no, record))
    if isinstance(record, Revision | Summary):
        return (event.kind, (record.author, record.at, record.text))
    if isinstance(record, Assignment):
        return (event.kind, (record.to, record.by, record.at))
    if isinstance(record, Move):  # one kind for the three actions: the record says which
        return (EventKind.MOVE, _move_key(record))
    assert isinstance(record, Note)
    return (event.kind, (record.by, record.at, record.text))


def item_history(file: ConsultationFile, no: int) -> ItemHistory:
    """Item `no`'s history as the file loaded holds it, each entry with its commit.

    Outside a repository, or when git fails, every commit is None and `git_problem` says
    why: the file's own history is still whole. KeyError when there is no item `no`.
    """
    item = file.consultation.item(no)
    if item is None:
        raise KeyError(no)
    events = item_events(item, file.consultation.review)
    history = ItemHistory()
    try:
        repo = find_repo(file.path)
        commits = file_history(repo.root, repo.relative(file.path)) if repo.has_head() else []
    except GitError as error:
        history.git_problem = str(error)
        commits = []
    history.commits = len(commits)
    first: dict[tuple[EventKind, Hashable], Commit] = {}
    reader = VersionReader(str(file.path))
    for commit in commits:
        if commit.content is None:
            continue
        for old in reader.items(reader.split(commit.content)):
            if old.no == no:
                for key in _keys(no, old):
                    first.setdefault(key, commit)
    history.entries = [Entry(event, first.get(_key(no, event))) for event in events]
    return history
