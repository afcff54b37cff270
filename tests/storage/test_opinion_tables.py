"""An opinion's `sources` written in one go read back exactly, escapes included, and as
tomlkit writes a list itself."""

from __future__ import annotations

import tomllib

import tomlkit

from pctui.storage.opinion_tables import string_array

AWKWARD = ("2025-0001-1", 'quote"d', "back\\slash", "改行\nあり", "tab\t", "")


def test_a_string_array_reads_back_and_matches_tomlkit() -> None:
    ours, theirs = tomlkit.table(), tomlkit.table()
    ours["sources"] = string_array(AWKWARD)
    theirs["sources"] = list(AWKWARD)
    assert tomlkit.dumps(ours) == tomlkit.dumps(theirs)
    assert tuple(tomllib.loads(tomlkit.dumps(ours))["sources"]) == AWKWARD


def test_a_long_array_is_one_line_of_every_id() -> None:
    ids = tuple(f"R{n:07d}-1" for n in range(5000))
    table = tomlkit.table()
    table["sources"] = string_array(ids)
    text = tomlkit.dumps(table)
    assert text.count("\n") == 1 and tuple(tomllib.loads(text)["sources"]) == ids
