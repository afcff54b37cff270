"""What a reviewer of redactions sees: each redaction with the public words around it.

The words around a redaction are shown with every redaction of that opinion that stands
replaced by the marker, and the redaction under review always shown as the marker (even
when it was reverted): a list of redactions can then be printed, logged or piped without
carrying the personal data it is about. The removed words themselves are in
`Redaction.original`, for the one place that shows them on purpose.

Keeping and undoing redactions is `review`, the one function both `pctui intake redactions
--keep/--undo` and the TUI's redaction screen call: one transaction, with the OS login and
the office's time recorded on each redaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pctui.i18n import _, ngettext
from pctui.intake.records import Redaction, RedactionStatus
from pctui.intake.redact import MARKER
from pctui.intake.registry import Registry
from pctui.model.identity import current_login
from pctui.model.records import Consultation
from pctui.model.zones import consultation_now

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


class ReviewRefused(Exception):
    """A review that changed nothing: a redaction both kept and undone, or one that does
    not exist. Its text says why, to show as it is."""


@dataclass(frozen=True, slots=True)
class Reviewed:
    """What one `review` did: how many redactions were kept and undone, by whom, when."""

    kept: int
    undone: int
    by: str
    at: str

    def said(self) -> str:
        """ "2 redactions kept, 1 redaction undone": the line the command and screen show."""
        kept = ngettext("{count} redaction kept", "{count} redactions kept", self.kept)
        undone = ngettext("{count} redaction undone", "{count} redactions undone", self.undone)
        return _("{kept}, {undone}").format(
            kept=kept.format(count=self.kept), undone=undone.format(count=self.undone)
        )


def review(
    registry: Registry,
    consultation: Consultation,
    keep: Collection[int] = (),
    undo: Collection[int] = (),
    *,
    login: str | None = None,
    at: dt.datetime | None = None,
) -> Reviewed:
    """Keep the redactions `keep` and undo those in `undo`, in one transaction, recording
    the OS login (never an environment variable; `login` only for tests) and the time in
    the consultation's zone, as a sign-off is. ReviewRefused, with nothing changed, when
    an id is in both or one does not exist."""
    both = sorted(set(keep) & set(undo))
    if both:
        message = _("redaction {ids} cannot be both kept and undone; nothing changed")
        raise ReviewRefused(message.format(ids=", ".join(map(str, both))))
    statuses = {n: RedactionStatus.CONFIRMED for n in keep}
    statuses.update({n: RedactionStatus.REVERTED for n in undo})
    by = login if login is not None else current_login()
    when = (at or consultation_now(consultation)).isoformat()
    try:
        registry.review_redactions(statuses, by, when)
    except KeyError as missing:
        message = _("no redaction {id} in {path}; nothing changed")
        raise ReviewRefused(message.format(id=missing.args[0], path=registry.path)) from None
    return Reviewed(len(set(keep)), len(set(undo)), by, when)
