"""Frozen member lists: how an item's opinion answers a 同趣旨 group too large to list.

An opinion names the intake opinions it answers in `sources`; for a group of more than
`LISTED` opinions it names instead, in `members`, a list of their ids frozen in the
registry (`Registry.freeze_members`), by the digest of that list (see docs/format.md). What
needs the opinions an item answers — publishing the submitted opinions (§43), `intake
status`'s "attached to items", the grouping screen's refusal to count an opinion twice —
reads the consultation through `resolved`, whose opinions name every one in `sources`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pctui.intake.registry import Registry
from pctui.model.records import Consultation, Item

LISTED = 1000
"""The most opinions an opinion lists in `sources`; a larger group is a frozen list."""


@dataclass
class Resolved:
    """A consultation whose opinions name in `sources` every opinion they answer, and the
    problems of its frozen lists: (No., digest) of those the registry does not hold, and
    (No., digest, length, count) of those whose length is not the opinion's count."""

    consultation: Consultation
    missing: list[tuple[int, str]] = field(default_factory=list)
    miscounted: list[tuple[int, str, int, int]] = field(default_factory=list)


def resolved(consultation: Consultation, registry: Registry) -> Resolved:
    """`consultation` with each frozen member list read into its opinion's `sources` (a
    copy of the items that have one; the others are the same objects)."""
    if not any(o.members for item in consultation.items for o in item.opinions):
        return Resolved(consultation)
    found = Resolved(replace(consultation))
    items: list[Item] = []
    for item in consultation.items:
        if not any(o.members for o in item.opinions):
            items.append(item)
            continue
        opinions = []
        for opinion in item.opinions:
            if opinion.members:
                listed = registry.member_list(opinion.members)
                if listed is None:
                    found.missing.append((item.no, opinion.members))
                    listed = ()
                elif len(listed) != opinion.count:
                    found.miscounted.append((item.no, opinion.members, len(listed), opinion.count))
                opinion = replace(opinion, sources=(*opinion.sources, *listed))
            opinions.append(opinion)
        items.append(replace(item, opinions=opinions))
    found.consultation.items = items
    return found
