"""The item pane laid out whole, every line built at once, as `render.detail.lay_out` did
before it built lines only when shown: the reference the lazy layout is held to
(test_lazy_layout.py). Built from the eager pieces `wrap`, `box`, `padded` and
`side_by_side`."""

from __future__ import annotations

from rich.text import Text

from pctui.app.render.boxes import BoxStyle, box, inner_width, padded, side_by_side
from pctui.app.render.context import RenderContext
from pctui.app.render.detail import GAP, SIDES_GAP, TAB, Parts
from pctui.app.render.diff_part import DiffPart
from pctui.app.render.styled import Styled, as_text
from pctui.app.render.wrap import wrap


def _wrap(text: Text | Styled, width: int) -> list[Text]:
    text = as_text(text)
    if "\t" in text.plain:
        text = text.copy()
        text.expand_tabs(TAB)
    return wrap(text, max(1, width))


def full_lines(
    parts: Parts, width: int, wide: bool, styles: tuple[BoxStyle, BoxStyle], context: RenderContext
) -> list[Text]:
    """Every line of the pane for `parts` at `width` (`wide`: the texts side by side)."""
    if width <= 0:
        return []
    plain_box, diff_box = styles
    lines = _wrap(parts.meta, width)
    if parts.opinion is not None and parts.response is not None:
        lines += _texts(parts, width, wide, plain_box, context)
    if parts.diff is not None:
        title, subtitle = parts.titles["diff"]
        lines += box(_diff_body(parts.diff, width, wide), width, diff_box, context, title,
                     subtitle)  # fmt: skip
    for name in ("signoffs", "notes"):
        text = parts.signoffs if name == "signoffs" else parts.notes
        if text is not None:
            body = _wrap(text, inner_width(width))
            lines += box(body, width, plain_box, context, parts.titles[name][0])
    for line in lines:
        line.end = ""
    return lines


def _texts(
    parts: Parts, width: int, wide: bool, style: BoxStyle, context: RenderContext
) -> list[Text]:
    assert parts.opinion is not None and parts.response is not None
    opinion_title = parts.titles["opinion"][0]
    response_title, response_subtitle = parts.titles["response"]
    if not wide:
        opinion = box(_wrap(parts.opinion, inner_width(width)), width, style, context,
                      opinion_title)  # fmt: skip
        response = box(_wrap(parts.response, inner_width(width)), width, style, context,
                       response_title, response_subtitle)  # fmt: skip
        return opinion + response
    left = (width - GAP) // 2
    right = width - GAP - left
    opinion_body = _wrap(parts.opinion, inner_width(left))
    response_body = _wrap(parts.response, inner_width(right))
    height = max(len(opinion_body), len(response_body))
    opinion = box(padded(opinion_body, height), left, style, context, opinion_title)
    response = box(padded(response_body, height), right, style, context, response_title,
                   response_subtitle)  # fmt: skip
    return side_by_side(opinion, response, left, GAP)


def _diff_body(diff: DiffPart, width: int, wide: bool) -> list[Text]:
    inner = inner_width(width)
    body = _wrap(diff.summary, inner)
    if diff.inline is not None:
        body += _wrap(diff.inline, inner)
    elif diff.old is not None and diff.new is not None:
        if wide:
            left = (inner - SIDES_GAP) // 2
            right = inner - SIDES_GAP - left
            body += side_by_side(_wrap(diff.old, left), _wrap(diff.new, right), left, SIDES_GAP)
        else:
            body += _wrap(diff.old, inner - SIDES_GAP) + _wrap(diff.new, inner)
    return body
