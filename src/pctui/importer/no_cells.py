"""What a No. (番号) cell holds: a number, a label as published (`Ⅱ-4`, `2-1`, `1-(2)`,
`問3`, `①`, `A-1`), several of them joined (「2・3・4」, see joined_numbers), or something
that is neither — a sentence, when the column mapped as No. is another one.

A number is the item's number as before. A label is kept as the opinion's label (format 2
keeps labels as published) and the item is numbered as items without a No. are, in the
order read; the import says how many labels it kept. Anything else refuses the row with a
message naming `--map`.
"""

from __future__ import annotations

import unicodedata

from pctui.i18n import _
from pctui.importer.raw import RawDocument, quoted


def row_number(text: str) -> int | None:
    """The number a No. cell holds: decimal digits (full-width too) and an optional full
    stop. A circled ① or a Roman Ⅱ is a label as published (see `published_label`), though
    NFKC would turn it into a digit."""
    stripped = text.strip(" \t\u3000").rstrip(".．")
    return int(stripped) if stripped.isdecimal() else None


# What a label as published is made of besides its numerals: Latin letters, dashes, dots
# and brackets (Ⅱ-4, 2-1, 1-(2), A-1, 1.2). A few other characters may stand around them
# (問3, 第2章, 意見12); a cell with more (a sentence: a column mapped wrong) is no label.
_LABEL_MARKS = frozenset("-‐‑–—−－ー.．/／()（）[]［］〔〕<>＜＞#＃")
_LABEL_LONGEST = 12
_LABEL_OTHERS = 2


def published_label(text: str) -> str | None:
    """`text` (a No. cell) as an opinion's label when it reads as one (`Ⅱ-4`, `2-1`,
    `1-(2)`, `問3`, `①`, `A-1`): short, on one line, without spaces or sentence
    punctuation, with a numeral and at most two characters that are neither numerals,
    Latin letters nor label marks. None for anything else, and for a plain number (a
    number below 1 is no label but a wrong number)."""
    label = text.strip(" \t\u3000")
    if not label or len(label) > _LABEL_LONGEST or row_number(label) is not None:
        return None
    if any(ch.isspace() for ch in label) or label[0] in "+-−－":
        return None
    if not any(ch.isnumeric() for ch in label):
        return None
    others = 0
    for ch in label:
        plain = unicodedata.normalize("NFKC", ch)
        if ch.isnumeric() or (plain.isascii() and plain.isalpha()) or ch in _LABEL_MARKS:
            continue
        if unicodedata.category(ch)[0] in "PSZC":  # sentence punctuation, symbols, controls
            return None
        others += 1
    return label if others <= _LABEL_OTHERS else None


def numbered(cell: str, next_no: int) -> tuple[int | None, str]:
    """(number, label) of a row whose No. cell is `cell`: a number as itself, a label as
    published with `next_no` (the number an item without a No. would get); (None, cell) when
    the cell is neither (the row is refused, see `refused_no`)."""
    number = row_number(cell)
    if number is not None:
        return (number, str(number)) if number >= 1 else (None, cell)
    label = published_label(cell)
    return (next_no, label) if label is not None else (None, cell)


def note_labels(doc: RawDocument, labels: list[str]) -> None:
    """Record the labels as published among `labels` (not the plain numbers)."""
    doc.labelled += [label for label in labels if not label.isdecimal()]


def refused_no(cell: str) -> str:
    """The message refusing a row whose No. cell is neither a number of 1 or more nor a label."""
    message = _(
        "No. '{text}' is neither a number of 1 or more nor a label such as Ⅱ-4 or 問3; row "
        "skipped (if that column is not the No. column, name the right one with --map "
        "no=HEADER)"
    )
    return message.format(text=quoted(cell, 20))
