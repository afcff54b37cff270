"""The result as one flat table (No, section, topic, count, class, opinion, response) and as CSV.

The CSV is UTF-8 with a byte order mark so that Excel opens Japanese text correctly, and
uses CRLF between records as RFC 4180 says. A cell that Excel would take for a formula
(=, +, -, @ first) is written with a leading apostrophe, which Excel hides and the
importer removes.
"""

from __future__ import annotations

import csv
import io

from pctui.base.formula import FORMULA_START
from pctui.publish.document import Publication

FIELDS = ("no", "section", "topic", "count", "class", "opinion", "response")


def header(pub: Publication) -> list[str]:
    """The column names, in the publication's language; 状態/State last in a draft."""
    labels = pub.labels
    names = [
        labels.no,
        labels.section,
        labels.topic,
        labels.count,
        labels.klass,
        pub.opinion_heading,
        pub.response_heading,
    ]
    return [*names, labels.state] if pub.draft else names


def records(pub: Publication) -> list[list[str | int]]:
    """One record per item, in published order; a draft's state column carries the draft mark."""
    out: list[list[str | int]] = []
    for row in pub.rows:
        record: list[str | int] = [
            row.label or row.no,  # format 2: the No. as published; listed rows repeat the answer
            row.section,
            row.topic,
            row.count,
            row.klass,
            row.opinion,
            row.response,
        ]
        if pub.draft:
            record.append(f"{pub.labels.draft_mark}{row.state}")
        out.append(record)
    return out


def defuse(value: str | int) -> str:
    """A CSV field for `value`: text Excel would evaluate as a formula gets a leading apostrophe."""
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def to_csv(pub: Publication) -> bytes:
    """The table as CSV bytes: UTF-8 with BOM, CRLF record ends, LF inside multi-line cells."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([defuse(name) for name in header(pub)])
    for record in records(pub):
        writer.writerow([defuse(value) for value in record])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
