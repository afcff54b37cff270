"""Registry version 5 keeps no index that repeats another: an opinion's (submission, k) is
its id, a numbered submission's key is its number, so only unnumbered submissions' keys
are indexed. `data/registry-v4.sqlite` is `registry-v3.sqlite` opened by the version-4
code (single, listed, signed and unnumbered submissions, grouped, redactions kept, pending
and undone); it is migrated in place, in one transaction, and reads as before."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from pctui.intake import schema
from pctui.intake.registry import SCAN_ROWS, Incoming, Registry, RegistryRefused

OLD = Path(__file__).with_name("data") / "registry-v4.sqlite"
TABLES = ("submissions", "opinions", "redactions", "groups", "members", "counters")


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a fixed order, and the file's version."""
    with sqlite3.connect(path) as db:
        rows = {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
        rows["version"] = [(db.execute("PRAGMA user_version").fetchone()[0],)]
    return rows


def _indexes(path: Path) -> set[tuple[str, str]]:
    """(table, index) of every index the file holds."""
    with sqlite3.connect(path) as db:
        return set(db.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'"))


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "c.intake.sqlite"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    return path


def _read(path: Path) -> tuple[object, ...]:
    with Registry.open(path) as registry:
        return (
            list(registry.submissions()),
            list(registry.opinions()),
            sorted(registry.public_text_pairs()),
            registry.groups(),
            registry.redactions(),
            list(registry.scan_rows()),
            registry.group_sizes(),
        )


def test_a_version_4_registry_is_rebuilt_without_the_repeated_indexes(old: Path) -> None:
    before = _rows(old)
    assert before["version"] == [(4,)]
    assert ("opinions", "sqlite_autoindex_opinions_2") in _indexes(old)  # (submission, k)
    assert ("submissions", "sqlite_autoindex_submissions_2") in _indexes(old)  # key
    read = _read(old)
    after = _rows(old)
    assert after.pop("version") == [(schema.VERSION,)] and schema.VERSION == 5
    before.pop("version")
    assert after == before  # every row as it was
    assert {name for table, name in _indexes(old) if table in ("submissions", "opinions")} == {
        "sqlite_autoindex_submissions_1",  # number
        "submissions_by_key",  # the keys of unnumbered submissions
        "sqlite_autoindex_opinions_1",  # id
    }
    with sqlite3.connect(old) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # What the registry reads is what the version-4 code read (the same again: no migration).
    assert _read(old) == read
    scanned = read[5]
    assert isinstance(scanned, list) and [row[0] for row in scanned if row[4]] == [
        row[0] for row in scanned if not any(r[0] == _next(row[0]) for r in scanned)
    ]


def _next(opinion: str) -> str:
    number, _, k = opinion.rpartition("-")
    return f"{number}-{int(k) + 1}"


def test_a_migrated_registry_still_adds_nothing_twice(old: Path) -> None:
    with Registry.open(old) as registry:
        unnumbered = [s for s in registry.submissions() if s.number.startswith("R")]
        numbered = [s for s in registry.submissions() if not s.number.startswith("R")]
        assert unnumbered and numbered
        places = registry.rows("SELECT number, source FROM submissions")
        where = dict(places)
        again = [Incoming(s._replace(number=""), where[s.number]) for s in unnumbered]
        done = registry.add([*again, *(Incoming(s, where[s.number]) for s in numbered)])
    # The same unnumbered letters from the same places are found by their keys.
    assert (done.added, done.already) == (0, len(unnumbered) + len(numbered))


def test_a_migration_that_fails_leaves_the_version_4_registry_as_it_was(
    old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _rows(old)
    failing = (*schema.MIGRATIONS[4], "INSERT INTO no_such_table VALUES (1)")
    monkeypatch.setitem(schema.MIGRATIONS, 4, failing)
    with pytest.raises(RegistryRefused):
        Registry.open(old).close()
    assert _rows(old) == before
    assert ("opinions", "sqlite_autoindex_opinions_2") in _indexes(old)


def _plan(registry: Registry, query: str, *parameters: object) -> list[str]:
    return [str(row[-1]) for row in registry.rows("EXPLAIN QUERY PLAN " + query, *parameters)]


def test_the_queries_find_keys_and_first_and_next_opinions_by_an_index(tmp_path: Path) -> None:
    # Without the (submission, k) index a query by submission would read every opinion for
    # each row; the keys' index is partial and used only when a query repeats its condition.
    with Registry.open(tmp_path / "r.sqlite") as registry:
        key = "SELECT digest FROM submissions WHERE key IN (?, ?) AND " + schema.CONTENT_KEY
        assert _plan(registry, key, "a", "b") == [
            "SEARCH submissions USING INDEX submissions_by_key (key=?)"
        ]
        for query in (f"SELECT {schema.RAW} FROM submissions", SCAN_ROWS):
            plan = _plan(registry, query)
            # the inner query (`one`, `l`) is a search by id, never a scan
            assert any(step.endswith("INDEX sqlite_autoindex_opinions_1 (id=?)") for step in plan)
            assert not [step for step in plan if step in ("SCAN one", "SCAN l")]
