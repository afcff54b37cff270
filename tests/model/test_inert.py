"""Hostile text is shown inertly: every control, bidi and invisible character made visible."""

from __future__ import annotations

from pctui.model.inert import inert, suspicious


def test_plain_japanese_text_is_unchanged() -> None:
    text = "ご意見を踏まえ、\n\t修正しました。😀"
    assert inert(text) == text
    assert suspicious(text) == []


def test_escapes_and_controls_become_visible_marks() -> None:
    assert inert("a\x1b[2Jb\x00c\x7fd\x9be") == "a␛[2Jb␀c␡d\\u009be"


def test_bidi_and_zero_width_characters_become_visible() -> None:
    assert inert("x\u202ey\u200bz\u2066w\ufeff") == "x\\u202ey\\u200bz\\u2066w\\ufeff"


def test_suspicious_names_each_character_and_its_offset() -> None:
    assert suspicious("回\x1b答\u202e\x9b\x01") == [
        (1, "U+001B ESCAPE"),
        (3, "U+202E RIGHT-TO-LEFT OVERRIDE"),
        (4, "U+009B CONTROL SEQUENCE INTRODUCER"),
        (5, "U+0001 CONTROL CHARACTER"),
    ]
