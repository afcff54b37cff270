"""What a reviewer can do to a consultation: sign, reject, withdraw, revise.

Each action either changes the in-memory model and returns what it did, or raises
`Refused` before changing anything, so a refused action never leaves half a change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pctui.base.record_class import record
from pctui.i18n import _
from pctui.model.digest import basis_digest
from pctui.model.records import (
    APPROVE,
    REJECT,
    VERDICTS,
    Consultation,
    Item,
    Review,
    Revision,
    Signoff,
    Verdict,
)
from pctui.model.state import Progress, open_stages, progress, standings
from pctui.model.zones import consultation_now


class Refused(Exception):
    """The action is not allowed; the message says why in words a reviewer can act on."""


class NoSuchItem(Refused):
    """The item named does not exist: bad input rather than a refusal of a real action
    (the CLI exits 2 for it, not 1)."""


def item_numbers(consultation: Consultation) -> str:
    """The items' numbers as runs, "1, 3..5" ("none" when there are none): after a merge
    the numbers have gaps, and "1..5" would name an item that is gone."""
    numbers = sorted({i.no for i in consultation.items})
    runs: list[str] = []
    start = 0
    for end, number in enumerate(numbers):
        if end + 1 == len(numbers) or numbers[end + 1] != number + 1:
            first = numbers[start]
            runs.append(str(first) if first == number else f"{first}..{number}")
            start = end + 1
    return ", ".join(runs) if runs else _("none")


def find_item(consultation: Consultation, no: int) -> Item:
    """The item numbered `no`, or Refused naming the numbers that exist."""
    item = consultation.item(no)
    if item is None:
        span = item_numbers(consultation)
        raise NoSuchItem(_("there is no item No.{no} (items: {span})").format(no=no, span=span))
    return item


def require_reviewer(consultation: Consultation, login: str) -> None:
    """Refused unless `login` is one of the consultation's reviewers (those in
    [review.reviewers]): only they sign, assign, write notes and change an item's opinions
    or summary, and decide the intake's redactions. Drafting a response is not signing, and
    is open to any login (`revise`): the TUI's title bar says "not a reviewer (drafts
    only)"."""
    if login not in consultation.review.reviewers:
        raise Refused(
            _("{login} is not a reviewer of this consultation (see [review.reviewers])").format(
                login=repr(login)
            )
        )


def next_stage(
    consultation: Consultation, item: Item, login: str, verdict: Verdict = APPROVE
) -> str:
    """The stage `login` would sign on the item's current revision, or Refused saying why.

    The rule: the first stage, in review order, with no approval of the current revision
    yet that this login may sign; a login signs at most one stage of a revision, and the
    author of the revision may not sign it unless self-approval is allowed. An approval
    also waits its turn: with `[review] order = "stages"` (the default) a stage approves
    only once every earlier stage has approved the current revision. A request for changes
    never waits: any stage one holds may stop a draft.
    """
    return _stage(consultation.review, item, progress(item, consultation.review), login, verdict)


def my_turn(review: Review, item: Item, found: Progress, login: str) -> bool:
    """True when `login` may approve the item's current revision now: one of its stages is
    next (what `n`, the "needs my sign-off" filter and `status` look for). `found` is the
    item's progress, computed once by the caller for many such questions."""
    return turn_test(review, login)(item, found)


