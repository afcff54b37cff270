"""The intake's records, as the registry hands them out: frozen, so that a caller cannot
change what the registry holds without a transaction."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Submission:
    """One submission as received: its 受付番号, when and how it came, who sent it (the
    personal data that never leaves the registry) and its text as written."""

    number: str
    received: str = ""
    method: str = ""
    name: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    raw: str = ""


@dataclass(frozen=True)
class PublicOpinion:
    """One opinion (件) of a submission in its public form: `text` is redacted. The id is
    `<受付番号>-<k>`, k counting the submission's opinions from 1."""

    id: str
    submission: str
    k: int
    text: str


@dataclass(frozen=True)
class Member:
    """An opinion of a group: `added` is the text it adds to the group's representative
    ("" for an exact copy)."""

    opinion: str
    added: str


@dataclass(frozen=True)
class Group:
    """Opinions of the same purport (同趣旨), with the one that stands for them."""

    id: str
    representative: str
    members: tuple[Member, ...]


class RedactionStatus(StrEnum):
    """Where a redaction stands: found and not yet reviewed, kept by a reviewer, or undone
    (the original text is public again)."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    REVERTED = "reverted"


@dataclass(frozen=True)
class Redaction:
    """Personal data found in an opinion's text: the span `start:end` of the original
    text, what it was, why it is removed and where its review stands."""

    id: int
    opinion: str
    start: int
    end: int
    original: str
    reason: str
    status: RedactionStatus
