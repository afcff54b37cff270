"""The records of intake that the registry stores and the grouping produces (no I/O):
frozen, so that a caller cannot change what the registry holds without a transaction."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class Submission(NamedTuple):
    """One submission as received: its 受付番号, when and how it came, who sent it (the
    personal data that never leaves the registry) and its text as written.

    A named tuple rather than a frozen dataclass, as immutable: an import makes one per
    row, and a frozen dataclass's constructor (one `object.__setattr__` a field) took
    1.65 µs against 0.46 µs, 0.2 s of CPU for 166,724 submissions."""

    number: str
    received: str = ""
    method: str = ""
    name: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    raw: str = ""


@dataclass(frozen=True, slots=True)
class PublicOpinion:
    """One opinion (件) of a submission in its public form: `text` is redacted. The id is
    `<受付番号>-<k>`, k counting the submission's opinions from 1."""

    id: str
    submission: str
    k: int
    text: str


class Member(NamedTuple):
    """One opinion in a group: its id (`<受付番号>-<k>`) and the text it adds to the group's
    representative ("" for the representative itself and for exact copies), so that a
    reviewer reads what a near-copy says beyond the campaign letter it repeats.

    A named tuple, as `Submission`: grouping makes one per opinion (200,000 in a national
    campaign) and the registry and `--json` read both fields of each; a frozen dataclass
    took 0.45 s to make 200,000 against 0.32 s, and its fields are read more slowly."""

    opinion: str
    added: str = ""


@dataclass(frozen=True, slots=True)
class Group:
    """A group of opinions of the same purport (同趣旨): its id, the opinion that stands for
    it, and every member, the representative first."""

    id: str
    representative: str
    members: tuple[Member, ...]


class RedactionStatus(StrEnum):
    """Where a redaction stands: found and not yet reviewed, kept by a reviewer, or undone
    (the original text is public again)."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    REVERTED = "reverted"


@dataclass(frozen=True, slots=True)
class Redaction:
    """Personal data found in an opinion's text: the span `start:end` of the original
    text, what it was, why it is removed, where its review stands and who kept or undid
    it when (`by` an OS login, `at` the office's time in ISO 8601; "" while pending)."""

    id: int
    opinion: str
    start: int
    end: int
    original: str
    reason: str
    status: RedactionStatus
    by: str = ""
    at: str = ""
