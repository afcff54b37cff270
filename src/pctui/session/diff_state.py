"""Which two revisions the diff compares, and how it is shown. Pure (no Textual).

Reviewers most want "what changed since I signed": when the login signed an older
revision of the item, the diff starts from that revision; otherwise from the previous one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pctui.i18n import N_
from pctui.model.records import Item

# Why the diff starts where it does (translated where shown).
SINCE_MY_SIGNOFF = N_("since your sign-off")
PREVIOUS = N_("previous revision")
CHOSEN = N_("chosen")


class DiffMode(StrEnum):
    """How the diff pane shows the diff, in the order `d` cycles through them."""

    INLINE = "inline"
    SIDE_BY_SIDE = "side-by-side"
    HIDDEN = "hidden"


INLINE, SIDE_BY_SIDE, HIDDEN = DiffMode.INLINE, DiffMode.SIDE_BY_SIDE, DiffMode.HIDDEN
MODES = tuple(DiffMode)


def next_mode(mode: DiffMode) -> DiffMode:
    """The mode `d` switches to from `mode`: inline → side-by-side → hidden → inline."""
    return MODES[(MODES.index(mode) + 1) % len(MODES)]


@dataclass(frozen=True)
class DiffBase:
    """The revision (1-based) the current revision is compared with, and why that one."""

    index: int
    reason: str  # SINCE_MY_SIGNOFF, PREVIOUS or CHOSEN


def last_signed_by(item: Item, login: str) -> int | None:
    """The newest revision older than the current one that `login` signed and did not
    withdraw, or None."""
    signed = [
        signoff.revision
        for signoff in item.signoffs
        if signoff.by == login
        and signoff.withdrawn is None
        and 1 <= signoff.revision < item.current_index
    ]
    return max(signed) if signed else None


def default_base(item: Item, login: str) -> DiffBase | None:
    """Where the diff starts for this item and login; None when there is a single revision
    (or none) and nothing to compare."""
    if item.current_index < 2:
        return None
    mine = last_signed_by(item, login)
    if mine is not None:
        return DiffBase(mine, SINCE_MY_SIGNOFF)
    return DiffBase(item.current_index - 1, PREVIOUS)


def older(item: Item, base: DiffBase | None) -> DiffBase | None:
    """The base one revision older, or None when `base` is already the first."""
    if base is None or base.index <= 1:
        return None
    return DiffBase(base.index - 1, CHOSEN)


def newer(item: Item, base: DiffBase | None) -> DiffBase | None:
    """The base one revision newer, or None when it would reach the current revision."""
    if base is None or base.index + 1 >= item.current_index:
        return None
    return DiffBase(base.index + 1, CHOSEN)
