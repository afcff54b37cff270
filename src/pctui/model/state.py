"""Derived state: an item's state and each sign-off's standing are computed, never stored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from itertools import chain
from typing import NamedTuple

from pctui.i18n import _
from pctui.model.digest import basis_digest
from pctui.model.records import (
    ANY_ORDER,
    APPROVE,
    REJECT,
    Consultation,
    Item,
    Review,
    Signoff,
)


class State(StrEnum):
    """An item's state, as `status --json`, filters and published drafts name it."""

    DRAFT = "draft"
    IN_REVIEW = "in-review"
    CHANGES_REQUESTED = "changes-requested"
    APPROVED = "approved"


DRAFT, IN_REVIEW = State.DRAFT, State.IN_REVIEW
CHANGES_REQUESTED, APPROVED = State.CHANGES_REQUESTED, State.APPROVED
STATES = tuple(State)


class Status(StrEnum):
    """How one sign-off stands (Standing.status)."""

    VALID = "valid"  # counts towards the current revision's state
    STALE = "stale"  # on an older revision, or given for other opinions or another summary
    WITHDRAWN = "withdrawn"  # taken back by its signer
    INVALID = "invalid"  # could never have been given: see the reason


VALID, STALE, WITHDRAWN, INVALID = Status.VALID, Status.STALE, Status.WITHDRAWN, Status.INVALID
# The `why` of a sign-off on the current revision made stale by a change of the item's
# opinions or summary (worded when asked for, like a stale revision).
OTHER_BASIS = "basis"


class Standing(NamedTuple):
    """How one sign-off stands against the item as it is now.

    A named tuple rather than a frozen dataclass: a national file has some 30,000 sign-offs,
    each given a standing by every `validate` and `status`, and a frozen dataclass sets each
    field through object.__setattr__ (three times slower to build).
    """

    signoff: Signoff
    status: Status
    why: str = ""  # what makes an INVALID sign-off invalid; OTHER_BASIS for a STALE one

    @property
    def reason(self) -> str:
        """What a person is told about this standing ("" when valid or withdrawn)."""
        if self.status == STALE:
            # Worded only when asked for: most sign-offs of a large file are stale, and
            # `validate` and `status` never show why.
            if self.why == OTHER_BASIS:
                return _("given before the opinions or the summary changed")
            return _("on revision {revision}").format(revision=self.signoff.revision)
        return self.why

    @property
    def counts(self) -> bool:
        """True when this sign-off counts towards the item's state."""
        return self.status == VALID


def invalid_reason(item: Item, signoff: Signoff, review: Review) -> str:
    """Why `signoff` could never have been given legitimately ("" when it could).

    These are the impostor checks: an unknown stage, a signer not listed for the stage,
    a revision that does not exist, a signer approving their own words.
    """
    if signoff.stage not in review.stages:
        return _("stage {stage} is not one of review.stages").format(stage=repr(signoff.stage))
    reviewer = review.reviewers.get(signoff.by)  # (stages_of, without building a tuple)
    if reviewer is None or signoff.stage not in reviewer.stages:
        return _("{login} may not sign stage {stage}").format(
            login=repr(signoff.by), stage=repr(signoff.stage)
        )
    if not 1 <= signoff.revision <= len(item.revisions):
        return _("revision {revision} does not exist").format(revision=signoff.revision)
    revision = item.revisions[signoff.revision - 1]
    if not review.allow_self_approval and revision.author == signoff.by:
        return _("{login} wrote revision {revision} and may not sign it").format(
            login=repr(signoff.by), revision=signoff.revision
        )
    if signoff.digest != revision.digest:
        return _("digest does not match the text of revision {revision}").format(
            revision=signoff.revision
        )
    return ""


def format_one_shape(item: Item) -> bool:
    """True when `item` is as format 1 holds one: a single opinion, labelled with the
    item's No., and no summary. A sign-off without a basis (given in format 1, or before
    `pctui migrate`) was given for that item: it holds while the item keeps this shape, and
    is stale once an opinion is moved in or out or a summary written."""
    return not item.summaries and len(item.opinions) == 1 and item.opinions[0].label == str(item.no)


