"""`holds_suspect_utf8` finds in UTF-8 bytes exactly the characters `_SUSPECT` finds in text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pctui.base import inert as inert_module
from pctui.base.inert import holds_suspect_utf8

_EVERY_CODE_POINT = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
_SUSPECT = [c for c in _EVERY_CODE_POINT if inert_module._SUSPECT.match(c)]


def test_no_other_character_is_found() -> None:
    # Every character _SUSPECT does not match, all in one text: none is found, whatever
    # its neighbours (each lead byte stands before every continuation it can have).
    rest = "".join(c for c in _EVERY_CODE_POINT if not inert_module._SUSPECT.match(c))
    assert not holds_suspect_utf8(rest.encode("utf-8"))


def test_every_suspect_character_is_found_wherever_it_stands() -> None:
    assert len(_SUSPECT) > 400  # controls, invisibles, selectors and tags
    for char in _SUSPECT:
        for text in (char, f"回答{char}です", f"abc{char}", f"{char}①※"):
            assert holds_suspect_utf8(text.encode("utf-8")), hex(ord(char))


def test_a_tab_and_a_line_feed_are_text() -> None:
    assert not holds_suspect_utf8("回答\tです。\n次の行".encode())
    assert holds_suspect_utf8(b"CRLF\r\n")  # a carriage return is a control


@given(st.text())
def test_the_same_verdict_as_searching_the_text(text: str) -> None:
    assert holds_suspect_utf8(text.encode("utf-8", "surrogatepass")) == bool(
        inert_module._SUSPECT.search(text)
    )
