"""What the terminal can show, read from the environment (no Textual: tested directly).

Two questions decide how pctui draws before the first frame: how many colours the terminal
has (16 picks the theme made of the terminal's own colours, unless the reviewer chose one),
and whether its font is a console font (TERM=linux: only plain glyphs; see
`pctui.app.render.glyphs`). The colour rule is Rich's, which Textual renders with.
"""

from __future__ import annotations

from collections.abc import Mapping

from pctui.i18n import _

# Terminals whose font is a console's (code page 437 or thereabouts).
CONSOLE_TERMS = ("linux", "vt100", "vt102", "vt220", "cons25", "ansi", "dumb")
GLYPH_SETTINGS = ("auto", "plain", "unicode")


def colour_count(env: Mapping[str, str]) -> int:
    """How many colours Textual will use: 16 777 216, 256 or 16."""
    forced = env.get("TEXTUAL_COLOR_SYSTEM", "auto").strip().lower()
    if forced in ("truecolor", "256", "standard"):
        return {"truecolor": 1 << 24, "256": 256, "standard": 16}[forced]
    if env.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return 1 << 24
    colours = env.get("TERM", "").strip().lower().rpartition("-")[2]
    return 256 if colours in ("256color", "kitty") else 16


def glyphs_problem(setting: object) -> str | None:
    """What is wrong with the `glyphs` setting (None when it is one of GLYPH_SETTINGS)."""
    if setting in GLYPH_SETTINGS:
        return None
    choices = ", ".join(f'"{choice}"' for choice in GLYPH_SETTINGS)
    message = _('settings: glyphs must be one of {choices}, not {setting}; using "auto"')
    return message.format(choices=choices, setting=repr(setting))


def plain_glyphs(env: Mapping[str, str], setting: object = "auto") -> bool:
    """True when marks must be drawn from the console-safe set: the reviewer's `glyphs`
    setting ("plain" / "unicode"), or by default when TERM names a console."""
    if setting == "plain":
        return True
    if setting == "unicode":
        return False
    term = env.get("TERM", "").strip().lower()
    return term in CONSOLE_TERMS or term.startswith("linux")
