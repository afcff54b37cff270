"""Which characters of a text can hurt, and how each is shown: the one rule for every reader.

Opinions come from the public; a terminal escape or a bidi override pasted into one must
never reach a reviewer's terminal raw, nor a published page. But a joiner or a variation
selector is also how ordinary text is written: an emoji family (👨‍👩‍👧), a skin tone at a
laptop (👩🏿‍💻), a Persian word (می‌خواهم), a Devanagari conjunct, an ideographic variation
of a name (葛󠄀). So each candidate character is judged in its place:

- text (shown and published raw): a zero width joiner inside an emoji ZWJ sequence; a
  joiner or non-joiner between two letters of a script that needs them (Arabic, Syriac,
  Indic, …); one variation selector right after the character it varies (an ideographic
  one after an ideograph); tag characters inside an emoji tag sequence (the flag of
  Scotland);
- a line break: NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR, shown, printed and
  published as a line feed;
- hidden (shown as a visible mark): every other C0 control but tab and line feed, DEL, the
  other C1 controls, bidi embeddings, overrides, isolates and marks, zero-width and other
  invisible format characters, and any joiner, selector or tag not in such a sequence.

The stored text is never changed; only what is shown passes through `inert`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

from pctui.base.lazy_pattern import lazy_compile

ZWNJ, ZWJ = "\u200c", "\u200d"
LINE_BREAKS = "\x85\u2028\u2029"
# C0 controls (but tab and newline, which layout needs), DEL, C1 controls (NEL among them).
_CONTROLS = "".join(
    chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]
)
# Bidi embeddings, overrides, isolates and marks; zero-width, invisible and deprecated
# format characters; interlinear annotation (text a reader would not see); the line and
# paragraph separators.
_INVISIBLE = (
    "\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e"
    "\u206f\ufeff\ufff9\ufffa\ufffb"
)
# Characters that are text only in a sequence: variation selectors and tags.
_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
_TAGS = "\U000e0001\U000e0020-\U000e007f"
_SUSPECT = re.compile(f"[{re.escape(_CONTROLS + _INVISIBLE)}{_SELECTORS}{_TAGS}]")
# A run of printable ASCII, CJK (punctuation, kana, ideographs) and full-width forms, none of
# which is suspect. Nearly every text of a Japanese consultation is one such run, and the
# regular expression engine tells that (matching the run to the end of the text) 40 % faster
# than it searches for a character outside the run, and twice as fast as it searches for
# _SUSPECT's long class: everything a command prints passes through `inert`, and the texts
# `validate` scans one by one when its file is not free of suspects as a whole (see
# `holds_suspect_toml`). Compiled when it first pays: compiling it takes 2.4 ms (the
# compiler marks the 28,700 code points of the CJK range one by one), a tenth of the start
# of `pctui --help`, while the run saves some 20 ns a character over searching for
# _SUSPECT. A command that prints a few kilobytes (`status`, `--help`) searches them the
# long way; past _SEARCHED_LONG_WAY characters the run is compiled.
_PLAIN_CLASS = "[\n\u0020-\u007e\u3000-\u9fff\uff00-\uffef]*"
_PLAIN_RUN: re.Pattern[str] | None = None
_SEARCHED_LONG_WAY = 100_000
_searched = [0]


def _plain_run() -> re.Pattern[str]:
    global _PLAIN_RUN
    if _PLAIN_RUN is None:
        _PLAIN_RUN = re.compile(_PLAIN_CLASS)
    return _PLAIN_RUN


# The last long text found plain. `status --json` makes its 1.7 MB of JSON `escaped`, which
# returns that very string, and prints it through `inert`, which would scan it again (4-8 ms).
_LONG = 4096
_last_plain = [""]


def _plain(text: str) -> bool:
    """True when `text` is known to hold only plain characters (so none `inert` would
    replace); False when it may hold others, and then the caller searches it for _SUSPECT,
    which finds none in a plain text: the same verdict, the long way."""
    if text is _last_plain[0]:
        return True
    run = _PLAIN_RUN
    if run is None:
        _searched[0] += len(text)
        if _searched[0] < _SEARCHED_LONG_WAY:
            return False
        run = _plain_run()
    found = run.match(text)
    if found is None or found.end() != len(text):
        return False
    if len(text) >= _LONG:
        _last_plain[0] = text
    return True


# `holds_suspect_toml`: _SUSPECT's characters beyond ASCII as their UTF-8 bytes, by the lead
# byte each starts with (the bytes after it tell which). A test holds this to _SUSPECT for
# every code point.
_SUSPECT_AFTER_LEAD = {
    b"\xc2": rb"\xc2[\x80-\x9f]",  # C1 controls
    b"\xd8": rb"\xd8\x9c",  # U+061C
    b"\xe1": rb"\xe1\xa0\x8e",  # U+180E
    # U+200B-200F, U+2028-202E, U+2060-2064, U+2066-206F
    b"\xe2": rb"\xe2(?:\x80[\x8b-\x8f\xa8-\xae]|\x81[\xa0-\xa4\xa6-\xaf])",
    # U+FE00-FE0F, U+FEFF, U+FFF9-FFFB
    b"\xef": rb"\xef(?:\xb8[\x80-\x8f]|\xbb\xbf|\xbf[\xb9-\xbb])",
    # U+E0001, U+E0020-E007F, U+E0100-E01EF
    b"\xf3": rb"\xf3\xa0(?:\x80[\x81\xa0-\xbf]|\x81[\x80-\xbf]|"
    rb"[\x84-\x86][\x80-\xbf]|\x87[\x80-\xaf])",
}


def holds_suspect_toml(data: bytes) -> bool:
    """True when the UTF-8 `data`, which parses as TOML 1.0, holds a character `inert` may
    replace (one _SUSPECT matches); False when no text read from it can hold one.

    TOML refuses every raw C0 control and DEL but tab and line feed, wherever it stands (a
    test holds toml-rs to that), and a carriage return only ends a line: of the single
    bytes only that one is searched for, not each of 30 (3 ms of 4.4 MB read once). The
    others are searched after their lead byte, and only where that byte occurs at all.
    """
    if b"\r" in data:
        return True
    return any(_found_after(data, lead, pattern) for lead, pattern in _SUSPECT_AFTER_LEAD.items())


# Where a lead byte occurs, its first few occurrences are tried one by one, each found by
# `bytes.find` (memchr): the regular expression engine steps through every byte of the file
# to find its first byte (1.5 ms of 4.4 MB), and a file usually holds a lead byte a few
# times or not at all. A file that holds it more often is searched the engine's way from
# the last one tried, so the work stays bounded by the file's length.
_TRIED_ONE_BY_ONE = 512


def _found_after(data: bytes, lead: bytes, pattern: bytes) -> bool:
    at = data.find(lead)
    if at < 0:
        return False
    compiled = re.compile(pattern)  # from re's own cache after the first call
    for _ in range(_TRIED_ONE_BY_ONE):
        if compiled.match(data, at):
            return True
        at = data.find(lead, at + 1)
        if at < 0:
            return False
    return compiled.search(data, at) is not None


# The inside of a regular expression's character class matching what a TOML writer may
# have to escape beyond C0 and DEL (`pctui.storage.escape` asks `is_text` about each one
# in its place).
UNPRINTABLE_BEYOND_C0 = f"\x80-\x9f{re.escape(_INVISIBLE)}{_SELECTORS}{_TAGS}"

MarkKind = Literal["hidden", "line-break"]  # how a character not shown as it is is shown
HIDDEN: MarkKind = "hidden"
LINE_BREAK: MarkKind = "line-break"

# Scripts whose letters a joiner or non-joiner legitimately sits between: Arabic and its
# relatives (Persian and Urdu write ZWNJ inside words), Syriac, Thaana, N'Ko, Mandaic, the
# Indic scripts Devanagari to Sinhala (ZWJ and ZWNJ choose a conjunct's form), Tibetan,
# Myanmar, Khmer, Mongolian, the Arabic presentation forms and the Brahmic scripts of the
# supplementary plane.
_JOINING_SCRIPTS = (
    (0x0600, 0x08FF),
    (0x0900, 0x0DFF),
    (0x0F00, 0x0FFF),
    (0x1000, 0x109F),
    (0x1780, 0x18AF),
    (0xA800, 0xA82F),
    (0xA840, 0xA8FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFC),
    (0x10D00, 0x10D3F),
    (0x11000, 0x11FFF),
)
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_BLACK_FLAG, _CANCEL_TAG = "\U0001f3f4", "\U000e007f"
_LONGEST_TAG_RUN = 32  # RGI flag tag sequences hold 5 or 6 tags; this bounds the look-around


def _in_joining_script(char: str) -> bool:
    code = ord(char)
    if not any(low <= code <= high for low, high in _JOINING_SCRIPTS):
        return False
    return unicodedata.category(char)[0] in "LM"


def _pictographic(char: str) -> bool:
    """An emoji a ZWJ sequence can join: a symbol (So), or ‼ and ⁉ (punctuation in Unicode)."""
    return char in "\u203c\u2049" or unicodedata.category(char) == "So"


def _is_selector(code: int) -> bool:
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _emoji_before(text: str, at: int) -> bool:
    """True when an emoji ends just before `at`, after its presentation selector, skin
    tone or tags (👩🏿, ❤️, a tagged flag)."""
    index = at - 1
    for _ in range(_LONGEST_TAG_RUN + 3):
        if index < 0:
            return False
        code = ord(text[index])
        if code == 0xFE0F or code in _SKIN_TONES or 0xE0020 <= code <= 0xE007F:
            index -= 1
            continue
        return _pictographic(text[index])
    return False


def _joiner_is_text(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if not before or not after:
        return False
    if text[at] == ZWJ and _pictographic(after) and _emoji_before(text, at):
        return True
    return _in_joining_script(before) and _in_joining_script(after)


def _selector_is_text(text: str, at: int) -> bool:
    """One variation selector right after a visible character it can vary: an ideograph
    for an ideographic one (U+E0100…), any letter, mark, number, punctuation or symbol
    for the others (text or emoji presentation, standardized variants)."""
    if at == 0:
        return False
    base = text[at - 1]
    if _is_selector(ord(base)) or unicodedata.category(base)[0] not in "LMNPS":
        return False
    if ord(text[at]) >= 0xE0100:
        return unicodedata.name(base, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY"))
    return True


def _is_tag_letter(char: str) -> bool:
    return 0xE0020 <= ord(char) <= 0xE007E


def _tag_is_text(text: str, at: int) -> bool:
    """A tag inside an emoji tag sequence: 🏴, tag letters, CANCEL TAG."""
    start = at
    while start > 0 and at - start < _LONGEST_TAG_RUN and _is_tag_letter(text[start - 1]):
        start -= 1
    if start == 0 or text[start - 1] != _BLACK_FLAG:
        return False
    end = at
    while end < len(text) and end - at < _LONGEST_TAG_RUN and _is_tag_letter(text[end]):
        end += 1
    return end < len(text) and text[end] == _CANCEL_TAG and end > start


def kind_at(text: str, at: int) -> MarkKind | None:
    """How the candidate character at `at` counts in its place: None (it is text),
    LINE_BREAK or HIDDEN."""
    char = text[at]
    code = ord(char)
    if char in LINE_BREAKS:
        return LINE_BREAK
    if char in (ZWJ, ZWNJ):
        return None if _joiner_is_text(text, at) else HIDDEN
    if _is_selector(code):
        return None if _selector_is_text(text, at) else HIDDEN
    if 0xE0020 <= code <= 0xE007F:
        return None if _tag_is_text(text, at) else HIDDEN
    return HIDDEN


_LINE_ENDS = lazy_compile("\r?[\n\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """`text` cut at its line breaks: a line feed (after a CR or not), NEL, LINE SEPARATOR
    or PARAGRAPH SEPARATOR. Unlike `str.splitlines` a control such as VT, FF or U+001C is
    no line break here: it is hidden, and shown as a mark inside its line."""
    return _LINE_ENDS.split(text)


def is_text(text: str, at: int) -> bool:
    """True when the character at `at` is ordinary text in its place (never hidden, never
    a line break): what a writer may keep raw."""
    return not _SUSPECT.match(text, at) or kind_at(text, at) is None


def visible_mark(char: str) -> str:
    """The visible stand-in for a hidden character: a C0 control's control picture (␛ for
    ESC, ␀ for NUL), ␡ for DEL, `\\uXXXX` (`\\UXXXXXXXX` beyond the BMP) for the rest."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _visible(match: re.Match[str]) -> str:
    kind = kind_at(match.string, match.start())
    if kind is None:
        return match.group()
    return "\n" if kind == LINE_BREAK else visible_mark(match.group())


