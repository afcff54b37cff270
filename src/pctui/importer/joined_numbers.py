"""A row answering several opinions at once, as format 2's summary layout publishes
it: the No. cell holds their labels joined by ・ (「2・3」, 「Ⅱ-4・Ⅱ-5」), three or more
consecutive numbers as a range (「1～36」, 「1～3・5」: base.label_runs), the
opinion cell either each opinion after its label (「2　…」 paragraphs, when the item has
no summary) or the summary (意見の概要) written for them, the 件数 cell their total.

What such a row cannot carry is each opinion's own count, and under a summary the opinions'
texts: the item gets the summary, its opinions their labels with empty texts, and the total
is laid on the first opinion (the others count 1), so the item's 件数 is the one published.
"""

from __future__ import annotations

import re

from pctui.base.label_runs import split
from pctui.importer.no_cells import published_label, row_number
from pctui.importer.raw import RawItem, RawOpinion


def joined_labels(no_cell: str) -> list[str] | None:
    """The labels of a 「2・3」 or 「1～36」 No. cell (two or more, each a number or a label
    as published), else None."""
    labels = split(no_cell or "")
    if len(labels) < 2 or not all(labels):
        return None
    readable = all(row_number(label) or published_label(label) for label in labels)
    return labels if readable else None


def _texts(labels: list[str], cell: str) -> list[str] | None:
    """Each opinion's text when the cell is every opinion after its label, in order."""
    pattern = "\n\n".join(
        re.escape(label) + rf"[\u3000 ](?P<t{index}>(?:.|\n)*?)"
        for index, label in enumerate(labels)
    )
    found = re.fullmatch(pattern, cell)
    return [found[f"t{index}"] for index in range(len(labels))] if found else None


def spread(item: RawItem, labels: list[str]) -> None:
    """Make `item` (read from a joined row, its opinion the cell's text, its count the total)
    answer one opinion per label (see the module docstring)."""
    texts = _texts(labels, item.opinion)
    if texts is None:
        item.summary, texts = item.opinion, [""] * len(labels)
    total = item.count
    item.label, item.opinion = labels[0], texts[0]
    item.count = max(total - (len(labels) - 1), 1)
    item.joined = [
        RawOpinion(label, text, item.line)
        for label, text in zip(labels[1:], texts[1:], strict=True)
    ]


def labelled(item: RawItem, labels: list[str]) -> None:
    """Give `item` the labels its No. cell holds: one (a label as published) or several."""
    if len(labels) > 1:
        spread(item, labels)
    else:
        item.label = labels[0]
