"""Where TOML's multi-line strings open and close, found without parsing the file.

The storage splits a consultation at its `[[items]]` lines and must tell a real one from
one inside a string; the locator finds a key's line and column in any TOML file (themes
too) and must not find it inside a string. Both scan with this one light tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pctui.base.lazy_pattern import lazy_compile

_TOKENS = lazy_compile(r'\\.|"""|\'\'\'|"|\'|#|\n', re.DOTALL)
_BASIC = ('"', '"""')  # the strings in which a backslash escapes the next character
_QUOTES = ('"""', "'''", '"', "'")


def multiline_strings(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int | None]]:
    """(opening offset, offset after the closing quotes or None) of each multi-line string.

    Scans text[start:end], where `start` is not inside a string or comment; None as the
    closing offset means the string is still open at `end`. A light tokenizer (strings,
    escapes, comments), enough to tell text inside a string from TOML around it without a
    full parse; used only when something failed to parse or must be located.
    """
    state = ""  # "", '"', "'", '"""', "'''" or "#"
    opened = 0
    position = start
    stop = len(text) if end is None else end
    while match := _TOKENS.search(text, position, stop):
        token = match.group()
        position = match.end()
        if len(token) == 2 and token[0] == "\\":
            if state not in _BASIC:
                position = match.start() + 1  # outside basic strings a backslash is plain
            continue
        if state == "#":
            if token == "\n":
                state = ""
        elif state == "":
            if token in _QUOTES:
                state, opened = token, match.start()
            elif token == "#":
                state = "#"
        elif state in ('"', "'"):
            if token in (state, "\n"):
                state = ""
        elif token == state:
            state = ""
            yield opened, match.end()
    if state in _QUOTES[:2]:
        yield opened, None
