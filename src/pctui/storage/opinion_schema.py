"""Reads format 2's parts of an `[[items]]` block: its `[[items.opinions]]` and
`[[items.summaries]]`, and says where a format-1 file holds a format-2 key (or the reverse).

Every problem is reported with its place, like the rest of the item (item_schema).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pctui.base.lazy_pattern import lazy_compile
from pctui.i18n import _
from pctui.model.one_line import one_line_problem
from pctui.model.records import Opinion, Summary
from pctui.storage.checker import DATETIME, INT, STR, STR_LIST, TABLE_LIST, Checker, zoned

OPINIONS = "items.opinions"
SUMMARIES = "items.summaries"
OPINION_KEYS = ("label", "text", "count", "sources", "members")
MEMBERS = lazy_compile(r"sha256:[0-9a-f]{64}")  # a frozen member list's digest
SUMMARY_KEYS = ("author", "at", "text")
FORMAT_ONE_ITEM_KEYS = ("opinion", "count")
FORMAT_TWO_ITEM_KEYS = ("opinions", "summaries", "moves")
_SUMMARY_KEY_SET = frozenset(SUMMARY_KEYS)


def format_two_only(
    data: dict[str, Any], keys: Iterable[str], table: str, check: Checker, index: int = 0
) -> None:
    """Report each of `keys` that `data` holds in a format-1 file: format 2 defines them, and
    a reader of format 1 would drop them without a word."""
    for key in keys:
        if key in data:
            name = f"{table}.{key}" if table else key
            message = _(
                "{key} belongs to format 2; this file is format = 1 "
                "(take it out first: then pctui migrate FILE rewrites the file as format 2)"
            ).format(key=name)
            check.report(table, index, key, message)


def format_one_only(data: dict[str, Any], check: Checker) -> None:
    """Report an item's `opinion` or `count` in a format-2 file, whose items hold their
    opinions, each with its count, in `[[items.opinions]]`."""
    for key in FORMAT_ONE_ITEM_KEYS:
        if key in data:
            message = _(
                "items.{key} belongs to format 1; a format-2 item holds its opinions, each "
                "with its count, in [[items.opinions]]"
            ).format(key=key)
            check.report("items", 0, key, message)


def read_opinions(table: dict[str, Any], check: Checker) -> list[Opinion] | None:
    """The item's opinions, in order; None when it has none that can be read (reported)."""
    raw = check.get(table, "opinions", TABLE_LIST, "items", required=True)
    if raw is None:
        return None
    if not raw:
        check.report("items", 0, "opinions", _("an item holds at least one opinion"))
        return None
    opinions = [_read_opinion(entry, index, check) for index, entry in enumerate(raw)]
    read = [opinion for opinion in opinions if opinion is not None]
    return read if len(read) == len(opinions) else None


def _read_opinion(table: dict[str, Any], index: int, check: Checker) -> Opinion | None:
    check.unknown_keys(table, OPINION_KEYS, OPINIONS, index)
    label = check.get(table, "label", STR, OPINIONS, index, required=True)
    text = check.get(table, "text", STR, OPINIONS, index, required=True)
    count = check.get(table, "count", INT, OPINIONS, index, default=1)
    sources = check.get(table, "sources", STR_LIST, OPINIONS, index, default=[])
    members = check.get(table, "members", STR, OPINIONS, index, default="")
    if members and not MEMBERS.fullmatch(members):
        message = _(
            "items.opinions.members must name a frozen member list by its digest "
            '("sha256:" and 64 hexadecimal digits)'
        )
        check.report(OPINIONS, index, "members", message)
        members = ""
    if label is not None and not label.strip():
        check.report(OPINIONS, index, "label", _("items.opinions.label is empty"))
        label = None
    elif label is not None and (problem := one_line_problem("items.opinions.label", label)):
        check.report(OPINIONS, index, "label", problem)  # a cell and a reference: one line
        label = None
    if count < 1:
        message = _("items.opinions.count must be 1 or more, not {count}").format(count=count)
        check.report(OPINIONS, index, "count", message)
    if label is None or text is None:
        return None
    return Opinion(label, text, max(count, 1), tuple(sources), members)


