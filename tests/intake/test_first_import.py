"""A consultation's first import (a registry without submissions) is not asked, chunk by
chunk and number by number, what it already holds: the import knows, since it added all
of it. The results are those of the same import into a registry that held something."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from pctui.intake import importing
from pctui.intake.records import Submission
from pctui.intake.registry import Incoming, Registry
from pctui.intake.sources import numbered_copies

LETTERS = ("計画に反対です。", "説明会を増やしてください。\n架空 一郎", "1. 一点目。\n2. 二点目。")


def hostile(count: int, seed: int) -> list[Incoming]:
    """Numbered and unnumbered submissions across many chunks: the same number again
    with the same content (already) and with other content (a conflict), identical
    unnumbered letters, and given numbers of the form pctui assigns."""
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        raw = rng.choice(LETTERS) + ("" if rng.random() < 0.6 else f"（{n % 40}）")
        name = "架空 一郎" if rng.random() < 0.2 else ""
        number = rng.choice(["", "", f"A-{rng.randrange(count)}", f"R{rng.randrange(40):07d}"])
        rows.append(Incoming(Submission(number, name=name, raw=raw), f"s.csv:{n + 2}"))
    return numbered_copies(rows)


def rows_of(path: Path) -> list[list[tuple[object, ...]]]:
    with sqlite3.connect(path) as db:
        return [
            db.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY 1").fetchall()
            for table, where in (
                ("submissions", "number != 'Z-1'"),
                ("opinions", "submission != 'Z-1'"),
                ("redactions", "1"),
                ("counters", "1"),
            )
        ]


def test_a_first_import_gives_what_an_import_into_a_used_registry_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "CHUNK", 37)  # many chunks from a small source
    incoming = hostile(1500, seed=3)
    first, used = tmp_path / "first.sqlite", tmp_path / "used.sqlite"
    with Registry.open(used) as registry:
        registry.add([Incoming(Submission("Z-1", raw="別の意見です。"), "z.csv:2")])
    statements: list[str] = []
    with Registry.open(first) as registry:
        registry._db.set_trace_callback(statements.append)
        fresh = registry.add(incoming)
        again = registry.add(incoming)
    with Registry.open(used) as registry:
        other = registry.add(incoming)
    assert (fresh.added, fresh.already, fresh.opinions, fresh.redactions) == (
        other.added, other.already, other.opinions, other.redactions,
    )  # fmt: skip
    assert fresh.conflicts == other.conflicts and fresh.conflicts and fresh.already
    assert (again.added, again.already) == (0, fresh.added + fresh.already)
    assert rows_of(first) == rows_of(used)
    # Asked for the last number assigned and whether the registry is empty, and where a
    # clash's message needs it (`_clash`): nothing for each chunk or each number assigned.
    first_import = statements[: statements.index("COMMIT")]
    asked = [s for s in first_import if s.startswith("SELECT") and "SELECT source" not in s]
    assert len(asked) == 2, asked[:5]
