"""Commit messages: a subject naming what was approved, the approved words, and trailers.

    2025-jumin: approve No.7 (課長)

    No.7 revision 2, approved:

    > ご意見を踏まえ、…

    Changes:
    - No.7 課長 approve by sato (revision 2)

    Pctui-Signoff: No.7 課長 approve sato 2025-12-15T10:30:00+09:00
    Reviewed-by: 田中 一郎 <tanaka@example.jp>

The `Pctui-Signoff` (and `Pctui-Withdrawn`) trailers let `pctui audit` tell a sign-off (or a
withdrawal) that pctui recorded from one typed into the file by hand; `Reviewed-by` names
every stage's approver.
"""

from __future__ import annotations

from collections.abc import Callable

from pctui.git.changes import Pending
from pctui.i18n import _
from pctui.model.one_line import require_one_line
from pctui.model.records import APPROVE, Item, Review, Signoff
from pctui.model.state import standings

SIGNOFF_TRAILER = "Pctui-Signoff"
WITHDRAWN_TRAILER = "Pctui-Withdrawn"
REVIEWED_BY = "Reviewed-by"
_LISTED = 200  # change lines written out; beyond, a count (the trailers still list every one)
_NAMED = 5  # approved items named in the subject


def signoff_trailer(no: int, signoff: Signoff) -> str:
    """The value of a Pctui-Signoff trailer: `No.7 課長 approve sato 2025-12-15T10:30:00+09:00`."""
    return f"No.{no} {signoff.stage} {signoff.verdict} {signoff.by} {signoff.at.isoformat()}"


def approvers(item: Item, review: Review) -> list[Signoff]:
    """The valid approvals of the item's current revision, in review.stages order."""
    valid = {s.signoff.stage: s.signoff for s in standings(item, review)
             if s.counts and s.signoff.verdict == APPROVE}  # fmt: skip
    return [valid[stage] for stage in review.stages if stage in valid]


def subject(consultation_id: str, found: Pending, outputs_changed: bool) -> str:
    """The first line: what was approved, or what else was recorded."""
    if found.approved:
        named = [f"No.{item.no} ({stage})" for item, stage in found.approved[:_NAMED]]
        if len(found.approved) > _NAMED:
            named.append(f"{len(found.approved) - _NAMED} more")
        return f"{consultation_id}: approve {', '.join(named)}"
    if found.new_file:
        count = f"{found.items} item{'s' if found.items != 1 else ''}"
        return f"{consultation_id}: new consultation file ({count})"
    parts = []
    signoffs = len(found.signoffs)
    others = len(found.changes) - signoffs
    if signoffs:
        parts.append(f"{signoffs} sign-off{'s' if signoffs != 1 else ''}")
    if others:
        parts.append(f"{others} other change{'s' if others != 1 else ''}")
    if found.header_changed:
        parts.append("header edited")
    if not parts and outputs_changed:
        parts.append("published outputs")
    numbers = sorted({change.no for change in found.changes})
    where = f" ({', '.join(f'No.{n}' for n in numbers[:_NAMED])}" if numbers else ""
    if where:
        where += ", …)" if len(numbers) > _NAMED else ")"
    return f"{consultation_id}: record {', '.join(parts) or 'changes'}{where}"


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in text.splitlines()] or [">"]


def build(
    consultation_id: str,
    found: Pending,
    review: Review,
    identity: Callable[[str], str],
    outputs: list[str],
) -> str:
    """The whole commit message; `identity(login)` gives `Name <email>` for a trailer.

    NotOneLine, and no message, when a value from the file (an id, a stage, a login, a
    name, an e-mail address, a file name) would not stay on its line: it could forge a
    trailer. Files that load never hold one; this guards models made otherwise.
    """
    require_one_line("consultation.id", consultation_id)
    lines = [subject(consultation_id, found, bool(outputs)), ""]
    for item, _stage in found.approved:
        current = item.current
        assert current is not None  # an approved item has a current revision
        lines += [f"No.{item.no} revision {item.current_index}, approved:", ""]
        lines += [*_quote(current.text), ""]
    if found.changes or found.header_changed:
        lines.append("Changes:")
        if found.header_changed:
            lines.append("- header (consultation facts, intake, review rules) edited")
        lines += [f"- {change.line}" for change in found.changes[:_LISTED]]
        if len(found.changes) > _LISTED:
            lines.append(f"- … and {len(found.changes) - _LISTED} more")
        lines.append("")
    if outputs:
        lines += ["Published outputs:", *[f"- {name}" for name in outputs], ""]
    trailers = [f"{SIGNOFF_TRAILER}: {signoff_trailer(c.no, c.signoff)}"
                for c in found.signoffs if c.signoff is not None]  # fmt: skip
    trailers += [f"{WITHDRAWN_TRAILER}: {signoff_trailer(c.no, c.withdrawn)}"
                 for c in found.changes if c.withdrawn is not None]  # fmt: skip
    reviewed: list[str] = []
    for item, _stage in found.approved:
        for signoff in approvers(item, review):
            line = f"{REVIEWED_BY}: {identity(signoff.by)}"
            if line not in reviewed:
                reviewed.append(line)
    trailers += reviewed
    for line in [lines[0], *[f"- {change.line}" for change in found.changes], *outputs, *trailers]:
        require_one_line(_("the commit message line {line}").format(line=repr(line)), line)
    if trailers:
        lines += trailers
    return "\n".join(lines).rstrip("\n") + "\n"
