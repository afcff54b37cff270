"""The TOML values every item table is written with: a text as a string that reads back
to the same text, and a table ended by a blank line (one way for the writer's revision and
sign-off tables, the format-2 opinion tables and the office records)."""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from pctui.storage.escape import basic_string_body


def text_value(text: str) -> Any:
    """A TOML string for `text`: multi-line basic when it has line breaks, for readable diffs;
    C1 controls, bidi and zero-width characters written as `\\uXXXX` like C0 controls.

    A carriage return is the exception: a TOML reader turns a raw CRLF inside a multi-line
    string into LF, which would change the text (and void its digest) on the next load, so
    a text holding one is written as a single-line string where every CR is escaped.
    """
    multiline = "\n" in text and "\r" not in text
    # Escaped here (see pctui.storage.escape): invisible characters too, in linear time.
    return tomlkit.string(basic_string_body(text, multiline), multiline=multiline, escape=False)


def spaced(table: Table) -> Table:
    """End `table` with a blank line, as a person would lay out the file."""
    table.add(tomlkit.nl())
    return table


def spaced_tables() -> AoT:
    """An empty array of tables for `spaced` tables. tomlkit puts a line break before each
    table it appends to an array it did not parse; after a table that already ends with a
    blank line that made two (the grouping screen's second opinion of an item, a new
    item's second revision), where a file read and written again has one."""
    return AoT([], parsed=True)
