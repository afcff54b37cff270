"""Searching a registry's opinions again for personal data, with today's patterns.

A registry imported by an older pctui was searched with the patterns of its day: no
signature under a submission whose form gave a name, no name in kana (`redact.PATTERNS`
counts the versions). `rescan` searches every opinion again and adds what is new as
redactions to review — never applied as kept, never dropped: a new find hides its words at
once, like every redaction still to review, until a reviewer keeps or undoes it. A find
that overlaps a redaction the opinion already has is not added (an undone one was a
reviewer's decision), so a second rescan adds nothing.
"""

from __future__ import annotations

from pctui.intake.redact import PATTERNS, Find, find_personal_data, mentions_own
from pctui.intake.registry import Registry


def new_finds(registry: Registry) -> list[tuple[str, int, int, str]]:
    """(opinion, start, end, reason) of each span today's patterns find that no redaction
    of its opinion covers, by opinion and place."""
    existing: dict[str, list[tuple[int, int]]] = {}
    for redaction in registry.redactions():
        existing.setdefault(redaction.opinion, []).append((redaction.start, redaction.end))
    # A campaign's copies are one text: searched once (unless it names its own sender).
    searched: dict[tuple[str, bool], list[Find]] = {}
    out: list[tuple[str, int, int, str]] = []
    for opinion, text, name, address, last in registry.scan_rows():
        own = (("name", name), ("address", address))
        if (name or address) and mentions_own(text, own):
            finds = find_personal_data(text, own, signed=last)
        else:
            finds = searched.get((text, last)) or []
            if (text, last) not in searched:
                finds = searched[text, last] = find_personal_data(text, signed=last)
        spans = existing.get(opinion, [])
        out.extend(
            (opinion, find.start, find.end, find.reason)
            for find in finds
            if not any(find.start < end and find.end > start for start, end in spans)
        )
    return out


def rescan(registry: Registry) -> list[int]:
    """Search every opinion again and add the new finds as redactions to review, in one
    transaction; the ids added (none when there is nothing new)."""
    return registry.add_redactions(new_finds(registry), PATTERNS)


def needs_rescan(registry: Registry) -> bool:
    """Whether some opinions were searched with older patterns than today's."""
    return registry.patterns() < PATTERNS
