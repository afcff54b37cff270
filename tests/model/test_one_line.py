"""`breaking_character` answers a printable value without its regular expression, and gives
the very answer the expression gives for every character."""

from __future__ import annotations

import re

from pctui.model import one_line
from pctui.model.one_line import breaking_character


def test_every_character_is_judged_as_the_class_judges_it() -> None:
    by_class = re.compile(one_line._NOT_ONE_LINE_CLASS)
    points = [*range(0x0, 0x10000), *range(0xE0000, 0xE0200), 0x10FFFF]
    for code in points:
        value = f"審査{chr(code)}係"
        found = by_class.search(value)
        expected = None if found is None else f"U+{code:04X}"
        assert breaking_character(value) == expected, hex(code)


def test_a_printable_value_is_answered_without_compiling() -> None:
    compiled = list(one_line._not_one_line)
    one_line._not_one_line.clear()
    try:
        assert breaking_character("tanaka 田中 <t@example.jp>") is None
        assert one_line._not_one_line == []
        assert breaking_character("田中\u3000太郎") is None  # not printable: searched
        assert breaking_character("a\u202eb") == "U+202E"
    finally:
        one_line._not_one_line[:] = compiled
