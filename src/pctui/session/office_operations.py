"""Assigning items and writing internal notes as the app does them: through
`ConsultationFile.transact`, saved at once like a sign-off, turned into a message for the
reviewer. No Textual here (see `operations` for the review actions)."""

from __future__ import annotations

from collections.abc import Sequence

from pctui.i18n import _, ngettext
from pctui.model.office import add_note, assign
from pctui.session.operations import Outcome, attempt
from pctui.storage import ConsultationFile


def assign_items(file: ConsultationFile, numbers: Sequence[int], to: str, login: str) -> Outcome:
    """Give the items numbered `numbers` to `to` ("": nobody) as `login`; items already
    with `to` are left as they are."""
    if not numbers:
        return Outcome(_("No item is shown to assign."), "warning", changed=False)
    first, *rest = numbers
    done = attempt(file, first, lambda c: assign(c, numbers, to, login), also=rest)
    if isinstance(done, Outcome):
        return done
    count = len(done)
    listed = ", ".join(f"No.{item.no}" for item in done[:5]) + ("…" if count > 5 else "")
    if to:
        message = ngettext(
            "{items}: assigned to {login} ({count} item)",
            "{items}: assigned to {login} ({count} items)",
            count,
        )
    else:
        message = ngettext(
            "{items}: taken off their assignee ({count} item)",
            "{items}: taken off their assignee ({count} items)",
            count,
        )
    return Outcome(message.format(items=listed, login=to, count=count))


def write_note(file: ConsultationFile, no: int, login: str, text: str) -> Outcome:
    """Append `text` as `login`'s internal note on item `no`."""
    done = attempt(file, no, lambda c: add_note(c, no, login, text))
    if isinstance(done, Outcome):
        return done
    return Outcome(_("No.{no}: note by {login} saved").format(no=no, login=login))
