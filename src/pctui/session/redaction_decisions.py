"""A redaction decision carried into the consultation file: what `pctui intake redactions
--keep/--undo`, `pctui intake sync`, `pctui intake rescan` and the redaction screen call.

Keeping or undoing redactions changes the registry in one transaction (`review`); the items
whose opinion is a copy of a changed public text then get the registry's text in the
consultation file, saved at once through `ConsultationFile.transact` like a sign-off (an
item's changed opinion text makes its sign-offs stale). The two are two files, written one
after the other: when the second cannot be saved, the outcome says so, `pctui publish`
refuses to print the text that disagrees, and `pctui intake sync` (the same `sync_items`)
brings it in line later. No Textual here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, field

from pctui.i18n import _
from pctui.intake.item_texts import COPY, Disagreement, disagreements, follow
from pctui.intake.redaction_review import Reviewed, review
from pctui.intake.registry import Registry
from pctui.intake.rescan import rescan
from pctui.model.actions import Refused
from pctui.storage import ConsultationFile, LoadError, SaveError


@dataclass(frozen=True)
class Synced:
    """What `sync_items` did: the opinions whose text now follows the registry, the items
    among them whose sign-offs went stale, and why the file could not be saved ("" when
    it was, or had nothing to change)."""

    changed: list[Disagreement] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    error: str = ""

    def lines(self) -> list[str]:
        """One line per opinion changed, one for the stale sign-offs, one for an error."""
        out = []
        for change in self.changed:
            if change.kind == COPY:
                message = _(
                    "No.{no} opinion {label}: its text is now the registry's public text "
                    "of {opinion}"
                )
            else:
                message = _(
                    "No.{no} opinion {label}: the words {opinion} keeps redacted are "
                    "removed from its edited text too"
                )
            out.append(message.format(no=change.no, label=change.label, opinion=change.opinion))
        if self.stale:
            nos = ", ".join(f"No.{no}" for no in self.stale)
            out.append(_("the sign-offs of {items} are stale: sign again").format(items=nos))
        if self.error:
            out.append(
                _("the consultation file was not updated: {error} (pctui intake sync)").format(
                    error=self.error
                )
            )
        return out


def sync_items(
    file: ConsultationFile, registry: Registry, opinions: Collection[str] | None = None
) -> Synced:
    """Give every item opinion that disagrees with the registry (among those whose
    representative is in `opinions`, when given) the registry's text, saved at once."""
    try:
        found = disagreements(file.consultation, registry, opinions)
    except sqlite3.Error as error:
        return Synced(error=str(error))
    if not found:
        return Synced()
    nos = sorted({change.no for change in found})
    signed = {
        no
        for no in nos
        if (item := file.consultation.item(no)) is not None
        and any(s.withdrawn is None for s in item.signoffs)
    }
    try:
        changed = file.transact(nos[0], lambda c: follow(c, found), nos[1:])
    except (Refused, SaveError) as error:
        return Synced(error=str(error))
    except LoadError as error:
        return Synced(error=str(error.problems[0]) if error.problems else _("unreadable"))
    return Synced(changed, sorted({c.no for c in changed} & signed))


@dataclass(frozen=True)
class Decided:
    """A review of redactions (`Reviewed`) and what it changed in the consultation file."""

    reviewed: Reviewed
    synced: Synced

    def lines(self) -> list[str]:
        """What the command prints and the screen notifies, a line each."""
        return [self.reviewed.said(), *self.synced.lines()]


def decide(
    file: ConsultationFile,
    registry: Registry,
    keep: Collection[int] = (),
    undo: Collection[int] = (),
    *,
    login: str | None = None,
    at: dt.datetime | None = None,
) -> Decided:
    """Keep the redactions `keep` and undo those in `undo` (`review`: one transaction, the
    OS login and the office's time recorded; ReviewRefused with nothing changed), then
    carry the changed public texts into the items that copy them."""
    touched = registry.redaction_opinions([*keep, *undo])
    reviewed = review(registry, file.consultation, keep, undo, login=login, at=at)
    return Decided(reviewed, sync_items(file, registry, touched))


@dataclass(frozen=True)
class Rescanned:
    """The redactions a rescan added (their ids, to review) and what it changed in the
    consultation file."""

    added: list[int]
    synced: Synced


def rescan_and_sync(file: ConsultationFile, registry: Registry) -> Rescanned:
    """Search the registry's opinions again (`intake.rescan`), adding the new finds as
    redactions to review, then carry the changed public texts into the items that copy
    them."""
    added = rescan(registry)
    if not added:
        return Rescanned(added, Synced())
    touched = registry.redaction_opinions(added)
    return Rescanned(added, sync_items(file, registry, touched))
