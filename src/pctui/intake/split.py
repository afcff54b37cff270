"""A submission's opinions (件): one per point of a numbered list, else the whole text.

A list is recognised only when its points are numbered 1, 2, 3 … in one style, each at
the start of a line: `1.` `1)` `(1)` `（１）` `①` `一、` (full-width digits alike). A
number in another style, or out of turn, is text of the point it stands in (a sub-list,
a year, "3)" inside a sentence). Text before the first point belongs to the first point,
so that nothing a citizen wrote is lost.
"""

from __future__ import annotations

import re
import unicodedata

_CIRCLED = {chr(0x2460 + n): n + 1 for n in range(20)}  # ① … ⑳
_KANJI_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")}

_DIGITS = "0-9０-９"
# (style, pattern): the pattern's group 1 is the number, the match ends where the text begins.
_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("paren", re.compile(rf"[ \t　]*[(（][ \t　]*([{_DIGITS}]{{1,3}})[ \t　]*[)）][ \t　]*")),
    ("dot", re.compile(rf"[ \t　]*([{_DIGITS}]{{1,3}})[.．](?![{_DIGITS}])[ \t　]*")),
    ("close", re.compile(rf"[ \t　]*([{_DIGITS}]{{1,3}})[)）][ \t　]*")),
    ("comma", re.compile(rf"[ \t　]*([{_DIGITS}]{{1,3}})[、，][ \t　]*")),
    ("circled", re.compile(r"[ \t　]*([①-⑳])[ \t　]*")),
    ("kanji", re.compile(r"[ \t　]*([一二三四五六七八九十]{1,3})[、．.][ \t　]*")),
]

# What every style's marker opens with, after the blanks: a line without it is no point.
_MAY_OPEN = re.compile(rf"[ \t　]*[(（{_DIGITS}①-⑳一二三四五六七八九十]")


def _kanji_number(text: str) -> int | None:
    """一 … 九十九 as a number (None for anything else)."""
    if "十" not in text:
        return _KANJI_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    high = 1 if not tens else _KANJI_DIGITS.get(tens)
    low = 0 if not ones else _KANJI_DIGITS.get(ones)
    if high is None or low is None:
        return None
    return high * 10 + low


def _marker(line: str) -> tuple[str, int, int] | None:
    """(style, number, where the point's text starts) when `line` opens with a marker."""
    for style, pattern in _STYLES:
        found = pattern.match(line)
        if found is None:
            continue
        token = found.group(1)
        if style == "circled":
            number: int | None = _CIRCLED[token]
        elif style == "kanji":
            number = _kanji_number(token)
        else:
            number = int(unicodedata.normalize("NFKC", token))
        if number is not None:
            return style, number, found.end()
    return None


def split_opinions(text: str) -> list[str]:
    """The opinions of a submission's text, in order: one per point of a numbered list of
    at least two points, else the text itself (stripped) as the one opinion."""
    if "\n" not in text and "\r" not in text:
        # One line holds at most one point: no list (most submissions are one paragraph).
        return [text.strip()] if text.strip() else []
    return _split_lines(text)


def _split_lines(text: str) -> list[str]:
    """`split_opinions` of a text of any number of lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    style = ""
    starts: list[tuple[int, int]] = []  # (line index, column where the text starts)
    for index, line in enumerate(lines):
        if not _MAY_OPEN.match(line):
            continue  # cheaper than trying each style's pattern on every line
        found = _marker(line)
        if found is None:
            continue
        kind, number, column = found
        if not starts and number == 1:
            style = kind
            starts.append((index, column))
        elif starts and kind == style and number == len(starts) + 1:
            starts.append((index, column))
    if len(starts) < 2:
        return [text.strip()] if text.strip() else []
    points: list[str] = []
    for n, (index, column) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = [lines[index][column:], *lines[index + 1 : end]]
        if n == 0:
            body = [*lines[:index], *body]  # the preamble stays with the first point
        points.append("\n".join(body).strip())
    return points