def turn_test(review: Review, login: str) -> Callable[[Item, Progress], bool]:
    """`my_turn` for `login`, as a test to ask of many items.

    What depends on the login alone (its stages) is worked out once, and whether one of
    its stages is open after a set of approved stages once per such set: `status` asks
    this of every item of a 10,000-item file, where asking `my_turn` item by item cost a
    reviewer's `status` a tenth more than the same command run by anybody else.
    """
    # The approval `_stage` would find, asked without raising and wording its refusals
    # (a refusal worded for each of 10,000 items cost more than the rest of the command).
    # A test holds the two together.
    mine = review.stages_of(login)
    if not mine:
        return _never
    self_approval = review.allow_self_approval
    opens_mine: dict[tuple[str, ...], bool] = {}

    def turn(item: Item, found: Progress) -> bool:
        revisions = item.revisions
        if not revisions:  # no current revision
            return False
        if not self_approval and revisions[-1].author == login:
            return False
        for standing in found.standings:
            if standing.counts and standing.signoff.by == login:
                return False
        approved = found.approved
        key = tuple(approved)
        opened = opens_mine.get(key)
        if opened is None:
            turn = open_stages(review, approved)
            opened = opens_mine[key] = any(stage in turn for stage in mine if stage not in approved)
        return opened

    return turn


def _never(item: Item, found: Progress) -> bool:
    return False


def _stage(review: Review, item: Item, found: Progress, login: str, verdict: Verdict) -> str:
    mine = review.stages_of(login)
    if not mine:
        raise Refused(
            _("{login} is not a reviewer of this consultation (see [review.reviewers])").format(
                login=repr(login)
            )
        )
    current = item.current
    if current is None:
        raise Refused(_("No.{no} has no draft response to sign yet").format(no=item.no))
    if not review.allow_self_approval and current.author == login:
        raise Refused(
            _(
                "you wrote revision {revision} of No.{no}; "
                "another reviewer must sign it (self-approval is off)"
            ).format(revision=item.current_index, no=item.no)
        )
    for standing in found.standings:
        if standing.counts and standing.signoff.by == login:
            done = _("you already signed stage {stage} of No.{no} revision {revision}").format(
                stage=repr(standing.signoff.stage), no=item.no, revision=item.current_index
            )
            left = [stage for stage in mine if stage not in found.approved]
            if not left:
                raise Refused(done)
            # A reviewer of two stages (係長 and 課長) is not moved on to the next: one login
            # signs one stage of a revision (state.standings), so say who must sign it.
            why = _("one login signs one stage of a revision: another reviewer signs {stages}")
            raise Refused(
                _("{done}; {why}").format(
                    done=done, why=why.format(stages=", ".join(repr(s) for s in left))
                )
            )
    unsigned = [stage for stage in mine if stage not in found.approved]
    if not unsigned:
        done = _("every stage you may sign ({stages}) already approved No.{no}").format(
            stages=", ".join(mine), no=item.no
        )
        # Who did: two reviewers of one stage pressing `a` at the same moment, the one
        # refused learns whose approval stands, not only that there is one.
        signers = ", ".join(
            _("{login} at {stage}").format(login=s.signoff.by, stage=s.signoff.stage)
            for s in found.standings
            if s.counts and s.signoff.verdict == APPROVE and s.signoff.stage in mine
        )
        raise Refused(_("{done} (by {signers})").format(done=done, signers=signers))
    if verdict == REJECT:
        return unsigned[0]
    turn = open_stages(review, found.approved)
    for stage in unsigned:
        if stage in turn:
            return stage
    stage = unsigned[0]
    earlier = review.stages[: review.stages.index(stage)]
    waiting = [s for s in earlier if s not in found.approved]
    raise Refused(
        _(
            "No.{no} is waiting for {waiting}: {stage} may approve revision {revision} only "
            'after every earlier stage has approved it (review.order = "stages")'
        ).format(no=item.no, waiting=", ".join(waiting), stage=stage, revision=item.current_index)
    )


def comment_problem(verdict: Verdict, comment: str | None) -> str | None:
    """Why `comment` cannot go with `verdict`, or None when it can: a request for changes
    must say what to change. The TUI's comment dialog asks this before it closes."""
    if verdict == REJECT and not (comment and comment.strip()):
        return _("a request for changes needs a comment saying what to change")
    return None


