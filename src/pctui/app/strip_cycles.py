"""Lines drawn without leaving cycles for the garbage collector.

Every line Textual draws is a `Strip`, and a strip caches what it was cut into. Two of those
caches keep the strip itself when the cut leaves it whole: `divide` at the line's own end
(the compositor cuts every line it paints so, widgets side by side or not) and
`crop_extend` to its own width. A strip holding itself is a reference cycle: when the line
is replaced it is not freed but left, with its seven caches, to the cyclic collector. A key
press in the item list left about a thousand such objects, so a collection of the young
generation ran every sixth press and took 3-8 ms of it (most of the slowest presses).

`install` makes those two cuts return the strip without caching it: the answer is the
same (the strip itself, found with one comparison), and a replaced line is freed at once.
Any other cut is Textual's own, cache included. pctui pins Textual's version (its methods
are wrapped by name); `tests/app/test_strip_cycles.py` checks the answers are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rich.style import Style
from textual.strip import Strip

# Textual's own methods, as imported (the tests compare the answers with theirs).
TEXTUAL_DIVIDE = Strip.divide
TEXTUAL_CROP_EXTEND = Strip.crop_extend
_installed: list[bool] = []  # once per process


def install() -> None:
    """Make `Strip.divide` and `Strip.crop_extend` leave no strip holding itself."""
    if _installed:
        return
    _installed.append(True)
    divide, crop_extend = whole_divide(TEXTUAL_DIVIDE), whole_crop_extend(TEXTUAL_CROP_EXTEND)
    Strip.divide = divide  # type: ignore[method-assign,assignment]
    Strip.crop_extend = crop_extend  # type: ignore[method-assign,assignment]


def whole_divide(
    divide: Callable[[Strip, Iterable[int]], Sequence[Strip]],
) -> Callable[[Strip, Iterable[int]], Sequence[Strip]]:
    """Textual's `divide`, but for a cut that leaves the strip whole."""

    def divide_whole(strip: Strip, cuts: Iterable[int]) -> Sequence[Strip]:
        """The strip cut at `cuts`; itself alone, not cached, when the only cut (of those
        within it) is its end."""
        cuts = list(cuts)
        length = strip.cell_length
        if [cut for cut in cuts if cut <= length] == [length]:
            return [strip]
        return divide(strip, cuts)

    return divide_whole


def whole_crop_extend(
    crop_extend: Callable[[Strip, int, int, Style | None], Strip],
) -> Callable[[Strip, int, int, Style | None], Strip]:
    """Textual's `crop_extend`, but for a crop that leaves the strip whole."""

    def crop_extend_whole(strip: Strip, start: int, end: int, style: Style | None) -> Strip:
        """The strip cut to `start`..`end`, padded in `style`; itself, not cached, when
        that is all of it."""
        if start <= 0 and end == strip.cell_length:
            return strip
        return crop_extend(strip, start, end, style)

    return crop_extend_whole
