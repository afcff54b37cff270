"""Making hostile text inert for display: control, bidi and invisible characters made visible.

Opinions come from the public; a terminal escape or a bidi override pasted into one must
never reach a reviewer's terminal raw. The stored text is never changed; only what is
shown passes through `inert`.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls (but tab and newline, which layout needs), DEL, C1 controls.
_CONTROLS = "".join(
    chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]
)
# Bidi embeddings/overrides/isolates and marks, zero-width and other invisible format characters.
_INVISIBLE = (
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_SUSPECT = re.compile(f"[{re.escape(_CONTROLS + _INVISIBLE)}]")
# C1 controls and the invisible characters: what a TOML writer must escape beyond C0 and
# DEL for a file to be safe to print and diff.
UNPRINTABLE_BEYOND_C0 = "".join(chr(c) for c in range(0x80, 0xA0)) + _INVISIBLE


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␀ for NUL …
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}"


def inert(text: str) -> str:
    """`text` with every control, bidi and invisible format character shown as a visible mark."""
    if not _SUSPECT.search(text):
        return text
    return _SUSPECT.sub(_visible, text)


def _one_visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else ONE_MARK


# What stands for a C1, bidi or invisible character where one character must stay one
# (an editor whose cursor counts characters): a box with an X, one cell wide everywhere.
ONE_MARK = "\u2327"  # ⌧


def inert_each(text: str) -> str:
    """`text` with each character `inert` would replace replaced by exactly one visible
    character (␛ for ESC, ⌧ for a C1, bidi or invisible one), so offsets stay the same."""
    if not _SUSPECT.search(text):
        return text
    return _SUSPECT.sub(_one_visible, text)


def escaped(text: str) -> str:
    """`text` with each character `inert` would replace written as a `\\uXXXX` escape.

    Inside a JSON string this is lossless (a reader gets the very same characters back),
    while the output itself holds no control, bidi or invisible character.
    """
    if not _SUSPECT.search(text):
        return text
    return _SUSPECT.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# Control characters have no Unicode name; these are the ones worth naming in a message.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
}


def describe(char: str) -> str:
    """One character described as "U+XXXX NAME", control characters named too."""
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {name}"


def has_suspicious(text: str) -> bool:
    """True when `text` holds a character `inert` would replace (one regex search)."""
    return _SUSPECT.search(text) is not None


def suspicious(text: str) -> list[tuple[int, str]]:
    """(0-based offset, description) of each character `inert` would replace."""
    return [(match.start(), describe(match.group())) for match in _SUSPECT.finditer(text)]
