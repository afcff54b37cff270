"""The item pane's content as lines: the meta line, the opinion beside the response, the
diff and the sign-offs, each box drawn with `boxes`, broken for a width. Pure Rich: the
widget (`pctui.app.widgets.item_detail`) only paints these lines and scrolls them."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from pctui.app.render.badges import state_badge
from pctui.app.render.boxes import BoxStyle, inner_width
from pctui.app.render.context import RenderContext
from pctui.app.render.diff_part import DiffPart, diff_part
from pctui.app.render.line_sources import Boxed, Joined, Lines, Padded, SideBySide, Wrapped
from pctui.app.render.opinion_list import counted, listed, opinion_list
from pctui.app.render.signoffs import note_lines, signoff_lines
from pctui.app.render.styled import Styled, as_text
from pctui.app.render.texts import inert_text
from pctui.base.inert import inert
from pctui.i18n import _, format_datetime, ngettext
from pctui.model.records import Consultation, Item
from pctui.model.state import item_state
from pctui.model.zones import consultation_zone, in_zone
from pctui.session.diff_state import DiffBase, DiffMode

WIDE_FROM = 100  # columns from which the opinion and the response stand side by side
TAB = 4  # cells a tab in a text stands for
GAP = 1  # cells between the opinion and the response side by side
SIDES_GAP = 2  # cells between the old and the new text of a diff side by side


def meta_line(consultation: Consultation, item: Item, context: RenderContext) -> Text:
    """ "No.3 approved · 1 住民基本台帳事務… · 【topic】 · 2 opinions · 参考"."""
    line = Text(f"No.{item.no} ", style="bold")
    line.append_text(state_badge(item_state(item, consultation.review), context, pad=False))
    section = consultation.section(item.section)
    line.append(f" · {inert(item.section)}")
    if section is not None:
        line.append(f" {inert(section.title)}")
    if item.topic:
        line.append(f" · 【{inert(item.topic)}】")
    if len(item.opinions) > 1:
        line.append(" · " + counted(item))
    else:
        opinions = ngettext("{count} opinion", "{count} opinions", item.count)
        line.append(" · " + opinions.format(count=item.count))
    if item.klass:
        labels = {c.id: c.label for c in consultation.review.classes}
        line.append(f" · {inert(labels.get(item.klass, item.klass))}")
    if item.assignee:
        line.append(" · " + _("drafted by {login}").format(login=inert(item.assignee)))
    return line


def response_title(consultation: Consultation, item: Item) -> str:
    """The response pane's title: the heading and which revision, by whom, when."""
    current = item.current
    heading = inert(consultation.meta.response_heading)
    if current is None:
        return heading + " · " + _("no draft yet")
    revision = _("rev {revision} by {author} {when}").format(
        revision=item.current_index,
        author=inert(current.author),
        when=format_datetime(in_zone(current.at, consultation_zone(consultation))),
    )
    return f"{heading} · {revision}"


def _wrap(text: Text | Styled, width: int) -> Wrapped:
    """`text` broken into lines of at most `width` cells, tabs first turned into spaces:
    the lines are rendered as they are, and a raw tab would push the box's border aside."""
    if "\t" in text.plain:
        text = as_text(text).copy()
        text.expand_tabs(TAB)
    return Wrapped(text, max(1, width))


@dataclass
class Parts:
    """What the pane shows of one item, before it is broken into lines."""

    meta: Text
    opinion: Text | Styled | None = None  # Styled: a list of opinions (`opinion_list`)
    response: Text | None = None
    signoffs: Text | None = None
    notes: Text | None = None  # internal notes, shown after the sign-offs when there are any
    diff: DiffPart | None = None
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # box -> (title, subtitle)


def item_parts(
    consultation: Consultation,
    item: Item | None,
    base: DiffBase | None,
    mode: DiffMode,
    context: RenderContext,
) -> Parts:
    """The pane's parts for `item` (None: the list is empty), its diff from `base` in `mode`."""
    if item is None:
        message = _("No item matches the filter (f to change it, / to search).")
        return Parts(Text(message, style="italic"))
    current = item.current
    note = _("note: {note}").format(note=inert(current.note)) if current and current.note else ""
    parts = Parts(
        meta_line(consultation, item, context),
        opinion=(
            opinion_list(consultation, item)
            if listed(consultation, item)
            else inert_text(item.opinion)
        ),
        response=inert_text(current.text) if current else Text(context.glyph("dash"), style="dim"),
        signoffs=signoff_lines(item, consultation.review, consultation_zone(consultation), context),
        diff=diff_part(item, base, mode, context),
        notes=note_lines(item, consultation_zone(consultation), context),
    )
    parts.titles["opinion"] = (inert(consultation.meta.opinion_heading), "")
    parts.titles["response"] = (response_title(consultation, item), note)
    parts.titles["signoffs"] = (_("sign-offs"), "")
    parts.titles["notes"] = (_("internal notes (never published)"), "")
    if parts.diff is not None:
        parts.titles["diff"] = (parts.diff.title, parts.diff.subtitle)
    return parts


