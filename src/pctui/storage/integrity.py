"""Findings that do not stop a file from loading but that a reviewer must see.

Sign-offs that could not have been given (an impostor, a self-approval, a digest that no
longer matches its text) and text carrying control, bidi or invisible characters: any
text of the file a reader sees (opinions, responses, notes, comments, logins, the
header's facts), each reported at its key with the offending characters named.
"""

from __future__ import annotations

from pctui.model.inert import inert, suspicious
from pctui.model.records import Consultation, Item
from pctui.model.state import INVALID, standings
from pctui.storage.document import ConsultationFile
from pctui.storage.item_schema import ITEMS, REVISIONS, SIGNOFFS
from pctui.storage.problems import WARNING, Problem

_LIMIT = 3  # characters named per text; the rest are counted
HEADER, INTAKE, REVIEW, REVIEWERS, SECTIONS = (
    "consultation", "intake", "review", "review.reviewers", "sections"
)  # fmt: skip
_META_KEYS = ("title", "organization", "department", "url", "opinion_heading", "response_heading")


def _reason_key(reason: str) -> str:
    if "digest" in reason:
        return "digest"
    if "stage" in reason and "not one of" in reason:
        return "stage"
    if "revision" in reason and "does not exist" in reason:
        return "revision"
    return "by"


def _marks_message(what: str, text: str) -> str | None:
    """ "<what> contains U+001B ESCAPE at character 4 … (shown inertly)", or None."""
    marks = suspicious(text)
    if not marks:
        return None
    named = ", ".join(f"{name} at character {offset + 1}" for offset, name in marks[:_LIMIT])
    more = f" and {len(marks) - _LIMIT} more" if len(marks) > _LIMIT else ""
    return f"{what} contains {named}{more} (shown inertly)"


def _header_texts(consultation: Consultation) -> list[tuple[str, int, str, str, str]]:
    """(table, index, key, what, text) of every text of the header a reader may see."""
    meta, intake, review = consultation.meta, consultation.intake, consultation.review
    texts = [(HEADER, 0, key, f"consultation.{key}", getattr(meta, key)) for key in _META_KEYS]
    texts += [(HEADER, 0, "places", "consultation.places", place) for place in meta.places]
    texts += [(INTAKE, 0, "methods", "intake.methods", method) for method in intake.methods]
    texts += [(INTAKE, 0, "submitter_unit", "intake.submitter_unit", intake.submitter_unit)]
    texts += [(REVIEW, 0, "stages", "review.stages", stage) for stage in review.stages]
    texts += [(REVIEW, 0, "classes", "review.classes label", c.label) for c in review.classes]
    for login, reviewer in review.reviewers.items():
        texts.append((REVIEWERS, 0, login, "a login in review.reviewers", login))
        for key in ("name", "email"):
            value = getattr(reviewer, key)
            texts.append(
                (REVIEWERS, 0, login, f"review.reviewers.{inert(login)}.{key}", value or "")
            )
    for index, section in enumerate(consultation.sections):
        texts.append((SECTIONS, index, "title", f"sections[{index + 1}].title", section.title))
    return texts


def _item_texts(item: Item) -> list[tuple[str, int, str, str, str]]:
    """(table, index, key, what, text) of every text of `item` a reader may see."""
    texts = [
        (ITEMS, 0, "opinion", "opinion", item.opinion),
        (ITEMS, 0, "topic", "topic", item.topic or ""),
    ]
    for i, revision in enumerate(item.revisions):
        texts.append((REVISIONS, i, "text", f"revision {i + 1} text", revision.text))
        texts.append((REVISIONS, i, "note", f"revision {i + 1} note", revision.note or ""))
        texts.append((REVISIONS, i, "author", f"revision {i + 1} author", revision.author))
    for i, signoff in enumerate(item.signoffs):
        texts.append((SIGNOFFS, i, "by", f"sign-off {i + 1} by", signoff.by))
        texts.append((SIGNOFFS, i, "comment", f"sign-off {i + 1} comment", signoff.comment or ""))
    return texts


def integrity_warnings(file: ConsultationFile) -> list[Problem]:
    """Every invalid sign-off and every text holding a control, bidi or invisible
    character (the header's and every item's), as located warnings."""
    path = str(file.path)
    found: list[Problem] = []
    for table, index, key, what, text in _header_texts(file.consultation):
        message = _marks_message(what, text)
        if message:
            line, col = file.header_place(table, index, key)
            found.append(Problem(path, line, col, message, WARNING))

    def warn(no: int, table: str, index: int, key: str, message: str) -> None:
        line, col = file.place(no, table, index, key)
        found.append(Problem(path, line, col, f"No.{no}: {message}", WARNING))

    review = file.consultation.review
    for item in file.consultation.items:
        for index, standing in enumerate(standings(item, review)):
            if standing.status == INVALID:
                signoff = standing.signoff
                message = f"invalid sign-off ({signoff.stage}, {signoff.by}): {standing.reason}"
                warn(item.no, SIGNOFFS, index, _reason_key(standing.reason), message)
        for table, index, key, what, text in _item_texts(item):
            message = _marks_message(what, text)
            if message:
                warn(item.no, table, index, key, message)
    return sorted(found, key=lambda p: (p.line, p.col))
