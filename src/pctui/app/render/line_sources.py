"""The item pane's lines, built only when they are asked for.

An item may hold hundreds of opinions: wrapping every one of them into Text lines and
boxing them at each key press cost 50 ms on a 300-opinion item, for a pane that shows 40
lines. Here each piece of the layout knows how many lines it has (counting them needs only
where each line starts, found on the plain string) and builds a line when the pane paints
it. The lines are the same, piece for piece, as `wrap`, `box`, `padded` and `side_by_side`
build all at once (`tests/app/test_lazy_layout.py` holds the two to the same lines).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Protocol

from rich.text import Span, Text

from pctui.app.render.boxes import BoxStyle, body_line, bottom_edge, row, top_edge
from pctui.app.render.context import RenderContext
from pctui.app.render.styled import Styled
from pctui.app.render.wrap import line_starts

CHUNK = 64  # wrapped lines cut out of their text at once (one pass over its styles)


class Lines(Protocol):
    """Lines that can be counted and taken one by one: a list, or the sources below."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> Text: ...

    def __iter__(self) -> Iterator[Text]: ...


class _Source:
    """A source of `len(self)` lines; subclasses build line `index` in `_line`."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _line(self, index: int) -> Text:
        raise NotImplementedError

    def __getitem__(self, index: int, /) -> Text:
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._line(index)

    def __iter__(self) -> Iterator[Text]:
        return (self._line(index) for index in range(len(self)))


class Wrapped(_Source):
    """`text` broken into lines of at most `width` cells, as `wrap.wrap` breaks it: its
    paragraphs, each broken where `line_starts` says. Counting costs only the plain
    string; the lines are cut out of the text CHUNK at a time, when first asked for."""

    def __init__(self, text: Text | Styled, width: int) -> None:
        self._text = text
        self._ranges: list[tuple[int, int]] = []  # (start, end) in text.plain of each line
        ranges = self._ranges
        at = 0
        for paragraph in text.plain.split("\n"):
            end = at + len(paragraph)
            if 2 * len(paragraph) <= width:  # fits whatever its characters (blank lines too)
                ranges.append((at, end))
            else:
                starts = [at + start for start in line_starts(paragraph, width)]
                ranges.extend(zip(starts, [*starts[1:], end], strict=True))
            at = end + 1  # the line break belongs to no line
        self._chunks: dict[int, list[Text]] = {}

    def __len__(self) -> int:
        return len(self._ranges)

    def _line(self, index: int) -> Text:
        chunk, offset = divmod(index, CHUNK)
        lines = self._chunks.get(chunk)
        if lines is None:
            ranges = self._ranges[chunk * CHUNK : (chunk + 1) * CHUNK]
            first = ranges[0][0]
            text = _cut(self._text, first, ranges[-1][1])
            # Divided at both ends of every line, the chunk falls into what lies before,
            # each line, what lies between two lines (a line break, or nothing) and the
            # rest: the lines are every second piece.
            pieces = text.divide(at - first for pair in ranges for at in pair)
            lines = self._chunks[chunk] = list(pieces)[1::2]
        return lines[offset]


def _cut(text: Text | Styled, start: int, end: int) -> Text:
    """`text`'s characters `start` to `end` with their styles, as `divide` would cut them.
    Dividing the whole text for a chunk made a Text of all that lies before and after it,
    each scanned for control codes: most of a chunk's time in an item of 300 opinions."""
    if isinstance(text, Text) and start == 0 and end == len(text):
        return text
    plain = text.plain[start:end]
    part = Text(plain, style=text.style, justify=text.justify, overflow=text.overflow)
    # A Text holds no control codes (Rich drops them on the way in), nor does a Styled
    # (inert pieces), so none is dropped here and the offsets stay those of `text`.
    assert len(part) == len(plain)
    part.spans = [
        Span(max(span.start, start) - start, min(span.end, end) - start, span.style)
        for span in text.spans
        if span.end > start and span.start < end
    ]
    return part


class Padded(_Source):
    """`lines` followed by blank lines up to `height` (as `boxes.padded`)."""

    def __init__(self, lines: Lines, height: int) -> None:
        self._lines, self._height = lines, max(height, len(lines))

    def __len__(self) -> int:
        return self._height

    def _line(self, index: int) -> Text:
        return self._lines[index] if index < len(self._lines) else Text(end="")


class Boxed(_Source):
    """`body` in a box `width` cells wide (as `boxes.box`): the top border with `title`,
    a line per body line, the bottom border with `subtitle`."""

    def __init__(
        self,
        body: Lines,
        width: int,
        style: BoxStyle,
        context: RenderContext,
        title: str = "",
        subtitle: str = "",
    ) -> None:
        self._body, self._width, self._style, self._context = body, width, style, context
        self._title, self._subtitle = title, subtitle

    def __len__(self) -> int:
        return len(self._body) + 2

    def _line(self, index: int) -> Text:
        if index == 0:
            return top_edge(self._width, self._style, self._context, self._title)
        if index == len(self._body) + 1:
            return bottom_edge(self._width, self._style, self._context, self._subtitle)
        return body_line(self._body[index - 1], self._width, self._style, self._context)


class SideBySide(_Source):
    """Two columns of lines, `left` padded to `left_width` cells and `gap` spaces before
    `right`, as tall as the taller one (as `boxes.side_by_side`)."""

    def __init__(self, left: Lines, right: Lines, left_width: int, gap: int) -> None:
        self._left, self._right, self._left_width, self._gap = left, right, left_width, gap

    def __len__(self) -> int:
        return max(len(self._left), len(self._right))

    def _line(self, index: int) -> Text:
        left = self._left[index] if index < len(self._left) else None
        right = self._right[index] if index < len(self._right) else None
        return row(left, right, self._left_width, self._gap)


class Joined(_Source):
    """`parts` one after another; each line built once, as one screen line (no line
    break rendered after it)."""

    def __init__(self, parts: Sequence[Lines]) -> None:
        self._parts = [part for part in parts if len(part)]
        self._tops: list[int] = []  # the first line of each part
        total = 0
        for part in self._parts:
            self._tops.append(total)
            total += len(part)
        self._total = total
        self._built: dict[int, Text] = {}

    def __len__(self) -> int:
        return self._total

    def _line(self, index: int) -> Text:
        line = self._built.get(index)
        if line is None:
            number = bisect_right(self._tops, index) - 1
            line = self._parts[number][index - self._tops[number]]
            line.end = ""
            self._built[index] = line
        return line
