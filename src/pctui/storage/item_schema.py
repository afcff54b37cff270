"""Reads one `[[items]]` block into the model, reporting every problem with its place."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pctui.i18n import _
from pctui.model.one_line import one_line_problem
from pctui.model.records import VERDICT_OF, VERDICTS, Item, Opinion, Revision, Signoff
from pctui.storage.checker import DATETIME, INT, STR, TABLE_LIST, Checker, zoned
from pctui.storage.header_schema import Header
from pctui.storage.move_schema import read_moves
from pctui.storage.office_schema import OFFICE_ITEM_KEYS, read_assignments, read_notes
from pctui.storage.opinion_schema import (
    FORMAT_TWO_ITEM_KEYS,
    format_one_only,
    format_two_only,
    plain_opinions,
    plain_summaries,
    read_opinions,
    read_summaries,
)

ITEM_KEYS = (
    "no", "section", "topic", "opinion", "count", "class", "revisions", "signoffs",
    *OFFICE_ITEM_KEYS,
)  # fmt: skip
# Every key an item may have in some format: those of the other format are errors, not typos.
_KNOWN_ITEM_KEYS = (*ITEM_KEYS, *FORMAT_TWO_ITEM_KEYS)
REVISION_KEYS = ("author", "at", "text", "note")
SIGNOFF_KEYS = (
    "stage", "by", "at", "revision", "digest", "verdict", "comment", "withdrawn", "basis",
)  # fmt: skip
DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
_ITEM_KEY_SET = frozenset(ITEM_KEYS)
_FORMAT_TWO_ITEM_KEY_SET = frozenset(_KNOWN_ITEM_KEYS) - {"opinion", "count"}
_REVISION_KEY_SET = frozenset(REVISION_KEYS)
_SIGNOFF_KEY_SET = frozenset(SIGNOFF_KEYS)
ITEMS = "items"
REVISIONS = "items.revisions"
SIGNOFFS = "items.signoffs"


def read_item(table: dict[str, Any], header: Header, check: Checker) -> Item | None:
    """Build one item (None when it lacks what an item must have)."""
    plain = _plain_item(table, header, check)
    if plain is not None:
        return _with_office(plain, table, header, check)
    check.unknown_keys(table, _KNOWN_ITEM_KEYS, ITEMS)
    no = check.get(table, "no", INT, ITEMS, required=True)
    section = check.get(table, "section", STR, ITEMS, required=True)
    if no is not None and no < 1:
        check.report(ITEMS, 0, "no", _("items.no must be 1 or more, not {no}").format(no=no))
    opinions = _read_opinions(table, header, check)
    if (
        section is not None
        and header.sections
        and not any(s.id == section for s in header.sections)
    ):
        known = ", ".join(repr(s.id) for s in header.sections)
        message = _("unknown section {section} (sections: {known})").format(
            section=repr(section), known=known
        )
        check.report(ITEMS, 0, "section", message)
    elif (
        section is not None
        and not header.sections  # a declared section's id is checked in the header
        and (problem := one_line_problem("items.section", section))
    ):
        check.report(ITEMS, 0, "section", problem)  # a cell of the status table
    klass = check.get(table, "class", STR, ITEMS)
    if (
        klass is not None
        and header.review.classes
        and not any(c.id == klass for c in header.review.classes)
    ):
        known = ", ".join(repr(c.id) for c in header.review.classes)
        message = _("unknown class {klass} (review.classes: {known})").format(
            klass=repr(klass), known=known
        )
        check.report(ITEMS, 0, "class", message)
    revisions = [
        _read_revision(r, index, check)
        for index, r in enumerate(check.get(table, "revisions", TABLE_LIST, ITEMS, default=[]))
    ]
    # When `revisions` is itself malformed (reported), how many there are is unknown.
    raw = table.get("revisions", [])
    well_formed = isinstance(raw, list) and all(isinstance(r, dict) for r in raw)
    signoffs = [
        _read_signoff(s, index, header, len(revisions) if well_formed else None, check)
        for index, s in enumerate(check.get(table, "signoffs", TABLE_LIST, ITEMS, default=[]))
    ]
    summaries = read_summaries(table, check) if header.format >= 2 else []
    if no is None or section is None or opinions is None:
        return None
    topic = check.get(table, "topic", STR, ITEMS)
    item = Item(
        no,
        section,
        topic=topic,
        klass=klass,
        revisions=[r for r in revisions if r is not None],
        signoffs=[s for s in signoffs if s is not None],
        opinions=opinions,
        summaries=summaries,
    )
    return _with_office(item, table, header, check)


def _with_office(item: Item, table: dict[str, Any], header: Header, check: Checker) -> Item:
    """`item` with the assignments and notes its table holds (most items have neither, and
    pay two dictionary look-ups for that)."""
    if "assignments" in table:
        item.assignments = read_assignments(table, header, check)
    if "notes" in table:
        item.notes = read_notes(table, check)
    if "moves" in table and header.format >= 2:  # format 1: reported as format 2's key
        item.moves = read_moves(table, check)
    return item


def _read_opinions(table: dict[str, Any], header: Header, check: Checker) -> list[Opinion] | None:
    """The item's opinions: its `[[items.opinions]]` in format 2, its `opinion` and `count`
    (one opinion labelled with its No.) in format 1; None when they cannot be read."""
    if header.format >= 2:
        format_one_only(table, check)
        return read_opinions(table, check)
    format_two_only(table, FORMAT_TWO_ITEM_KEYS, ITEMS, check)
    no = table.get("no")
    opinion = check.get(table, "opinion", STR, ITEMS, required=True)
    count = check.get(table, "count", INT, ITEMS, default=1)
    if count < 1:
        message = _("items.count must be 1 or more, not {count}").format(count=count)
        check.report(ITEMS, 0, "count", message)
        count = 1
    if opinion is None:
        return None
    return [Opinion(str(no), opinion, count)]


_set = object.__setattr__  # past a frozen record's refusal, as its __init__ is


def _plain_item(table: dict[str, Any], header: Header, check: Checker) -> Item | None:
    """The item when its own keys are all known, of their type and value; else None (the
    checked path in `read_item` then reads it and reports what is wrong).

    A national file has tens of thousands of items: this is about twice as fast as the
    checked path for the same result. A revision that is plain too is built here, in the
    loop (it is the common case, and a call per revision cost a tenth of the read); any
    other revision and every sign-off go through their own readers, which fall back to
    checking (and reporting) where needed. The item and its one opinion are built by
    filling their attribute dictionaries, as `Item(...)` and `Opinion(...)` would.
    """
    if header.format != 1:
        return _plain_grouped_item(table, header, check)
    get = table.get
    no, section, opinion = get("no"), get("section"), get("opinion")
    count, klass, topic = get("count", 1), get("class"), get("topic")
    revisions, signoffs = get("revisions", _NONE), get("signoffs", _NONE)
    # `_plain_common` written out (a call with seven arguments per item cost a tenth of
    # this function on one-line items), the lists' tables checked by a loop each rather
    # than a generator (most items have one revision and few sign-offs).
    if not (
        type(no) is int
        and type(section) is str
        and type(opinion) is str
        and type(count) is int
        and count >= 1
        and no >= 1
        and table.keys() <= _ITEM_KEY_SET
        and (topic is None or type(topic) is str)
        # Without sections declared (whose ids the header checks), a section with a tab or
        # a control is left to the checked path, which reports it.
        and (section in header.section_ids if header.section_ids else section.isprintable())
        and (
            klass is None
            or (type(klass) is str and (not header.class_ids or klass in header.class_ids))
        )
        and type(revisions) is list
        and type(signoffs) is list
    ):
        return None
    for each in revisions:
        if type(each) is not dict:
            return None
    for each in signoffs:
        if type(each) is not dict:
            return None
    read: list[Revision] = []
    for index, revision in enumerate(revisions):
        author, at, text = revision.get("author"), revision.get("at"), revision.get("text")
        note = revision.get("note")
        if (
            type(author) is str
            and author.isprintable()
            and type(text) is str
            and type(at) is dt.datetime
            and type(at.tzinfo) is dt.timezone  # as tomllib and toml-rs give it: kept as it is
            and (note is None or type(note) is str)
            and revision.keys() <= _REVISION_KEY_SET
        ):
            # The parsed table becomes the revision's attribute dictionary as it is (a note
            # not given is the class's default, None), as `plain_opinions` does.
            built = object.__new__(Revision)
            _set(built, "__dict__", revision)
            read.append(built)
        elif (checked := _read_revision(revision, index, check)) is not None:
            read.append(checked)
    if signoffs:
        known = len(revisions)  # those that could not be read (reported) count too
        signed = [_read_signoff(s, i, header, known, check) for i, s in enumerate(signoffs)]
        given = [s for s in signed if s is not None]
    else:
        given = []
    one = object.__new__(Opinion)
    one.__dict__.update(label=str(no), text=opinion, count=count, sources=(), members="")
    item = object.__new__(Item)
    item.__dict__.update(
        no=no, assignments=[], notes=[], moves=[], section=section, topic=topic, klass=klass,
        revisions=read, signoffs=given, summaries=[], opinions=[one],
    )  # fmt: skip
    return item


_NONE: list[Any] = []  # never changed: a missing list is read as this empty one


def _plain_grouped_item(table: dict[str, Any], header: Header, check: Checker) -> Item | None:
    """A format-2 item on the fast path: as `_plain_item`, with its opinions and summaries
    (`plain_opinions`, `plain_summaries`) instead of one opinion and its count."""
    get = table.get
    no, section, klass, topic = get("no"), get("section"), get("class"), get("topic")
    revisions, signoffs = get("revisions", []), get("signoffs", [])
    if header.format != 2 or not (
        type(no) is int
        and type(section) is str
        and table.keys() <= _FORMAT_TWO_ITEM_KEY_SET
        and _plain_common(no, section, klass, topic, revisions, signoffs, header)
    ):
        return None
    opinions = plain_opinions(get("opinions"))
    summaries = plain_summaries(get("summaries", []))
    if opinions is None or summaries is None:
        return None
    read = [_read_revision(r, index, check) for index, r in enumerate(revisions)]
    signed = [_read_signoff(s, index, header, len(read), check) for index, s in enumerate(signoffs)]
    return Item(
        no,
        section,
        topic=topic,
        klass=klass,
        revisions=[r for r in read if r is not None],
        signoffs=[s for s in signed if s is not None],
        opinions=opinions,
        summaries=summaries,
    )


def _plain_common(
    no: int, section: str, klass: Any, topic: Any, revisions: Any, signoffs: Any, header: Header
) -> bool:
    """Whether the keys every format's item has are of their type and value (`no` and
    `section` are of theirs)."""
    return bool(
        no >= 1
        and (topic is None or type(topic) is str)
        and (not header.section_ids or section in header.section_ids)
        and (
            klass is None
            or (type(klass) is str and (not header.class_ids or klass in header.class_ids))
        )
        and type(revisions) is list
        and type(signoffs) is list
        and all(type(r) is dict for r in revisions)
        and all(type(s) is dict for s in signoffs)
    )


def _read_revision(table: dict[str, Any], index: int, check: Checker) -> Revision | None:
    # The common case first: every key known and of its type. A national file has tens of
    # thousands of revisions, and this is about three times cheaper than the checked path
    # below, which handles (and locates) everything else.
    author, at, text = table.get("author"), table.get("at"), table.get("text")
    note = table.get("note")
    if (
        type(author) is str
        and author.isprintable()  # else checked below: it goes into commit messages
        and type(text) is str
        and type(at) is dt.datetime
        and at.tzinfo is not None
        and (note is None or type(note) is str)
        and table.keys() <= _REVISION_KEY_SET
    ):
        return plain_revision(author, zoned(at), text, note)
    check.unknown_keys(table, REVISION_KEYS, REVISIONS, index)
    author = check.get(table, "author", STR, REVISIONS, index, required=True)
    at = check.get(table, "at", DATETIME, REVISIONS, index, required=True)
    text = check.get(table, "text", STR, REVISIONS, index, required=True)
    note = check.get(table, "note", STR, REVISIONS, index)
    if author is not None and (problem := one_line_problem("items.revisions.author", author)):
        check.report(REVISIONS, index, "author", problem)
    if author is None or at is None or text is None:
        return None
    return Revision(author=author, at=at, text=text, note=note)


def plain_revision(author: str, at: dt.datetime, text: str, note: str | None) -> Revision:
    """`Revision(author, at, text, note)`, built by filling its attribute dictionary.

    That is all the frozen dataclass's __init__ does, but through object.__setattr__ once
    per field: a national file has 30,000 to 50,000 revisions (flat.unflatten does the
    same). A test checks that the result equals the dataclass's, field for field.
    """
    revision = object.__new__(Revision)
    revision.__dict__.update(author=author, at=at, text=text, note=note)
    return revision


def _read_signoff(
    table: dict[str, Any], index: int, header: Header, revisions: int | None, check: Checker
) -> Signoff | None:
    fast = _plain_signoff(table, header, revisions)
    if fast is not None:
        return fast
    t = SIGNOFFS
    check.unknown_keys(table, SIGNOFF_KEYS, t, index)
    stage = check.get(table, "stage", STR, t, index, required=True)
    by = check.get(table, "by", STR, t, index, required=True)
    at = check.get(table, "at", DATETIME, t, index, required=True)
    revision = check.get(table, "revision", INT, t, index, required=True)
    digest = check.get(table, "digest", STR, t, index, required=True)
    verdict = check.get(table, "verdict", STR, t, index, required=True)
    comment = check.get(table, "comment", STR, t, index)
    withdrawn = check.get(table, "withdrawn", DATETIME, t, index)
    basis = check.get(table, "basis", STR, t, index)
    if header.format < 2:
        format_two_only(table, ("basis",), t, check, index)
        basis = None
    elif basis is not None and not DIGEST.match(basis):
        message = _("basis must be 'sha256:' and 64 lower-case hex digits")
        check.report(t, index, "basis", message)
    if by is not None and (problem := one_line_problem("items.signoffs.by", by)):
        check.report(t, index, "by", problem)  # it goes into commit messages
    # With no stages known (review missing or broken, already reported) every stage would
    # be reported too; those would only bury the real problem.
    if stage is not None and header.review.stages and stage not in header.review.stages:
        stages = ", ".join(header.review.stages)
        message = _("stage {stage} is not in review.stages ({stages})").format(
            stage=repr(stage), stages=stages
        )
        check.report(t, index, "stage", message)
    if revision is not None and revisions is not None and not 1 <= revision <= revisions:
        message = _("sign-off points at revision {revision}; the item has {count}").format(
            revision=revision, count=revisions
        )
        check.report(t, index, "revision", message)
    if digest is not None and not DIGEST.match(digest):
        message = _("digest must be 'sha256:' and 64 lower-case hex digits")
        check.report(t, index, "digest", message)
    if verdict is not None and verdict not in VERDICTS:
        message = _("verdict must be 'approve' or 'reject', not {verdict}").format(
            verdict=repr(verdict)
        )
        check.report(t, index, "verdict", message)
    # A verdict outside the vocabulary was reported (an error: the file does not load), so
    # the sign-off is left out like one missing a key.
    if None in (stage, by, at, revision, digest, verdict) or verdict not in VERDICTS:
        return None
    return Signoff(
        stage=stage,
        by=by,
        at=at,
        revision=revision,
        digest=digest,
        verdict=VERDICT_OF[verdict],
        comment=comment,
        withdrawn=withdrawn,
        basis=basis,
    )


def _plain_signoff(table: dict[str, Any], header: Header, revisions: int | None) -> Signoff | None:
    """The sign-off when every key is known, of its type and value; else None (check it).

    Built by filling its attribute dictionary, as `Signoff(...)` would: a national file
    holds 30,000 to 60,000 sign-offs."""
    get = table.get
    stage, by, at, revision = get("stage"), get("by"), get("at"), get("revision")
    digest, verdict, comment, withdrawn = (
        get("digest"),
        get("verdict"),
        get("comment"),
        get("withdrawn"),
    )
    basis = get("basis")
    stages = header.review.stages
    if not (
        type(stage) is str
        and type(by) is str
        and by.isprintable()
        and type(at) is dt.datetime
        and at.tzinfo is not None
        and type(revision) is int
        and type(digest) is str
        and type(verdict) is str
        and verdict in VERDICT_OF
        and (comment is None or type(comment) is str)
        and (withdrawn is None or (type(withdrawn) is dt.datetime and withdrawn.tzinfo is not None))
        and table.keys() <= _SIGNOFF_KEY_SET
        and (not stages or stage in stages)
        and (revisions is None or 1 <= revision <= revisions)
        and _digest_match(digest)
        and (basis is None or (header.format >= 2 and type(basis) is str and _digest_match(basis)))
    ):
        return None
    signoff = object.__new__(Signoff)
    signoff.__dict__.update(
        stage=stage,
        by=by,
        at=at if type(at.tzinfo) is dt.timezone else zoned(at),
        revision=revision,
        digest=digest,
        verdict=VERDICT_OF[verdict],
        comment=comment,
        withdrawn=None if withdrawn is None else zoned(withdrawn),
        basis=basis,
    )
    return signoff


_digest_match = DIGEST.match
