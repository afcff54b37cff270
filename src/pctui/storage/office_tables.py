"""Writing an item's office records, `[[items.assignments]]`, `[[items.notes]]` and (format
2) `[[items.moves]]`, and checking that a rendered item reads back with them. All are only
ever appended, so a save adds lines and never rewrites the ones there (the diff in git is
the new record)."""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import Table

from pctui.model.records import Assignment, Item, Move, Note
from pctui.storage.toml_values import spaced, text_value


def assignment_table(assignment: Assignment) -> Table:
    """The `[[items.assignments]]` table of one assignment."""
    table = tomlkit.table()
    table["to"] = assignment.to
    table["by"] = assignment.by
    table["at"] = assignment.at
    return spaced(table)


def note_table(note: Note) -> Table:
    """The `[[items.notes]]` table of one note (its text written as revisions' are)."""
    table = tomlkit.table()
    table["by"] = note.by
    table["at"] = note.at
    table["text"] = text_value(note.text)
    return spaced(table)


def move_table(move: Move) -> Table:
    """The `[[items.moves]]` table of one move record (`was` left out when empty)."""
    table = tomlkit.table()
    table["action"] = str(move.action)
    table["from"] = move.source
    table["to"] = move.target
    table["labels"] = list(move.labels)
    table["by"] = move.by
    table["at"] = move.at
    if move.was:
        table["was"] = move.was
    table["basis"] = move.basis
    return spaced(table)


def office_tables(item: Item) -> dict[str, list[Table]]:
    """The tables of every assignment and note of `item`, under their keys (empty lists
    left out, so an item that has none is written as before)."""
    tables = {
        "assignments": [assignment_table(a) for a in item.assignments],
        "notes": [note_table(n) for n in item.notes],
        "moves": [move_table(m) for m in item.moves],
    }
    return {key: entries for key, entries in tables.items() if entries}


def new_office_tables(table: Any, item: Item) -> dict[str, list[Table]]:
    """The tables of the assignments and notes `item` has beyond those `table` holds."""
    stored_assignments = len(table.get("assignments", []))
    stored_notes = len(table.get("notes", []))
    stored_moves = len(table.get("moves", []))
    return {
        "assignments": [assignment_table(a) for a in item.assignments[stored_assignments:]],
        "notes": [note_table(n) for n in item.notes[stored_notes:]],
        "moves": [move_table(m) for m in item.moves[stored_moves:]],
    }


def office_written_as(table: dict[str, Any], item: Item) -> bool:
    """True when `table` (read back) holds `item`'s assignments, notes and moves."""
    assignments = [(a.get("to"), a.get("by")) for a in table.get("assignments", [])]
    notes = [(n.get("by"), n.get("text")) for n in table.get("notes", [])]
    moves = [
        (m.get("action"), m.get("from"), m.get("to"), m.get("labels"), m.get("by"),
         m.get("was", ""), m.get("basis"))
        for m in table.get("moves", [])
    ]  # fmt: skip
    return (
        assignments == [(a.to, a.by) for a in item.assignments]
        and notes == [(n.by, n.text) for n in item.notes]
        and moves
        == [
            (m.action, m.source, m.target, list(m.labels), m.by, m.was, m.basis) for m in item.moves
        ]
    )
