"""Personal data inside an opinion's text, found so that its public text can leave it out.

What is found: e-mail addresses, phone numbers, postal codes, street addresses (a
prefecture or city followed by block and house numbers, without a kana word between) and
the value after a label such as 氏名： or 住所：, in half-width or full-width characters or
both (ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ, ０９０－１２３４－５６７８, 〒１２３ー４５６７).
Each find is a span with its reason; the registry records them, a reviewer confirms or
reverts them, and the public text replaces each span that stands by `MARKER`. The patterns
lean towards finding too much: a wrong redaction is reverted in review, a missed one would
be published.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pctui.intake.kana import (
    READING,
    fold_kana,
    has_hiragana,
    has_kana,
    is_name_reading,
    kana_forms,
    looks_like_name_reading,
)

# The marker printed in place of removed text: the published documents are Japanese.
MARKER = "【個人情報のため削除】"

# The version of what `find_personal_data` finds, recorded in a registry whose opinions were
# all searched with it: 1 before names in kana and signatures under a named form were
# found; a registry below it is searched again by `pctui intake rescan`.
PATTERNS = 2

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
        # A label, perhaps qualified (氏名（フリガナ）：, お名前(カナ):), then its value: the
        # reading of a name is personal data as much as its kanji (ﾌﾘｶﾞﾅ folds to フリカ゛ナ).
        re.compile(
            r"(?:氏名|お名前|名前|氏　名|フリガナ|フリカ\u3099ナ|ふりがな|カナ)"
            r"(?:[ \t　]*\([^)\n]{1,8}\))?[ \t　]*[:：][ \t　]*([^\n、。,，]+)"
        ),
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
_MAY_HOLD_FOLDED = "@:0123456789"


def _width_fold() -> dict[int, str]:
    """Each character of the full-width and half-width forms (and the small and vertical
    forms, and the ideographic space) whose NFKC form is one character, mapped to it:
    ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ to hana@example.jp, ＋８１ to +81. One character for one,
    so a span found in the folded copy is the same span in the text. Circled and
    superscript digits, which NFKC folds too, are left as they are: they number lists and
    notes, nobody writes a phone number in them, and the pre-check would let every list
    through."""
    fold: dict[int, str] = {}
    for code in (0x3000, *range(0xFE10, 0xFFF0)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            fold[code] = folded
    return fold


_WIDTH_FOLD = _width_fold()
# The pre-check looks at the text as written, so it takes every width of its characters.
_MAY_HOLD = re.compile(
    "[" + re.escape(_MAY_HOLD_FOLDED + "丁番号"
                    + "".join(chr(code) for code, to in _WIDTH_FOLD.items()
                              if to in _MAY_HOLD_FOLDED)) + "]"
)  # fmt: skip


@dataclass(frozen=True)
class Find:
    """A span of personal data in a text and why it is removed."""

    start: int
    end: int
    reason: str


def find_personal_data(
    text: str, own: Sequence[tuple[str, str]] = (), signed: bool = False
) -> list[Find]:
    """The spans of `text` to redact, in order, none overlapping (where two finds overlap,
    the one starting first is kept, extended over the other). `own` is the submitter's
    own name and address as (reason, value): wherever one stands in the text (a letter
    signed with the name given in the form's 氏名), it is redacted too. (E-mail addresses
    and phone numbers need no such help: the patterns find every one.) With `signed`
    (the source gave no name), a name standing alone on the text's last line is found too
    (`find_signature`)."""
    extra = _own_fields(text, own) if own else []
    if signed and (signature := find_signature(text)) is not None:
        extra.append(signature)
    if not extra and _MAY_HOLD.search(text) is None:
        return []
    return _every_pattern(text, extra)


# A letter's last line that is a name alone: a family name of one to four kanji, perhaps a
# space, a given name in one script (kanji, hiragana or katakana: "私は反対" mixes them).
# Closing words, and a verb's ending in hiragana ("反対します"), are not names.
_KANJI = "一-龥々〆ヶ"
_SIGNATURE = re.compile(
    rf"[{_KANJI}]{{1,4}}[ 　]?(?:[{_KANJI}]{{1,4}}|[ぁ-ん]{{1,5}}|[ァ-ヶー]{{1,6}})"
)
_NOT_A_NAME = re.compile(
    r".*(?:ます|です|した|ません|する|ない|たい|ださい)|以上|敬具|草々|早々|謹白|謹言|不一"
)
# The same line read as kana (`kana.fold_kana`, brackets half-width): a name's reading alone
# (ヤマダ　タロウ, ﾔﾏﾀﾞﾀﾛｳ), or a name with its reading in brackets after or before it
# (山田 太郎（ヤマダ　タロウ）, ヤマダ タロウ（山田 太郎）).
_NAME = rf"[{_KANJI}]{{1,4}}[ 　]?[{_KANJI}]{{0,4}}"
_READING_ALONE = re.compile(READING)
_LONGEST_NAME = 40  # characters of the longest name with its reading in brackets
_WITH_READING = re.compile(rf"{_NAME}[ 　]*\(({READING})\)|({READING})[ 　]*\({_NAME}\)")


def _is_signature(name: str) -> bool:
    """Whether `name`, a line standing alone, is a name: in kanji (perhaps with a given name
    in kana), in katakana that does not read as a loanword, or both."""
    if _SIGNATURE.fullmatch(name) is not None:
        return _NOT_A_NAME.fullmatch(name) is None
    if len(name) > _LONGEST_NAME or has_hiragana(name):
        return False  # a sentence: a hiragana line is one far more often than a name
    folded = fold_kana(name.translate(_WIDTH_FOLD), hiragana=False)[0]
    if _SIGNATURE.fullmatch(folded) is not None:  # 山田ﾀﾛｳ
        return _NOT_A_NAME.fullmatch(folded) is None
    if _READING_ALONE.fullmatch(folded) is not None:
        return is_name_reading(folded)
    both = _WITH_READING.fullmatch(folded)
    return both is not None and looks_like_name_reading(both[1] or both[2])


def find_signature(text: str) -> Find | None:
    """The last line of `text` when it is a name standing alone under a letter of several
    lines — how a letter is signed, in kanji, in katakana (full or half width) or both. The
    only way a name is found that no label introduces and no form's 氏名 gives."""
    body = text.rstrip()
    cut = body.rfind("\n")
    if cut < 0 or not body[:cut].strip():
        return None  # one line: an opinion, not a signature under one
    line = body[cut + 1 :]
    name = line.strip(" \t\u3000")
    if not _is_signature(name):
        return None
    start = cut + 1 + (len(line) - len(line.lstrip(" \t\u3000")))
    return Find(start, start + len(name), "name")


