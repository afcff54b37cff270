"""The records of intake that the registry stores and the grouping produces (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Member:
    """One opinion in a group: its id (`<受付番号>-<k>`) and the text it adds to the group's
    representative ("" for the representative itself and for exact copies), so that a
    reviewer reads what a near-copy says beyond the campaign letter it repeats."""

    opinion: str
    added: str = ""


@dataclass(frozen=True, slots=True)
class Group:
    """A group of opinions of the same purport (同趣旨): its id, the opinion that stands for
    it, and every member, the representative first."""

    id: str
    representative: str
    members: tuple[Member, ...]
