"""The key help (`?`) as lines: every action by group with its keys, the keys of the raw
views, and what the list's marks mean. Pure Rich, broken by `wrap` (禁則処理) for the
width the help box has, so Japanese never starts a line with 「。」 and the second column
stays aligned."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from rich.text import Text

from pctui.app.group_actions import GROUP_ACTIONS
from pctui.app.redaction_actions import REDACTION_ACTIONS
from pctui.app.render.badges import STATE_BADGES
from pctui.app.render.context import RenderContext
from pctui.app.render.wrap import wrap
from pctui.app.review_actions import ACTIONS, GROUPS
from pctui.i18n import N_, _
from pctui.model.state import APPROVED, CHANGES_REQUESTED, DRAFT, IN_REVIEW

INDENT = 2  # cells before a key
GAP = 2  # cells between the keys and what they do
NARROW = 16  # below this many cells beside the keys, the text goes under them

RAW_VIEWS = N_("In the raw views (v, D)")
# Keys of the raw views (pctui.app.screens.code_view binds them): how written, what they do.
RAW_VIEW_KEYS = (
    ("j k ↑ ↓", N_("Scroll one line.")),
    ("pgdn pgup", N_("Scroll one screen.")),
    ("g G", N_("Go to the top / the bottom.")),
    ("escape q", N_("Close the view.")),
)
MARKS = N_("Marks in the list")
ALL_SIGNED = N_(
    "“{column}” column: every stage approved the current revision; each stage is shown by "
    "its first character."
)
ALL_SIGNED_NUMBERS = N_(
    "“{column}” column: every stage approved the current revision; each stage is shown by "
    "its number ({numbers})."
)
SOME_SIGNED = N_("{done} approved the current revision, {missing} not yet ({unsigned}).")
STATE_MEANINGS = {
    DRAFT: N_("No stage has approved the current revision."),
    IN_REVIEW: N_("Some stages approved the current revision, not all yet."),
    CHANGES_REQUESTED: N_("A reviewer requested changes to the current revision."),
    APPROVED: N_("Every stage approved the current revision."),
}


def _rows(
    keys_changed: Mapping[str, str], stages: Sequence[str], context: RenderContext
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group heading, [(keys or mark, what it does or means)]) in the order shown."""
    groups = []
    for group in GROUPS:
        rows = []
        for action in ACTIONS:
            if action.group == group:
                keys = keys_changed.get(action.binding_id)
                rows.append((keys.replace(",", " ") if keys else action.display, _(action.help)))
        groups.append((_(group), rows))
    groups.append((_(RAW_VIEWS), [(keys, _(text)) for keys, text in RAW_VIEW_KEYS]))
    # The intake's screens have tables of their own (no keymap names them yet).
    for table in (GROUP_ACTIONS, REDACTION_ACTIONS):
        groups.append((_(table[0].group), [(a.display, _(a.help)) for a in table]))
    if stages:
        groups.append((_(MARKS), marks_explained(stages, context)))
    return groups


def marks_explained(stages: Sequence[str], context: RenderContext) -> list[tuple[str, str]]:
    """(mark, what it means): the list's "signed" marks for these stages, then its states."""
    column, unsigned = _("signed"), context.glyph("unsigned")
    if context.plain:
        marks = [str(n % 10) for n in range(1, len(stages) + 1)]
        numbers = ", ".join(f"{mark}:{stage}" for mark, stage in zip(marks, stages, strict=True))
        every = _(ALL_SIGNED_NUMBERS).format(column=column, numbers=numbers)
    else:
        marks = [stage[:1] for stage in stages]
        every = _(ALL_SIGNED).format(column=column)
    rows = [("".join(marks), every)]
    if len(stages) >= 2:
        done = context.glyph("stage-join").join(stages[:-1])
        some = _(SOME_SIGNED).format(done=done, missing=stages[-1], unsigned=unsigned)
        rows.append(("".join(marks[:-1]) + unsigned, some))
    for state, meaning in STATE_MEANINGS.items():
        rows.append((_(STATE_BADGES[state]), _(meaning)))
    return rows


def help_lines(
    width: int,
    context: RenderContext,
    stages: Sequence[str] = (),
    keys_changed: Mapping[str, str] | None = None,
) -> list[Text]:
    """The help as lines of at most `width` cells: each group's keys beside what they do
    (under them when the box is narrow), then what the list's marks mean for `stages`
    (left out when empty)."""
    groups = _rows(keys_changed or {}, stages, context)
    keys_width = max(cell_len(keys) for _group, rows in groups for keys, _text in rows)
    beside = INDENT + keys_width + GAP
    if width - beside < NARROW:
        beside = INDENT * 2  # the text on lines of its own, under its keys
    lines: list[Text] = []
    for group, rows in groups:
        if lines:
            lines.append(Text())
        lines.append(Text(group, style="bold underline"))
        for keys, text in rows:
            key_cell = Text(" " * INDENT + keys, style="bold")
            body = wrap(Text(text), max(1, width - beside))
            if cell_len(key_cell.plain) + GAP > beside:
                lines.append(key_cell)
            else:
                key_cell.pad_right(beside - key_cell.cell_len)
                lines.append(key_cell + body.pop(0))
            lines.extend(Text(" " * beside) + line for line in body)
    return lines
