"""The characters the review screen draws for its own marks, and a plain set for consoles.

A Linux console (TERM=linux) draws only the few hundred glyphs of its font, roughly code
page 437: ASCII, the single and double box lines, █ ▀ ▄ ░, · → ↑ ↓ ¶ §. Rounded corners,
↵, −, …, “ ” and ・ come out as blobs there, and the console shows neither strike-through
nor (on VGA text) underline. In plain mode every mark of the essential UI is drawn from
that set, and changes in a diff are bracketed in words as `git diff --word-diff` does:
[-removed-] {+added+}. `ReviewApp` chooses once at start-up, in its `RenderContext`
(`pctui.app.render.context`).
"""

from __future__ import annotations

FULL = {
    "unsigned": "・",  # a stage that has not signed, in the list's "signed" column
    "line-break": "↵",  # a deleted or inserted line break in a diff
    "minus": "−",
    "dash": "—",
    "ellipsis": "…",
    "open-quote": "“",
    "close-quote": "”",
    "stage-join": "・",
    "arrow": "→",
    "deleted-open": "",
    "deleted-close": "",
    "inserted-open": "",
    "inserted-close": "",
    # The progress board's bars: a shade per state, so that they read without colour.
    "bar-approved": "█",
    "bar-in-review": "▓",
    "bar-changes-requested": "▒",
    "bar-draft": "░",
}
PLAIN = {
    "unsigned": "-",
    "line-break": "¶",
    "minus": "-",
    "dash": "-",
    "ellipsis": "...",
    "open-quote": '"',
    "close-quote": '"',
    "stage-join": "/",
    "arrow": "->",
    "deleted-open": "[-",
    "deleted-close": "-]",
    "inserted-open": "{+",
    "inserted-close": "+}",
    "bar-approved": "#",
    "bar-in-review": "=",
    "bar-changes-requested": "!",
    "bar-draft": ".",
}
