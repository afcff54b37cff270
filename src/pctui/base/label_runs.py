"""The No. cell of a row answering several opinions (format 2's summary layout): their
labels joined by ・, a run of three or more consecutive numbers written as a range, as
offices print it (「1～36」, 「1～3・5」, 「Ⅱ-4・Ⅱ-5」). Publish writes it with `joined`;
the import reads it back with `split`, so the two cannot disagree."""

from __future__ import annotations

import re
import unicodedata

SEPARATOR = "・"
RANGE = "～"
# Two consecutive numbers stay "1・2", as offices write them; three or more become "1～3".
_SHORTEST_RUN = 3
# A range read back is expanded label by label: one wider than this is no range an office
# printed (an item answers at most the consultation's opinions), and is kept as written.
_WIDEST_RANGE = 1_000_000
# "1～36" with the full-width tilde pctui prints, the wave dash 〜 or an ASCII ~; the
# numbers may be full-width (１～３６); read after NFKC, which makes ～ a ~.
_RANGE_CELL = re.compile(r"([0-9]+) *[~〜] *([0-9]+)")


def _number(label: str) -> int | None:
    """The number a label is when it is a plain number written as pctui writes one."""
    if label.isascii() and label.isdecimal() and str(int(label)) == label:
        return int(label)
    return None


def joined(labels: list[str]) -> str:
    """`labels` as one No. cell: 「1～36」 for 1 … 36, 「1～3・5」, 「2・3」, 「Ⅱ-4・Ⅱ-5」."""
    parts: list[str] = []
    start = 0
    while start < len(labels):
        end = start
        first = _number(labels[start])
        if first is not None:
            while end + 1 < len(labels) and _number(labels[end + 1]) == first + end + 1 - start:
                end += 1
        if end - start + 1 >= _SHORTEST_RUN:
            parts.append(f"{labels[start]}{RANGE}{labels[end]}")
        else:
            parts.extend(labels[start : end + 1])
        start = end + 1
    return SEPARATOR.join(parts)


def _expanded(part: str) -> list[str] | None:
    """The labels of a range 「1～36」 (each number in it), else None."""
    found = _RANGE_CELL.fullmatch(unicodedata.normalize("NFKC", part))  # ～ and １ → ~ and 1
    if not found:
        return None
    low, high = int(found[1]), int(found[2])
    if not 1 <= low < high or high - low > _WIDEST_RANGE:
        return None
    return [str(n) for n in range(low, high + 1)]


def split(cell: str) -> list[str]:
    """The labels a No. cell names, in order: each part between ・, a range as every number
    in it; a part that is no range (descending, not numbers) is kept as written."""
    labels: list[str] = []
    for part in (cell or "").split(SEPARATOR):
        part = part.strip(" \t\u3000")
        labels.extend(_expanded(part) or [part])
    return labels
