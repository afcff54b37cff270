"""Writing format 2's parts of an item: its `[[items.opinions]]` and `[[items.summaries]]`,
and checking that a rendered item reads back with them (see render)."""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit import items as toml_items
from tomlkit.items import AoT, Array, Table, Trivia, Whitespace

from pctui.model.records import Item, Opinion, Summary
from pctui.storage.toml_values import spaced, spaced_tables, text_value


def opinion_table(opinion: Opinion) -> Table:
    """The `[[items.opinions]]` table of one opinion (count and sources only when not the
    default)."""
    table = tomlkit.table()
    table["label"] = text_value(opinion.label)
    table["text"] = text_value(opinion.text)
    if opinion.count != 1:
        table["count"] = opinion.count
    if opinion.sources:
        table["sources"] = string_array(opinion.sources)
    if opinion.members:
        table["members"] = opinion.members
    return spaced(table)


def string_array(values: tuple[str, ...]) -> Array:
    """`values` as an inline array (`["a", "b"]`), built in one go: tomlkit re-indexes an
    array at every value appended, so a group of 33,340 opinions accepted as an item took
    78 s to write its `sources`, and the time grows with the square of the count."""
    parts: list[toml_items.Item] = []
    for n, value in enumerate(values):
        if n:
            parts.append(Whitespace(", "))
        parts.append(tomlkit.string(value))
    return Array(parts, Trivia())


def summary_table(summary: Summary) -> Table:
    """The `[[items.summaries]]` table of one summary."""
    table = tomlkit.table()
    table["author"] = summary.author
    table["at"] = summary.at
    table["text"] = text_value(summary.text)
    return spaced(table)


def opinions_aot(opinions: list[Opinion]) -> AoT:
    aot = spaced_tables()
    for opinion in opinions:
        aot.append(opinion_table(opinion))
    return aot


def add_format_two(table: Table, item: Item) -> None:
    """Put a new item's opinions and summaries into its `[[items]]` table."""
    table["opinions"] = opinions_aot(item.opinions)
    if item.summaries:
        table["summaries"] = spaced_tables()
        for summary in item.summaries:
            table["summaries"].append(summary_table(summary))


def stored_opinions(table: dict[str, Any]) -> list[Opinion]:
    """The opinions an item table holds, as the reader reads them."""
    return [
        Opinion(
            o.get("label"),
            o.get("text"),
            o.get("count", 1),
            tuple(o.get("sources", ())),
            o.get("members", ""),
        )
        for o in table.get("opinions", [])
    ]


def patch_format_two(table: Any, item: Item) -> None:
    """Bring a format-2 item table's opinions and summaries up to date with `item`: the
    opinions are written again when they changed (moved, merged, split), summaries are only
    ever appended."""
    if stored_opinions(table) != item.opinions:
        table["opinions"] = opinions_aot(item.opinions)
    stored = len(table.get("summaries", []))
    new = [summary_table(s) for s in item.summaries[stored:]]
    if not new:
        return
    if "summaries" not in table:
        table["summaries"] = spaced_tables()
    for entry in new:
        table["summaries"].append(entry)


def format_two_written_as(table: dict[str, Any], item: Item) -> bool:
    """True when `table` (read back) holds `item`'s opinions and summaries."""
    summaries = [(s.get("author"), s.get("text")) for s in table.get("summaries", [])]
    return stored_opinions(table) == item.opinions and summaries == [
        (s.author, s.text) for s in item.summaries
    ]
