"""`Registry`: a consultation's submissions, opinions, redactions and groups in SQLite.

Every write is one transaction, begun IMMEDIATE so that a second writer waits for the
first instead of failing halfway: an import killed or interrupted mid-way leaves the
registry as it was, two importers at once both land in full. The file is in WAL mode, so
readers (`pctui intake status`, the grouping screen) never wait for a writer.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from pctui.i18n import _
from pctui.intake import schema
from pctui.intake.location import (
    RegistryRefused,
    add_ignore_rule,
    create_file,
    refuse_if_tracked,
    registry_path,
)
from pctui.intake.records import (
    Group,
    Member,
    PublicOpinion,
    Redaction,
    RedactionStatus,
    Submission,
)
from pctui.intake.redact import find_personal_data, public_text
from pctui.intake.split import split_opinions

__all__ = ["Added", "Incoming", "Registry", "RegistryRefused", "registry_path"]

# How long a writer waits for another writer's transaction (an import of 200,000
# submissions holds it for some seconds) before it gives up with nothing changed.
WAIT_SECONDS = 300.0
ASSIGNED_PREFIX = "R"
CHUNK = 500  # ids in one `IN (...)` query (SQLite allows 32,766 parameters; 500 is plenty)


@dataclass(frozen=True)
class Incoming:
    """A submission read from a source, before it is in the registry: `submission.number`
    is "" when the source gives none (one is assigned), `place` says where it was read
    (`path:line`) for the messages."""

    submission: Submission
    place: str
    occurrence: int = 1  # the how-manyth identical unnumbered submission of its source


@dataclass
class Added:
    """What one `Registry.add` did."""

    added: int = 0
    already: int = 0  # present from an earlier import of the same source
    opinions: int = 0
    redactions: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (place, message)


def _insert_group(db: sqlite3.Connection, group: Group, position: int) -> None:
    """Write `group` and its members at `position` among the groups (inside a transaction)."""
    db.execute(
        "INSERT INTO groups (id, position, representative) VALUES (?, ?, ?)",
        (group.id, position, group.representative),
    )
    db.executemany(
        "INSERT INTO members (opinion, grp, position, added) VALUES (?, ?, ?, ?)",
        [(m.opinion, group.id, n, m.added) for n, m in enumerate(group.members)],
    )


def digest(submission: Submission) -> str:
    """A digest of everything a submission holds but its number."""
    fields = astuple(submission)[1:]
    return hashlib.sha256("\x00".join(fields).encode("utf-8")).hexdigest()


def key_of(incoming: Incoming, content: str) -> str:
    """What makes a submission the same one when its source is imported again: its
    受付番号 when the source gives one, else its content and how many identical ones came
    before it in the source (so that two identical letters stay two)."""
    number = incoming.submission.number
    return f"no:{number}" if number else f"content:{content}:{incoming.occurrence}"


class Registry:
    """An open registry. Use `Registry.open(path)` as a context manager."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    @classmethod
    def open(cls, path: Path, *, shared_with: Path | None = None) -> Registry:
        """Open the registry at `path`, creating it (with its tables, mode and ignore rule:
        see `location`) when absent. `shared_with` is the consultation file, whose group a
        new registry shares when that file is group-writable. RegistryRefused when git
        tracks it or it is not a registry."""
        refuse_if_tracked(path)
        if not path.exists():
            if not path.parent.is_dir():
                raise RegistryRefused(_("{path}: no such folder").format(path=path.parent))
            try:
                create_file(path, shared_with)
            except FileExistsError:
                pass  # another process created it a moment ago
            else:
                add_ignore_rule(path)
        connection = sqlite3.connect(path, timeout=WAIT_SECONDS, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            registry = cls(path, connection)
            registry._create_tables()
        except sqlite3.DatabaseError as error:
            connection.close()
            message = _("{path}: not an intake registry ({error})")
            raise RegistryRefused(message.format(path=path, error=error)) from None
        return registry

    def __enter__(self) -> Registry:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (what was committed stays)."""
        self._db.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back on any
        exception (KeyboardInterrupt too)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _create_tables(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == schema.VERSION:
            return
        if version > schema.VERSION:
            message = _("{path}: written by a newer pctui (registry version {version})")
            raise RegistryRefused(message.format(path=self.path, version=version))
        with self._writing() as db:
            for statement in schema.TABLES.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {schema.VERSION}")

    def add(
        self,
        incoming: Iterable[Incoming],
        progress: Callable[[int], None] | None = None,
    ) -> Added:
        """Add submissions, with their opinions and redactions, in one transaction.

        A submission already present (same 受付番号 and content, or the same unnumbered
        content at the same place among its copies) is passed over; a 受付番号 present
        with other content is a conflict, reported and not added. `progress` is called
        with the count handled so far every 1,000 submissions.
        """
        done = Added()
        with self._writing() as db:
            row = db.execute("SELECT value FROM counters WHERE name = 'assigned'").fetchone()
            assigned = row[0] if row else 0
            for count, one in enumerate(incoming, start=1):
                if progress is not None and count % 1000 == 0:
                    progress(count)
                content = digest(one.submission)
                key = key_of(one, content)
                number = one.submission.number
                if number:
                    found = db.execute(
                        "SELECT digest FROM submissions WHERE number = ?", (number,)
                    ).fetchone()
                    if found is not None:
                        if found[0] == content:
                            done.already += 1
                        else:
                            message = _(
                                "受付番号 {number} is already in the registry with other "
                                "content; not imported"
                            )
                            done.conflicts.append((one.place, message.format(number=number)))
                        continue
                else:
                    if db.execute("SELECT 1 FROM submissions WHERE key = ?", (key,)).fetchone():
                        done.already += 1
                        continue
                    assigned += 1
                    number = f"{ASSIGNED_PREFIX}{assigned:07d}"
                    while db.execute(
                        "SELECT 1 FROM submissions WHERE number = ?", (number,)
                    ).fetchone():
                        assigned += 1
                        number = f"{ASSIGNED_PREFIX}{assigned:07d}"
                self._insert(db, number, key, content, one, done)
            db.execute(
                "INSERT INTO counters (name, value) VALUES ('assigned', ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (assigned,),
            )
        return done

    @staticmethod
    def _insert(
        db: sqlite3.Connection, number: str, key: str, content: str, one: Incoming, done: Added
    ) -> None:
        s = one.submission
        db.execute(
            "INSERT INTO submissions (number, key, digest, received, method, name, address, "
            "email, phone, raw, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (number, key, content, s.received, s.method, s.name, s.address, s.email, s.phone,
             s.raw, one.place),
        )  # fmt: skip
        for k, text in enumerate(split_opinions(s.raw), start=1):
            opinion = f"{number}-{k}"
            finds = find_personal_data(text)
            public = public_text(text, [(f.start, f.end) for f in finds])
            db.execute(
                "INSERT INTO opinions (id, submission, k, text, public) VALUES (?, ?, ?, ?, ?)",
                (opinion, number, k, text, public),
            )
            db.executemany(
                "INSERT INTO redactions (opinion, start, stop, reason) VALUES (?, ?, ?, ?)",
                [(opinion, f.start, f.end, f.reason) for f in finds],
            )
            done.opinions += 1
            done.redactions += len(finds)
        done.added += 1

    def opinions(self) -> Iterator[PublicOpinion]:
        """Every opinion in its public (redacted) form, by 受付番号 and then k."""
        rows = self._db.execute(
            "SELECT id, submission, k, public FROM opinions ORDER BY submission, k"
        )
        for opinion, submission, k, text in rows:
            yield PublicOpinion(opinion, submission, k, text)

    def submissions(self) -> Iterator[Submission]:
        """Every submission as received, submitter fields included (never to publish)."""
        rows = self._db.execute(
            "SELECT number, received, method, name, address, email, phone, raw "
            "FROM submissions ORDER BY number"
        )
        for row in rows:
            yield Submission(*row)

    def replace_groups(self, groups: Sequence[Group]) -> None:
        """Replace every group by `groups`, in one transaction, in their order."""
        with self._writing() as db:
            db.execute("DELETE FROM members")
            db.execute("DELETE FROM groups")
            for position, group in enumerate(groups):
                _insert_group(db, group, position)

    def change_groups(self, remove: Sequence[str], add: Sequence[Group]) -> None:
        """Remove the groups `remove` and add `add`, in one transaction (a split or a
        merge): KeyError, with nothing changed, when a group to remove is gone (another
        reviewer changed the groups meanwhile). The new groups come after the others."""
        with self._writing() as db:
            for group_id in remove:
                if db.execute("SELECT 1 FROM groups WHERE id = ?", (group_id,)).fetchone() is None:
                    raise KeyError(group_id)
                db.execute("DELETE FROM members WHERE grp = ?", (group_id,))
                db.execute("DELETE FROM groups WHERE id = ?", (group_id,))
            row = db.execute("SELECT MAX(position) FROM groups").fetchone()
            position = -1 if row[0] is None else int(row[0])
            for group in add:
                position += 1
                _insert_group(db, group, position)

    def group(self, group_id: str) -> Group | None:
        """One group with its members, or None when there is no such group."""
        row = self._db.execute(
            "SELECT representative FROM groups WHERE id = ?", (group_id,)
        ).fetchone()
        if row is None:
            return None
        members = self._db.execute(
            "SELECT opinion, added FROM members WHERE grp = ? ORDER BY position", (group_id,)
        )
        return Group(group_id, row[0], tuple(Member(opinion, added) for opinion, added in members))

    def group_sizes(self) -> list[tuple[str, str, int]]:
        """Each group's id, representative and number of members, largest first (then by
        representative): counted on the members' index alone, no text read, so that the
        48,000 groups of 200,000 opinions list in a twelfth of a second."""
        return [
            (group_id, representative, int(size))
            for group_id, representative, size in self._db.execute(
                "SELECT g.id, g.representative, c.size FROM groups g JOIN (SELECT grp, "
                "COUNT(*) AS size FROM members GROUP BY grp) c ON c.grp = g.id "
                "ORDER BY c.size DESC, g.representative"
            )
        ]

    def member_counts(self, group_id: str) -> tuple[int, int]:
        """How many members group `group_id` has, and how many of those after the
        representative add text to it ((0, 0) when there is no such group)."""
        total, adding = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(position > 0 AND added != ''), 0) FROM members "
            "WHERE grp = ?",
            (group_id,),
        ).fetchone()
        return int(total), int(adding)

    def members_page(self, group_id: str, *, adding: bool, offset: int, limit: int) -> list[Member]:
        """`limit` members of group `group_id` from the `offset`-th, in the group's order,
        among those after the representative that add text (`adding`) or that do not: a
        page of a group of 200,000 is read without the rest of it."""
        test = "!=" if adding else "="
        rows = self._db.execute(
            f"SELECT opinion, added FROM members WHERE grp = ? AND position > 0 "
            f"AND added {test} '' ORDER BY position LIMIT ? OFFSET ?",
            (group_id, limit, offset),
        )
        return [Member(opinion, added) for opinion, added in rows]

    def public_texts(self, opinions: Iterable[str]) -> dict[str, str]:
        """The public (redacted) texts of `opinions` that exist, by id (read 500 at a time:
        a split or a merge of a campaign reads 200,000)."""
        found: dict[str, str] = {}
        wanted = list(dict.fromkeys(opinions))
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            found.update(
                self._db.execute(
                    f"SELECT id, public FROM opinions WHERE id IN ({marks})",
                    chunk,
                ).fetchall()
            )
        return found

    def groups(self) -> list[Group]:
        """Every group, in the order `replace_groups` was given them."""
        members: dict[str, list[Member]] = {}
        for grp, opinion, added in self._db.execute(
            "SELECT grp, opinion, added FROM members ORDER BY grp, position"
        ):
            members.setdefault(grp, []).append(Member(opinion, added))
        return [
            Group(group_id, representative, tuple(members.get(group_id, [])))
            for group_id, representative in self._db.execute(
                "SELECT id, representative FROM groups ORDER BY position"
            )
        ]

    def redactions(self, status: RedactionStatus | None = None) -> list[Redaction]:
        """The redactions (of one status, or all), by opinion and place."""
        query = (
            "SELECT r.id, r.opinion, r.start, r.stop, substr(o.text, r.start + 1, "
            "r.stop - r.start), r.reason, r.status FROM redactions r "
            "JOIN opinions o ON o.id = r.opinion"
        )
        parameters: tuple[str, ...] = ()
        if status is not None:
            query += " WHERE r.status = ?"
            parameters = (str(status),)
        rows = self._db.execute(query + " ORDER BY o.submission, o.k, r.start", parameters)
        return [
            Redaction(rid, opinion, start, stop, original, reason, RedactionStatus(state))
            for rid, opinion, start, stop, original, reason, state in rows
        ]

    def review_redaction(self, redaction: int, status: RedactionStatus) -> None:
        """Set a redaction's status and rewrite its opinion's public text, in one
        transaction (KeyError when there is no such redaction)."""
        self.review_redactions({redaction: status})

    def review_redactions(self, statuses: Mapping[int, RedactionStatus]) -> None:
        """Set each redaction's status and rewrite the public text of the opinions they are
        in, all in one transaction: KeyError (and nothing changed) when one of them does
        not exist, so that a reviewer's list of ids is applied whole or not at all."""
        with self._writing() as db:
            touched: set[str] = set()
            for redaction, status in statuses.items():
                row = db.execute(
                    "SELECT opinion FROM redactions WHERE id = ?", (redaction,)
                ).fetchone()
                if row is None:
                    raise KeyError(redaction)
                db.execute(
                    "UPDATE redactions SET status = ? WHERE id = ?", (str(status), redaction)
                )
                touched.add(row[0])
            for opinion in sorted(touched):
                row = db.execute("SELECT text FROM opinions WHERE id = ?", (opinion,)).fetchone()
                text = row[0]
                spans = db.execute(
                    "SELECT start, stop FROM redactions WHERE opinion = ? AND status != ?",
                    (opinion, str(RedactionStatus.REVERTED)),
                ).fetchall()
                db.execute(
                    "UPDATE opinions SET public = ? WHERE id = ?",
                    (public_text(text, [(a, b) for a, b in spans]), opinion),
                )

    def original_texts(self, opinions: Iterable[str]) -> dict[str, str]:
        """The texts of `opinions` as written, personal data included: for showing a
        reviewer the words around a redaction, never to publish."""
        found: dict[str, str] = {}
        for opinion in opinions:
            row = self._db.execute("SELECT text FROM opinions WHERE id = ?", (opinion,)).fetchone()
            if row is not None:
                found[opinion] = row[0]
        return found

    def scalar(self, query: str, *parameters: object) -> int:
        """The one number a counting query returns (for `counts`)."""
        value = self._db.execute(query, parameters).fetchone()[0]
        return int(value or 0)

    def rows(self, query: str, *parameters: object) -> list[tuple[Any, ...]]:
        """The rows of a read-only query (for `counts`)."""
        return [tuple(row) for row in self._db.execute(query, parameters)]
