"""What the file on disk holds that HEAD's version does not: the changes a commit records.

Only the item blocks whose text differs between the two versions are parsed, so finding
the changes of one sign-off in a file of 10,000 items parses two small blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pctui.git.versions import Version, VersionReader
from pctui.model.records import APPROVE, Item, Review, Signoff, Verdict
from pctui.model.state import APPROVED, item_state, standings

SignoffKey = tuple[int, str, str, str, Verdict, str]  # no, stage, by, at, verdict, digest
RevisionKey = tuple[int, str, str, str]


def signoff_key(no: int, signoff: Signoff) -> SignoffKey:
    """What identifies a sign-off across versions and merges (its revision's index may move)."""
    return (no, signoff.stage, signoff.by, signoff.at.isoformat(), signoff.verdict, signoff.digest)


def revision_key(no: int, item: Item, index: int) -> RevisionKey:
    """What identifies revision `index` (0-based) of `item` across versions and merges."""
    revision = item.revisions[index]
    return (no, revision.author, revision.at.isoformat(), revision.digest)


@dataclass(frozen=True)
class Change:
    """One recorded change: a line for the commit message, and the sign-off if it is one."""

    no: int
    line: str
    signoff: Signoff | None = None  # a new sign-off
    withdrawn: Signoff | None = None  # a sign-off withdrawn since


@dataclass
class Pending:
    """Everything the current version adds to the base (HEAD's) version."""

    changes: list[Change] = field(default_factory=list)
    approved: list[tuple[Item, str]] = field(default_factory=list)  # (item, the last stage)
    header_changed: bool = False
    new_file: bool = False  # HEAD has no (readable) version: only sign-offs are listed
    items: int = 0  # items in the current version (counted for a new file only)

    @property
    def signoffs(self) -> list[Change]:
        """The changes that are new sign-offs."""
        return [c for c in self.changes if c.signoff is not None]

    def __bool__(self) -> bool:
        return bool(self.changes or self.approved or self.header_changed or self.new_file)


def describe_signoff(no: int, signoff: Signoff) -> str:
    """`No.7 係長 approve by suzuki (revision 2)`: one sign-off in a commit message."""
    s = signoff
    return f"No.{no} {s.stage} {s.verdict} by {s.by} (revision {s.revision})"


def _changed(version: Version, others: set[str], reader: VersionReader) -> list[Item] | None:
    """The items of `version` whose block is not among `others` (None: a block did not parse)."""
    found: list[Item] = []
    for block in version.blocks:
        if block not in others:
            item = reader.item(block)
            if item is None:
                return None
            found.append(item)
    return found


def _changed_items(
    old: Version, new: Version, reader: VersionReader
) -> tuple[list[Item], list[Item]] | None:
    """(old items, new items) whose blocks differ; None when HEAD's version is unreadable."""
    old_blocks, new_blocks = set(old.blocks), set(new.blocks)
    maybe_new = _changed(new, old_blocks, reader)
    maybe_old = _changed(old, new_blocks, reader)
    if maybe_new is None or maybe_old is None or not old.blocks or not new.blocks:
        maybe_new, maybe_old = reader.items(new), reader.items(old)  # an odd layout
    return None if old.problem else (maybe_old, maybe_new)


def pending(base: bytes | None, current: bytes, review: Review, path: str) -> Pending:
    """The changes `current` (the file's bytes) holds over `base` (HEAD's bytes, or None)."""
    reader = VersionReader(path)
    new = reader.split(current)
    old = reader.split(base) if base is not None else None
    changed = _changed_items(old, new, reader) if old is not None else None
    old_items: dict[int, Item] = {}
    if changed is None:  # HEAD has no (readable) version of the file
        new_items = reader.items(new)
        result = Pending(new_file=True, items=len(new_items))
    else:
        result = Pending(header_changed=old is not None and old.header != new.header)
        old_items = {item.no: item for item in changed[0]}
        new_items = changed[1]
    for item in new_items:
        _compare(old_items.get(item.no), item, review, result)
    gone = set(old_items) - {item.no for item in new_items}
    for no in sorted(gone):
        result.changes.append(Change(no, f"No.{no} removed"))
    return result


def _compare(old: Item | None, new: Item, review: Review, result: Pending) -> None:
    no = new.no
    if result.new_file:  # a new file: its sign-offs are recorded, the rest goes without saying
        for signoff in new.signoffs:
            result.changes.append(Change(no, describe_signoff(no, signoff), signoff))
        return
    if old is None:
        result.changes.append(Change(no, f"No.{no} added"))
        old = Item(no=no, section=new.section, opinion=new.opinion, topic=new.topic,
                   count=new.count, klass=new.klass)  # fmt: skip
    facts = ("section", "topic", "opinion", "count", "klass")
    edited = [name for name in facts if getattr(old, name) != getattr(new, name)]
    if edited:
        names = ", ".join("class" if name == "klass" else name for name in edited)
        result.changes.append(Change(no, f"No.{no} {names} edited"))
    known_revisions = {revision_key(no, old, i) for i in range(len(old.revisions))}
    for index in range(len(new.revisions)):
        if revision_key(no, new, index) not in known_revisions:
            revision = new.revisions[index]
            result.changes.append(Change(no, f"No.{no} revision {index + 1} by {revision.author}"))
    old_signoffs = {signoff_key(no, s): s for s in old.signoffs}
    for signoff in new.signoffs:
        before = old_signoffs.get(signoff_key(no, signoff))
        if before is None:
            result.changes.append(Change(no, describe_signoff(no, signoff), signoff))
        if signoff.withdrawn is not None and (before is None or before.withdrawn is None):
            line = f"No.{no} {signoff.stage} sign-off by {signoff.by} withdrawn"
            result.changes.append(Change(no, line, withdrawn=signoff))
    if item_state(new, review) == APPROVED and not _same_approval(old, new, review):
        result.approved.append((new, _last_stage(new, review)))


def _same_approval(old: Item, new: Item, review: Review) -> bool:
    """True when `old` was already approved with the same text (nothing new to announce)."""
    if old.current is None or new.current is None:
        return False
    return item_state(old, review) == APPROVED and old.current.digest == new.current.digest


def _last_stage(item: Item, review: Review) -> str:
    """The stage whose approval completed the item: the last valid approval in file order.

    Sign-offs are appended as they are made, so the file's order is the order they were
    made in; their times are kept to the second and several can share one.
    """
    valid = [s.signoff for s in standings(item, review)
             if s.counts and s.signoff.verdict == APPROVE]  # fmt: skip
    return valid[-1].stage if valid else ""
