"""TOML basic strings for texts, escaped in one pass, invisible characters included.

tomlkit escapes C0 controls, DEL, quotes and backslashes, but writes C1 controls, bidi
overrides and zero-width characters raw: the file then shows them raw to `cat`, `less`
and `git diff` (a bidi override can make a line read differently from what it holds).
Here those are written as `\\uXXXX` too (unless `pctui.base.inert` finds one to be
text in its place: a joiner inside an emoji stays raw), which a TOML reader turns back into the very
same characters, so the text and its digest are unchanged. Everything else is escaped
exactly as tomlkit does it (the files look the same), in linear time: tomlkit's escaping
rescans the rest of the string at each position, seconds for a megabyte of text.
"""

from __future__ import annotations

import re

from pctui.base.inert import UNPRINTABLE_BEYOND_C0, is_text

_COMPACT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"',
            "\\": "\\\\", '"""': '""\\"'}  # fmt: skip
_HIDDEN = UNPRINTABLE_BEYOND_C0
_SINGLE_LINE = re.compile(f'["\\\\\\x00-\\x1f\\x7f{_HIDDEN}]')
# In a multi-line string a line break stays a line break; three quotes would end it.
_MULTI_LINE = re.compile(f'"""|[\\\\\\x00-\\x09\\x0b-\\x1f\\x7f{_HIDDEN}]')


def _escape(match: re.Match[str]) -> str:
    found = match.group()
    compact = _COMPACT.get(found)
    if compact:
        return compact
    if found >= "\x80" and is_text(match.string, match.start()):
        return found  # a joiner in an emoji or a Persian word, a variation selector: text
    code = ord(found)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def basic_string_body(text: str, multiline: bool) -> str:
    """`text` escaped for the inside of a TOML basic string (multi-line or not)."""
    return (_MULTI_LINE if multiline else _SINGLE_LINE).sub(_escape, text)
