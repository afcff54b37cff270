"""Findings that do not stop a file from loading but that a reviewer must see.

Sign-offs that could not have been given (an impostor, a self-approval, a digest that no
longer matches its text) and text carrying control, bidi or invisible characters.
"""

from __future__ import annotations

from collections.abc import Sequence

from pctui.i18n import _, ngettext
from pctui.model.inert import suspicious
from pctui.model.records import Item, Review, Signoff
from pctui.model.state import INVALID, Progress, progress
from pctui.storage.document import ConsultationFile
from pctui.storage.item_schema import ITEMS, REVISIONS, SIGNOFFS
from pctui.storage.problems import WARNING, Problem

_LIMIT = 3  # characters named per text; the rest are counted


def _reason_key(item: Item, signoff: Signoff, review: Review) -> str:
    """The key an invalid sign-off's warning points at: the checks of `invalid_reason`, in
    its order (the reason itself is in the reviewer's language, so it is not parsed)."""
    if signoff.stage not in review.stages:
        return "stage"
    if signoff.stage in review.stages_of(signoff.by):
        if not 1 <= signoff.revision <= len(item.revisions):
            return "revision"
        revision = item.revisions[signoff.revision - 1]
        self_approval = not review.allow_self_approval and revision.author == signoff.by
        if not self_approval and signoff.digest != revision.digest:
            return "digest"
    return "by"


def integrity_warnings(
    file: ConsultationFile, progresses: Sequence[Progress] | None = None
) -> list[Problem]:
    """Every invalid sign-off and every suspicious character, as located warnings.

    `progresses` (one per item, in order) are used when the caller has computed them.
    """
    path = str(file.path)
    found: list[Problem] = []

    def warn(no: int, table: str, index: int, key: str, message: str) -> None:
        line, col = file.place(no, table, index, key)
        found.append(Problem(path, line, col, f"No.{no}: {message}", WARNING))

    review = file.consultation.review
    items = file.consultation.items
    if progresses is None:
        progresses = [progress(item, review) for item in items]
    for item, known in zip(items, progresses, strict=True):
        for index, standing in enumerate(known.standings):
            if standing.status == INVALID:
                signoff = standing.signoff
                message = _("invalid sign-off ({stage}, {login}): {reason}").format(
                    stage=signoff.stage, login=signoff.by, reason=standing.reason
                )
                warn(item.no, SIGNOFFS, index, _reason_key(item, signoff, review), message)
        texts = [(ITEMS, 0, "opinion", item.opinion), (ITEMS, 0, "topic", item.topic or "")]
        texts += [(REVISIONS, i, "text", r.text) for i, r in enumerate(item.revisions)]
        for table, index, key, text in texts:
            marks = suspicious(text)
            if not marks:
                continue
            named = ", ".join(
                _("{character} at character {offset}").format(character=what, offset=offset + 1)
                for offset, what in marks[:_LIMIT]
            )
            rest = len(marks) - _LIMIT
            more = ngettext(" and {count} more", " and {count} more", rest).format(count=rest)
            where = key if table == ITEMS else _("revision {revision} {key}").format(
                revision=index + 1, key=key)  # fmt: skip
            message = _("{where} contains {characters}{more} (shown inertly)").format(
                where=where, characters=named, more=more if rest > 0 else ""
            )
            warn(item.no, table, index, key, message)
    return sorted(found, key=lambda p: (p.line, p.col))