def inert(text: str) -> str:
    """`text` as it may be shown or published: each hidden character as a visible mark,
    each NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as a line feed, text kept as it is."""
    # _plain first: everything a command prints passes through here (a national `status`
    # prints 0.4 MB, `status --json` 1.7 MB), nearly all of it plain.
    if _plain(text) or not _SUSPECT.search(text):
        return text
    return _SUSPECT.sub(_visible, text)


_LAYOUT = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def inert_cell(text: str) -> str:
    """`text` as a cell of a table shows it: `inert`, on one line (each tab and line break
    a space, where `inert` keeps them for a text's own layout)."""
    return inert(text).translate(_LAYOUT)


# What stands for a hidden character where one character must stay one (an editor whose
# cursor counts characters): a box with an X, one cell wide everywhere.
ONE_MARK = "\u2327"  # ⌧


def _one_visible(match: re.Match[str]) -> str:
    kind = kind_at(match.string, match.start())
    if kind is None:
        return match.group()
    if kind == LINE_BREAK:
        return "\n"
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else ONE_MARK


def inert_each(text: str) -> str:
    """`text` with each character `inert` would replace replaced by exactly one character
    (␛ for ESC, ⌧ for a C1, bidi or invisible one, a line feed for a line break), so
    offsets stay the same."""
    if not _SUSPECT.search(text):
        return text
    return _SUSPECT.sub(_one_visible, text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"  # JSON spells these as a surrogate pair


def escaped(text: str) -> str:
    """`text` with each character `inert` would replace (a line break too) written as a
    JSON `\\uXXXX` escape.

    Inside a JSON string this is lossless (a reader gets the very same characters back),
    while the output itself holds no control, bidi, invisible or line-breaking character.
    """
    if _plain(text) or not _SUSPECT.search(text):  # as `inert` does
        return text
    return _SUSPECT.sub(
        lambda m: m.group() if is_text(m.string, m.start()) else _json_escape(m.group()), text
    )


# Control characters have no Unicode name; these are the ones worth naming in a message.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
}


def describe(char: str) -> str:
    """One character described as "U+XXXX NAME", control characters named too."""
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {name}"


class Mark(NamedTuple):
    """A character of a text that is not shown as it is: where, what and how."""

    offset: int  # 0-based
    description: str  # "U+001B ESCAPE"
    kind: MarkKind


def has_suspicious(text: str) -> bool:
    """True when `text` holds a character `inert` would replace."""
    if _plain(text) or not _SUSPECT.search(text):
        return False
    return any(kind_at(text, m.start()) is not None for m in _SUSPECT.finditer(text))


def suspicious(text: str) -> list[Mark]:
    """Each character `inert` would replace (hidden, or a line break), in order."""
    found = []
    for match in _SUSPECT.finditer(text):
        kind = kind_at(text, match.start())
        if kind is not None:
            found.append(Mark(match.start(), describe(match.group()), kind))
    return found
