"""Findings that do not stop a file from loading but that a reviewer must see.

Sign-offs that could not have been given (an impostor, a self-approval, a digest that no
longer matches its text) and text carrying control, bidi or invisible characters.
"""

from __future__ import annotations

from collections.abc import Sequence

from pctui.model.inert import suspicious
from pctui.model.state import INVALID, Progress, progress
from pctui.storage.document import ConsultationFile
from pctui.storage.item_schema import ITEMS, REVISIONS, SIGNOFFS
from pctui.storage.problems import WARNING, Problem

_LIMIT = 3  # characters named per text; the rest are counted


def _reason_key(reason: str) -> str:
    if "digest" in reason:
        return "digest"
    if "stage" in reason and "not one of" in reason:
        return "stage"
    if "revision" in reason and "does not exist" in reason:
        return "revision"
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
                message = f"invalid sign-off ({signoff.stage}, {signoff.by}): {standing.reason}"
                warn(item.no, SIGNOFFS, index, _reason_key(standing.reason), message)
        texts = [(ITEMS, 0, "opinion", item.opinion), (ITEMS, 0, "topic", item.topic or "")]
        texts += [(REVISIONS, i, "text", r.text) for i, r in enumerate(item.revisions)]
        for table, index, key, text in texts:
            marks = suspicious(text)
            if not marks:
                continue
            named = ", ".join(
                f"{what} at character {offset + 1}" for offset, what in marks[:_LIMIT]
            )
            more = f" and {len(marks) - _LIMIT} more" if len(marks) > _LIMIT else ""
            where = key if table == ITEMS else f"revision {index + 1} {key}"
            warn(item.no, table, index, key, f"{where} contains {named}{more} (shown inertly)")
    return sorted(found, key=lambda p: (p.line, p.col))