def standings(item: Item, review: Review) -> list[Standing]:
    """The standing of every sign-off of `item`, in file order.

    A sign-off on the current revision is stale when it was given for other opinions or
    another summary than the item has now (see format_one_shape).

    A login signs at most one stage of a revision: a second valid sign-off by the same login
    on the same revision is invalid, so that one person cannot walk an item through.
    """
    result: list[Standing] = []
    signed_by: set[tuple[str, int]] = set()
    revisions = item.revisions
    current = len(revisions)
    stages, reviewers, self_approval = review.stages, review.reviewers, review.allow_self_approval
    # Whether the item's opinions and summary are still those a sign-off was given for:
    # worked out on first need, once per item (see format_one_shape and basis_digest).
    shaped: bool | None = None
    current_basis: str | None = None
    # Every `status` and `validate` stands each of a national file's 30,000 sign-offs:
    # invalid_reason's checks are asked inline (it is called only to word a failure), and
    # each standing is built as the tuple it is (its class's __new__ is Python).
    new = _new
    for signoff in item.signoffs:
        stage, by, number = signoff.stage, signoff.by, signoff.revision
        reviewer = reviewers.get(by)
        if not (
            stage in stages
            and reviewer is not None
            and stage in reviewer.stages
            and 1 <= number <= current
            and (self_approval or revisions[number - 1].author != by)
            and signoff.digest == revisions[number - 1].digest
        ):
            reason = invalid_reason(item, signoff, review)
            result.append(new(Standing, (signoff, INVALID, reason)))
        elif signoff.withdrawn is not None:
            result.append(new(Standing, (signoff, WITHDRAWN, "")))
        elif number != current:
            result.append(new(Standing, (signoff, STALE, "")))
        elif not (
            (shaped if shaped is not None else (shaped := format_one_shape(item)))
            if signoff.basis is None
            else signoff.basis == (current_basis or (current_basis := basis_digest(item)))
        ):
            result.append(new(Standing, (signoff, STALE, OTHER_BASIS)))
        elif (by, number) in signed_by:
            reason = _("{login} already signed another stage of this revision").format(
                login=repr(by)
            )
            result.append(new(Standing, (signoff, INVALID, reason)))
        else:
            signed_by.add((by, number))
            result.append(new(Standing, (signoff, VALID, "")))
    return result


class Progress(NamedTuple):
    """Everything derived about one item, from one pass over its sign-offs (a named tuple
    for the reason Standing is one)."""

    state: State
    approved: list[str]  # stages with a valid approval of the current revision, in order
    standings: list[Standing]


def progress(item: Item, review: Review) -> Progress:
    """The item's state, approved stages and sign-off standings, computed once.

    Commands that show all three for thousands of items use this rather than calling
    item_state, approved_stages and standings, which would each walk the sign-offs again.
    """
    if not item.signoffs:  # every item of a file just imported, a fifth of a large one
        return _new(Progress, (DRAFT, [], []))
    found = standings(item, review)
    # One pass over the standings (this runs for every item of every `status`).
    approved: set[str] = set()
    rejected = False
    for standing in found:
        if standing.status == VALID:
            signoff = standing.signoff
            if signoff.verdict == APPROVE:
                approved.add(signoff.stage)
            elif signoff.verdict == REJECT:
                rejected = True
    stages = [stage for stage in review.stages if stage in approved]
    if rejected:
        state = CHANGES_REQUESTED
    elif stages and len(stages) == len(review.stages):  # every stage has approved
        state = APPROVED
    elif approved:
        state = IN_REVIEW
    else:
        state = DRAFT
    return _new(Progress, (state, stages, found))  # as standings builds a Standing


_new = tuple.__new__  # a named tuple built without its class's __new__, written in Python


def open_stages(review: Review, approved: Sequence[str]) -> list[str]:
    """The stages that may approve the current revision now, in review order, given the
    stages that have (`approved`, as Progress.approved holds them).

    決裁 in order (the default): only the first stage without an approval, so 課長 waits for
    担当 and 係長. With `order = "any"` (後閲 allowed): every stage without one.
    """
    done = set(approved)
    waiting = [stage for stage in review.stages if stage not in done]
    return waiting if review.order == ANY_ORDER else waiting[:1]


def approved_stages(item: Item, review: Review) -> list[str]:
    """Stages, in review order, with a valid approval of the current revision."""
    return progress(item, review).approved


def item_state(item: Item, review: Review) -> State:
    """The item's state: draft, in-review, changes-requested or approved."""
    return progress(item, review).state


def state_counts(
    consultation: Consultation, progresses: Sequence[Progress] | None = None
) -> dict[State, int]:
    """Number of items in each state, every state present (zero when empty).

    `progresses` (one per item, in order) saves computing them again when the caller has.
    """
    if progresses is None:
        progresses = [progress(item, consultation.review) for item in consultation.items]
    counter = Counter(p.state for p in progresses)
    return {state: counter.get(state, 0) for state in STATES}


def stage_counts(
    consultation: Consultation, progresses: Sequence[Progress] | None = None
) -> dict[str, int]:
    """Number of items whose current revision is approved at each stage."""
    if progresses is None:
        progresses = [progress(item, consultation.review) for item in consultation.items]
    # Counted in one go over every item's stages (an update per item cost 0.4 µs each).
    counter = Counter(chain.from_iterable(found.approved for found in progresses))
    return {stage: counter.get(stage, 0) for stage in consultation.review.stages}