def sign(
    consultation: Consultation,
    no: int,
    login: str,
    verdict: Verdict = APPROVE,
    comment: str | None = None,
    at: dt.datetime | None = None,
    seen: int | None = None,
    seen_basis: str | None = None,
) -> Signoff:
    """Sign item `no`'s current revision as `login`; returns the sign-off appended.

    `seen` is the revision the signer read. When another reviewer saved a newer one since
    (the file is re-read under the lock just before this runs), the sign-off is refused:
    nobody approves a text they have not seen. `seen_basis` (format 2) is likewise the
    basis of the opinions and summary the signer read: moved or rewritten since, refused.
    """
    if verdict not in VERDICTS:  # a caller that passed a plain string
        raise Refused(
            _("verdict must be 'approve' or 'reject', not {verdict}").format(verdict=repr(verdict))
        )
    item = find_item(consultation, no)
    if seen is not None and item.current_index != seen and item.current is not None:
        raise Refused(
            _(
                "No.{no} changed meanwhile: {author} saved revision {current}, and you read "
                "revision {seen}; read the new text, then sign again"
            ).format(no=no, author=item.current.author, current=item.current_index, seen=seen)
        )
    basis = basis_digest(item) if consultation.format >= 2 else None
    if seen_basis is not None and basis is not None and basis != seen_basis:
        raise Refused(
            _(
                "No.{no} changed meanwhile: its opinions or their summary changed since you "
                "read them; read them again, then sign"
            ).format(no=no)
        )
    stage = next_stage(consultation, item, login, verdict)
    if problem := comment_problem(verdict, comment):
        raise Refused(problem)
    current = item.current
    assert current is not None  # next_stage refuses items without a draft
    signoff = Signoff(
        stage=stage,
        by=login,
        at=at or consultation_now(consultation),
        revision=item.current_index,
        digest=current.digest,
        verdict=verdict,
        comment=comment.strip() if comment else None,
        # Format 2 binds the answer to these opinions, summarised this way; a format-1 file
        # keeps its sign-offs as they were (its items cannot change shape).
        basis=basis,
    )
    item.signoffs.append(signoff)
    return signoff


def withdraw(
    consultation: Consultation, no: int, login: str, at: dt.datetime | None = None
) -> Signoff:
    """Withdraw `login`'s sign-off on item `no`'s current revision; returns it."""
    item = find_item(consultation, no)
    for standing in standings(item, consultation.review):
        if standing.counts and standing.signoff.by == login:
            standing.signoff.withdrawn = at or consultation_now(consultation)
            return standing.signoff
    raise Refused(
        _("you have no sign-off on No.{no} revision {revision} to withdraw").format(
            no=item.no, revision=item.current_index
        )
    )


_set = object.__setattr__  # how a frozen record's __init__ sets its fields


@record(frozen=True)
class Revised:
    """What `revise` did: the new revision's 1-based index and any concurrent edit."""

    index: int
    revision: Revision
    concurrent: list[Revision]

    def __init__(self, index: int, revision: Revision, concurrent: list[Revision]) -> None:
        _set(self, "index", index)
        _set(self, "revision", revision)
        _set(self, "concurrent", concurrent)


def revise(
    consultation: Consultation,
    no: int,
    login: str,
    text: str,
    note: str | None = None,
    base: int | None = None,
    at: dt.datetime | None = None,
) -> Revised:
    """Append a revision of item `no`'s response written by `login`.

    `base` is the revision the author started from; when others appended revisions since,
    both are kept in order and the concurrent ones are returned so the author can be told.
    """
    item = find_item(consultation, no)
    if not text.strip():
        raise Refused(_("the response text is empty"))
    current = item.current
    if current is not None and current.text == text:
        raise Refused(
            _("the text is the same as revision {revision}; nothing to save").format(
                revision=item.current_index
            )
        )
    concurrent = item.revisions[base:] if base is not None else []
    revision = Revision(
        author=login, at=at or consultation_now(consultation), text=text, note=note or None
    )
    item.revisions.append(revision)
    return Revised(index=item.current_index, revision=revision, concurrent=list(concurrent))
