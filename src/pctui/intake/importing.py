"""Adding submissions to the registry: the insert path of `Registry.add`.

A national campaign is hundreds of thousands of submissions, most of them the same letter.
So the work is done in chunks and in bulk, and once per distinct text:

- each chunk asks the registry once which of its 受付番号 and keys are already there (one
  query each, not one per submission), and its rows go in with one `executemany` per table;
- a raw text is split into opinions and searched for personal data once: a verbatim copy
  of a letter reuses the opinions, public texts and finds of the first (`_Opinions`).

The caller holds the write transaction, so a chunk written is not yet committed: an import
interrupted in any chunk leaves the registry as it was. The results are those of handling
the submissions one by one in order: a submission is checked against the registry and
against every submission added before it in the same import.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

from pctui.i18n import _
from pctui.intake.records import Submission
from pctui.intake.redact import find_personal_data, mentions_own, public_text
from pctui.intake.schema import CONTENT_KEY, SAME
from pctui.intake.split import split_opinions

ASSIGNED_PREFIX = "R"
CHUNK = 900
"""Submissions a chunk: the most whose numbers one query may name with SQLite's oldest
limit of 999 parameters."""


class Incoming(NamedTuple):
    """A submission read from a source, before it is in the registry: `submission.number`
    is "" when the source gives none (one is assigned), `place` says where it was read
    (`path:line`) for the messages. A named tuple, as `Submission`: one a row."""

    submission: Submission
    place: str
    occurrence: int = 1  # the how-manyth identical unnumbered submission of its source


@dataclass
class Added:
    """What one `Registry.add` did."""

    added: int = 0
    already: int = 0  # present from an earlier import of the same source
    opinions: int = 0
    redactions: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (place, message)


def digest(submission: Submission) -> str:
    """A digest of everything a submission holds but its number, in the order of its
    fields."""
    # (`sources.numbered_copies` counts identical submissions by the same joined text.)
    return hashlib.sha256("\x00".join(submission[1:]).encode("utf-8")).hexdigest()


def key_of(incoming: Incoming, content: str) -> str:
    """What makes a submission the same one when its source is imported again: its
    受付番号 when the source gives one, else its content and how many identical ones came
    before it in the source (so that two identical letters stay two)."""
    number = incoming.submission.number
    return f"no:{number}" if number else f"content:{content}:{incoming.occurrence}"


class _Digests:
    """Each distinct content's digest computed once in one import: the copies of a
    campaign letter sent without a name differ only in their numbers (a dictionary look-up
    on the fields, whose hashes Python keeps, against a SHA-256 of the whole text)."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, ...], str] = {}

    def of(self, submission: Submission) -> str:
        content = submission[1:]
        known = self._known.get(content)
        if known is None:
            known = self._known[content] = digest(submission)
        return known


# One opinion of a raw text: its text, its public text and its finds (start, end, reason).
_Opinion = tuple[str, str, list[tuple[int, int, str]]]


class _Opinions:
    """Each distinct raw text split and redacted once, for all its copies in one import."""

    def __init__(self) -> None:
        self._known: dict[str, list[_Opinion]] = {}

    def of(self, raw: str) -> list[_Opinion]:
        """`raw` split and redacted, its last line looked at as a signature (its signer's
        name) in its last opinion."""
        known = self._known.get(raw)
        if known is None:
            texts = split_opinions(raw)
            last = len(texts) - 1
            known = self._known[raw] = [
                _opinion(text, signed=k == last) for k, text in enumerate(texts)
            ]
        return known


def _own(submission: Submission) -> tuple[tuple[str, str], ...]:
    """The submitter's fields that the patterns may miss (an e-mail address or a phone
    number they find wherever it is), to redact where they stand in their own text."""
    return (("name", submission.name), ("address", submission.address))


def _opinion(text: str, own: tuple[tuple[str, str], ...] = (), signed: bool = False) -> _Opinion:
    finds = [(f.start, f.end, f.reason) for f in find_personal_data(text, own, signed)]
    if not finds:
        return text, SAME, finds
    public = public_text(text, [(start, end) for start, end, _reason in finds])
    return text, SAME if public == text else public, finds


def _chunks(incoming: Iterable[Incoming]) -> Iterator[list[Incoming]]:
    items = iter(incoming)
    while chunk := list(islice(items, CHUNK)):
        yield chunk


def _present(db: sqlite3.Connection, column: str, values: list[str]) -> list[tuple[str, str]]:
    """(value, digest) of the submissions whose `column` is one of `values` (a key: of an
    unnumbered submission, the only keys indexed)."""
    if not values:
        return []
    marks = ",".join("?" * len(values))
    query = f"SELECT {column}, digest FROM submissions WHERE {column} IN ({marks})"
    if column == "key":
        query += f" AND {CONTENT_KEY}"  # in the words of the index's condition, to use it
    return [(value, content) for value, content in db.execute(query, values)]