@dataclass
class Layout:
    """The pane's lines (each at most the width it was laid out for; built when first
    asked for, see `line_sources`) and where each box's top-left corner is: box name ->
    (line, cell)."""

    lines: Lines
    places: dict[str, tuple[int, int]]


def lay_out(
    parts: Parts,
    width: int,
    wide: bool,
    styles: tuple[BoxStyle, BoxStyle],
    context: RenderContext,
) -> Layout:
    """`parts` as lines `width` cells wide; `wide`: the two texts side by side. `styles`:
    the boxes' and the diff box's; `context`: the glyphs their borders are drawn with.
    Only the lines' count is worked out here: each line is built when it is shown."""
    places: dict[str, tuple[int, int]] = {}
    if width <= 0:
        return Layout([], places)
    plain_box, diff_box = styles
    pieces: list[Lines] = [_wrap(parts.meta, width)]
    top = len(pieces[0])

    def add(name: str, lines: Lines) -> None:
        nonlocal top
        places[name] = (top, 0)
        pieces.append(lines)
        top += len(lines)

    if parts.opinion is not None and parts.response is not None:
        texts = _texts(parts, width, wide, plain_box, context, top, places)
        pieces.append(texts)
        top += len(texts)
    if parts.diff is not None:
        title, subtitle = parts.titles["diff"]
        body = _diff_body(parts.diff, width, wide)
        add("diff", Boxed(body, width, diff_box, context, title, subtitle))
    if parts.signoffs is not None:
        body = _wrap(parts.signoffs, inner_width(width))
        add("signoffs", Boxed(body, width, plain_box, context, parts.titles["signoffs"][0]))
    if parts.notes is not None:
        body = _wrap(parts.notes, inner_width(width))
        add("notes", Boxed(body, width, plain_box, context, parts.titles["notes"][0]))
    return Layout(Joined(pieces), places)


def _texts(
    parts: Parts,
    width: int,
    wide: bool,
    style: BoxStyle,
    context: RenderContext,
    top: int,
    places: dict[str, tuple[int, int]],
) -> Lines:
    """The opinion and response boxes: side by side, as tall as each other, when wide;
    one above the other when narrow."""
    assert parts.opinion is not None and parts.response is not None
    opinion_title, _sub = parts.titles["opinion"]
    response_title_, response_subtitle = parts.titles["response"]
    if not wide:
        opinion = Boxed(_wrap(parts.opinion, inner_width(width)), width, style, context,
                        opinion_title)  # fmt: skip
        response = Boxed(_wrap(parts.response, inner_width(width)), width, style, context,
                         response_title_, response_subtitle)  # fmt: skip
        places["opinion"] = (top, 0)
        places["response"] = (top + len(opinion), 0)
        return Joined([opinion, response])
    left = (width - GAP) // 2
    right = width - GAP - left
    opinion_body = _wrap(parts.opinion, inner_width(left))
    response_body = _wrap(parts.response, inner_width(right))
    height = max(len(opinion_body), len(response_body))
    opinion = Boxed(Padded(opinion_body, height), left, style, context, opinion_title)
    response = Boxed(Padded(response_body, height), right, style, context,
                     response_title_, response_subtitle)  # fmt: skip
    places["opinion"] = (top, 0)
    places["response"] = (top, left + GAP)
    return SideBySide(opinion, response, left, GAP)


def _diff_body(diff: DiffPart, width: int, wide: bool) -> Lines:
    inner = inner_width(width)
    pieces: list[Lines] = [_wrap(diff.summary, inner)]
    if diff.inline is not None:
        pieces.append(_wrap(diff.inline, inner))
    elif diff.old is not None and diff.new is not None:
        if wide:
            left = (inner - SIDES_GAP) // 2
            right = inner - SIDES_GAP - left
            sides = SideBySide(_wrap(diff.old, left), _wrap(diff.new, right), left, SIDES_GAP)
            pieces.append(sides)
        else:
            pieces += [_wrap(diff.old, inner - SIDES_GAP), _wrap(diff.new, inner)]
    return Joined(pieces)