def read_summaries(table: dict[str, Any], check: Checker) -> list[Summary]:
    """The item's summaries, oldest first (those that cannot be read are reported)."""
    raw = check.get(table, "summaries", TABLE_LIST, "items", default=[])
    summaries = [_read_summary(entry, index, check) for index, entry in enumerate(raw)]
    return [summary for summary in summaries if summary is not None]


def _read_summary(table: dict[str, Any], index: int, check: Checker) -> Summary | None:
    check.unknown_keys(table, SUMMARY_KEYS, SUMMARIES, index)
    author = check.get(table, "author", STR, SUMMARIES, index, required=True)
    at = check.get(table, "at", DATETIME, SUMMARIES, index, required=True)
    text = check.get(table, "text", STR, SUMMARIES, index, required=True)
    if author is not None and (problem := one_line_problem("items.summaries.author", author)):
        check.report(SUMMARIES, index, "author", problem)
    if author is None or at is None or text is None:
        return None
    return Summary(author, at, text)


_set = object.__setattr__  # past a frozen record's refusal, as its __init__ is


def plain_opinions(raw: Any) -> list[Opinion] | None:
    """The opinions when `raw` holds at least one and each has only known keys, of their
    type and value; else None (`read_opinions` then reads them and reports what is wrong).

    A national format-2 file holds tens of thousands of opinions: this is the cheap test
    for the common case, and must read exactly what `read_opinions` reads (a property test
    holds the two side by side).
    """
    if type(raw) is not list or not raw:
        return None
    opinions: list[Opinion] = []
    append, new = opinions.append, object.__new__
    for entry in raw:
        if type(entry) is not dict:
            return None
        get = entry.get
        label, text, count, sources = get("label"), get("text"), get("count"), get("sources")
        # The keys are known when they are as many as those of them found (TOML has no
        # null): cheaper than comparing the table's keys with a set, once per opinion.
        keys = 2
        if count is None:
            count = 1
        else:
            keys = 3
        if sources is not None:
            if not _plain_strings(sources):
                return None
            keys += 1
        if not (
            type(label) is str
            and label.isprintable()  # no line break or control: one_line_problem finds none
            and label.strip()
            and type(text) is str
            and type(count) is int
            and count >= 1
            and len(entry) == keys
        ):
            return None
        opinion = new(Opinion)
        if sources is None:
            # The parsed table becomes the opinion's attribute dictionary as it is: it holds
            # the label, the text and the count if given, and the class holds the defaults
            # of the rest (count 1, no sources, no members), as for a dataclass's fields.
            # Nothing else holds the table (the reader drops the parse as it goes) and the
            # opinion is frozen: 10,000 opinions' dictionaries not copied field by field
            # (11 M of `validate`'s 770 M instructions on the 10,000-opinion file).
            _set(opinion, "__dict__", entry)
        else:  # intake references, as a tuple: the opinion's own dictionary
            _set(opinion, "__dict__", {
                "label": label, "text": text, "count": count,
                "sources": tuple(sources), "members": "",
            })  # fmt: skip
        append(opinion)
    return opinions


def _plain_strings(value: Any) -> bool:
    return type(value) is list and all(type(s) is str for s in value)


def plain_summaries(raw: Any) -> list[Summary] | None:
    """The summaries when each has only known keys, of their type and value; else None
    (`read_summaries` then reads them and reports what is wrong)."""
    if type(raw) is not list:
        return None
    summaries: list[Summary] = []
    for entry in raw:
        if type(entry) is not dict:
            return None
        author, at, text = entry.get("author"), entry.get("at"), entry.get("text")
        if not (
            type(author) is str
            and author.isprintable()
            and type(at) is dt.datetime
            and at.tzinfo is not None
            and type(text) is str
            and entry.keys() <= _SUMMARY_KEY_SET
        ):
            return None
        summaries.append(Summary(author, zoned(at), text))
    return summaries
