"""`<id>.numbers.csv`: the intake table (通 and 人 by method, with the totals) as CSV,
published beside the result's CSV when the registry was tallied into `[intake]`
(`pctui intake tally`). The result's CSV holds one table, the items, so that it reads back
into a consultation; the numbers are a file of their own, as the submitted opinions are.
UTF-8 with a byte order mark, CRLF, formulas defused, as the result's CSV."""

from __future__ import annotations

import csv
import io

from pctui.publish.document import Publication
from pctui.publish.table import defuse

NUMBERS_CSV = "numbers.csv"


def numbers_csv(pub: Publication) -> bytes:
    """The by-method table: a header of the methods and 合計, then the 通 and 人 rows."""
    labels = pub.labels
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    rows: list[list[str | int]] = [
        [labels.method, *(m for m, _ in pub.submitters), labels.total],
        [labels.submission_count, *(n for _, n in pub.submissions), pub.submission_total],
        [labels.submitter_count, *(n for _, n in pub.submitters), pub.method_total],
    ]
    for row in rows:
        writer.writerow([defuse(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
