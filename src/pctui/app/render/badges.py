"""Words and styles for states and standings: always a word, so colour is never the only cue
(NO_COLOR, 16-colour terminals, colour-blind reviewers)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from pctui.app.render.context import RenderContext
from pctui.i18n import N_, _
from pctui.model.records import APPROVE, Review, Verdict
from pctui.model.state import (
    APPROVED,
    CHANGES_REQUESTED,
    DRAFT,
    IN_REVIEW,
    INVALID,
    STALE,
    State,
    Status,
)
from pctui.words import standing_name

# Short enough for the list at 80 columns; the full state name is in the detail header.
STATE_BADGES = {
    DRAFT: N_("draft"),
    IN_REVIEW: N_("review"),
    CHANGES_REQUESTED: N_("changes"),
    APPROVED: N_("approved"),
}  # translated where shown
BADGE_WIDTH = max(len(label) for label in STATE_BADGES.values())  # in English


def badge_width() -> int:
    """Terminal cells of the widest badge in the current language."""
    return max(cell_len(_(label)) for label in STATE_BADGES.values())


def state_badge(state: State, context: RenderContext, pad: bool = True) -> Text:
    """The state as a styled word, padded to a fixed width for the list's column."""
    label = _(STATE_BADGES[state])
    padding = " " * max(0, badge_width() - cell_len(label)) if pad else ""
    return Text(label + padding, style=context.style(state))


def stage_marks(review: Review, approved: list[str], context: RenderContext) -> Text:
    """One mark per review stage: its first character when that stage approved the
    current revision, "・" when not (e.g. 担係・ = 担当 and 係長 signed, 課長 not). With
    plain glyphs the stage's number instead (12- : stages 1 and 2 signed, 3 not)."""
    marks = Text()
    for number, stage in enumerate(review.stages, start=1):
        if stage in approved:
            mark = str(number % 10) if context.plain else stage[:1]
            marks.append(mark, style=context.style("signed"))
        else:
            marks.append(context.glyph("unsigned"), style=context.style("unsigned"))
    return marks


def verdict_word(verdict: Verdict, context: RenderContext) -> Text:
    """approve / reject as a styled word."""
    if verdict == APPROVE:
        return Text(_("approve"), style=context.style("approve"))
    return Text(_("changes"), style=context.style("reject"))


def standing_word(status: Status, context: RenderContext, reason: str = "") -> Text:
    """A sign-off's standing as a word (with the reason for stale and invalid ones)."""
    text = Text(standing_name(status), style=context.style(status))
    if reason and status in (STALE, INVALID):
        text.append(f" ({reason})", style=context.style("reason"))
    return text