# Full-width ASCII and the ideographic space as their half-width forms, one character for
# one, so that a span found in the folded text is the same span in the text.
_FOLD = str.maketrans({chr(0xFF01 + i): chr(0x21 + i) for i in range(94)} | {"\u3000": " "})


def mentions_own(text: str, own: Sequence[tuple[str, str]]) -> bool:
    """Whether any of the submitter's fields may stand in `text`: a cheap test (its first
    two characters, as written) that spares the search for the texts that cannot hold
    one. A name given in kana is looked for in every kana (ヤマダ, やまだ, ﾔﾏﾀﾞ)."""
    for reason, value in own:
        head = value[:2]
        if len(head) == 2 and not head.isspace() and " " not in head and "\u3000" not in head:
            if head in text:
                return True
        elif len(chars := "".join(value.split())) >= 2 and chars[:2] in text:
            return True
        if reason == "name" and has_kana(value):
            for form in kana_forms(value):
                if len(chars := "".join(form.split())) >= 2 and chars[:2] in text:
                    return True
    return False


def _own_fields(text: str, own: Sequence[tuple[str, str]]) -> list[Find]:
    """The spans where a field's value stands in `text`, whatever the spaces inside it, the
    width and case of its letters and digits, and the kana it is written in (a 氏名 given
    as ヤマダ タロウ, a letter signed ﾔﾏﾀﾞﾀﾛｳ). Searched in the text without its spaces,
    each found place mapped back: no regular expression to compile for each submitter."""
    folded, spans = fold_kana(text.translate(_FOLD).lower())
    kept = [(spans[at], char) for at, char in enumerate(folded) if char not in " \t"]
    squeezed = "".join(char for _span, char in kept)
    found: list[Find] = []
    for reason, value in own:
        wanted = "".join(fold_kana(value.translate(_FOLD).lower())[0].split())
        if len(wanted) < 2:
            continue  # one character would match everywhere
        at = squeezed.find(wanted)
        while at >= 0:
            found.append(Find(kept[at][0][0], kept[at + len(wanted) - 1][0][1], reason))
            at = squeezed.find(wanted, at + len(wanted))
    return found


def _every_pattern(text: str, extra: Sequence[Find] = ()) -> list[Find]:
    """`find_personal_data` without the pre-check: every pattern over the whole text, and
    the `extra` finds."""
    found: list[Find] = list(extra)
    # The patterns run on a copy whose full-width letters, digits and signs are half-width
    # (see `_width_fold`): a citizen types an address or a number in either width, or both.
    folded = text.translate(_WIDTH_FOLD)
    for reason, pattern, group in _PATTERNS:
        for match in pattern.finditer(folded):
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
