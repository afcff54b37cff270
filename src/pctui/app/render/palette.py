"""The styles of everything the review screen marks, in colour and without.

Colour is never the only cue (states are words, deletions are struck, insertions
underlined), but with NO_COLOR Textual turns colours into greys by luminance, which makes
red text dark grey on black. So without colour these marks use attributes only.
Which table is used, and the current theme's styles (its `[diff]`, `[badges]` and
`[marks]`), are the app's `RenderContext` (`pctui.app.render.context`); COLOUR is what it
holds before any theme is set.
"""

from __future__ import annotations

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
