"""`Registry`: a consultation's submissions, opinions, redactions and groups in SQLite.

Every write is one transaction, begun IMMEDIATE so that a second writer waits for the
first instead of failing halfway: an import killed or interrupted mid-way leaves the
registry as it was, two importers at once both land in full. The file is in WAL mode, so
readers (`pctui intake status`, the grouping screen) never wait for a writer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from pctui.i18n import _
from pctui.intake import schema
from pctui.intake.importing import Added, Incoming, add_submissions
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
from pctui.intake.redact import PATTERNS, public_text
from pctui.model.digest import members_digest

__all__ = ["Added", "Incoming", "Registry", "RegistryRefused", "registry_path"]

# How long a writer waits for another writer's transaction (an import of 200,000
# submissions holds it for some seconds) before it gives up with nothing changed.
WAIT_SECONDS = 300.0
CHUNK = 500  # ids in one `IN (...)` query (SQLite allows 32,766 parameters; 500 is plenty)
PAGE_SIZE = 16384
WRITE_CACHE_KIB = 65536
# The members' index by group, as the tables have it (a test holds the two together).
MEMBERS_OF_GROUP = "CREATE INDEX members_of_group ON members(grp, position)"


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


# Whether a member or a representative names no opinion of the registry (a group's own
# rows are written with it, so its members cannot name a group that is not there).
_UNKNOWN_OPINION = (
    "SELECT EXISTS (SELECT 1 FROM members m WHERE NOT EXISTS "
    "(SELECT 1 FROM opinions o WHERE o.id = m.opinion)) OR EXISTS (SELECT 1 FROM groups g "
    "WHERE NOT EXISTS (SELECT 1 FROM opinions o WHERE o.id = g.representative))"
)

# Each opinion with its submitter's name and address and whether it is its submission's
# last: the one with no next (k counts from 1 without gaps), found by its id, since the
# opinions have no index by submission (registry version 5).
SCAN_ROWS = (
    "SELECT o.id, o.text, s.name, s.address, NOT EXISTS (SELECT 1 FROM opinions l "
    "WHERE l.id = o.submission || '-' || (o.k + 1)) FROM opinions o JOIN submissions s "
    "ON s.number = o.submission ORDER BY o.submission, o.k"
)


class Registry:
    """An open registry. Use `Registry.open(path)` as a context manager."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        # The .gitignore that `open` added the registry's rule to (it created the registry
        # in a work tree that did not ignore it), for the command to say so: None otherwise.
        self.ignore_added: Path | None = None

    @classmethod
    def open(cls, path: Path, *, shared_with: Path | None = None) -> Registry:
        """Open the registry at `path`, creating it (with its tables, mode and ignore rule:
        see `location`) when absent. `shared_with` is the consultation file, whose group a
        new registry shares when that file is group-writable. RegistryRefused when git
        tracks it or it is not a registry."""
        refuse_if_tracked(path)
        ignore_added = False
        if not path.exists():
            if not path.parent.is_dir():
                raise RegistryRefused(_("{path}: no such folder").format(path=path.parent))
            try:
                create_file(path, shared_with)
            except FileExistsError:
                pass  # another process created it a moment ago
            else:
                try:
                    ignore_added = add_ignore_rule(path, shared_with)
                except OSError as error:
                    # Left behind, the next command would open it with no rule, one
                    # `git add -A` away from the history: not created at all.
                    path.unlink(missing_ok=True)
                    message = _(
                        "{ignore}: cannot add the rule /{name}* that keeps the registry "
                        "(personal data) out of git ({error}); nothing was created: make the "
                        "file writable for the group (chmod g+w), or add that line yourself"
                    )
                    ignore = path.parent / ".gitignore"
                    why = error.strerror or str(error)
                    raise RegistryRefused(
                        message.format(ignore=ignore, name=path.name, error=why)
                    ) from None
        connection = sqlite3.connect(path, timeout=WAIT_SECONDS, isolation_level=None)
        try:
            # Pages of 16 KiB instead of 4: a registry is mostly texts of a few hundred bytes
            # written in bulk, and the import of 200,000 opinions took 0.6 s less CPU (of
            # 3.2 s in SQLite). Only a new, empty file takes it; an existing one keeps its own.
            connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            registry = cls(path, connection)
            if ignore_added:
                registry.ignore_added = path.parent / ".gitignore"
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
    def _foreign_keys_off(self) -> Iterator[None]:
        """SQLite's foreign keys off for the block (a bulk write that checks its own rows),
        on again after it, whatever happens in it."""
        self._db.execute("PRAGMA foreign_keys=OFF")
        try:
            yield
        finally:
            self._db.execute("PRAGMA foreign_keys=ON")

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
        """Create the tables of a new registry, or bring an older one up to the current
        version in place: one transaction, so that it is migrated whole or not at all."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == schema.VERSION:
            return
        if version > schema.VERSION:
            message = _("{path}: written by a newer pctui (registry version {version})")
            raise RegistryRefused(message.format(path=self.path, version=version))
        # Foreign keys off: version 5 rebuilds the tables of submissions and opinions,
        # which others refer to; they are checked once before the migration commits.
        with self._foreign_keys_off(), self._writing() as db:
            # Asked again inside the transaction: another process may have done it meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                for statement in schema.TABLES.split(";"):
                    if statement.strip():
                        db.execute(statement)
                # Every opinion of a new registry is searched with today's patterns.
                db.execute(
                    "INSERT OR REPLACE INTO counters (name, value) VALUES ('patterns', ?)",
                    (PATTERNS,),
                )
            else:
                for step in range(version, schema.VERSION):
                    for statement in schema.MIGRATIONS[step]:
                        db.execute(statement)
                if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")
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
        # SQLite's foreign keys would check each opinion's submission and each
        # redaction's opinion row by row: 0.3 s of the 2.2 s SQLite took to add 200,000
        # opinions. `add_submissions` writes an opinion only in the chunk that writes its
        # submission, after it, and a redaction only with its opinion: nothing they would
        # refuse can be written. They are off for this transaction only (the pragma cannot
        # change inside one), and on again whatever happens (tests/intake/test_registry.py).
        with self._foreign_keys_off(), self._writing() as db:
            return add_submissions(db, incoming, progress)

    def opinions(self) -> Iterator[PublicOpinion]:
        """Every opinion in its public (redacted) form, by 受付番号 and then k."""
        rows = self._db.execute(
            f"SELECT id, submission, k, {schema.PUBLIC} FROM opinions ORDER BY submission, k"
        )
        for opinion, submission, k, text in rows:
            yield PublicOpinion(opinion, submission, k, text)

    def public_text_pairs(self) -> list[tuple[str, str]]:
        """(id, public text) of every opinion, in the order the file holds them: the
        grouping's input, read with one query and no sort (the grouping orders by id
        itself), without an object per opinion."""
        return self._db.execute(f"SELECT id, {schema.PUBLIC} FROM opinions").fetchall()

    def submissions(self) -> Iterator[Submission]:
        """Every submission as received, submitter fields included (never to publish)."""
        rows = self._db.execute(
            f"SELECT number, received, method, name, address, email, phone, {schema.RAW} "
            "FROM submissions ORDER BY number"
        )
        for row in rows:
            yield Submission(*row)

    def replace_groups(self, groups: Sequence[Group]) -> None:
        """Replace every group by `groups`, in one transaction, in their order.
        sqlite3.IntegrityError, with nothing changed, when a member or a representative
        is not an opinion of the registry."""
        # A cache that holds the pages this transaction writes (SQLite's default is 2 MB):
        # the members of 200,000 opinions and their indexes are about 30 MB, and a smaller
        # cache spills them to the journal halfway, then writes them again.
        self._db.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
        # The members' references are checked once for all the rows, after they are in,
        # instead of by SQLite's foreign keys row by row: 0.06 s against 0.3 s for the
        # 200,000 members of 200,000 opinions. The pragma cannot change inside a
        # transaction, so it is off around this one only.
        with self._foreign_keys_off(), self._writing() as db:
            db.execute("DELETE FROM members")
            db.execute("DELETE FROM groups")
            # The index of members by group is built once they are in, by one sort,
            # instead of row by row: 0.07 s less of 0.55 at 200,000.
            db.execute("DROP INDEX IF EXISTS members_of_group")
            # Two statements for all the groups, not two a group: 48,000 at 200,000.
            db.executemany(
                "INSERT INTO groups (id, position, representative) VALUES (?, ?, ?)",
                ((g.id, position, g.representative) for position, g in enumerate(groups)),
            )
            db.executemany(
                "INSERT INTO members (opinion, grp, position, added) VALUES (?, ?, ?, ?)",
                ((m.opinion, g.id, n, m.added) for g in groups for n, m in enumerate(g.members)),
            )
            db.execute(MEMBERS_OF_GROUP)
            if db.execute(_UNKNOWN_OPINION).fetchone()[0]:
                # SQLite's own words, as when its foreign keys refused a row
                raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")

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

    def split_off(self, group_id: str, new: Group) -> None:
        """Move the members of `new` out of group `group_id`, whose representative stays,
        into `new`, a group after the others, in one transaction: only the rows that move
        are written, so that a straggler leaves a campaign of 200,000 at once. KeyError,
        with nothing changed, when the group or one of those members is no longer in it."""
        with self._writing() as db:
            for member in new.members:
                gone = db.execute(
                    "DELETE FROM members WHERE opinion = ? AND grp = ? AND position > 0",
                    (member.opinion, group_id),
                )
                if gone.rowcount != 1:
                    raise KeyError(group_id)
            row = db.execute("SELECT MAX(position) FROM groups").fetchone()
            _insert_group(db, new, 0 if row[0] is None else int(row[0]) + 1)

    def merge_into(self, into_id: str, other_id: str, joining: Sequence[Member]) -> None:
        """Remove group `other_id` and put `joining` (its members, their added text
        against `into_id`'s representative) after the members of group `into_id`, in one
        transaction; the members already there are not rewritten. KeyError, with nothing
        changed, when either group is gone."""
        with self._writing() as db:
            for group_id in (into_id, other_id):
                if db.execute("SELECT 1 FROM groups WHERE id = ?", (group_id,)).fetchone() is None:
                    raise KeyError(group_id)
            db.execute("DELETE FROM members WHERE grp = ?", (other_id,))
            db.execute("DELETE FROM groups WHERE id = ?", (other_id,))
            row = db.execute("SELECT MAX(position) FROM members WHERE grp = ?", (into_id,))
            last = row.fetchone()[0]
            start = 0 if last is None else int(last) + 1
            db.executemany(
                "INSERT INTO members (opinion, grp, position, added) VALUES (?, ?, ?, ?)",
                [(m.opinion, into_id, start + n, m.added) for n, m in enumerate(joining)],
            )

    def representative(self, group_id: str) -> str | None:
        """The representative of group `group_id`, or None when there is no such group."""
        row = self._db.execute(
            "SELECT representative FROM groups WHERE id = ?", (group_id,)
        ).fetchone()
        return None if row is None else str(row[0])

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

    def freeze_members(self, opinions: Sequence[str]) -> str:
        """Store the list `opinions` (ids, in order) for good and return its digest, by
        which an item's opinion names it (`pctui.intake.member_lists`); storing the same
        list again changes nothing."""
        text = "\n".join(opinions)
        digest = members_digest(text)
        with self._writing() as db:
            db.execute(
                "INSERT OR IGNORE INTO member_lists (digest, count, opinions) VALUES (?, ?, ?)",
                (digest, len(opinions), text),
            )
        return digest

    def member_list(self, digest: str) -> tuple[str, ...] | None:
        """The frozen list of opinion ids `digest` names, or None when this registry has
        none by that digest."""
        row = self._db.execute(
            "SELECT opinions FROM member_lists WHERE digest = ?", (digest,)
        ).fetchone()
        if row is None:
            return None
        return tuple(row[0].split("\n")) if row[0] else ()

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
                    f"SELECT id, {schema.PUBLIC} FROM opinions WHERE id IN ({marks})",
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
            "r.stop - r.start), r.reason, r.status, r.reviewed_by, r.reviewed_at "
            "FROM redactions r JOIN opinions o ON o.id = r.opinion"
        )
        parameters: tuple[str, ...] = ()
        if status is not None:
            query += " WHERE r.status = ?"
            parameters = (str(status),)
        rows = self._db.execute(query + " ORDER BY o.submission, o.k, r.start", parameters)
        return [
            Redaction(rid, opinion, start, stop, original, reason, RedactionStatus(state), by, at)
            for rid, opinion, start, stop, original, reason, state, by, at in rows
        ]

    def review_redactions(self, statuses: Mapping[int, RedactionStatus], by: str, at: str) -> None:
        """Set each redaction's status, with who (`by`, an OS login) and when (`at`, ISO
        8601) reviewed it, and rewrite the public text of the opinions they are in, all in
        one transaction: KeyError (and nothing changed) when one of them does not exist,
        so that a reviewer's list of ids is applied whole or not at all."""
        with self._writing() as db:
            touched: set[str] = set()
            for redaction, status in statuses.items():
                row = db.execute(
                    "SELECT opinion FROM redactions WHERE id = ?", (redaction,)
                ).fetchone()
                if row is None:
                    raise KeyError(redaction)
                db.execute(
                    "UPDATE redactions SET status = ?, reviewed_by = ?, reviewed_at = ? "
                    "WHERE id = ?",
                    (str(status), by, at, redaction),
                )
                touched.add(row[0])
            for opinion in sorted(touched):
                row = db.execute("SELECT text FROM opinions WHERE id = ?", (opinion,)).fetchone()
                text = row[0]
                spans = db.execute(
                    "SELECT start, stop FROM redactions WHERE opinion = ? AND status != ?",
                    (opinion, str(RedactionStatus.REVERTED)),
                ).fetchall()
                public = public_text(text, [(a, b) for a, b in spans])
                db.execute(
                    "UPDATE opinions SET public = ? WHERE id = ?",
                    (schema.SAME if public == text else public, opinion),
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

    def patterns(self) -> int:
        """The version of the personal-data patterns (`redact.PATTERNS`) every opinion was
        searched with: 0 for a registry made before they were counted."""
        row = self._db.execute("SELECT value FROM counters WHERE name = 'patterns'").fetchone()
        return 0 if row is None else int(row[0])

    def scan_rows(self) -> Iterator[tuple[str, str, str, str, bool]]:
        """Each opinion as a search for personal data needs it: (id, text as written, its
        submitter's name and address, whether it is its submission's last opinion, where a
        signature stands), by 受付番号 and k. Personal data: never to publish."""
        rows = self._db.execute(SCAN_ROWS)
        for opinion, text, name, address, last in rows:
            yield opinion, text, name, address, bool(last)

    def add_redactions(
        self, found: Sequence[tuple[str, int, int, str]], patterns: int
    ) -> list[int]:
        """Add the spans `found` ((opinion, start, end, reason)) as redactions to review and
        rewrite the public text of their opinions, in one transaction, and record that every
        opinion was searched with `patterns`; a span that overlaps a redaction the opinion
        already has (whatever its status: an undone one was a reviewer's decision) is not
        added, so that searching again adds nothing. Returns the ids added."""
        added: list[int] = []
        with self._writing() as db:
            touched: set[str] = set()
            for opinion, start, end, reason in found:
                if db.execute(
                    "SELECT 1 FROM redactions WHERE opinion = ? AND start < ? AND stop > ?",
                    (opinion, end, start),
                ).fetchone():
                    continue
                cursor = db.execute(
                    "INSERT INTO redactions (opinion, start, stop, reason) VALUES (?, ?, ?, ?)",
                    (opinion, start, end, reason),
                )
                added.append(int(cursor.lastrowid or 0))
                touched.add(opinion)
            for opinion in sorted(touched):
                text = db.execute("SELECT text FROM opinions WHERE id = ?", (opinion,)).fetchone()
                spans = db.execute(
                    "SELECT start, stop FROM redactions WHERE opinion = ? AND status != ?",
                    (opinion, str(RedactionStatus.REVERTED)),
                ).fetchall()
                public = public_text(text[0], [(a, b) for a, b in spans])
                db.execute(
                    "UPDATE opinions SET public = ? WHERE id = ?",
                    (schema.SAME if public == text[0] else public, opinion),
                )
            db.execute(
                "INSERT OR REPLACE INTO counters (name, value) VALUES ('patterns', ?)",
                (patterns,),
            )
        return added

    def data_version(self) -> int:
        """A number that changes when another connection (another reviewer, another
        command) commits to the registry, and only then: a screen compares it to know,
        without reading anything, whether what it shows is still what the registry holds."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def redaction_opinions(self, redactions: Iterable[int]) -> set[str]:
        """The opinions the redactions `redactions` (ids) are in (those that exist)."""
        found: set[str] = set()
        wanted = list(dict.fromkeys(redactions))
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            found.update(
                opinion
                for (opinion,) in self._db.execute(
                    f"SELECT DISTINCT opinion FROM redactions WHERE id IN ({marks})", chunk
                )
            )
        return found
