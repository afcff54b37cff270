"""What staff do to a format-2 item's opinions from the TUI, as the app performs it: write
the summary (`o`), move an opinion to another item (`m`), merge the item into another
(`M`), split opinions off into a new item (`S`). No Textual here.

Each goes through `ConsultationFile.transact` with the model's functions
(`pctui.model.opinions`), so it is saved at once, like a sign-off, and refused with
nothing changed. None touches a sign-off, so the sign-offs of every item it changes go
stale; the message says so. The dialogs' one line of input is read here too, so that what
a reviewer may type is tested without a screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pctui.i18n import _, ngettext
from pctui.model.actions import Refused
from pctui.model.opinions import (
    add_summary,
    merge_items,
    move_opinion,
    require_format_two,
    split_item,
)
from pctui.model.records import Consultation
from pctui.session.operations import ERROR, WARNING, Outcome, attempt
from pctui.storage import ConsultationFile

_NO = re.compile(r"(?:No\.?\s*)?([0-9０-９]+)", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,、，]+")


def refused_in_format_one(consultation: Consultation) -> Outcome | None:
    """Why these actions cannot run on `consultation` (a format-1 file: run pctui
    migrate), said before a dialog asks for anything; None in format 2."""
    try:
        require_format_two(consultation)
    except Refused as refusal:
        return Outcome(_("Refused: {why}").format(why=refusal), ERROR, changed=False)
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


def _stale(file: ConsultationFile, numbers: Iterable[int]) -> list[int]:
    """Those of `numbers` still in the file that hold a sign-off not withdrawn: after a
    change to their opinions or summary, each of those is stale."""
    stale = []
    for no in numbers:
        item = file.consultation.item(no)
        if item is not None and any(s.withdrawn is None for s in item.signoffs):
            stale.append(no)
    return stale


def told(message: str, file: ConsultationFile, numbers: Iterable[int]) -> Outcome:
    """`message` as an Outcome, a warning naming those of `numbers` whose sign-offs the
    change left stale (the TUI's notification and the CLI twins' output alike)."""
    stale = _stale(file, numbers)
    if not stale:
        return Outcome(message)
    items = ", ".join(f"No.{no}" for no in stale)
    note = _("the sign-offs of {items} are stale: sign again").format(items=items)
    return Outcome(_("{done}; {note}").format(done=message, note=note), WARNING)


def write_summary(file: ConsultationFile, no: int, login: str, text: str) -> Outcome:
    """Save `text` as item `no`'s summary (意見の概要), written by `login`."""
    done = attempt(file, no, lambda c: add_summary(c, no, login, text.strip()))
    if isinstance(done, Outcome):
        return done
    return told(_("No.{no}: saved the summary of its opinions").format(no=no), file, [no])


def move(file: ConsultationFile, no: int, label: str, to: int) -> Outcome:
    """Move item `no`'s opinion labelled `label` to the end of item `to`'s opinions."""
    done = attempt(file, no, lambda c: move_opinion(c, no, label, to), also=(to,))
    if isinstance(done, Outcome):
        return done
    message = _("No.{no}: moved opinion {label} to No.{to}").format(no=no, label=label, to=to)
    return told(message, file, [no, to])


def merge(file: ConsultationFile, no: int, into: int) -> Outcome:
    """Merge item `no` into item `into`: its opinions go there, item `no` leaves the file."""
    done = attempt(file, no, lambda c: merge_items(c, no, into), also=(into,))
    if isinstance(done, Outcome):
        return done
    count = len(done.opinions)
    message = ngettext(
        "No.{no}: merged into No.{into} with its {count} opinion; No.{no} is gone",
        "No.{no}: merged into No.{into} with its {count} opinions; No.{no} is gone",
        count,
    )
    return told(message.format(no=no, into=into, count=count), file, [into])


def split(file: ConsultationFile, no: int, labels: list[str]) -> tuple[Outcome, int | None]:
    """Move item `no`'s opinions labelled `labels` into a new item placed after it; the
    outcome and the new item's No. (None when refused)."""
    done = attempt(file, no, lambda c: split_item(c, no, labels))
    if isinstance(done, Outcome):
        return done, None
    message = _("No.{no}: opinions {labels} split off into the new No.{new}, not yet answered")
    text = message.format(no=no, labels=", ".join(o.label for o in done.opinions), new=done.no)
    return told(text, file, [no]), done.no
