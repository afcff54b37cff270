"""Texts longer than a spreadsheet cell holds, cut into pieces that join back exactly.

Excel keeps at most 32,767 characters in a cell and silently drops the rest when it opens
a workbook, so a long opinion would reach the reader cut. The XLSX writes such a text as
its first piece in the item's row and the rest in continuation rows right below, whose No.
cell says so (`12（続き）`, `12 (continued)`); `pctui import` joins them back. A cut
never falls next to a space or a line break (a reader trims those at a cell's edges), nor
before a combining mark, a joiner, a variation selector, a skin tone or a tag (the piece
would start with half a character), nor before an apostrophe (Excel's text mark).
"""

from __future__ import annotations

import re
import unicodedata

EXCEL_CELL_LIMIT = 32_767  # characters, counted as Excel does: UTF-16 code units
_BACK_OFF = 2_000  # how far a cut may move back to find a good place
# "12（続き）", "12 (continued)", with full-width or ASCII digits and brackets.
_CONTINUED = re.compile(r"\s*([0-9０-９]+)\s*[（(]\s*(?:続き|continued)\s*[)）]\s*", re.IGNORECASE)


def _units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _attached(char: str) -> bool:
    """True for a character that belongs to the one before it."""
    code = ord(char)
    return (
        unicodedata.category(char)[0] == "M"
        or char in "\u200c\u200d"
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0000 <= code <= 0xE01EF
    )


def _good_cut(text: str, at: int) -> bool:
    before, after = text[at - 1], text[at]
    if before.isspace() or after.isspace() or after == "'":
        return False
    return not _attached(after) and before != "\u200d"


def pieces(text: str, limit: int = EXCEL_CELL_LIMIT) -> list[str]:
    """`text` cut into pieces of at most `limit` UTF-16 units that join back to `text`
    (one piece when it fits)."""
    out: list[str] = []
    start = 0
    while True:
        used, end = 0, start
        while end < len(text) and used + _units(text[end]) <= limit:
            used += _units(text[end])
            end += 1
        if end == len(text):
            out.append(text[start:])
            return out
        cut = end
        while cut > max(start + 1, end - _BACK_OFF) and not _good_cut(text, cut):
            cut -= 1
        if not _good_cut(text, cut):
            cut = end  # a run of spaces or marks longer than the back-off: cut at the limit
        out.append(text[start:cut])
        start = cut


def continued_no(cell: str) -> int | None:
    """The item number a continuation row's No. cell names ("12（続き）" → 12), else None."""
    match = _CONTINUED.fullmatch(cell)
    return int(unicodedata.normalize("NFKC", match.group(1))) if match else None
