"""The header facts of a workbook pctui published, read back from its summary sheet (概要).

The sheet holds one (label, value) row per fact, in the labels of `pctui.base.labels`;
with it, an XLSX round trip keeps the dates, places and numbers, not only the items.
"""

from __future__ import annotations

import re

from pctui.base.era import parse_dates
from pctui.base.labels import EN, JA, Labels
from pctui.i18n import _
from pctui.importer.facts import clean_title
from pctui.importer.raw import RawDocument, quoted

_URL = re.compile(r"https?://\S+")


def summary_names() -> set[str]:
    """The sheet names a summary sheet may have."""
    return {JA.summary_sheet, EN.summary_sheet}


def _labels(rows: list[tuple[int, list[str]]]) -> Labels:
    names = {cells[0] for _number, cells in rows if cells}
    return EN if EN.period in names else JA


def read_summary(rows: list[tuple[int, list[str]]], doc: RawDocument) -> None:
    """Fill `doc`'s header facts from the summary rows (only facts `doc` does not have yet)."""
    labels = _labels(rows)
    by_method = f"{labels.by_method}: "
    for number, cells in rows:
        if len(cells) < 2 or not cells[1]:
            continue
        label, value = cells[0], cells[1]
        if label == "" and value == labels.distinct_total:
            continue  # under a tallied table: says how its total counts
        if label == "" and not value.startswith(labels.draft_mark.strip()):
            doc.title = clean_title(value)
        elif label == labels.organization:
            doc.organization = doc.organization or value
        elif label == labels.period:
            found, _errors = parse_dates(value)
            if len(found) >= 2:
                doc.opened, doc.closed = found[0].date, found[1].date
            elif value != labels.undated:
                message = _("summary sheet: period '{text}' not read")
                doc.note(number, 2, message.format(text=quoted(value)))
        elif label == labels.places and value != labels.undated:
            for line in value.split("\n"):
                if _URL.fullmatch(line.strip()):
                    doc.url = line.strip()
                elif line.strip():
                    doc.places.append(line.strip())
        elif label == labels.methods and value != labels.undated:
            doc.methods = [m.strip() for m in re.split(r"[、,，]", value) if m.strip()]
        elif label == labels.submitters:
            unit = value.split(" ", 1)
            if unit[0].isdigit():
                doc.declared_submitters = int(unit[0])
            if len(unit) == 2 and unit[1].strip():
                doc.submitter_unit = unit[1].strip()
        elif label.startswith(by_method):
            _by_method(doc, labels, label.removeprefix(by_method), value)
        elif label == labels.opinion_total and value.isdigit():
            doc.declared_total = int(value)


def _by_method(doc: RawDocument, labels: Labels, name: str, value: str) -> None:
    """One row of the table by method: `電子メール` (submitters), or, tallied from a
    registry, `電子メール (提出通数)` and `電子メール (提出者数)`; the totals are computed,
    but a tallied table's submitters total (one who used two methods counted once) is kept."""
    letters, people = f" ({labels.submission_count})", f" ({labels.submitter_count})"
    counts, tallied = doc.submitters, False
    if name.endswith(letters):
        counts, name = doc.submissions, name.removesuffix(letters)
    elif name.endswith(people):
        name, tallied = name.removesuffix(people), True
    if not value.isdigit():
        return
    if name != labels.total:
        counts[name] = int(value)
    elif tallied:
        doc.submitters_total = int(value)
