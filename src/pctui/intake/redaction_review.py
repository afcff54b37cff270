"""What a reviewer of redactions sees: each redaction with the public words around it.

The words around a redaction are shown with every redaction of that opinion that stands
replaced by the marker, and the redaction under review always shown as the marker (even
when it was reverted): a list of redactions can then be printed, logged or piped without
carrying the personal data it is about. The removed words themselves are in
`Redaction.original`, for the one place that shows them on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pctui.intake.records import Redaction, RedactionStatus
from pctui.intake.redact import MARKER
from pctui.intake.registry import Registry

WIDTH = 20
"""Characters of public text shown on each side of the marker."""


@dataclass(frozen=True, slots=True)
class RedactionView:
    """A redaction and the public text around it, on one line."""

    redaction: Redaction
    context: str


def context(
    text: str, standing: Sequence[tuple[int, int]], target: tuple[int, int], width: int = WIDTH
) -> str:
    """The words of `text` around `target`, on one line: `target` and every span of
    `standing` replaced by the marker, `width` characters each side, cut ends shown by …"""
    spans = sorted({*standing, target})
    out: list[str] = []
    length = 0
    at = 0
    marker_at = 0
    for start, end in spans:
        out.append(text[at:start])
        length += start - at
        if (start, end) == target:
            marker_at = length
        out.append(MARKER)
        length += len(MARKER)
        at = end
    out.append(text[at:])
    public = "".join(out)
    begin = max(0, marker_at - width)
    stop = min(len(public), marker_at + len(MARKER) + width)
    shown = public[begin:stop]
    shown = ("…" if begin > 0 else "") + shown + ("…" if stop < len(public) else "")
    return " ".join(shown.split())


def redaction_views(registry: Registry, pending_only: bool = False) -> list[RedactionView]:
    """Each redaction of the registry (only those still to review with `pending_only`),
    by opinion and place, with its context."""
    every = registry.redactions()
    texts = registry.original_texts(dict.fromkeys(r.opinion for r in every))
    standing: dict[str, list[tuple[int, int]]] = {}
    for r in every:
        if r.status != RedactionStatus.REVERTED:
            standing.setdefault(r.opinion, []).append((r.start, r.end))
    return [
        RedactionView(r, context(texts[r.opinion], standing.get(r.opinion, []), (r.start, r.end)))
        for r in every
        if not pending_only or r.status == RedactionStatus.PENDING
    ]
