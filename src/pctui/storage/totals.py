"""Notes on the totals a result printed (format 2's `published_submitters` and
`published_opinions`), and on the opinions the registry received (`opinions_received`,
from `pctui intake tally`), beside the totals the file's items and intake add up to.

A result may list only the main opinions ("主な御意見") under a total of every opinion
received, so the two differ without anything being wrong: `pctui validate` says how they
differ, as notes at the printed total's line, never as an error or a warning.
"""

from __future__ import annotations

from pctui.base.problems import NOTE, Problem
from pctui.i18n import _, ngettext
from pctui.storage.consultation_file import ConsultationFile


def totals_notes(file: ConsultationFile) -> list[Problem]:
    """A note for each printed total that differs from the one computed (none when the
    file records no printed totals, or they agree)."""
    consultation = file.consultation
    intake = consultation.intake
    path = str(file.path)
    notes: list[Problem] = []
    # The listed total is summed only when a printed or received total is there to be
    # compared with it: the sum walks every item's opinions (10 ms of `validate` at
    # 10,000 items), and most files record neither.
    printed, received = intake.published_opinions, intake.opinions_received
    listed = consultation.total_opinions if printed is not None or received is not None else 0
    if printed is not None and printed != listed:
        if printed > listed:
            message = ngettext(
                "the result printed {printed} opinions and the items list {listed}: "
                "{rest} opinion not listed is counted in the printed total only",
                "the result printed {printed} opinions and the items list {listed}: "
                "{rest} opinions not listed are counted in the printed total only",
                printed - listed,
            ).format(printed=printed, listed=listed, rest=printed - listed)
        else:
            message = _(
                "the result printed {printed} opinions, fewer than the {listed} the items "
                "list: check intake.published_opinions and each count"
            ).format(printed=printed, listed=listed)
        line, col = file.header_place("intake", 0, "published_opinions")
        notes.append(Problem(path, line, col, message, NOTE))
    if received is not None and received != listed:
        if received > listed:
            message = ngettext(
                "the registry received {received} opinions and the items answer {listed}: "
                "{rest} opinion is not attached to an item yet (pctui intake review)",
                "the registry received {received} opinions and the items answer {listed}: "
                "{rest} opinions are not attached to an item yet (pctui intake review)",
                received - listed,
            ).format(received=received, listed=listed, rest=received - listed)
        else:
            message = _(
                "the items count {listed} opinions, more than the {received} the registry "
                "received: check each count, or run pctui intake tally --write again"
            ).format(listed=listed, received=received)
        line, col = file.header_place("intake", 0, "opinions_received")
        notes.append(Problem(path, line, col, message, NOTE))
    printed, counted = intake.published_submitters, intake.total_submitters
    if printed is not None and intake.submitters and printed != counted:
        message = _(
            "the result printed {printed} submitters; intake.submitters adds up to {counted}"
        ).format(printed=printed, counted=counted)
        line, col = file.header_place("intake", 0, "published_submitters")
        notes.append(Problem(path, line, col, message, NOTE))
    return sorted(notes, key=lambda note: (note.line, note.col))
