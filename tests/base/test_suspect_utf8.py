"""`holds_suspect_toml` finds in the UTF-8 bytes of a TOML file exactly the characters
`_SUSPECT` finds in its text. Raw C0 controls and DEL cannot stand in such bytes (toml-rs
refuses each: tests/storage/test_toml_parse.py) but a carriage return ending a line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pctui.base import inert as inert_module
from pctui.base.inert import holds_suspect_toml

# Every code point a TOML file's bytes can hold raw: no surrogate, no C0 control or DEL but
# tab, line feed and carriage return.
_RAW_IN_TOML = [
    chr(c)
    for c in range(0x110000)
    if not 0xD800 <= c <= 0xDFFF and (c >= 0x20 or c in (0x09, 0x0A, 0x0D)) and c != 0x7F
]
_SUSPECT = [c for c in _RAW_IN_TOML if inert_module._SUSPECT.match(c)]


def test_no_other_character_is_found() -> None:
    # Every character _SUSPECT does not match, all in one text: none is found, whatever
    # its neighbours (each lead byte stands before every continuation it can have).
    rest = "".join(c for c in _RAW_IN_TOML if not inert_module._SUSPECT.match(c))
    assert not holds_suspect_toml(rest.encode("utf-8"))


def test_every_suspect_character_is_found_wherever_it_stands() -> None:
    assert len(_SUSPECT) > 400  # C1 controls, invisibles, selectors and tags, CR
    for char in _SUSPECT:
        for text in (char, f"回答{char}です", f"abc{char}", f"{char}①※"):
            assert holds_suspect_toml(text.encode("utf-8")), hex(ord(char))


def test_a_tab_and_a_line_feed_are_text() -> None:
    assert not holds_suspect_toml("回答\tです。\n次の行".encode())
    assert holds_suspect_toml(b"CRLF\r\n")  # a carriage return is a control


@given(st.text(st.sampled_from(_RAW_IN_TOML)))
def test_the_same_verdict_as_searching_the_text(text: str) -> None:
    assert holds_suspect_toml(text.encode("utf-8")) == bool(inert_module._SUSPECT.search(text))


def test_a_suspect_character_after_many_of_its_lead_byte_is_found() -> None:
    # Found one by one among the first occurrences of its lead byte, or by the search from
    # the last one tried when the lead byte stands more often than that.
    innocent = {b"\xc2": "¢", b"\xe2": "※", b"\xef": "（", b"\xd8": "ب", b"\xe1": "ᄀ"}
    tried = inert_module._TRIED_ONE_BY_ONE
    for char in ["\x85", "\u2028", "\u202e", "\ufe0f", "\ufeff", "\ufffb", "\u061c", "\u180e"]:
        lead = char.encode("utf-8")[:1]
        other = innocent[lead].encode("utf-8")
        assert other[:1] == lead
        for before in (0, 1, tried - 1, tried, tried + 1, 3 * tried):
            clean = ("回答" + innocent[lead] * before + "です").encode("utf-8")
            assert not holds_suspect_toml(clean)
            text = "回答" + innocent[lead] * before + char + innocent[lead] * 2
            assert holds_suspect_toml(text.encode("utf-8")), (hex(ord(char)), before)
