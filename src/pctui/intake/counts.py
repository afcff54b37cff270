"""What the registry holds, counted: for `pctui intake status` and the screens."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pctui.intake.member_lists import resolved
from pctui.intake.records import RedactionStatus
from pctui.intake.registry import Registry
from pctui.intake.tally import method_name, tally
from pctui.model.records import Consultation


@dataclass(frozen=True)
class MethodCount:
    """Submissions (通), their distinct submitters (人) and opinions (件) that came by one
    method, named and counted as the intake table (`tally`) names and counts them."""

    method: str
    submissions: int
    opinions: int
    submitters: int = 0


@dataclass(frozen=True)
class IntakeCounts:
    """The registry's submissions, opinions, groups, attachments and redactions."""

    submissions: int
    opinions: int
    by_method: list[MethodCount] = field(default_factory=list)
    submitters: int = 0  # distinct over every method: one who sent by two methods counts once
    groups: int = 0
    grouped: int = 0  # opinions in a group
    attached: int = 0  # opinions an item of the consultation answers (its opinions' sources)
    redactions: dict[RedactionStatus, int] = field(default_factory=dict)
    # Frozen member lists an item names that the registry does not hold (No., digest), or
    # whose length is not the opinion's count (No., digest, length, count).
    missing_lists: list[tuple[int, str]] = field(default_factory=list)
    miscounted_lists: list[tuple[int, str, int, int]] = field(default_factory=list)


def count(registry: Registry, consultation: Consultation) -> IntakeCounts:
    """Count what `registry` holds; `consultation` says which opinions items answer (its
    frozen member lists read from the registry)."""
    read = resolved(consultation, registry)
    consultation = read.consultation
    # The same tally as `pctui intake tally` and the published intake table: 通 and 人 by
    # method, in the file's order of methods; the opinions (件) added beside them.
    counted = tally(registry, consultation)
    opinions_by: Counter[str] = Counter()
    for method, opinions in registry.rows(
        "SELECT s.method, COUNT(o.id) FROM submissions s "
        "JOIN opinions o ON o.submission = s.number GROUP BY s.method"
    ):
        opinions_by[method_name(method, consultation)] += opinions
    by_method = [
        MethodCount(m.method, m.submissions, opinions_by[m.method], m.submitters)
        for m in counted.methods
    ]
    sources = {
        source
        for item in consultation.items
        for opinion in item.opinions
        for source in opinion.sources
    }
    attached = 0
    if sources:
        known = {row[0] for row in registry.rows("SELECT id FROM opinions")}
        attached = len(sources & known)
    redactions = {status: 0 for status in RedactionStatus}
    for status, number in registry.rows("SELECT status, COUNT(*) FROM redactions GROUP BY status"):
        redactions[RedactionStatus(status)] = number
    return IntakeCounts(
        submissions=registry.scalar("SELECT COUNT(*) FROM submissions"),
        opinions=registry.scalar("SELECT COUNT(*) FROM opinions"),
        by_method=by_method,
        submitters=counted.submitters,
        groups=registry.scalar("SELECT COUNT(*) FROM groups"),
        grouped=registry.scalar("SELECT COUNT(*) FROM members"),
        attached=attached,
        redactions=redactions,
        missing_lists=read.missing,
        miscounted_lists=read.miscounted,
    )