def _clash(db: sqlite3.Connection, number: str, assigned_here: str | None) -> str:
    """Why a submission whose source gives it 受付番号 `number` is not imported: the
    registry holds another submission under it. When pctui assigned that number (to a
    submission whose source gave none, `assigned_here` its place when this very import did),
    the source's numbers look like assigned ones: said so, and what to do."""
    place = assigned_here
    if place is None:
        row = db.execute(
            "SELECT source FROM submissions WHERE number = ? AND key LIKE 'content:%'",
            (number,),
        ).fetchone()
        place = row[0] if row else None
    if place is None:
        return _(
            "受付番号 {number} is already in the registry with other content; not imported"
        ).format(number=number)
    return _(
        "受付番号 {number} clashes with the number pctui assigned to a submission that had "
        "none ({place}): numbers of the form {prefix}0000001 are the ones pctui assigns. "
        "Not imported; give this source's numbers a prefix of their own (e.g. W{number}) "
        "and import it again"
    ).format(number=number, place=place, prefix=ASSIGNED_PREFIX)


def add_submissions(
    db: sqlite3.Connection,
    incoming: Iterable[Incoming],
    progress: Callable[[int], None] | None = None,
) -> Added:
    """Add submissions, with their opinions and redactions, inside the caller's write
    transaction (see `Registry.add`)."""
    done = Added()
    row = db.execute("SELECT value FROM counters WHERE name = 'assigned'").fetchone()
    assigned = row[0] if row else 0
    opinions = _Opinions()
    digests = _Digests()
    count = 0
    given_here: dict[str, str] = {}  # number assigned by this import -> where it was read
    # A registry without submissions when the import begins (a consultation's first
    # import) holds nothing but what this import adds: every number and key added is kept
    # here, and SQLite is not asked what a chunk or an assigned number finds there.
    fresh = db.execute("SELECT 1 FROM submissions LIMIT 1").fetchone() is None
    added_numbers: dict[str, str] = {}  # when fresh: number -> digest, of all added so far
    added_keys: set[str] = set()
    for chunk in _chunks(incoming):
        contents = [digests.of(one.submission) for one in chunk]
        keys = [key_of(one, content) for one, content in zip(chunk, contents, strict=True)]
        if fresh:
            numbers, taken = added_numbers, added_keys
        else:
            # What the registry already holds of this chunk; the chunk's own added as it goes.
            given = [one.submission.number for one in chunk if one.submission.number]
            numbers = dict(_present(db, "number", given))
            unnumbered = [
                key for one, key in zip(chunk, keys, strict=True) if not one.submission.number
            ]
            taken = {key for key, _content in _present(db, "key", unnumbered)}
        submission_rows: list[tuple[str, ...]] = []
        opinion_rows: list[tuple[str, str, int, str, str]] = []
        redaction_rows: list[tuple[str, int, int, str]] = []
        added_opinions = 0
        for one, content, key in zip(chunk, contents, keys, strict=True):
            count += 1
            if progress is not None and count % 1000 == 0:
                progress(count)
            number = one.submission.number
            if number:
                found = numbers.get(number)
                if found is not None:
                    if found == content:
                        done.already += 1
                    else:
                        clash = _clash(db, number, given_here.get(number))
                        done.conflicts.append((one.place, clash))
                    continue
            else:
                if key in taken:
                    done.already += 1
                    continue
                assigned += 1
                number = f"{ASSIGNED_PREFIX}{assigned:07d}"
                while number in numbers or (
                    not fresh
                    and db.execute(
                        "SELECT 1 FROM submissions WHERE number = ?", (number,)
                    ).fetchone()
                ):
                    assigned += 1
                    number = f"{ASSIGNED_PREFIX}{assigned:07d}"
                given_here[number] = one.place
            numbers[number] = content
            taken.add(key)
            s = one.submission
            # A text that holds its sender's own name or address (a signed letter) is
            # redacted for that sender alone; the others share their copies'.
            # Its last line may be a signature even when the form gives a name: in another
            # script (a kanji 氏名, a letter signed in katakana) or by someone else.
            if (s.name or s.address) and mentions_own(s.raw, own := _own(s)):
                texts = split_opinions(s.raw)
                last = len(texts) - 1
                split = [_opinion(text, own, k == last) for k, text in enumerate(texts)]
            else:
                split = opinions.of(s.raw)
            # A submission that is one opinion as written is stored once, as the opinion.
            raw = SAME if len(split) == 1 and split[0][0] == s.raw else s.raw
            submission_rows.append(
                (number, key, content, s.received, s.method, s.name, s.address, s.email,
                 s.phone, raw, one.place)
            )  # fmt: skip
            k = 0
            for text, public, finds in split:
                k += 1
                opinion = f"{number}-{k}"
                opinion_rows.append((opinion, number, k, text, public))
                if finds:  # 97 % of a campaign's opinions hold none
                    redaction_rows += [(opinion, start, end, why) for start, end, why in finds]
            added_opinions += k
            done.added += 1
        db.executemany(
            "INSERT INTO submissions (number, key, digest, received, method, name, address, "
            "email, phone, raw, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            submission_rows,
        )
        db.executemany(
            "INSERT INTO opinions (id, submission, k, text, public) VALUES (?, ?, ?, ?, ?)",
            opinion_rows,
        )
        db.executemany(
            "INSERT INTO redactions (opinion, start, stop, reason) VALUES (?, ?, ?, ?)",
            redaction_rows,
        )
        done.opinions += added_opinions
        done.redactions += len(redaction_rows)
    db.execute(
        "INSERT INTO counters (name, value) VALUES ('assigned', ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (assigned,),
    )
    return done
