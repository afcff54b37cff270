"""The small languages of a theme file: colours for Textual and styles for marks.

Checked here without Textual or Rich, so a bad theme is reported by `pctui themes` and
never reaches the app. The accepted forms are a subset of what Textual and Rich accept
(a test proves every accepted form parses there too):

- a colour: "#rgb", "#rrggbb", or "ansi_<name>" (the terminal's own colour: ansi_red,
  ansi_bright_blue, ansi_default …);
- a style: words separated by spaces — attributes (bold, dim, italic, underline, strike,
  reverse, not bold …), a colour ("#rrggbb", red, bright_green, default) and an optional
  background after "on" ("bold #ffffff on #0072b2").
"""

from __future__ import annotations

import re

from pctui.i18n import _

ANSI_NAMES = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
NAMED = frozenset([*ANSI_NAMES, *(f"bright_{name}" for name in ANSI_NAMES), "default"])
ATTRIBUTES = frozenset(
    ["bold", "dim", "italic", "underline", "strike", "reverse", "blink", "overline"]
)
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_PERCENT = re.compile(r"(?:100|[0-9]{1,2})%")
# Textual's text-style values (for variables such as block-cursor-text-style).
TEXT_STYLES = frozenset([*ATTRIBUTES, "none"])


def is_hex(word: str) -> bool:
    """True for "#rgb" and "#rrggbb"."""
    return _HEX.fullmatch(word) is not None


def colour_problem(value: object) -> str | None:
    """What is wrong with `value` as a Textual colour; None when it is one."""
    if not isinstance(value, str):
        return _('must be a colour in quotes, such as "#2f8ad8" or "ansi_blue"')
    if is_hex(value):
        return None
    if value.startswith("ansi_") and value[5:] in NAMED:
        return None
    message = _('{value} is not a colour: use "#rrggbb", "#rgb" or "ansi_<name>" (e.g. ansi_red)')
    return message.format(value=repr(value))


def _style_colour(word: str) -> bool:
    return is_hex(word) or word in NAMED


def style_problem(value: object) -> str | None:
    """What is wrong with `value` as a mark's style; None when it is one."""
    if not isinstance(value, str):
        return _('must be a style in quotes, such as "bold underline #56d364"')
    words = value.split()
    at = 0
    colours = 0
    while at < len(words):
        word = words[at]
        if word == "not" and at + 1 < len(words) and words[at + 1] in ATTRIBUTES:
            at += 2
            continue
        if word == "on":
            if at + 1 >= len(words) or not _style_colour(words[at + 1]):
                message = _('{value}: "on" must be followed by a background colour')
                return message.format(value=repr(value))
            at += 2
            continue
        if word in ATTRIBUTES:
            at += 1
            continue
        if _style_colour(word):
            colours += 1
            if colours > 1:
                message = _('{value} names two colours (use "on COLOUR" for a background)')
                return message.format(value=repr(value))
            at += 1
            continue
        message = _(
            "{value}: {word} is neither an attribute ({attributes}) "
            'nor a colour ("#rrggbb", red, bright_green, default)'
        )
        attributes = ", ".join(sorted(ATTRIBUTES))
        return message.format(value=repr(value), word=repr(word), attributes=attributes)
    return None


def has_attribute(style: str, attribute: str) -> bool:
    """True when `style` sets `attribute` (and does not say "not" before it)."""
    words = style.split()
    return any(
        word == attribute and (index == 0 or words[index - 1] != "not")
        for index, word in enumerate(words)
    )


def colours_only(style: str) -> str:
    """`style` without its attributes: its colour and background ("" when it has none)."""
    words = style.split()
    kept: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        if word == "on" and at + 1 < len(words):
            kept += words[at : at + 2]
            at += 2
        elif word == "not":
            at += 2
        else:
            if word not in ATTRIBUTES:
                kept.append(word)
            at += 1
    return " ".join(kept)


def variable_problem(name: str, value: object) -> str | None:
    """What is wrong with `value` for the Textual variable `name`; None when it is usable.

    Text-style variables take attribute words; the rest a colour, optionally with an
    opacity ("#56b4e9 35%").
    """
    if not isinstance(value, str):
        return _("must be a string in quotes")
    if name.endswith("text-style"):
        words = value.split()
        if words and all(word in TEXT_STYLES or word == "not" for word in words):
            return None
        message = _("{value} is not a text style (words such as bold, reverse, none)")
        return message.format(value=repr(value))
    words = value.split()
    if len(words) == 2 and _PERCENT.fullmatch(words[1]):
        words = words[:1]
    if len(words) == 1 and colour_problem(words[0]) is None:
        return None
    message = _('{value} is not a colour ("#rrggbb", "ansi_<name>", optionally followed by 35%)')
    return message.format(value=repr(value))
