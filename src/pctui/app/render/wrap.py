"""Breaking Japanese text into lines the way a reader expects (a simple 禁則処理).

A terminal widget folds text at the last cell that fits, so a line may begin with 「、」
or 「。」, end with 「（」, or split "ISMAP" in two. Here lines are measured in cells and the
break moves back (追い出し) until no line starts with closing punctuation or a small
kana, no line ends with an opening bracket, and no run of Latin letters or digits is cut,
unless a single unbreakable run is wider than the whole line.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from rich.cells import cell_len
from rich.text import Text

# May not begin a line (行頭禁則): closing brackets, punctuation, small kana, prolonged sound.
NO_START = frozenset(
    "、。，．,.・：；:;？！?!‼⁇⁈⁉ー‐゠–〜～)]}）］｝〕〉》」』】〙〗〟’”｠»"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "…‥々ゝゞヽヾ%％"
)
# May not end a line (行末禁則): opening brackets.
NO_END = frozenset("([{（［｛〔〈《「『【〘〖〝‘“｟«")


def _word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "_-'@#$&*+/=")


def _move_back(text: str, start: int, end: int, bad: Callable[[int], bool]) -> int:
    """The break at or before `end` (keeping at least one character on the line) that is
    not `bad`; `end` itself when there is none."""
    at = end
    while at > start + 1 and bad(at):
        at -= 1
    return end if bad(at) else at


def _break_before(text: str, start: int, end: int) -> int:
    """The last break at or before `end` that neither cuts a word nor breaks a kinsoku rule.
    Both rules are asked at every place: asked one after the other, the punctuation rule
    moved a break out of "group." into the word ("grou" / "p.", seen in the help).
    Where no place keeps both, the word rule gives way first, as a word longer than the
    line must."""

    def bad(at: int) -> bool:
        return (
            (_word(text[at - 1]) and _word(text[at]))
            or text[at] in NO_START
            or text[at - 1] in NO_END
        )

    found = _move_back(text, start, end, bad)
    if found != end or not bad(end):
        return found
    end = _move_back(text, start, end, lambda at: _word(text[at - 1]) and _word(text[at]))
    return _move_back(text, start, end, lambda at: text[at] in NO_START or text[at - 1] in NO_END)


class _Cells(dict[str, int]):
    """Cells each character takes, measured once per character (Rich's `cell_len`)."""

    def __missing__(self, char: str) -> int:
        if len(self) > CELLS_KEPT:
            self.clear()  # hostile text full of distinct characters: keep memory bounded
        cells = self[char] = cell_len(char)
        return cells


CELLS_KEPT = 20_000  # distinct characters remembered (CJK text uses a few thousand)
_CELLS = _Cells()


def line_starts(text: str, width: int) -> list[int]:
    """Offsets in `text` (a paragraph without line breaks) where each line starts when it
    is broken to at most `width` cells; always begins with 0.

    The cells up to each character are summed once (`accumulate` over the characters'
    widths) and each line's end found by bisection: the item pane counts the lines of
    every opinion of an item at each key press, and measuring character by character in
    Python cost a millisecond per 1,000 characters."""
    if width <= 0 or not text or 2 * len(text) <= width:  # no character is wider than 2
        return [0]
    upto = list(accumulate(map(_CELLS.__getitem__, text), initial=0))  # cells before each
    if upto[-1] <= width:
        return [0]
    starts = [0]
    start = 0
    while True:
        end = bisect_right(upto, upto[start] + width, start) - 1  # the most that fits
        if end >= len(text):
            return starts
        if end <= start:
            end = start + 1  # a single character wider than the line
            if end >= len(text):
                return starts  # that character is the last: nothing to move back over
        # Most breaks need no moving back: asked first, without a call (a 300-opinion item
        # has a thousand breaks to find at each key press).
        if (
            (_word(text[end - 1]) and _word(text[end]))
            or text[end] in NO_START
            or text[end - 1] in NO_END
        ):
            end = _break_before(text, start, end)
        starts.append(end)
        start = end


def wrap(text: Text, width: int) -> list[Text]:
    """`text` as lines of at most `width` cells (styles kept), paragraphs and blank lines
    kept as they are."""
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        starts = line_starts(paragraph.plain, width)
        lines.extend(paragraph.divide(starts[1:]) if len(starts) > 1 else [paragraph])
    return lines


# Textual's Toast is 60 cells wide, at most half its rack, with a left border and one cell
# of padding on each side (its DEFAULT_CSS): the message has that much less. The rack
# (overflow-y: scroll) keeps a vertical scrollbar of 2 cells out of the screen's width.
TOAST_WIDTH = 60
TOAST_FRAME = 3
TOAST_RACK_SCROLLBAR = 2


def toast_width(screen_width: int) -> int:
    """The cells a toast's message has on a screen `screen_width` cells wide (half the
    screen less the frame took no account of the rack's scrollbar: a line of 37 cells was
    folded again by Textual at 80 columns, 'record' alone on a line of its own)."""
    return min(TOAST_WIDTH, (screen_width - TOAST_RACK_SCROLLBAR) // 2) - TOAST_FRAME


def toast_text(message: str, screen_width: int) -> str:
    """`message` broken into lines by the kinsoku rule for a notification on a screen
    `screen_width` cells wide. The toast folds a line that is too long at the last cell
    that fits, starting a line with 「。」; lines that already fit it are left alone."""
    width = toast_width(screen_width)
    if width < 8:
        return message  # no screen yet, or too narrow for any rule to help
    lines: list[str] = []
    for paragraph in message.split("\n"):
        starts = line_starts(paragraph, width)
        ends = [*starts[1:], len(paragraph)]
        pieces = [paragraph[start:end] for start, end in zip(starts, ends, strict=True)]
        # A break between words leaves their space at the start of the next line.
        lines.extend([pieces[0], *(piece.removeprefix(" ") for piece in pieces[1:])])
    return "\n".join(lines)
