"""The styles of everything the review screen marks, in colour and without.

Colour is never the only cue (states are words, deletions are struck, insertions
underlined), but with NO_COLOR Textual turns colours into greys by luminance, which makes
red text dark grey on black. So without colour these marks use attributes only.
`ReviewApp` chooses once at start-up with `use_colour`, and sets the current theme's styles
(its `[diff]`, `[badges]` and `[marks]`) with `use_styles` whenever the theme changes;
COLOUR is what is used before any theme is set.
"""

from __future__ import annotations

from collections.abc import Mapping

COLOUR = {
    "deleted": "strike red",
    "inserted": "bold underline green",
    "draft": "dim",
    "in-review": "yellow",
    "changes-requested": "bold red",
    "approved": "bold green",
    "signed": "green",
    "unsigned": "dim",
    "approve": "green",
    "reject": "bold red",
    "valid": "green",
    "stale": "yellow",
    "withdrawn": "dim",
    "invalid": "bold red",
    "reason": "dim",
    "bar": "green",
    "minus": "red",
    "plus": "green",
}
MONOCHROME = {
    "deleted": "strike",
    "inserted": "bold underline",
    "draft": "dim",
    "in-review": "italic",
    "changes-requested": "bold reverse",
    "approved": "bold",
    "signed": "bold",
    "unsigned": "dim",
    "approve": "",
    "reject": "bold reverse",
    "valid": "",
    "stale": "italic",
    "withdrawn": "dim",
    "invalid": "bold reverse",
    "reason": "italic",
    "bar": "",
    "minus": "",
    "plus": "",
}

_colour = True
_styles: Mapping[str, str] = COLOUR


def use_colour(colour: bool) -> None:
    """Use the colour styles (True) or the attribute-only ones (False) from now on."""
    global _colour
    _colour = colour


def use_styles(styles: Mapping[str, str]) -> None:
    """Use the theme's `styles` (mark -> style) while colour is on."""
    global _styles
    _styles = dict(styles)


def style(name: str) -> str:
    """The style of the mark called `name` (a state, a standing, "deleted", …)."""
    return (_styles if _colour else MONOCHROME).get(name, "")
