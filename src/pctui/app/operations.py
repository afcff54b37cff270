"""The review actions as the app performs them: through `ConsultationFile.transact`, so each
is saved at once, turned into a message for the reviewer. No Textual here.

A refusal changes nothing and says why; a save that failed keeps the change in memory
(the storage writes it with the next action) and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from pctui.model.actions import Refused, revise, sign, withdraw
from pctui.model.records import APPROVE, REJECT, Consultation
from pctui.model.state import item_state
from pctui.storage import ConsultationFile, LoadError, SaveError

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


def _attempt(file: ConsultationFile, no: int, action: Callable[[Consultation], T]) -> T | Outcome:
    try:
        return file.transact(no, action)
    except Refused as refusal:
        return Outcome(f"Refused: {refusal}", ERROR, changed=False)
    except LoadError as error:
        first = error.problems[0] if error.problems else "unreadable"
        return Outcome(f"Not saved: the file on disk does not load now ({first})", ERROR, False)
    except SaveError as error:
        # The storage keeps a change it applied but could not write, and writes it with the
        # next action; when it could not even apply it (the file on disk is broken), not.
        if file.pending:
            kept = "\nThe change is kept and is written with your next action."
            return Outcome(f"Not saved: {error}{kept}", ERROR)
        return Outcome(f"Not saved: {error}", ERROR, changed=False)


def _state(file: ConsultationFile, no: int) -> str:
    item = file.consultation.item(no)
    return item_state(item, file.consultation.review) if item else "gone"


def approve(file: ConsultationFile, no: int, login: str) -> Outcome:
    """Approve item `no`'s current revision as `login`."""
    done = _attempt(file, no, lambda c: sign(c, no, login, APPROVE))
    if isinstance(done, Outcome):
        return done
    return Outcome(
        f"No.{no}: approved revision {done.revision} at {done.stage}; now {_state(file, no)}"
    )


def request_changes(file: ConsultationFile, no: int, login: str, comment: str) -> Outcome:
    """Request changes to item `no`'s current revision as `login`, with `comment`."""
    done = _attempt(file, no, lambda c: sign(c, no, login, REJECT, comment))
    if isinstance(done, Outcome):
        return done
    return Outcome(f"No.{no}: requested changes at {done.stage} (revision {done.revision})")


def withdraw_mine(file: ConsultationFile, no: int, login: str) -> Outcome:
    """Withdraw `login`'s sign-off on item `no`'s current revision."""
    done = _attempt(file, no, lambda c: withdraw(c, no, login))
    if isinstance(done, Outcome):
        return done
    return Outcome(f"No.{no}: withdrew your {done.stage} sign-off; now {_state(file, no)}", WARNING)


def save_revision(
    file: ConsultationFile, no: int, login: str, text: str, base: int, note: str | None = None
) -> Outcome:
    """Append `text` as a new revision of item `no`, started from revision `base`."""
    done = _attempt(file, no, lambda c: revise(c, no, login, text, note, base=base))
    if isinstance(done, Outcome):
        return done
    others = sorted({revision.author for revision in done.concurrent})
    if others:
        return Outcome(
            f"No.{no}: saved revision {done.index}; meanwhile {', '.join(others)} saved "
            f"{len(done.concurrent)} revision(s). Both are kept; yours is current — "
            "compare them with [ and ].",
            WARNING,
        )
    item = file.consultation.item(no)
    earlier = item is not None and any(
        s.revision < done.index and s.withdrawn is None for s in item.signoffs
    )
    stale = " (sign-offs of earlier ones are stale)" if earlier else ""
    return Outcome(f"No.{no}: saved revision {done.index}{stale}")
