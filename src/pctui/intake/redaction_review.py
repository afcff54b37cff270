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
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pctui.i18n import N_, _, ngettext
from pctui.intake.records import Redaction, RedactionStatus
from pctui.intake.redact import MARKER
from pctui.intake.registry import Registry
from pctui.model.actions import require_reviewer
from pctui.model.identity import current_login
from pctui.model.records import Consultation
from pctui.model.zones import consultation_now

WIDTH = 20
"""Characters of public text shown on each side of the marker."""

REASONS = {
    "email": N_("e-mail address"),
    "phone": N_("phone number"),
    "postal-code": N_("postal code"),
    "address": N_("address"),
    "name": N_("name"),
}
"""Each reason's name as people read it (translate with `_()` where shown)."""

STATUSES = {
    RedactionStatus.PENDING: N_("to review"),
    RedactionStatus.CONFIRMED: N_("kept"),
    RedactionStatus.REVERTED: N_("undone"),
}
"""Each status's name as people read it (translate with `_()` where shown)."""


@dataclass(frozen=True, slots=True)
class Around:
    """The public words before and after a redaction, on one line, cut ends shown by …;
    the redaction itself goes between them (the marker, or on request its words)."""

    before: str
    after: str

    def with_marker(self) -> str:
        """The words with the marker between them."""
        return self.before + MARKER + self.after


@dataclass(frozen=True, slots=True)
class RedactionView:
    """A redaction and the public text around it, on one line."""

    redaction: Redaction
    context: str


def _one_line(text: str, start: bool, end: bool) -> str:
    """`text` with every run of white space one space; its ends stripped where `start` or
    `end` is the end of the whole line (as `" ".join(line.split())` would)."""
    one = re.sub(r"\s+", " ", text)
    if start:
        one = one.lstrip()
    if end:
        one = one.rstrip()
    return one


def around(
    text: str, standing: Sequence[tuple[int, int]], target: tuple[int, int], width: int = WIDTH
) -> Around:
    """The words of `text` around `target`: every span of `standing` replaced by the
    marker, `width` characters each side of `target`."""
    out: list[str] = []
    at = 0
    before = ""
    for start, end in sorted({*standing, target}):
        out.append(text[at:start])
        if (start, end) == target:
            before = "".join(out)
            out = []
        else:
            out.append(MARKER)
        at = end
    out.append(text[at:])
    after = "".join(out)
    if len(before) > width:
        before = "…" + before[len(before) - width :]
    if len(after) > width:
        after = after[:width] + "…"
    return Around(_one_line(before, True, False), _one_line(after, False, True))


def context(
    text: str, standing: Sequence[tuple[int, int]], target: tuple[int, int], width: int = WIDTH
) -> str:
    """The words of `text` around `target`, on one line: `target` and every span of
    `standing` replaced by the marker, `width` characters each side, cut ends shown by …"""
    return around(text, standing, target, width).with_marker()


def redaction_views(
    registry: Registry, pending_only: bool = False, width: int = WIDTH
) -> list[RedactionView]:
    """Each redaction of the registry (only those still to review with `pending_only`),
    by opinion and place, with its context (`width` characters each side)."""
    every = registry.redactions()
    texts = registry.original_texts(dict.fromkeys(r.opinion for r in every))
    standing: dict[str, list[tuple[int, int]]] = {}
    for r in every:
        if r.status != RedactionStatus.REVERTED:
            standing.setdefault(r.opinion, []).append((r.start, r.end))
    return [
        RedactionView(
            r, context(texts[r.opinion], standing.get(r.opinion, []), (r.start, r.end), width)
        )
        for r in every
        if not pending_only or r.status == RedactionStatus.PENDING
    ]


class Shown(StrEnum):
    """Which redactions the redaction screen lists: all (those to review first), or those
    of one status. The values are the filter's names in `--json`-like identifiers."""

    ALL = "all"
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REVERTED = "reverted"


SHOWN_NAMES = {
    Shown.ALL: N_("all, to review first"),
    Shown.PENDING: N_("to review"),
    Shown.CONFIRMED: N_("kept"),
    Shown.REVERTED: N_("undone"),
}


def next_shown(shown: Shown) -> Shown:
    """The filter after `shown`, round again after the last."""
    order = list(Shown)
    return order[(order.index(shown) + 1) % len(order)]


def next_reason(reason: str | None, views: Sequence[RedactionView]) -> str | None:
    """The reason filter after `reason` (None: every reason), over the reasons `views`
    hold in `REASONS`' order, back to None after the last."""
    present = {v.redaction.reason for v in views}
    order = [None, *(r for r in REASONS if r in present), *sorted(present - set(REASONS))]
    at = order.index(reason) if reason in order else 0
    return order[(at + 1) % len(order)]


def listed(
    views: Sequence[RedactionView], shown: Shown, reason: str | None = None
) -> list[RedactionView]:
    """`views` as the screen lists them: with `Shown.ALL` those to review first (each part
    in its order), else only those of the status `shown` names; with `reason`, only
    those of that reason (an address: the pattern most often too eager)."""
    if reason is not None:
        views = [v for v in views if v.redaction.reason == reason]
    if shown == Shown.ALL:
        pending = [v for v in views if v.redaction.status == RedactionStatus.PENDING]
        return pending + [v for v in views if v.redaction.status != RedactionStatus.PENDING]
    return [v for v in views if v.redaction.status == RedactionStatus(shown.value)]


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
    the consultation's zone, as a sign-off is. Refused, with nothing changed, when that
    login is not one of the consultation's reviewers (what is published of an opinion is
    theirs to decide, and a decision changes the items that copy it); ReviewRefused, with
    nothing changed, when an id is in both or one does not exist."""
    by = login if login is not None else current_login()
    require_reviewer(consultation, by)  # first: a non-reviewer learns nothing else
    both = sorted(set(keep) & set(undo))
    if both:
        message = _("redaction {ids} cannot be both kept and undone; nothing changed")
        raise ReviewRefused(message.format(ids=", ".join(map(str, both))))
    statuses = {n: RedactionStatus.CONFIRMED for n in keep}
    statuses.update({n: RedactionStatus.REVERTED for n in undo})
    when = (at or consultation_now(consultation)).isoformat()
    try:
        registry.review_redactions(statuses, by, when)
    except KeyError as missing:
        message = _("no redaction {id} in {path}; nothing changed")
        raise ReviewRefused(message.format(id=missing.args[0], path=registry.path)) from None
    return Reviewed(len(set(keep)), len(set(undo)), by, when)
