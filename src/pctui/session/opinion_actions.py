"""What staff do to a format-2 item's opinions from the TUI, as the app performs it: write
the summary (`o`), move an opinion to another item (`m`), merge the item into another
(`M`), split opinions off into a new item (`S`). No Textual here.

Each goes through `ConsultationFile.transact` with the model's functions
(`pctui.model.opinions`), so it is saved at once, like a sign-off, and refused with
nothing changed. None touches a sign-off: a sign-off stands while its item has the opinions
and summary it approved, so those of an item changed go stale, and those of an item given
back what they approved (an opinion moved out again) stand again; the message names each,
compared under the lock before and after. The dialogs' one line of input is read here too,
so that what a reviewer may type is tested without a screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from pctui.i18n import _, ngettext
from pctui.model.actions import Refused
from pctui.model.opinions import (
    add_summary,
    may_edit_opinions,
    merge_items,
    move_opinion,
    split_item,
)
from pctui.model.records import Consultation
from pctui.model.state import standings
from pctui.session.operations import INFORMATION, WARNING, Outcome, attempt, refused
from pctui.storage import ConsultationFile

T = TypeVar("T")

_NO = re.compile(r"(?:No\.?\s*)?([0-9０-９]+)", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,、，]+")


def refused_before_asking(consultation: Consultation, login: str) -> Outcome | None:
    """Why these actions cannot run on `consultation` as `login` (a format-1 file: run
    pctui migrate; not a reviewer: drafts only), said before a dialog asks for anything;
    None when they can."""
    try:
        may_edit_opinions(consultation, login)
    except Refused as refusal:
        return refused(refusal)
    return None


def read_no(text: str) -> int | None:
    """An item's No. as typed ("12", "No.12", full-width "１２"), or None."""
    found = _NO.fullmatch(text.strip())
    return int(found.group(1)) if found else None  # int() reads full-width digits


def read_labels(text: str) -> list[str]:
    """Opinion labels as typed, separated by spaces or commas ("2 3", "Ⅱ-4、Ⅱ-5")."""
    return [label for label in _SEPARATORS.split(text.strip()) if label]


def read_move(text: str) -> tuple[str, int] | None:
    """ "LABEL NO" (the opinion's label, then the item it goes to), or None."""
    parts = read_labels(text)
    if len(parts) < 2 or len(parts) > 3:
        return None
    if len(parts) == 3:  # "2 No. 5": the No. and its number apart
        if not parts[1].lower().startswith("no"):
            return None
        parts = [parts[0], parts[1] + parts[2]]
    no = read_no(parts[1])
    return None if no is None else (parts[0], no)


Counting = dict[int, set[int]]  # item No. -> the positions of its counting sign-offs


def _counting(consultation: Consultation, numbers: Iterable[int]) -> Counting:
    """Which sign-offs of each of `numbers` count now (by position: sign-offs are only ever
    appended, and a merge or split never moves one)."""
    review = consultation.review
    found: Counting = {}
    for no in numbers:
        item = consultation.item(no)
        if item is not None:
            found[no] = {i for i, s in enumerate(standings(item, review)) if s.counts}
    return found


def measured(
    numbers: Iterable[int], action: Callable[[Consultation], T]
) -> Callable[[Consultation], tuple[Counting, T]]:
    """`action`, also noting which sign-offs of `numbers` counted just before it, on the
    consultation as re-read under the lock."""
    wanted = list(numbers)

    def run(consultation: Consultation) -> tuple[Counting, T]:
        before = _counting(consultation, wanted)
        return before, action(consultation)

    return run


def told(message: str, file: ConsultationFile, before: Counting) -> Outcome:
    """`message` as an Outcome, naming the items of `before` whose sign-offs the change
    left stale (a warning) or made stand again (the TUI's notification and the CLI twins'
    output alike)."""
    after = _counting(file.consultation, before)
    stale = [no for no, counted in before.items() if counted - after.get(no, set())]
    again = [no for no, counted in after.items() if counted - before[no]]
    notes = []
    if stale:
        items = ", ".join(f"No.{no}" for no in stale)
        notes.append(_("the sign-offs of {items} are stale: sign again").format(items=items))
    if again:
        items = ", ".join(f"No.{no}" for no in again)
        notes.append(
            _(
                "the sign-offs of {items} stand again: the opinions and summary are those "
                "they approved"
            ).format(items=items)
        )
    for note in notes:
        message = _("{done}; {note}").format(done=message, note=note)
    return Outcome(message, WARNING if stale else INFORMATION)


def write_summary(file: ConsultationFile, no: int, login: str, text: str) -> Outcome:
    """Save `text` as item `no`'s summary (意見の概要), written by `login`."""
    action = measured([no], lambda c: add_summary(c, no, login, text.strip()))
    done = attempt(file, no, action)
    if isinstance(done, Outcome):
        return done
    return told(_("No.{no}: saved the summary of its opinions").format(no=no), file, done[0])


def move(file: ConsultationFile, no: int, label: str, to: int, login: str) -> Outcome:
    """Move item `no`'s opinion labelled `label` to the end of item `to`'s opinions, as
    `login`."""
    action = measured([no, to], lambda c: move_opinion(c, no, label, to, login))
    done = attempt(file, no, action, also=(to,))
    if isinstance(done, Outcome):
        return done
    message = _("No.{no}: moved opinion {label} to No.{to}").format(no=no, label=label, to=to)
    return told(message, file, done[0])


def merge(file: ConsultationFile, no: int, into: int, login: str) -> Outcome:
    """Merge item `no` into item `into` as `login`: its opinions go there, item `no` leaves
    the file."""
    action = measured([into], lambda c: merge_items(c, no, into, login))
    done = attempt(file, no, action, also=(into,))
    if isinstance(done, Outcome):
        return done
    before, merged = done
    count = len(merged.opinions)
    message = ngettext(
        "No.{no}: merged into No.{into} with its {count} opinion; No.{no} is gone",
        "No.{no}: merged into No.{into} with its {count} opinions; No.{no} is gone",
        count,
    )
    return told(message.format(no=no, into=into, count=count), file, before)


def split(
    file: ConsultationFile, no: int, labels: list[str], login: str
) -> tuple[Outcome, int | None]:
    """Move item `no`'s opinions labelled `labels` into a new item placed after it, as
    `login`; the outcome and the new item's No. (None when refused)."""
    action = measured([no], lambda c: split_item(c, no, labels, login=login))
    done = attempt(file, no, action)
    if isinstance(done, Outcome):
        return done, None
    before, new = done
    message = _("No.{no}: opinions {labels} split off into the new No.{new}, not yet answered")
    text = message.format(no=no, labels=", ".join(o.label for o in new.opinions), new=new.no)
    return told(text, file, before), new.no
