"""`json_text`: indented JSON in which every suspect character is an escape, printed as is.

It asks the strings it wrote, not its whole output, whether any holds a character that
`escaped` or `inert` would touch; these hold it to asking the output itself.
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from tests.cli.test_json_indent import DATA, HOSTILE, _rows_of

from pctui.base.inert import escaped, inert
from pctui.cli import output
from pctui.cli.json_indent import Rows
from pctui.cli.output import InertStream, json_text


def _plain_data(data: Any) -> Any:
    """`data` with each `Rows` as its dictionaries, as json writes it."""
    if isinstance(data, Rows):
        return data.dicts()
    if isinstance(data, dict):
        return {key: _plain_data(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_plain_data(value) for value in data]
    return data


def _printed(text: str) -> str:
    terminal = io.StringIO()
    InertStream(terminal).write(text)
    return terminal.getvalue()


@given(DATA | _rows_of() | st.dictionaries(HOSTILE, HOSTILE | st.lists(HOSTILE), max_size=4))
def test_json_text_is_the_json_escaped_and_prints_as_it_is(data: Any) -> None:
    expected = escaped(json.dumps(_plain_data(data), ensure_ascii=False, indent=2))
    written = json_text(data)
    assert written == expected
    assert _printed(written) == inert(expected)


def test_the_searched_class_holds_every_character_escaped_replaces_beyond_c0() -> None:
    # Alone between spaces, every character `escaped` may replace is replaced (a joiner,
    # selector or tag is text only in a sequence): those beyond C0 are what json_text
    # searches the strings for (the string encoder escapes C0 itself).
    chars = [chr(c) for c in range(0x20, 0x110000) if not 0xD800 <= c <= 0xDFFF and c != 0x20]
    each = escaped(" ".join(chars)).split(" ")
    replaced = [char for char, out in zip(chars, each, strict=True) if out != char]
    assert len(replaced) > 100
    searched = output._suspect()
    assert [char for char in replaced if not searched.match(char)] == []
    # and nothing more: the search is the same verdict, not a stricter one
    assert [char for char in chars if searched.match(char) and char not in replaced] == []


def test_json_without_a_suspect_character_is_searched_by_neither(monkeypatch) -> None:
    searched: list[int] = []

    def counting(function: Any) -> Any:
        def counted(text: str) -> str:
            searched.append(len(text))
            return function(text)

        return counted

    monkeypatch.setattr(output, "escaped", counting(escaped))
    monkeypatch.setattr(output, "inert", counting(inert))
    rows = Rows(["no", "section"], [list(range(5000)), ["第1章（総論）"] * 5000])
    text = json_text({"title": "意見公募 café ①", "items": rows})
    assert _printed(text) == text
    assert searched == []
    hostile = json_text({"title": "意見\u202e公募", "items": rows})
    assert "意見\\u202e公募" in hostile
    assert _printed(hostile) == hostile
    assert searched == [len(hostile) - 5, len(hostile)]  # escaped, then inert as it prints


def test_a_message_after_the_json_is_still_made_inert(monkeypatch) -> None:
    text = json_text({"a": "b"})
    terminal = io.StringIO()
    monkeypatch.setattr(sys, "stdout", InertStream(terminal))
    print(text)
    print("\x1b[2J")
    assert terminal.getvalue() == text + "\n␛[2J\n"
