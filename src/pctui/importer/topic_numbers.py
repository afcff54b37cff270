"""A 項目 column that holds only numbers is the rows' numbering, not their topic.

西東京市 prints its results as 項目 | お寄せいただいた意見 | 市の検討結果と理由 with 1, 2, 3 …
under 項目 and no No. column. 項目 is a topic's header name, so the column was guessed as
the topic and every item got the topic "1", "2" …, printed again as a 項目 column beside
the No. pctui publishes. Read as the numbering instead, each row keeps its number as
published (a label, where it differs from its place) and no topic.

Only a numbering is read so: numbers that repeat within a section (1, 1, 2 …: a chapter's
number over each of its opinions) number topics, not rows, and stay the topic. A number
that differs from the row's place is kept as its label, which only format 2 holds: the
import is made format 2 then, as for a label read from a No. column, so that no number
as published is lost.
"""

from __future__ import annotations

import unicodedata

from pctui.importer.columns import numbers_only
from pctui.importer.raw import RawDocument, label_key


def topics_as_numbers(doc: RawDocument, mapping: dict[str, str]) -> None:
    """Read a guessed topic column holding only numbers, in a table without a No. column,
    as the rows' numbering (see the module docstring). A column named by `--map` is kept."""
    guessed = {name for name, _header, _column in doc.columns}
    if "topic" not in guessed or "no" in guessed or "topic" in mapping or "no" in mapping:
        return
    topics = [item.topic or "" for item in doc.items]
    if not doc.items or not all(topic.strip() for topic in topics) or not numbers_only(topics):
        return
    numbers = [unicodedata.normalize("NFKC", topic).strip() for topic in topics]
    places = [(item.section, label_key(number)) for item, number in
              zip(doc.items, numbers, strict=True)]  # fmt: skip
    if len(set(places)) != len(places):
        return  # a number repeats within a section: the topics' numbers, not the rows'
    for item, number in zip(doc.items, numbers, strict=True):
        if number != str(item.no) and not item.label:
            item.label = number
            doc.labelled.append(number)  # format 1 has no label: kept in format 2
        item.topic = None
    doc.columns = [
        ("no" if name == "topic" else name, header, column) for name, header, column in doc.columns
    ]
