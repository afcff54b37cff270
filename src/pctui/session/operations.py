"""The review actions as the app performs them: through `ConsultationFile.transact`, so each
is saved at once, turned into a message for the reviewer. No Textual here.

A refusal changes nothing and says why; a save that failed keeps the change in memory
(the storage writes it with the next action) and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from pctui.i18n import _, ngettext
from pctui.model.actions import Refused, require_reviewer, revise, sign, withdraw
from pctui.model.digest import basis_digest
from pctui.model.records import APPROVE, REJECT, Consultation, Item
from pctui.model.state import item_state
from pctui.storage import ConsultationFile, LoadError, SaveError
from pctui.words import state_name

if TYPE_CHECKING:
    from pctui.git.commits import CommitResult

T = TypeVar("T")

Severity = Literal["information", "warning", "error"]  # Textual's notification levels
INFORMATION: Severity = "information"
WARNING: Severity = "warning"
ERROR: Severity = "error"


@dataclass(frozen=True)
class Outcome:
    """What happened, as a notification: its text, its severity, and whether it changed
    the file."""

    message: str
    severity: Severity = INFORMATION
    changed: bool = True
    approved: bool = False  # an approval was saved: commit it when the file says on-approve
    # Why it was refused, in words a command line frames its own way ("pctui: refused: …");
    # None when it was not refused. The message is the screen's framing of the same words.
    refusal: str | None = None


def refused(why: object) -> Outcome:
    """The outcome of an action refused for `why`: nothing changed."""
    return Outcome(_("Refused: {why}").format(why=why), ERROR, changed=False, refusal=str(why))


def refused_to_a_non_reviewer(consultation: Consultation, login: str) -> Outcome | None:
    """The refusal of a key that only a reviewer's action follows (x, A, i), said before
    its dialog asks for anything, as the title bar says: "not a reviewer (drafts only)";
    None for a reviewer. The action asks again when it runs."""
    try:
        require_reviewer(consultation, login)
    except Refused as refusal:
        return refused(refusal)
    return None


def attempt(
    file: ConsultationFile, no: int, action: Callable[[Consultation], T], also: Collection[int] = ()
) -> T | Outcome:
    """Apply `action` to item `no` (and the items numbered in `also`) and save at once: its
    result, or an Outcome saying why it was refused or not saved."""
    try:
        return file.transact(no, action, also)
    except Refused as refusal:
        return refused(refusal)
    except LoadError as error:
        first = error.problems[0] if error.problems else _("unreadable")
        message = _("Not saved: the file on disk does not load now ({problem})")
        return Outcome(message.format(problem=first), ERROR, False)
    except SaveError as error:
        # The storage keeps a change it applied but could not write, and writes it with the
        # next action; when it could not even apply it (the file on disk is broken), not.
        if file.pending:
            kept = "\n" + _("The change is kept and is written with your next action.")
            return Outcome(_("Not saved: {error}").format(error=error) + kept, ERROR)
        return Outcome(_("Not saved: {error}").format(error=error), ERROR, changed=False)


def shown_basis(file: ConsultationFile, item: Item) -> str | None:
    """The basis of `item` as the reviewer reads it now (format 2; None in format 1): what
    approve and request_changes compare, under the lock, with the item as saved."""
    return basis_digest(item) if file.consultation.format >= 2 else None


def _state(file: ConsultationFile, no: int) -> str:
    item = file.consultation.item(no)
    return state_name(item_state(item, file.consultation.review)) if item else _("gone")


def approve(
    file: ConsultationFile,
    no: int,
    login: str,
    seen: int | None = None,
    seen_basis: str | None = None,
) -> Outcome:
    """Approve item `no`'s current revision as `login`; refused when it is no longer
    revision `seen`, the one on the reviewer's screen, or (format 2) its opinions and
    summary no longer those of basis `seen_basis`."""
    done = attempt(
        file, no, lambda c: sign(c, no, login, APPROVE, seen=seen, seen_basis=seen_basis)
    )
    if isinstance(done, Outcome):
        return done
    return Outcome(
        _("No.{no}: approved revision {revision} at {stage}; now {state}").format(
            no=no, revision=done.revision, stage=done.stage, state=_state(file, no)
        ),
        approved=True,
    )


def _told(result: CommitResult) -> Outcome:
    severity = ERROR if result.failed else INFORMATION
    return Outcome(result.message, severity, changed=False)


def commit_after_approval(file: ConsultationFile, no: int) -> Outcome | None:
    """What `pctui signoff` does after an approval: with `[git] commit = "on-approve"`,
    commit item `no` once it is approved. None when nothing was attempted or there was
    nothing to commit; a commit that failed is an error, the sign-off staying saved. Runs
    git: call it from a worker thread."""
    from pctui.git.commits import after_signoff  # git is imported only when it is needed

    result = after_signoff(file, no)
    return _told(result) if result.committed or result.failed else None


def commit_now(file: ConsultationFile) -> Outcome:
    """What `pctui commit FILE` does: one commit of everything HEAD does not hold yet (and
    the published outputs beside the file). Runs git: call it from a worker thread."""
    from pctui.git.commits import commit_pending

    return _told(commit_pending(file))


def request_changes(
    file: ConsultationFile,
    no: int,
    login: str,
    comment: str,
    seen: int | None = None,
    seen_basis: str | None = None,
) -> Outcome:
    """Request changes to item `no`'s current revision as `login`, with `comment`; refused
    when it is no longer revision `seen` or (format 2) basis `seen_basis`."""
    done = attempt(
        file, no, lambda c: sign(c, no, login, REJECT, comment, seen=seen, seen_basis=seen_basis)
    )
    if isinstance(done, Outcome):
        return done
    return Outcome(
        _("No.{no}: requested changes at {stage} (revision {revision})").format(
            no=no, stage=done.stage, revision=done.revision
        )
    )


def withdraw_mine(file: ConsultationFile, no: int, login: str) -> Outcome:
    """Withdraw `login`'s sign-off on item `no`'s current revision."""
    done = attempt(file, no, lambda c: withdraw(c, no, login))
    if isinstance(done, Outcome):
        return done
    message = _("No.{no}: withdrew your {stage} sign-off; now {state}").format(
        no=no, stage=done.stage, state=_state(file, no)
    )
    return Outcome(message, WARNING)


def save_revision(
    file: ConsultationFile, no: int, login: str, text: str, base: int, note: str | None = None
) -> Outcome:
    """Append `text` as a new revision of item `no`, started from revision `base`."""
    done = attempt(file, no, lambda c: revise(c, no, login, text, note, base=base))
    if isinstance(done, Outcome):
        return done
    others = sorted({revision.author for revision in done.concurrent})
    if others:
        message = ngettext(
            "No.{no}: saved revision {revision}; meanwhile {others} saved {count} revision. "
            "Both are kept; yours is current — compare them with [ and ].",
            "No.{no}: saved revision {revision}; meanwhile {others} saved {count} revisions. "
            "Both are kept; yours is current — compare them with [ and ].",
            len(done.concurrent),
        )
        return Outcome(
            message.format(
                no=no, revision=done.index, others=", ".join(others), count=len(done.concurrent)
            ),
            WARNING,
        )
    item = file.consultation.item(no)
    earlier = item is not None and any(
        s.revision < done.index and s.withdrawn is None for s in item.signoffs
    )
    if earlier:
        message = _("No.{no}: saved revision {revision} (sign-offs of earlier ones are stale)")
    else:
        message = _("No.{no}: saved revision {revision}")
    return Outcome(message.format(no=no, revision=done.index))


def save_before_leaving(file: ConsultationFile) -> Outcome | None:
    """Write the changes a failed save kept in memory (a full disk, a read-only file) before
    the reviewer leaves: None when nothing is kept or they are now saved; otherwise why not
    and what leaving would lose."""
    if not file.pending:
        return None
    try:
        file.save_pending()
    except SaveError as error:
        lost = ngettext(
            "{count} change kept in memory would be lost; quit again to leave without it.",
            "{count} changes kept in memory would be lost; quit again to leave without them.",
            file.pending,
        ).format(count=file.pending)
        not_saved = _("Not saved: {error}").format(error=error)
        return Outcome(f"{not_saved}\n{lost}", ERROR, changed=False)
    return None
