"""Hostile text is shown inertly: every control, bidi and invisible character made visible."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pctui.base import inert as inert_module
from pctui.base.inert import (
    HIDDEN,
    LINE_BREAK,
    escaped,
    has_suspicious,
    inert,
    inert_each,
    split_lines,
    suspicious,
)


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
        (1, "U+001B ESCAPE", HIDDEN),
        (3, "U+202E RIGHT-TO-LEFT OVERRIDE", HIDDEN),
        (4, "U+009B CONTROL SEQUENCE INTRODUCER", HIDDEN),
        (5, "U+0001 CONTROL CHARACTER", HIDDEN),
    ]


# Text in its place: every joiner, selector and tag here belongs to the sequence it is in.
LEGITIMATE = {
    "family": "👨\u200d👩\u200d👧\u200d👦",
    "skin tone at a laptop": "👩🏿\u200d💻",
    "presentation selector in a ZWJ sequence": "❤\ufe0f\u200d🔥",
    "keycap": "1\ufe0f\u20e3",
    "text presentation": "☎\ufe0e",
    "Persian ZWNJ": "می\u200cخواهم",
    "Devanagari conjunct": "क्\u200dष",
    "Sinhala ZWJ": "ශ්\u200dරී",
    "ideographic variation": "葛\U000e0100城",
    "flag of Scotland": "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
}


def test_joiners_and_selectors_inside_their_sequences_are_text() -> None:
    for name, sequence in LEGITIMATE.items():
        text = f"ご意見{sequence}です。"
        assert inert(text) == text, name
        assert inert_each(text) == text, name
        assert escaped(text) == text, name
        assert suspicious(text) == [], name
        assert not has_suspicious(text), name


def test_lone_joiners_selectors_and_tags_stay_hidden() -> None:
    cases = {
        "a\u200db": "a\\u200db",  # between Latin letters
        "\u200d👩": "\\u200d👩",  # nothing to join before
        "👩\u200d": "👩\\u200d",  # nothing to join after
        "あ\u200cい": "あ\\u200cい",  # Japanese needs no non-joiner
        "😀\ufe0f\ufe0f": "😀\ufe0f\\ufe0f",  # a second selector varies nothing
        " \ufe0f": " \\ufe0f",  # after a space
        "a\U000e0100": "a\\U000e0100",  # an ideographic selector after a letter
        "x\U000e0041\U000e0042": "x\\U000e0041\\U000e0042",  # tags smuggling "AB"
        "🏴\U000e0067\U000e0062": "🏴\\U000e0067\\U000e0062",  # no CANCEL TAG
    }
    for text, shown in cases.items():
        assert inert(text) == shown, repr(text)
        assert [mark.kind for mark in suspicious(text)] == [HIDDEN] * shown.count("\\"), repr(text)


def test_escaped_writes_json_surrogate_pairs_beyond_the_bmp() -> None:
    text = "x\U000e0041"
    assert json.loads(f'"{escaped(text)}"') == text
    assert escaped(text) == "x\\udb40\\udc41"


def test_nel_and_unicode_separators_are_line_breaks() -> None:
    text = "一行目\x85二行目\u2028三行目\u2029四行目"
    assert inert(text) == "一行目\n二行目\n三行目\n四行目"
    assert inert_each(text) == "一行目\n二行目\n三行目\n四行目"
    assert suspicious(text) == [
        (3, "U+0085 NEXT LINE", LINE_BREAK),
        (7, "U+2028 LINE SEPARATOR", LINE_BREAK),
        (11, "U+2029 PARAGRAPH SEPARATOR", LINE_BREAK),
    ]
    # Lossless where data must stay data (JSON), and never raw.
    assert escaped(text) == "一行目\\u0085二行目\\u2028三行目\\u2029四行目"


def test_split_lines_breaks_at_line_breaks_only() -> None:
    assert split_lines("a\r\nb\x85c\u2028d\u2029e\nf") == ["a", "b", "c", "d", "e", "f"]
    # VT, FF and the information separators are hidden controls, not line ends.
    assert split_lines("a\x0bb\x0cc\x1cd") == ["a\x0bb\x0cc\x1cd"]


def test_long_runs_of_tags_and_selectors_stay_linear() -> None:
    text = "🏴" + "\U000e0061" * 200_000 + "\U000e007f" + "😀" + "\ufe0f" * 200_000
    marks = suspicious(text)
    # Every tag and the CANCEL TAG (the run is too long for a flag), every selector but one.
    assert len(marks) == 200_000 + 1 + 199_999


def test_has_suspicious_agrees_with_suspicious_for_every_character_alone_and_in_text() -> None:
    # has_suspicious skips texts of only printable ASCII, CJK and full-width forms with a
    # quicker search first: no character it skips may be one suspicious() finds.
    points = [*range(0x0, 0x10000), *range(0xE0000, 0xE0200), 0x10FFFF]
    for code in points:
        char = chr(code)
        for text in (char, f"回答{char}です", f"a{char}"):
            assert has_suspicious(text) == bool(suspicious(text)), hex(code)


ALPHABET = "ab 回答。、ｱ\n\t\x1b\u200d\u202e\ufe0f\U000e0041ب"


@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=12))
def test_has_suspicious_agrees_with_suspicious_in_any_text(text: str) -> None:
    assert has_suspicious(text) == bool(suspicious(text))


def test_inert_and_escaped_skip_plain_text_only() -> None:
    # inert and escaped skip a text with the same quicker search first (everything a command
    # prints passes through inert): each must still replace every character it replaced.
    points = [*range(0x0, 0x10000), *range(0xE0000, 0xE0200), 0x10FFFF]
    suspect = inert_module._SUSPECT

    def json_escape(match: re.Match[str]) -> str:
        at = match.start()
        kept = inert_module.is_text(match.string, at)
        return match.group() if kept else inert_module._json_escape(match.group())

    for code in points:
        text = f"回答{chr(code)}です"
        assert inert(text) == suspect.sub(inert_module._visible, text), hex(code)
        assert escaped(text) == suspect.sub(json_escape, text), hex(code)


def test_a_long_text_found_plain_is_not_scanned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # status --json: `escaped` returns its 1.7 MB of JSON as it is, and printing it passes
    # the very same string through `inert`.
    scanned: list[int] = []
    real = inert_module._PLAIN_RUN

    class Counting:
        def match(self, text: str) -> re.Match[str] | None:
            scanned.append(len(text))
            return real.match(text)

    monkeypatch.setattr(inert_module, "_PLAIN_RUN", Counting())
    text = "".join(f'{{"no": {n}, "state": "承認済"}}\n' for n in range(1000))
    assert escaped(text) is text
    assert inert(text) is text
    assert scanned == [len(text)]
    hostile = text + "\u202e"  # another string: scanned, and not plain
    assert inert(hostile) != hostile
    assert inert(hostile[:-1]) == hostile[:-1]  # equal to the first, but not the same object
    assert scanned == [len(text), len(hostile), len(text)]


def test_the_plain_run_is_compiled_only_once_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    # Compiling it is 2.4 ms of a start; a command printing a few kilobytes does without.
    monkeypatch.setattr(inert_module, "_PLAIN_RUN", None)
    monkeypatch.setattr(inert_module, "_searched", [0])
    monkeypatch.setattr(inert_module, "_last_plain", [""])
    texts = ["回答です。", "plain\n", "回答\u202eです", "a\x1bb", "👩\u200d💻", "葛\U000e0100"]
    expected = {
        text: (
            inert_module._SUSPECT.sub(inert_module._visible, text),
            has_suspicious(text),
        )
        for text in texts
    }
    for text in texts:
        assert (inert(text), has_suspicious(text)) == expected[text]
    assert inert_module._PLAIN_RUN is None  # searched the long way, same verdicts
    long_text = "意見の概要です。\n" * (inert_module._SEARCHED_LONG_WAY // 9 + 1)
    assert inert(long_text) is long_text
    assert inert_module._PLAIN_RUN is not None
    for text in texts:
        assert (inert(text), has_suspicious(text)) == expected[text]
