"""Reading a file that has no problem in one parse of its whole text, for the commands
that only read it (`validate`, `status`).

The usual read (`reader.load_text`) splits the text into one block per item and parses
and checks each block on its own, so that every problem is found and located in its
block. That costs per item: the split, a parse, a `Checker` and a `Locator` for each of
10,000 blocks, about a third of reading a file of short items. Nearly every file a
command reads has no problem at all, and then the blocks are needed only to say where a
warning of the command's own is (a stale digest, a hidden character).

So this reads the whole text with one call of the fast parser and builds the model with
the reader's own schema functions, through a checker that gives up at the first problem
it would report. Whatever it cannot read the same way returns None, and the caller reads
the file the usual way, which finds and locates every problem exactly as before: a
syntax error, anything the schema reports (an unknown key is a warning, and a warning is
a problem too), a duplicate No., an opinion label used twice, a byte order mark, no fast
parser. For a file without a problem both ways read the same model, because the usual
read is one parse of the whole text too wherever the blocks do not hold one item each
(`reader._load_whole`), and a block holding one item parses to exactly that item's
table in the whole text's parse. A property test holds the two side by side.

The blocks are split only when a place in the file is asked for (`reader.item_chunks`,
through the file's layout), which `status` never does.

It runs in one process. A forked child reading the later part of the items (as
`parallel` does for blocks) was tried and made it slower on every shape of file: handing
the child's items back and the parent's copy-on-write page faults after the fork cost
the parent more than reading those items itself (10,000 items: 0.14 s of the parent's
CPU instead of 0.11 s on one-line items, the benchmark's `bare` shape; 0.47 s instead of
0.40 s on its standard file).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from pctui.base.problems import Severity
from pctui.base.toml_locate import Locator
from pctui.model.records import Consultation, Item
from pctui.storage import toml_parse
from pctui.storage.checker import Checker
from pctui.storage.header_schema import Header, read_header
from pctui.storage.item_schema import ITEMS, read_item

_label = attrgetter("label")


class _Problem(Exception):
    """The checker was about to report something: read the file the usual way."""


class _GiveUp(Checker):
    """A checker that stops the read at the first problem instead of recording it."""

    def report(
        self, table: str, index: int, key: str | None, message: str, severity: Severity = "error"
    ) -> None:
        raise _Problem


def read_whole(text: str, path: str) -> Consultation | None:
    """The consultation `text` holds when it has no problem; None when it may have one
    (or the fast parser is missing), for the usual read to find and report."""
    if not toml_parse.fast_parser() or text.startswith("\ufeff"):
        return None  # a BOM left after decoding: only the usual read refuses it as tomllib does
    parsed = toml_parse.fast_loads(text)
    if parsed is None:
        return None
    return _consultation(parsed, path)


def _consultation(parsed: dict[str, Any], path: str) -> Consultation | None:
    """The consultation of a whole text's parse; None at the first problem."""
    check = _GiveUp(path, Locator(""), [])
    try:
        header = read_header(parsed, check)
    except _Problem:
        return None
    items = _items(parsed.get(ITEMS, []), header, path)
    return None if items is None else _checked(header, items)


def _items(raw: Any, header: Header, path: str) -> list[Item] | None:
    """Every item of the parsed array `raw`; None at the first problem.

    Each item's table is dropped from `raw` once read (the model keeps its strings, not the
    table): the parse is freed as the model grows, instead of both being held whole at
    once: 8-10 % less peak memory for `status` of 10,000 items (`busy`: 470 -> 433 MB).
    """
    if type(raw) is not list:
        return None
    check = _GiveUp(path, Locator(""), [])
    items: list[Item] = []
    try:
        for index, table in enumerate(raw):
            raw[index] = None
            if type(table) is not dict:
                return None
            item = read_item(table, header, check)
            if item is None:
                return None
            items.append(item)
    except _Problem:
        return None
    return items


def _checked(header: Header, items: list[Item]) -> Consultation | None:
    """The consultation, unless two items share a No. or (format 2) two opinions of a
    section share a label: the usual read reports those where they stand."""
    numbers = {item.no for item in items}
    if len(numbers) != len(items):
        return None
    if header.format >= 2:
        # Each section's labels gathered in one set, each item's added at C speed (a tuple
        # of section and label for each of 10,000 opinions took 1 ms more).
        by_section: dict[str, set[str]] = {}
        for item in items:
            labels = by_section.get(item.section)
            if labels is None:
                labels = by_section[item.section] = set()
            before = len(labels)
            labels.update(map(_label, item.opinions))
            if len(labels) - before != len(item.opinions):
                return None
    return Consultation(
        meta=header.meta,
        intake=header.intake,
        review=header.review,
        sections=header.sections,
        items=items,
        commit_mode=header.commit_mode,
        format=header.format,
    )
