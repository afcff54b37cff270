"""The progress board's numbers: items per state by section, by assignee and by stage, the
days left to `[consultation] publish_by`, and the items longest in their state.

Computed here once, without Textual, for both `pctui status --board` and the TUI's `s`,
and laid out as text once too (`board_text`): the command prints its lines, the TUI styles
them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pctui.model.records import REJECT, Consultation, Item
from pctui.model.state import (
    APPROVED,
    CHANGES_REQUESTED,
    DRAFT,
    IN_REVIEW,
    STATES,
    VALID,
    Progress,
    State,
    open_stages,
    progress,
)
from pctui.model.zones import consultation_now, consultation_zone, in_zone

OLDEST = 5  # how many of the items longest in their state the board lists


def assignee_of(item: Item) -> str:
    """The login drafting `item`, "" when nobody is assigned (the board's key for them)."""
    return item.assignee or ""


@dataclass(frozen=True)
class Bar:
    """One bar of the board: what it counts (a section's title, a login, a stage) and the
    items in each state, every state present."""

    key: str  # the section's id, the login ("" unassigned), or the stage
    label: str  # what is shown: the section's title, the login, the stage
    counts: dict[State, int]

    @property
    def total(self) -> int:
        """The items the bar counts."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class Waiting:
    """An item that has been in its state (not approved) since `since`, `days` whole days."""

    no: int
    state: State
    since: dt.datetime
    days: int


@dataclass(frozen=True)
class Board:
    """Everything the progress board shows."""

    total: int
    counts: dict[State, int]
    sections: list[Bar]
    assignees: list[Bar]
    stages: list[Bar]
    publish_by: dt.date | None
    days_left: int | None  # to publish_by from today (negative once past); None without one
    oldest: list[Waiting]


def _empty() -> dict[State, int]:
    return dict.fromkeys(STATES, 0)


def stage_state(item: Item, found: Progress, stage: str, waiting: Sequence[str]) -> State:
    """Where `item` stands at `stage`: approved there; changes requested there (a valid
    rejection at this stage); in review while the stage may approve it now (`waiting`, the
    open stages); otherwise a draft for this stage (not drafted, or not yet reached)."""
    if stage in found.approved:
        return APPROVED
    for standing in found.standings:
        signoff = standing.signoff
        if standing.status == VALID and signoff.verdict == REJECT and signoff.stage == stage:
            return CHANGES_REQUESTED
    if item.current and found.state != CHANGES_REQUESTED and stage in waiting:
        return IN_REVIEW
    return DRAFT


def in_state_since(item: Item, closed: dt.datetime | None) -> dt.datetime | None:
    """When `item` entered its present state: the latest of its current revision and the
    sign-offs and withdrawals on that revision; for an item not yet drafted, the close of
    the consultation (None when the file gives no closing date)."""
    current = item.current
    if current is None:
        return closed
    moments = [current.at]
    for signoff in item.signoffs:
        if signoff.revision == item.current_index:
            moments.append(signoff.at)
            if signoff.withdrawn is not None:
                moments.append(signoff.withdrawn)
    return max(moments)


def build_board(
    consultation: Consultation,
    now: dt.datetime | None = None,
    limit: int = OLDEST,
) -> Board:
    """The board for `consultation` as of `now` (the consultation's present time when None;
    an aware time)."""
    zone = consultation_zone(consultation)
    now = in_zone(now, zone) if now is not None else consultation_now(consultation)
    review = consultation.review
    meta = consultation.meta
    closed = dt.datetime.combine(meta.closed, dt.time(), now.tzinfo) if meta.closed else None
    titles = {section.id: section.title for section in consultation.sections}
    sections = {section.id: _empty() for section in consultation.sections}
    assignees: dict[str, dict[State, int]] = {}
    stages = {stage: _empty() for stage in review.stages}
    counts = _empty()
    waiting_items: list[Waiting] = []
    for item in consultation.items:
        found = progress(item, review)
        counts[found.state] += 1
        sections.setdefault(item.section, _empty())[found.state] += 1
        assignees.setdefault(assignee_of(item), _empty())[found.state] += 1
        waiting = open_stages(review, found.approved)
        for stage in review.stages:
            stages[stage][stage_state(item, found, stage, waiting)] += 1
        since = in_state_since(item, closed)
        if found.state != APPROVED and since is not None:
            days = max((now - in_zone(since, now.tzinfo)).days, 0)
            waiting_items.append(Waiting(item.no, found.state, since, days))
    # Logins in order, nobody's items last.
    logins = sorted(assignees, key=lambda login: (login == "", login))
    waiting_items.sort(key=lambda waiting: (waiting.since, waiting.no))
    return Board(
        total=len(consultation.items),
        counts=counts,
        sections=[Bar(key, titles.get(key, key), n) for key, n in sections.items()],
        assignees=[Bar(login, login, assignees[login]) for login in logins],
        stages=[Bar(stage, stage, n) for stage, n in stages.items()],
        publish_by=meta.publish_by,
        days_left=(meta.publish_by - now.date()).days if meta.publish_by else None,
        oldest=waiting_items[:limit],
    )


def segments(counts: dict[State, int], width: int) -> list[tuple[State, int]]:
    """The cells of a bar `width` wide given to each state in proportion to its count, in
    the order approved, in review, changes requested, draft (work done first); any state
    with an item gets at least one cell while the width allows, and the cells add up to
    `width` (or to 0 for an empty bar)."""
    order = (APPROVED, IN_REVIEW, CHANGES_REQUESTED, DRAFT)
    total = sum(counts.values())
    if total == 0 or width <= 0:
        return []
    present = [state for state in order if counts.get(state, 0)]
    exact = {state: width * counts[state] / total for state in present}
    cells = {state: int(exact[state]) for state in present}
    # Largest remainders take the cells rounding down left over.
    spare = width - sum(cells.values())
    for state in sorted(present, key=lambda s: exact[s] - cells[s], reverse=True)[:spare]:
        cells[state] += 1
    # A state with items but no cell borrows one from the widest.
    for state in present:
        if cells[state] == 0:
            widest = max(present, key=lambda s: cells[s])
            if cells[widest] > 1:
                cells[widest] -= 1
                cells[state] = 1
    return [(state, cells[state]) for state in present if cells[state]]
