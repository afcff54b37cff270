"""Personal data inside an opinion's text, found so that its public text can leave it out.

What is found: e-mail addresses, phone numbers, postal codes, street addresses (a
prefecture or city followed by block and house numbers, without a kana word between) and
the value after a label such as 氏名： or 住所：. Each find is a span with its reason; the
registry records them, a reviewer confirms or reverts them, and the public text replaces
each span that stands by `MARKER`. The patterns lean towards finding too much: a wrong
redaction is reverted in review, a missed one would be published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The marker printed in place of removed text: the published documents are Japanese.
MARKER = "【個人情報のため削除】"

_D = "0-9０-９"
_DASH = "\\-－‐ー−―"
_NOT_NUMBER = rf"(?<![{_D}])"
_END_NUMBER = rf"(?![{_D}])"
_ADDRESS_CHAR = rf"[一-龥々〆ヶケァ-ヴー{_D}{_DASH}]"
_PLACE = r"(?:北海道|東京都|京都府|大阪府|[一-龥]{2,3}県|[一-龥]{1,5}[市区町村郡])"

_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    # (reason, pattern, the group that is removed)
    ("email", re.compile(r"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"), 0),
    (
        "name",
        re.compile(r"(?:氏名|お名前|名前|氏　名)[ \t　]*[:：][ \t　]*([^\n、。,，]+)"),
        1,
    ),
    ("address", re.compile(r"(?:住所|所在地)[ \t　]*[:：][ \t　]*([^\n。]+)"), 1),
    (
        "phone",
        re.compile(
            rf"{_NOT_NUMBER}(?:\+81[ {_DASH}]?|[0０])[{_D}]{{1,4}}[{_DASH}(（)）]?[ ]?"
            rf"[{_D}]{{1,4}}[{_DASH})）]?[ ]?[{_D}]{{3,4}}{_END_NUMBER}"
        ),
        0,
    ),
    ("postal-code", re.compile(rf"(?:〒[ 　]?)?{_NOT_NUMBER}[{_D}]{{3}}[{_DASH}][{_D}]{{4}}"
                               rf"{_END_NUMBER}"), 0),
    (
        "address",
        re.compile(
            rf"{_PLACE}{_ADDRESS_CHAR}{{0,30}}?[{_D}一二三四五六七八九十]+"
            rf"(?:丁目|番地|番|号|[{_DASH}][{_D}]+)(?:{_ADDRESS_CHAR}*?(?:番地|番|号|[{_D}]))*"
        ),
        0,
    ),
]  # fmt: skip


# One pass that every text goes through before the patterns above: each pattern needs at
# least one of these characters to match (an e-mail address its @, a label its colon, a
# phone number or postal code a digit, a street address a digit or the 丁, 番 or 号 after a
# kanji number), so a text without any can have nothing to redact. Most opinions have none
# (a campaign letter rarely carries a number), and six scans of each become one scan for a
# set of characters, the regular expression engine's fastest kind.
_MAY_HOLD = re.compile(rf"[@＠:：{_D}丁番号]")


@dataclass(frozen=True)
class Find:
    """A span of personal data in a text and why it is removed."""

    start: int
    end: int
    reason: str


def find_personal_data(text: str) -> list[Find]:
    """The spans of `text` to redact, in order, none overlapping (where two finds overlap,
    the one starting first is kept, extended over the other)."""
    if _MAY_HOLD.search(text) is None:
        return []
    return _every_pattern(text)


def _every_pattern(text: str) -> list[Find]:
    """`find_personal_data` without the pre-check: every pattern over the whole text."""
    found: list[Find] = []
    for reason, pattern, group in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span(group)
            if end > start:
                found.append(Find(start, end, reason))
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Find] = []
    for find in found:
        if kept and find.start < kept[-1].end:
            last = kept[-1]
            kept[-1] = Find(last.start, max(last.end, find.end), last.reason)
        else:
            kept.append(find)
    return kept


def public_text(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each of `spans` (not overlapping) replaced by the marker."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        out.append(text[at:start])
        out.append(MARKER)
        at = end
    out.append(text[at:])
    return "".join(out)
