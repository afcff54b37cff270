"""Findings that do not stop a file from loading but that a reviewer must see.

Sign-offs that could not have been given (an impostor, a self-approval, a digest that no
longer matches its text) and text carrying control, bidi or invisible characters: any
text of the file a reader sees (opinions, responses, notes, comments, logins, the
header's facts), each reported at its key with the offending characters named.
"""

from __future__ import annotations

from collections.abc import Sequence

from pctui.base.inert import HIDDEN, LINE_BREAK, has_suspicious, inert, suspicious
from pctui.base.problems import WARNING, Problem
from pctui.i18n import _, ngettext
from pctui.model.records import Consultation, Item, Review, Signoff
from pctui.model.state import INVALID, Progress, progress
from pctui.storage.consultation_file import ConsultationFile
from pctui.storage.item_schema import ITEMS, REVISIONS, SIGNOFFS
from pctui.storage.opinion_schema import OPINIONS, SUMMARIES

_LIMIT = 3  # characters named per text; the rest are counted
HEADER, INTAKE, REVIEW, REVIEWERS, SECTIONS = (
    "consultation", "intake", "review", "review.reviewers", "sections"
)  # fmt: skip
_META_KEYS = ("title", "organization", "department", "url", "opinion_heading", "response_heading")


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


def _marks_messages(what: str, text: str) -> list[str]:
    """ "<what> contains U+001B ESCAPE at character 4 … (shown inertly)" for the hidden
    characters, "… (shown as a line break)" for NEL, LINE SEPARATOR and PARAGRAPH
    SEPARATOR: one message per kind found."""
    marks = suspicious(text)
    messages = []
    for kind, shown in ((HIDDEN, _("shown inertly")), (LINE_BREAK, _("shown as a line break"))):
        found = [mark for mark in marks if mark.kind == kind]
        if not found:
            continue
        named = ", ".join(
            _("{character} at character {offset}").format(
                character=mark.description, offset=mark.offset + 1
            )
            for mark in found[:_LIMIT]
        )
        rest = len(found) - _LIMIT
        more = ngettext(" and {count} more", " and {count} more", rest).format(count=rest)
        messages.append(
            _("{where} contains {characters}{more} ({shown})").format(
                where=what, characters=named, more=more if rest > 0 else "", shown=shown
            )
        )
    return messages


def _header_texts(consultation: Consultation) -> list[tuple[str, int, str, str, str]]:
    """(table, index, key, what, text) of every text of the header a reader may see."""
    meta, intake, review = consultation.meta, consultation.intake, consultation.review
    texts = [(HEADER, 0, key, f"consultation.{key}", getattr(meta, key)) for key in _META_KEYS]
    texts += [(HEADER, 0, "places", "consultation.places", place) for place in meta.places]
    texts += [(INTAKE, 0, "methods", "intake.methods", method) for method in intake.methods]
    texts += [(INTAKE, 0, "submitter_unit", "intake.submitter_unit", intake.submitter_unit)]
    texts += [(REVIEW, 0, "stages", "review.stages", stage) for stage in review.stages]
    texts += [(REVIEW, 0, "classes", "review.classes", c.label) for c in review.classes]
    for login, reviewer in review.reviewers.items():
        texts.append((REVIEWERS, 0, login, _("a login in review.reviewers"), login))
        for key in ("name", "email"):
            value = getattr(reviewer, key)
            texts.append(
                (REVIEWERS, 0, login, f"review.reviewers.{inert(login)}.{key}", value or "")
            )
    for index, section in enumerate(consultation.sections):
        texts.append((SECTIONS, index, "title", f"sections[{index + 1}].title", section.title))
        if section.label:
            texts.append((SECTIONS, index, "label", f"sections[{index + 1}].label", section.label))
    return texts


def _any_marks(item: Item) -> bool:
    """True when any text of `item` holds a character not shown as it is. The texts are
    joined by line feeds, which are not such characters (nor make a joiner text)."""
    parts = [item.topic or ""]
    for opinion in item.opinions:
        parts += (opinion.label, opinion.text, *opinion.sources)
    for summary in item.summaries:
        parts += (summary.text, summary.author)
    for each in item.revisions:
        parts += (each.text, each.note or "", each.author)
    for given in item.signoffs:
        parts += (given.by, given.comment or "")
    return has_suspicious("\n".join(parts))


def _item_texts(item: Item, version: int) -> list[tuple[str, int, str, str, str]]:
    """(table, index, key, what, text) of every text of `item` a reader may see, as a
    format-`version` file holds them."""
    texts = [(ITEMS, 0, "topic", "topic", item.topic or "")]
    if version < 2:
        texts.append((ITEMS, 0, "opinion", "opinion", item.opinion))
    opinion = _("opinion {opinion} {key}")
    for i, listed in enumerate(item.opinions if version >= 2 else ()):
        for key, said in (("label", listed.label), ("text", listed.text)):
            texts.append((OPINIONS, i, key, opinion.format(opinion=i + 1, key=key), said))
        for source in listed.sources:
            what = opinion.format(opinion=i + 1, key="sources")
            texts.append((OPINIONS, i, "sources", what, source))
    summary = _("summary {summary} {key}")
    for i, written in enumerate(item.summaries):
        for key, words in (("text", written.text), ("author", written.author)):
            texts.append((SUMMARIES, i, key, summary.format(summary=i + 1, key=key), words))
    revision = _("revision {revision} {key}")
    for i, each in enumerate(item.revisions):
        for key, value in (("text", each.text), ("note", each.note), ("author", each.author)):
            texts.append((REVISIONS, i, key, revision.format(revision=i + 1, key=key), value or ""))
    signoff = _("sign-off {signoff} {key}")
    for i, given in enumerate(item.signoffs):
        for key, value in (("by", given.by), ("comment", given.comment)):
            texts.append((SIGNOFFS, i, key, signoff.format(signoff=i + 1, key=key), value or ""))
    return texts


def integrity_warnings(
    file: ConsultationFile, progresses: Sequence[Progress] | None = None
) -> list[Problem]:
    """Every invalid sign-off and every text holding a control, bidi or invisible
    character (the header's and every item's), as located warnings.

    `progresses` (one per item, in order) are used when the caller has computed them.
    """
    path = str(file.path)
    found: list[Problem] = []
    # Where the file's whole text is plain and holds no escape, so is each of its texts:
    # one scan of the text instead of one per item (validate of 10,000 items: 30 ms less).
    scan = not file.plain_text()
    for table, index, key, what, text in _header_texts(file.consultation) if scan else ():
        for message in _marks_messages(what, text):
            line, col = file.header_place(table, index, key)
            found.append(Problem(path, line, col, message, WARNING))

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
        if not scan or not _any_marks(item):
            continue  # nearly every item: one search instead of a labelled scan per text
        for table, index, key, what, text in _item_texts(item, file.consultation.format):
            for message in _marks_messages(what, text):
                warn(item.no, table, index, key, message)
    return sorted(found, key=lambda p: (p.line, p.col))
